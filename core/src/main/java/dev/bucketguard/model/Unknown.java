package dev.bucketguard.model;

import java.util.Objects;

/**
 * A fact that could not be read, and why.
 *
 * @param fact       the fact that is unknown
 * @param call       the API call that failed, for example {@code GetBucketPolicy}; may be null when no call was made
 * @param permission the permission that call needs, for example {@code s3:GetBucketPolicy}; may be null
 * @param error      what went wrong, for example {@code AccessDenied} or "not collected"
 */
public record Unknown(Fact fact, String call, String permission, String error) {
    public Unknown {
        Objects.requireNonNull(fact, "missing required field 'fact'");
        Objects.requireNonNull(error, "missing required field 'error'");
    }

    /** One line for people: "could not read POLICY: GetBucketPolicy failed with AccessDenied (needs s3:GetBucketPolicy)". */
    public String describe() {
        StringBuilder b = new StringBuilder("could not read ").append(fact.name());
        if (call != null) {
            b.append(": ").append(call).append(" failed with ").append(error);
        } else {
            b.append(": ").append(error);
        }
        if (permission != null) {
            b.append(" (needs ").append(permission).append(')');
        }
        return b.toString();
    }
}
