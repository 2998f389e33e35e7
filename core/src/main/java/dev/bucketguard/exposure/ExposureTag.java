package dev.bucketguard.exposure;

/** Qualifiers on a verdict (SEMANTICS.md section 5). */
public enum ExposureTag {
    /** Public only to authenticated identities (S3 AuthenticatedUsers, GCS allAuthenticatedUsers). */
    AUTH_USERS_ONLY,
    /** The resource serves a static website. */
    WEBSITE,
    /** Anyone can list the objects (Azure Container level, S3/GCS public list). */
    LISTABLE,
    /** Public through a conditional binding: public for the objects the condition matches. */
    CONDITIONAL,
    /** Public through an access point. */
    ACCESS_POINT,
    /** Single objects are public through their ACLs. */
    OBJECT_PUBLIC,
    /** ACLs are in force and nothing ignores public ones: single objects may be public. */
    OBJECT_ACLS_MAY_BE_PUBLIC,
    /** Anonymous access is allowed but the network is scoped (Azure firewall). */
    NETWORK_SCOPED,
    /** Shared keys are allowed and no SAS expiry policy blocks: bearer links of any lifetime may exist (Azure). */
    SAS_UNBOUNDED,
    /** Stored access policies exist: service SAS tokens may be bound to them (Azure). */
    STORED_POLICIES,
    /** Plain HTTP is accepted. */
    HTTP_ALLOWED,
    /** TLS older than 1.2 is accepted. */
    TLS_LT_1_2
}
