package dev.bucketguard.terraform;

import dev.bucketguard.model.Fact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a resource of the model came from in the plan: the resource block that makes it, the companion that gave each
 * fact (the policy, the ACL, the public access block), and what the reasons must add because a plan is not the cloud
 * (a fact outside the plan taken as not in force, a new resource's defaults).
 */
final class Provenance {
    /** The main block; for a resource that exists outside the plan, the first companion that names it. */
    final PlanResource main;
    final Map<Fact, PlanResource> companions = new LinkedHashMap<>();
    /** Sentences the verdict's reasons gain, always. */
    final List<String> notes = new ArrayList<>();
    /**
     * Sentences the reasons gain when a reason mentions the key ({@code RestrictPublicBuckets}): a guardrail the plan
     * does not hold, taken as off.
     */
    final List<Mention> notesWhenMentioned = new ArrayList<>();

    /** A note given when a reason contains {@code key}. */
    record Mention(String key, String note) {
    }

    void noteWhenMentioned(String key, String note) {
        notesWhenMentioned.add(new Mention(key, note));
    }

    Provenance(PlanResource main) {
        this.main = main;
    }

    void from(Fact fact, PlanResource companion) {
        if (companion != null) {
            companions.putIfAbsent(fact, companion);
        }
    }

    void note(String sentence) {
        if (!notes.contains(sentence)) {
            notes.add(sentence);
        }
    }
}
