package dev.bucketguard.scan;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A decision, kept in the repository, to accept a finding: which rule, on which resources, why, and until when.
 *
 * @param rule     a rule id, or {@code *} for every rule
 * @param resource a glob over the resource reference {@code provider:account:id} or over the id alone ({@code *}
 *                 matches any run of characters, {@code ?} one)
 * @param reason   why it is accepted; required
 * @param expires  the last day it applies; null for no expiry
 */
public record Suppression(String rule, String resource, String reason, LocalDate expires) {
    public Suppression {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("a suppression needs 'rule'");
        }
        if (resource == null || resource.isBlank()) {
            throw new IllegalArgumentException("a suppression needs 'resource'");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a suppression needs a 'reason'");
        }
    }

    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /** True when this suppression names the rule and the resource (expiry is not checked here). */
    public boolean covers(String ruleId, String ref, String id) {
        if (!rule.equals("*") && !rule.equals(ruleId)) {
            return false;
        }
        Pattern p = glob(resource);
        return p.matcher(ref).matches() || p.matcher(id).matches();
    }

    private static Pattern glob(String glob) {
        StringBuilder b = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> b.append(".*");
                case '?' -> b.append('.');
                default -> b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(b.toString());
    }

    /** One line for people: "rule on resource (reason), expires 2027-01-31". */
    public String describe() {
        return rule + " on " + resource + " (" + reason + ")" + (expires == null ? "" : ", expires " + expires);
    }

    @Override
    public String toString() {
        return Objects.toString(describe());
    }
}
