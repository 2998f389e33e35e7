package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.ObjectAccess;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.cloud.salesforce.SystemPermission;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.ArrayList;
import java.util.List;

/** The guest holds a permission guests may no longer hold since Winter '21 / Spring '23. */
@RuleDefinition(id = "salesforce.guest.forbidden-permission", severity = Severity.CRITICAL, provider = "salesforce",
        kinds = "SITE", requires = {"SITES", "OBJECT_PERMISSIONS", "SYSTEM_PERMISSIONS"})
public final class GuestForbiddenPermission implements Rule {
    private static final List<String> SYSTEM = List.of(SystemPermission.VIEW_ALL_DATA,
            SystemPermission.MODIFY_ALL_DATA, SystemPermission.VIEW_ALL_USERS, SystemPermission.RUN_FLOWS);

    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        List<String> found = new ArrayList<>();
        for (ObjectAccess o : s.objects()) {
            List<String> held = new ArrayList<>();
            if (o.edit()) {
                held.add("Edit");
            }
            if (o.delete()) {
                held.add("Delete");
            }
            if (o.viewAllRecords()) {
                held.add("View All");
            }
            if (o.modifyAllRecords()) {
                held.add("Modify All");
            }
            if (!held.isEmpty()) {
                found.add(o.object() + ": " + String.join(", ", held) + " from " + String.join(", ", o.sources()));
            }
        }
        for (String p : SYSTEM) {
            s.systemPermission(p).ifPresent(sp -> found.add(p + " from " + String.join(", ", sp.sources())));
        }
        String guest = "the guest of site '" + s.settings().name() + "'";
        if (!found.isEmpty()) {
            return Outcome.fail(guest + " holds permissions guests may no longer hold (legacy or a bug: treated as"
                    + " effective)", found);
        }
        return Outcome.pass(guest + " holds no Edit, Delete, View All, Modify All, View All Data, View All Users or"
                + " Run Flows");
    }
}
