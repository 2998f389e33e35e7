package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.FlowAccess;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.List;

/** A guest-runnable active flow runs in system context without sharing: it can read every record. */
@RuleDefinition(id = "salesforce.guest.flow-system-no-sharing", severity = Severity.CRITICAL,
        provider = "salesforce", kinds = "SITE", requires = {"SITES", "FLOWS"})
public final class GuestFlowSystemNoSharing implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        List<FlowAccess> active = s.flows().stream().filter(FlowAccess::active).toList();
        List<String> found = active.stream().filter(f -> FlowAccess.SYSTEM_WITHOUT_SHARING.equals(f.runInMode()))
                .map(f -> "flow '" + f.name() + "'" + (f.objects().isEmpty() ? "" : " reads "
                        + String.join(", ", f.objects()))).toList();
        List<String> unread = active.stream().filter(f -> !f.runModeKnown())
                .map(f -> "flow '" + f.name() + "': " + (f.runInMode() == null ? "run mode not read"
                        : "run mode '" + f.runInMode() + "' not known")).toList();
        String guest = "the guest of site '" + s.settings().name() + "'";
        if (!found.isEmpty()) {
            return Outcome.fail(guest + " can run flows in system context without sharing: "
                    + String.join("; ", found) + Sites.inactiveNote(s.settings()), found);
        }
        if (!unread.isEmpty()) {
            return Outcome.unknown("the run mode of flows " + guest + " can run could not be read", unread);
        }
        return Outcome.pass(guest + " can run no active flow in system context without sharing");
    }
}
