package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.ExperienceNetwork;
import dev.bucketguard.cloud.salesforce.SalesforceDetails;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.cloud.salesforce.SiteSettings;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import java.util.List;
import java.util.function.Function;

/** What the site rules share: the site's words, and the answer for a switch of its Network. */
final class Sites {
    private Sites() {
    }

    static SiteDetails of(Resource r) {
        return SalesforceDetails.site(r);
    }

    /** " (the site is inactive: one switch from exposure)" for a site that does not serve, else "". */
    static String inactiveNote(SiteSettings s) {
        return s.inactiveBecause() != null ? " (the site is inactive: one switch from exposure)" : "";
    }

    /**
     * A Network switch that is bad when on: FAIL when on, PASS when off or when the site is no Experience site,
     * UNKNOWN when the Network or the field could not be read.
     */
    static Outcome networkSwitch(Resource r, Function<ExperienceNetwork, Boolean> field, String on, String off) {
        SiteSettings s = of(r).settings();
        if (!s.experience()) {
            return Outcome.pass("site '" + s.name() + "' is not an Experience site: " + off);
        }
        ExperienceNetwork n = s.network();
        Boolean value = n == null ? null : field.apply(n);
        if (value == null) {
            String why = n == null ? (s.networkProblem() == null ? "the site's Network row could not be read"
                    : s.networkProblem()) : "the Network field could not be read";
            return Outcome.unknown("whether " + on + " could not be read: " + why, List.of(why));
        }
        if (value) {
            return Outcome.fail(on + " on site '" + n.name() + "'" + inactiveNote(s), "Network " + n.name() + ": on");
        }
        return Outcome.pass(off + " on site '" + n.name() + "'");
    }
}
