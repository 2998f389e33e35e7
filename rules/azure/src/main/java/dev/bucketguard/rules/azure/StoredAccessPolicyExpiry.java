package dev.bucketguard.rules.azure;

import dev.bucketguard.cloud.azure.AccountSettings;
import dev.bucketguard.cloud.azure.AzureFacts;
import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.cloud.azure.StoredAccessPolicy;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every stored access policy expires, and within the account's SAS expiration period when it has one: a service SAS
 * bound to a policy without expiry is a bearer link that lasts until the policy is deleted.
 */
@RuleDefinition(id = "azure.blob.stored-access-policy", severity = Severity.MEDIUM, provider = "azure",
        requires = {"STORED_ACCESS_POLICIES"}, reads = {"ACCOUNT_SETTINGS"})
public final class StoredAccessPolicyExpiry implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        StorageAccount a = StorageAccount.of(resource);
        AccountSettings settings = resource.knows(AzureFacts.ACCOUNT_SETTINGS) ? a.settings() : null;
        Long limit = settings == null ? null : settings.sasExpirationSeconds();
        List<String> bad = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (StoredAccessPolicy p : a.storedAccessPolicies()) {
            String name = "stored access policy '" + p.id() + "' on container '" + p.container() + "'";
            evidence.add(name + ": start " + (p.start() == null ? "none" : p.start()) + ", expiry "
                    + (p.expiry() == null ? "none" : p.expiry()) + ", permissions '" + p.permissions() + "'");
            if (p.expiry() == null) {
                bad.add(name + " never expires");
                continue;
            }
            Duration lifetime = lifetime(p);
            if (limit != null && lifetime != null && lifetime.getSeconds() > limit) {
                bad.add(name + " lasts " + days(lifetime) + ", beyond the account's SAS expiration period "
                        + settings.sasExpirationPeriod());
            }
        }
        if (a.storedAccessPolicies().isEmpty()) {
            return Outcome.pass("no container has a stored access policy");
        }
        if (!bad.isEmpty()) {
            return Outcome.fail(String.join("; ", bad) + ": a service SAS bound to it works until it is deleted or"
                    + " expires", evidence);
        }
        return Outcome.pass("every stored access policy expires" + (limit == null ? ""
                : " within the account's SAS expiration period " + settings.sasExpirationPeriod()),
                evidence.toArray(String[]::new));
    }

    private static Duration lifetime(StoredAccessPolicy p) {
        if (p.start() == null) {
            return null;
        }
        try {
            return Duration.between(OffsetDateTime.parse(p.start()), OffsetDateTime.parse(p.expiry()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String days(Duration d) {
        long h = d.toHours();
        return h >= 48 ? (h / 24) + " days" : h + " hours";
    }
}
