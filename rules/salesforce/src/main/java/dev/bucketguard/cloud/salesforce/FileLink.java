package dev.bucketguard.cloud.salesforce;

import java.time.Instant;

/**
 * One public file link, a {@code ContentDistribution} (kind {@code FILE_LINK}; {@link SalesforceFacts#CONTENT_DISTRIBUTION}).
 * Its URL and password are never read. Dates are ISO-8601 instants.
 *
 * @param id                    the {@code ContentDistribution} id (also the resource id)
 * @param name                  its {@code Name}
 * @param contentDocumentId     the file
 * @param ownerId               who created the link
 * @param relatedRecordId       {@code RelatedRecordId}; null when the link is not tied to a record
 * @param relatedObject         the object of that record ({@code Contact}, {@code Lead}, {@code Case}, ...); null when none
 * @param passwordRequired      {@code PreferencesPasswordRequired}
 * @param expires               {@code PreferencesExpires}
 * @param expiryDate            {@code ExpiryDate}; null when the link does not expire
 * @param allowOriginalDownload {@code PreferencesAllowOriginalDownload}
 * @param allowPdfDownload      {@code PreferencesAllowPDFDownload}
 * @param allowViewInBrowser    {@code PreferencesAllowViewInBrowser}
 * @param linkLatestVersion     {@code PreferencesLinkLatestVersion}: the link follows every future version of the file
 * @param viewCount             {@code ViewCount}
 * @param firstViewDate         {@code FirstViewDate}; null when never viewed
 * @param lastViewDate          {@code LastViewDate}; null when never viewed
 * @param createdDate           {@code CreatedDate}
 * @param readAt                when the provider read the link: expiry and staleness are judged at this instant, so a
 *                              snapshot judges the same way on any later day (the staleness threshold is a scan
 *                              parameter, {@link SalesforceParameters#LINK_STALE_DAYS}, not part of the link)
 */
public record FileLink(
        String id,
        String name,
        String contentDocumentId,
        String ownerId,
        String relatedRecordId,
        String relatedObject,
        boolean passwordRequired,
        boolean expires,
        String expiryDate,
        boolean allowOriginalDownload,
        boolean allowPdfDownload,
        boolean allowViewInBrowser,
        boolean linkLatestVersion,
        long viewCount,
        String firstViewDate,
        String lastViewDate,
        String createdDate,
        String readAt) {

    public FileLink {
        Lists.require(id, "id");
        Lists.require(readAt, "readAt");
        expiryDate = Lists.instant(expiryDate, "expiryDate");
        firstViewDate = Lists.instant(firstViewDate, "firstViewDate");
        lastViewDate = Lists.instant(lastViewDate, "lastViewDate");
        createdDate = Lists.instant(createdDate, "createdDate");
        readAt = Lists.instant(readAt, "readAt");
        if (viewCount < 0) {
            throw new IllegalArgumentException("file link " + id + ": viewCount is negative");
        }
    }

    /** Expired when it was read: it expires and its expiry date is not after {@link #readAt()}. */
    public boolean expired() {
        return expires && expiryDate != null && !Instant.parse(expiryDate).isAfter(Instant.parse(readAt));
    }

    /** Open to anyone holding the URL: not expired and no password (SALESFORCE.md 2). */
    public boolean open() {
        return !expired() && !passwordRequired;
    }

    /** "link 'Passport scan' (0AH...)". */
    public String describe() {
        return "link '" + (name == null ? id : name) + "'";
    }
}
