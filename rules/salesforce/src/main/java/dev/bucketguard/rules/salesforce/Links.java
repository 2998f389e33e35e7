package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.FileLink;
import dev.bucketguard.cloud.salesforce.SalesforceDetails;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;

/** What the link rules share. */
final class Links {
    private Links() {
    }

    static FileLink of(Resource r) {
        return SalesforceDetails.link(r);
    }

    /** PASS for an expired link (it no longer opens), else null. */
    static Outcome expired(FileLink l) {
        return l.expired() ? Outcome.pass(l.describe() + " expired on " + l.expiryDate() + ": it no longer opens")
                : null;
    }

    /** "link 'X' to a Contact's file". */
    static String name(FileLink l) {
        return l.describe() + (l.relatedObject() == null ? "" : " to a " + l.relatedObject() + "'s file");
    }
}
