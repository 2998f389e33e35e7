package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.FileLink;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** A public link that never expires. */
@RuleDefinition(id = "salesforce.files.link-no-expiry", severity = Severity.MEDIUM, provider = "salesforce",
        kinds = "FILE_LINK", requires = {"CONTENT_DISTRIBUTION"})
public final class LinkNoExpiry implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        FileLink l = Links.of(resource);
        if (l.expires() && l.expiryDate() != null) {
            return Outcome.pass(l.describe() + " expires on " + l.expiryDate());
        }
        return Outcome.fail(Links.name(l) + " never expires", "PreferencesExpires: " + l.expires(),
                "created: " + l.createdDate());
    }
}
