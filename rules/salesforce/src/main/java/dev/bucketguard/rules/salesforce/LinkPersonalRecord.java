package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.FileLink;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.List;
import java.util.Set;

/** A live public link to a file of a person's record: a Contact, Lead, Case or Account. */
@RuleDefinition(id = "salesforce.files.link-personal-record", severity = Severity.HIGH, provider = "salesforce",
        kinds = "FILE_LINK", requires = {"CONTENT_DISTRIBUTION"})
public final class LinkPersonalRecord implements Rule {
    static final Set<String> PERSONAL = Set.of("Account", "Case", "Contact", "Lead");

    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        FileLink l = Links.of(resource);
        Outcome expired = Links.expired(l);
        if (expired != null) {
            return expired;
        }
        if (l.relatedRecordId() != null && l.relatedObject() == null) {
            return Outcome.unknown(Links.name(l) + " is tied to record " + l.relatedRecordId() + ", whose object could"
                    + " not be told from its key prefix (EntityDefinition, View Setup and Configuration)",
                    List.of("RelatedRecordId: " + l.relatedRecordId()));
        }
        if (l.relatedObject() != null && PERSONAL.contains(l.relatedObject())) {
            return Outcome.fail(Links.name(l) + " is public: files of customer records often hold personal data",
                    "RelatedRecordId: " + l.relatedRecordId() + " (" + l.relatedObject() + ")");
        }
        return Outcome.pass(l.describe() + " is tied to no Contact, Lead, Case or Account"
                + (l.relatedObject() == null ? "" : " (" + l.relatedObject() + ")"));
    }
}
