package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.ExternalSharing;
import dev.bucketguard.cloud.salesforce.GuestReach;
import dev.bucketguard.cloud.salesforce.PersonalData;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * An object holding personal data (a person object, or one with a personal field in the site's field permissions)
 * has a public-read external sharing default: every member whose profile reads it sees every record.
 */
@RuleDefinition(id = "salesforce.external.owd-public", severity = Severity.MEDIUM, provider = "salesforce",
        kinds = "SITE", requires = {"SITES", "EXTERNAL_SHARING"}, reads = {"FIELD_PERMISSIONS", "FIELD_CLASSIFICATION"})
public final class ExternalOwdPublic implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        GuestReach reach = GuestReach.of(resource);
        List<String> found = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (ExternalSharing e : s.externalSharing()) {
            boolean personal = PersonalData.PERSON_OBJECTS.contains(e.object()) || e.object().equals("Account")
                    || !PersonalData.describe(reach.fields(e.object())).isEmpty();
            if (!personal) {
                continue;
            }
            Boolean open = e.publicRead();
            if (Boolean.TRUE.equals(open)) {
                found.add(e.object() + ": external default " + e.externalModel());
            } else if (open == null) {
                unread.add(e.object() + ": external default "
                        + (e.externalModel() == null ? "not read" : "'" + e.externalModel() + "' not known"));
            }
        }
        if (!found.isEmpty()) {
            return Outcome.fail("objects with personal data are readable by every external member whose profile reads"
                    + " them: " + String.join("; ", found), found);
        }
        if (!unread.isEmpty()) {
            return Outcome.unknown("the external sharing default of objects with personal data could not be judged",
                    unread);
        }
        return Outcome.pass("no object with personal data has a public-read external sharing default");
    }
}
