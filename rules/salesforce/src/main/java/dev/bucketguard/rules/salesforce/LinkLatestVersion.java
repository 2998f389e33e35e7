package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.FileLink;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** A live public link follows every future version of its file. */
@RuleDefinition(id = "salesforce.files.link-latest-version", severity = Severity.LOW, provider = "salesforce",
        kinds = "FILE_LINK", requires = {"CONTENT_DISTRIBUTION"})
public final class LinkLatestVersion implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        FileLink l = Links.of(resource);
        Outcome expired = Links.expired(l);
        if (expired != null) {
            return expired;
        }
        if (l.linkLatestVersion()) {
            return Outcome.fail(Links.name(l) + " follows every future version of the file: whatever is uploaded"
                    + " next is public too", "PreferencesLinkLatestVersion: true");
        }
        return Outcome.pass(l.describe() + " shows only the version it was made for");
    }
}
