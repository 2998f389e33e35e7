package dev.bucketguard.rules.azure;

import dev.bucketguard.cloud.azure.AccountSettings;
import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.cloud.azure.TlsVersion;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** The minimum TLS version is 1.2 or later; an unset one reads as TLS 1.0. */
@RuleDefinition(id = "azure.storage.minimum-tls", severity = Severity.MEDIUM, provider = "azure",
        requires = {"ACCOUNT_SETTINGS"})
public final class MinimumTls implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        AccountSettings s = StorageAccount.of(resource).settings();
        TlsVersion v = s.effectiveMinimumTls();
        String as = s.minimumTlsVersion() == TlsVersion.NOT_SET ? "not set, which reads as TLS1_0" : v.name();
        if (v == TlsVersion.TLS1_0 || v == TlsVersion.TLS1_1) {
            return Outcome.fail("the minimum TLS version is " + as + ": clients may connect with TLS older than 1.2",
                    "minimumTlsVersion: " + s.minimumTlsVersion());
        }
        return Outcome.pass("the minimum TLS version is " + as, "minimumTlsVersion: " + s.minimumTlsVersion());
    }
}
