package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.ExperienceNetwork;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Self-registration is on and the profile anyone gets by signing up reads objects. */
@RuleDefinition(id = "salesforce.site.self-registration", severity = Severity.HIGH, provider = "salesforce",
        kinds = "SITE", requires = {"SITES", "MEMBER_ACCESS"})
public final class SiteSelfRegistration implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        String site = "site '" + s.settings().name() + "'";
        if (!s.settings().experience()) {
            return Outcome.pass(site + " is not an Experience site: nobody can self-register");
        }
        ExperienceNetwork n = s.settings().network();
        Boolean on = n == null ? null : n.selfRegistration();
        if (on == null) {
            return Outcome.unknown("whether " + site + " lets anyone self-register could not be read", java.util.List
                    .of(s.settings().networkProblem() == null ? "Network not read" : s.settings().networkProblem()));
        }
        if (!on) {
            return Outcome.pass(site + " does not let anyone self-register");
        }
        if (s.members().selfRegObjectsRead().isEmpty()) {
            return Outcome.pass("anyone can self-register on " + site + ", but its self-registration profile reads no"
                    + " object");
        }
        return Outcome.fail("anyone can self-register on " + site + " and then read "
                + String.join(", ", s.members().selfRegObjectsRead()) + " through the self-registration profile"
                + Sites.inactiveNote(s.settings()), "SelfRegProfileId: " + n.selfRegProfileId(),
                "objects it reads: " + String.join(", ", s.members().selfRegObjectsRead()));
    }
}
