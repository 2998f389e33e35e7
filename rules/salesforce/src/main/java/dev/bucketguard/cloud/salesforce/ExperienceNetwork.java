package dev.bucketguard.cloud.salesforce;

/**
 * An Experience Cloud site's {@code Network} row. A Boolean is null when the field could not be read.
 *
 * @param id                    the {@code Network} id
 * @param name                  {@code Network.Name}: the resource id of the site
 * @param status                {@code Live}, {@code DownForMaintenance}, {@code UnderConstruction}, verbatim
 * @param urlPathPrefix         {@code Network.UrlPathPrefix}
 * @param guestFileAccess       {@code OptionsGuestFileAccessEnabled}: asset and CMS files shared with the site are
 *                              public
 * @param guestMemberVisibility {@code OptionsGuestMemberVisibility}: guests see the site's members
 * @param guestChatter          {@code OptionsGuestChatterEnabled}: taken for "Allow guest users to access public APIs"
 *                              (⚠ the API name of that preference is not documented)
 * @param selfRegistration      {@code OptionsSelfRegistrationEnabled}
 * @param selfRegProfileId      {@code SelfRegProfileId}; null when self-registration has no profile
 */
public record ExperienceNetwork(
        String id,
        String name,
        String status,
        String urlPathPrefix,
        Boolean guestFileAccess,
        Boolean guestMemberVisibility,
        Boolean guestChatter,
        Boolean selfRegistration,
        String selfRegProfileId) {

    public ExperienceNetwork {
        Lists.require(name, "name");
        Lists.require(status, "status");
    }

    public boolean live() {
        return "Live".equals(status);
    }
}
