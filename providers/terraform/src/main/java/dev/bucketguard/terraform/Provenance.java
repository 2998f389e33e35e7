package dev.bucketguard.terraform;

import dev.bucketguard.model.Fact;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.RuleScope;
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

    /**
     * The fact whose Terraform resource a built-in rule's fix changes, where the rule reads several (the public-policy
     * rule also reads Block Public Access, but the statement to change is in the policy).
     */
    private static final Map<String, String> FIXED_IN = Map.ofEntries(
            Map.entry("aws.s3.public-policy", "POLICY"), Map.entry("aws.s3.tls-only", "POLICY"),
            Map.entry("aws.s3.cross-account-access", "POLICY"), Map.entry("aws.s3.public-acl", "ACL"),
            Map.entry("aws.s3.acls-enabled", "OBJECT_OWNERSHIP"),
            Map.entry("aws.s3.bucket-block-public-access", "BLOCK_PUBLIC_ACCESS_BUCKET"),
            Map.entry("aws.s3.account-block-public-access", "BLOCK_PUBLIC_ACCESS_ACCOUNT"),
            Map.entry("aws.s3.encryption-customer-key", "ENCRYPTION"), Map.entry("aws.s3.website-public", "WEBSITE"),
            Map.entry("aws.s3.access-logging", "LOGGING"), Map.entry("aws.s3.versioning", "VERSIONING"),
            Map.entry("aws.s3.mfa-delete", "VERSIONING"), Map.entry("aws.s3.access-point-public", "ACCESS_POINTS"),
            Map.entry("aws.s3.public-object", "OBJECT_ACLS"),
            Map.entry("azure.blob.public-access", "CONTAINER_ACCESS"),
            Map.entry("azure.storage.network-default-deny", "NETWORK_RULES"),
            Map.entry("azure.storage.public-network-access", "NETWORK_RULES"),
            Map.entry("azure.storage.customer-managed-key", "ENCRYPTION"),
            Map.entry("azure.blob.static-website", "WEBSITE"),
            Map.entry("gcp.storage.public-access", "IAM_POLICY"), Map.entry("gcp.storage.external-members", "IAM_POLICY"),
            Map.entry("gcp.storage.public-acl", "ACL"), Map.entry("gcp.storage.public-object", "OBJECT_ACLS"));

    /** Facts that belong to the account, not the resource: its block is no place to fix them. */
    /**
     * The resource whose address a finding of {@code rule} names as the one to change: {@link #blockToChange}, or
     * null when the rule is about an account-level setting the plan does not hold (changing this resource would not
     * fix it).
     */
    PlanResource addressToChange(RuleMetadata rule) {
        String fixed = rule == null ? null : FIXED_IN.get(rule.id());
        if (fixed != null && rule.scope() == RuleScope.ACCOUNT && !companions.containsKey(Fact.of(fixed))) {
            return null;
        }
        return blockToChange(rule);
    }

    /** The companion that gave the fact the rule is about, else the resource's own block. */
    PlanResource blockToChange(RuleMetadata rule) {
        if (rule != null) {
            String fixed = FIXED_IN.get(rule.id());
            if (fixed != null && companions.containsKey(Fact.of(fixed))) {
                return companions.get(Fact.of(fixed));
            }
            if (fixed != null) {
                return main;
            }
            List<Fact> facts = new ArrayList<>(rule.requires());
            facts.addAll(rule.reads());
            for (Fact f : facts) {
                PlanResource c = companions.get(f);
                if (c != null) {
                    return c;
                }
            }
        }
        return main;
    }
}
