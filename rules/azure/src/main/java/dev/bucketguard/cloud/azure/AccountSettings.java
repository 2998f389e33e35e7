package dev.bucketguard.cloud.azure;

import java.util.Objects;

/**
 * A storage account's properties from ARM ({@link AzureFacts#ACCOUNT_SETTINGS}). The first five components are
 * non-null; the others are optional in snapshots and read as their documented defaults when absent.
 *
 * @param allowBlobPublicAccess       whether containers may be anonymous; NOT_SET reads as true (SEMANTICS 2.1)
 * @param httpsTrafficOnly            supportsHttpsTrafficOnly: plain HTTP is refused (ARM null means true)
 * @param minimumTlsVersion           the oldest TLS accepted; NOT_SET reads as TLS 1.0 (SEMANTICS 2.2)
 * @param allowSharedKeyAccess        whether account keys (and SAS signed with them) work; NOT_SET reads as true
 * @param sasExpirationAction         the SAS expiration policy's action, or NONE when the account has none
 * @param sasExpirationPeriod         the SAS expiration policy's period as ARM writes it ({@code D.HH:MM:SS}); null
 *                                    when there is no policy
 * @param keyExpirationPeriodInDays   the key policy's expiry of account keys; null when there is no key policy
 * @param allowCrossTenantReplication whether object replication may cross tenants; NOT_SET reads as true for accounts
 *                                    created before the 2023 default change (the conservative reading)
 * @param infrastructureEncryption    requireInfrastructureEncryption (double encryption); null reads as false
 */
public record AccountSettings(
        Switch allowBlobPublicAccess,
        boolean httpsTrafficOnly,
        TlsVersion minimumTlsVersion,
        Switch allowSharedKeyAccess,
        SasExpirationAction sasExpirationAction,
        String sasExpirationPeriod,
        Integer keyExpirationPeriodInDays,
        Switch allowCrossTenantReplication,
        Boolean infrastructureEncryption) {
    public AccountSettings {
        Objects.requireNonNull(allowBlobPublicAccess, "missing required field 'allowBlobPublicAccess'");
        Objects.requireNonNull(minimumTlsVersion, "missing required field 'minimumTlsVersion'");
        Objects.requireNonNull(allowSharedKeyAccess, "missing required field 'allowSharedKeyAccess'");
        Objects.requireNonNull(sasExpirationAction, "missing required field 'sasExpirationAction'");
        if (sasExpirationAction == SasExpirationAction.NONE) {
            sasExpirationPeriod = null;
        }
        allowCrossTenantReplication = allowCrossTenantReplication == null ? Switch.NOT_SET
                : allowCrossTenantReplication;
        infrastructureEncryption = Boolean.TRUE.equals(infrastructureEncryption);
    }

    /** The five settings every snapshot has; the optional ones at their defaults. */
    public AccountSettings(Switch allowBlobPublicAccess, boolean httpsTrafficOnly, TlsVersion minimumTlsVersion,
                           Switch allowSharedKeyAccess, SasExpirationAction sasExpirationAction) {
        this(allowBlobPublicAccess, httpsTrafficOnly, minimumTlsVersion, allowSharedKeyAccess, sasExpirationAction,
                null, null, Switch.NOT_SET, false);
    }

    /** The minimum TLS version in force: NOT_SET is TLS 1.0, as the older API profiles document for null. */
    public TlsVersion effectiveMinimumTls() {
        return minimumTlsVersion == TlsVersion.NOT_SET ? TlsVersion.TLS1_0 : minimumTlsVersion;
    }

    /** The SAS expiration period in seconds, or null when there is none or it cannot be parsed. */
    public Long sasExpirationSeconds() {
        return Durations.armSeconds(sasExpirationPeriod);
    }
}
