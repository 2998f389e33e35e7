package dev.bucketguard.terraform;

import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Unknown;

/** The {@link Unknown}s a plan gives: a value known only after apply, or a fact that lives outside the plan. */
final class Unset {
    private Unset() {
    }

    /** A value the configuration sets that Terraform knows only after apply. */
    static Unknown afterApply(Fact fact, PlanResource r, String attribute) {
        return new Unknown(fact, null, null, r.address() + "." + attribute + " is known only after apply");
    }

    /** A fact that lives in the cloud, not in this plan, and that could make the resource more exposed. */
    static Unknown outsidePlan(Fact fact, String what) {
        return new Unknown(fact, null, null, what + " is not in this plan (the resource exists outside it); scan the"
                + " deployed resource or add the setting to the plan");
    }
}
