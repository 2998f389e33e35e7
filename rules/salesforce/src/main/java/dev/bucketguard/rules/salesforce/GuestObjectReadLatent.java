package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.GuestReach;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.ArrayList;
import java.util.List;

/** The guest has Read on an object but no record is shared yet: one sharing rule away; high with personal data. */
@RuleDefinition(id = "salesforce.guest.object-read-latent", severity = Severity.MEDIUM, provider = "salesforce",
        kinds = "SITE", requires = {"SITES", "OBJECT_PERMISSIONS", "SHARE_COUNTS", "LEGACY_ACCESS"},
        reads = {"SYSTEM_PERMISSIONS", "SHARING_RULES", "FIELD_PERMISSIONS", "FIELD_CLASSIFICATION"})
public final class GuestObjectReadLatent implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        List<String> latent = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        boolean personal = false;
        for (GuestReach.ObjectReach o : GuestReach.of(resource).objects()) {
            boolean read = s.object(o.object()).map(a -> a.read()).orElse(false);
            if (o.latent()) {
                latent.add(o.object());
                personal |= !o.personal().isEmpty();
                evidence.add(o.object() + ": Read from " + String.join(", ", s.object(o.object()).orElseThrow()
                        .sources()) + (o.personal().isEmpty() ? "" : "; personal fields " + o.personal()));
            } else if (read && o.records() == null) {
                undecided.add(o.object());
                evidence.addAll(o.reasons());
            }
        }
        String site = "the guest of site '" + s.settings().name() + "'";
        if (!latent.isEmpty()) {
            Outcome fail = Outcome.fail(site + " has Read on " + String.join(", ", latent) + " but no record is shared"
                    + " with it yet" + (personal ? ", including personal data" : "") + ": one sharing rule away",
                    evidence);
            return personal ? fail.withSeverity(Severity.HIGH) : fail;
        }
        if (!undecided.isEmpty()) {
            return Outcome.unknown("whether records of " + String.join(", ", undecided) + " are shared with " + site
                    + " could not be read", evidence);
        }
        return Outcome.pass(site + " has Read on no object whose records are all hidden from it");
    }
}
