package dev.bucketguard.model;

/** GCS public access prevention. INHERITED defers to the organisation policy; it does not mean off. */
public enum PublicAccessPrevention {
    ENFORCED,
    INHERITED
}
