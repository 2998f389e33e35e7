package dev.bucketguard.cloud.salesforce;

/**
 * A site as the {@code Site} row and, for an Experience site, its {@code Network} row describe it
 * ({@link SalesforceFacts#SITES}).
 *
 * @param siteId                the {@code Site} id (of the Experience site's {@code ChatterNetwork} row when it has two)
 * @param name                  the {@code Site.Name}
 * @param siteType              {@code Site.SiteType}: {@code Visualforce}, {@code Siteforce}, {@code ChatterNetwork},
 *                              {@code ChatterNetworkPicasso}
 * @param status                {@code Site.Status}, verbatim: {@code Active}, {@code In Maintenance}, ...
 * @param urlPathPrefix         {@code Site.UrlPathPrefix}; null for the root
 * @param guestUserId           {@code Site.GuestUserId}: the user anonymous visitors run as
 * @param guestRecordDefaultOwnerId {@code Site.GuestRecordDefaultOwnerId}; null when none is set
 * @param guestSupportApi       {@code Site.OptionsAllowGuestSupportApi}; null when not read
 * @param guestPaymentsApi      {@code Site.OptionsAllowGuestPaymentsApi}; null when not read
 * @param experience            true for an Experience Cloud site (a {@code Network} owns it)
 * @param network               the Experience site's {@code Network} row; null for a plain site, or when it could not
 *                              be read or matched ({@link #networkProblem()} says which)
 * @param networkProblem        why an Experience site has no network: the list was partial (the scanning user lacks
 *                              View All Data or Create and Set Up Experiences), or the match by guest user and path
 *                              prefix was ambiguous; null otherwise
 */
public record SiteSettings(
        String siteId,
        String name,
        String siteType,
        String status,
        String urlPathPrefix,
        String guestUserId,
        String guestRecordDefaultOwnerId,
        Boolean guestSupportApi,
        Boolean guestPaymentsApi,
        boolean experience,
        ExperienceNetwork network,
        String networkProblem) {

    public SiteSettings {
        Lists.require(name, "name");
        Lists.require(status, "status");
    }

    /** {@code Site.Status} is {@code Active}: the site serves (SALESFORCE.md 4: other values are not serving ⚠). */
    public boolean siteActive() {
        return "Active".equals(status);
    }

    /**
     * Why the site serves no one ("Site status 'Inactive'", "Network status 'DownForMaintenance'"), or null when it
     * serves (an unread Network is taken as live ⚠): an inactive site is one switch from exposure.
     */
    public String inactiveBecause() {
        if (!siteActive()) {
            return "Site status '" + status + "'";
        }
        if (experience && network != null && !network.live()) {
            return "Network status '" + network.status() + "'";
        }
        return null;
    }
}
