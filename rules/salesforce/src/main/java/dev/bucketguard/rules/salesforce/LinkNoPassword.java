package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.FileLink;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.Optional;

/** An open public link: no password and not expired. High when it never expires, medium when it will. */
@RuleDefinition(id = "salesforce.files.link-no-password", severity = Severity.HIGH, provider = "salesforce",
        kinds = "FILE_LINK", requires = {"CONTENT_DISTRIBUTION"})
public final class LinkNoPassword implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        FileLink l = Links.of(resource);
        return Optional.ofNullable(Links.expired(l)).orElseGet(() -> {
            if (l.passwordRequired()) {
                return Outcome.pass(l.describe() + " requires a password");
            }
            Outcome fail = Outcome.fail(Links.name(l) + " opens for anyone holding its URL, with no password"
                    + (l.expires() ? " until " + l.expiryDate() : " and no expiry"),
                    "PreferencesPasswordRequired: false", "views: " + l.viewCount());
            return l.expires() ? fail.at(Severity.MEDIUM) : fail;
        });
    }
}
