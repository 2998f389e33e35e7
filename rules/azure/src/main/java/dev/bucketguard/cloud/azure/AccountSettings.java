package dev.bucketguard.cloud.azure;

import java.util.Objects;

/**
 * A storage account's properties from ARM ({@link AzureFacts#ACCOUNT_SETTINGS}); every component is non-null.
 *
 * @param allowBlobPublicAccess   whether containers may be anonymous; NOT_SET reads as true (SEMANTICS 2.1)
 * @param httpsTrafficOnly        supportsHttpsTrafficOnly: plain HTTP is refused; the account's one TLS fact
 * @param minimumTlsVersion       the oldest TLS accepted
 * @param allowSharedKeyAccess    whether account keys (and SAS signed with them) work; NOT_SET reads as true
 * @param sasExpirationAction     the SAS expiration policy's action, or NONE when the account has none
 */
public record AccountSettings(
        Switch allowBlobPublicAccess,
        boolean httpsTrafficOnly,
        TlsVersion minimumTlsVersion,
        Switch allowSharedKeyAccess,
        SasExpirationAction sasExpirationAction) {
    public AccountSettings {
        Objects.requireNonNull(allowBlobPublicAccess, "missing required field 'allowBlobPublicAccess'");
        Objects.requireNonNull(minimumTlsVersion, "missing required field 'minimumTlsVersion'");
        Objects.requireNonNull(allowSharedKeyAccess, "missing required field 'allowSharedKeyAccess'");
        Objects.requireNonNull(sasExpirationAction, "missing required field 'sasExpirationAction'");
    }
}
