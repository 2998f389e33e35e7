package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.FieldAccess;
import dev.bucketguard.cloud.salesforce.GuestReach;
import dev.bucketguard.cloud.salesforce.ObjectAccess;
import dev.bucketguard.cloud.salesforce.PersonalData;
import dev.bucketguard.cloud.salesforce.SalesforceFacts;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The guest's field-level security lets it read a field holding personal data. */
@RuleDefinition(id = "salesforce.guest.field-read-personal", severity = Severity.HIGH, provider = "salesforce",
        kinds = "SITE", requires = {"SITES", "FIELD_PERMISSIONS"}, reads = {"FIELD_CLASSIFICATION", "OBJECT_PERMISSIONS"})
public final class GuestFieldReadPersonal implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        GuestReach reach = GuestReach.of(resource);
        Set<String> objects = new TreeSet<>();
        s.fields().forEach(f -> objects.add(f.object()));
        if (resource.knows(SalesforceFacts.OBJECT_PERMISSIONS)) {
            // A person object's Name has no field permission: reading the object reads it (GuestReach.fields).
            s.objects().stream().filter(ObjectAccess::read).forEach(o -> objects.add(o.object()));
        }
        List<String> personal = new ArrayList<>();
        for (String o : objects) {
            for (FieldAccess f : reach.fields(o)) {
                String why = PersonalData.why(f);
                if (why != null) {
                    personal.add(o + "." + f.field() + " (" + why + ")");
                }
            }
        }
        String site = "the guest of site '" + s.settings().name() + "'";
        if (!personal.isEmpty()) {
            return Outcome.fail(site + " may read " + personal.size() + " personal field(s): "
                    + String.join(", ", personal), personal);
        }
        return Outcome.pass(site + " may read no field classified or named as personal data");
    }
}
