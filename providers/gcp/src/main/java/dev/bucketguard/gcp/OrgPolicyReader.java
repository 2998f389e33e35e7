package dev.bucketguard.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;

/**
 * Reads whether the effective organisation policy enforces {@code storage.publicAccessPrevention} on a project: Org
 * Policy API v2 {@code projects.policies.getEffectivePolicy} over HTTP/JSON (a GET; permission
 * {@code orgpolicy.policy.get}), through the guarded transport, with retries on 429 and 5xx.
 */
final class OrgPolicyReader {
    static final String CONSTRAINT = "storage.publicAccessPrevention";
    static final String CALL = "policies.getEffectivePolicy";
    static final String PERMISSION = "orgpolicy.policy.get";
    private static final String HOST = "https://orgpolicy.googleapis.com";

    private final GoogleRest rest;
    private final String base;

    OrgPolicyReader(GoogleRest rest, URI endpoint) {
        this.rest = rest;
        this.base = endpoint == null ? HOST : endpoint.toString();
    }

    /**
     * True when a rule of the project's effective policy enforces the constraint without a condition; false when no
     * rule does (a conditional enforcement is not counted: it may not cover the bucket).
     *
     * @throws IOException when the policy could not be read (the error is {@link ErrorCodes}-readable)
     */
    boolean enforced(String project) throws IOException {
        return enforces(rest.get(base + "/v2/projects/" + project + "/policies/" + CONSTRAINT + ":getEffectivePolicy"));
    }

    static boolean enforces(JsonNode policy) throws IOException {
        if (policy == null || !policy.isObject()) {
            throw new IOException("the answer is not a policy");
        }
        JsonNode rules = policy.path("spec").path("rules");
        for (JsonNode rule : rules) {
            if (rule.path("enforce").asBoolean(false) && rule.path("condition").isMissingNode()) {
                return true;
            }
        }
        return false;
    }
}
