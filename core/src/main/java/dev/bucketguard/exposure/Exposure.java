package dev.bucketguard.exposure;

/** Who can reach a resource's data. */
public enum Exposure {
    /** Anyone, or any authenticated identity of any account. */
    PUBLIC,
    /** Named accounts, tenants, projects or organisations outside the owner and the trusted set. */
    CROSS_ACCOUNT,
    /** Only the owner, its trusted set and the cloud's own services. */
    PRIVATE,
    /** Could not be decided because a fact it needs could not be read. Never reported as PRIVATE. */
    UNKNOWN;

    /** Order for reports, worst first: PUBLIC, UNKNOWN (may be public), CROSS_ACCOUNT, PRIVATE. */
    public int rank() {
        return switch (this) {
            case PUBLIC -> 0;
            case UNKNOWN -> 1;
            case CROSS_ACCOUNT -> 2;
            case PRIVATE -> 3;
        };
    }
}
