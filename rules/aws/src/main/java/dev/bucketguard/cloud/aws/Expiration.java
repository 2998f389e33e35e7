package dev.bucketguard.cloud.aws;

/**
 * One enabled lifecycle rule of a bucket that expires current objects (GetBucketLifecycleConfiguration): what decides
 * how long the logs delivered into that bucket are kept.
 *
 * @param id       the rule's ID; may be null
 * @param prefix   the key prefix it applies to (Filter.Prefix, And.Prefix or the legacy Prefix); "" for every key
 * @param narrowed true when a tag or object-size filter narrows it further: it may expire some of the prefix's keys
 * @param days     Expiration.Days; null when it expires by date
 * @param date     Expiration.Date (ISO date) when it expires every matching object on one day; null otherwise
 */
public record Expiration(String id, String prefix, boolean narrowed, Integer days, String date) {
    public Expiration {
        prefix = prefix == null ? "" : prefix;
        if ((days == null) == (date == null)) {
            throw new IllegalArgumentException("an expiration has either days or a date");
        }
    }

    /** "lifecycle rule 'expire-logs'" or "a lifecycle rule without an ID". */
    String describe() {
        return id == null || id.isBlank() ? "a lifecycle rule without an ID" : "lifecycle rule '" + id + "'";
    }
}
