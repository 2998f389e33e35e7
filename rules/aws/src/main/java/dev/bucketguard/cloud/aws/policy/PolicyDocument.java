package dev.bucketguard.cloud.aws.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A parsed bucket or access-point policy: its statements, checked against the IAM grammar S3 enforces. */
record PolicyDocument(List<Statement> statements) {
    /** S3 refuses policies over 20 KB; three times that leaves room for whitespace and bounds the work. */
    static final int MAX_CHARS = 64 * 1024;
    /** No ARN, account or key in a policy is anywhere near this long; longer values only cost matching time. */
    static final int MAX_VALUE_CHARS = 2048;
    /** Far more statements than 20 KB can hold; bounds the Allow-by-Deny work. */
    static final int MAX_STATEMENTS = 500;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32).maxStringLength(MAX_CHARS).maxNumberLength(64).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Who a Principal or NotPrincipal entry names. */
    enum PrincipalKind {
        /** "*" or {"AWS": "*"}: everyone, anonymous callers included. */
        ANY,
        /** A whole account or an IAM principal inside one; {@code account} names the account. */
        AWS,
        /** An IAM unique id (AIDA..., AROA...): a principal whose account the policy does not show. */
        UNIQUE_ID,
        /** An AWS service principal. */
        SERVICE,
        /** A public web identity provider (graph.facebook.com, accounts.google.com, Cognito, ...). */
        WEB_IDENTITY,
        /** A SAML or OIDC provider registered in an account. */
        FEDERATED_PROVIDER,
        /** An S3 canonical user id. */
        CANONICAL_USER
    }

    /** One principal entry; {@code account} is set for AWS and FEDERATED_PROVIDER, {@code wholeAccount} for root. */
    record Principal(PrincipalKind kind, String value, String account, boolean wholeAccount) {
    }

    /** One Condition entry: operator, key and values, with the operator split into its qualifier and suffix. */
    record Condition(String operator, String qualifier, String base, boolean ifExists, String key, String keyText,
                     List<String> values) {
        boolean negated() {
            return base.contains("not");
        }

        /**
         * "StringEquals aws:SourceIp=10.0.0.0/8", values joined with commas; a long value list is cut after its first
         * three values and counted, so that a grant never carries a whole policy's worth of values.
         */
        String text() {
            if (values.size() <= SHOWN_VALUES) {
                return operator + " " + keyText + "=" + String.join(",", values);
            }
            return operator + " " + keyText + "=" + String.join(",", values.subList(0, 3)) + ",... ("
                    + String.format(java.util.Locale.ROOT, "%,d", values.size()) + " values)";
        }
    }

    /** Condition values shown in full up to this many. */
    static final int SHOWN_VALUES = 5;

    record Statement(int index, String sid, boolean allow, boolean notPrincipal, List<Principal> principals,
                     boolean notAction, List<String> actions, boolean notResource, List<String> resources,
                     List<Condition> conditions) {
        /** "statement 'Sid'" or "statement #3" (1-based), for people. */
        String label() {
            return sid != null ? "statement '" + sid + "'" : "statement #" + index;
        }

        boolean principalIsAnyone() {
            return !notPrincipal && principals.stream().anyMatch(p -> p.kind() == PrincipalKind.ANY);
        }
    }

    private static final List<String> OPERATORS = List.of("stringequals", "stringnotequals", "stringequalsignorecase",
            "stringnotequalsignorecase", "stringlike", "stringnotlike", "numericequals", "numericnotequals",
            "numericlessthan", "numericlessthanequals", "numericgreaterthan", "numericgreaterthanequals",
            "dateequals", "datenotequals", "datelessthan", "datelessthanequals", "dategreaterthan",
            "dategreaterthanequals", "bool", "binaryequals", "ipaddress", "notipaddress", "arnequals", "arnlike",
            "arnnotequals", "arnnotlike", "null");

    static PolicyDocument parse(String json) throws MalformedPolicyException {
        if (json == null || json.isBlank()) {
            throw new MalformedPolicyException("policy is empty");
        }
        if (json.length() > MAX_CHARS) {
            throw new MalformedPolicyException("policy is " + json.length() + " characters long, more than the "
                    + MAX_CHARS + " bucketguard reads (S3 accepts at most 20 KB)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedPolicyException("policy is not valid JSON: " + oneLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPolicyException("policy is not a JSON object");
        }
        JsonNode st = field(root, "Statement");
        if (st == null || st.isNull()) {
            throw new MalformedPolicyException("policy has no Statement");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (st.isArray()) {
            st.forEach(nodes::add);
        } else {
            nodes.add(st);
        }
        if (nodes.isEmpty()) {
            throw new MalformedPolicyException("policy has an empty Statement list");
        }
        if (nodes.size() > MAX_STATEMENTS) {
            throw new MalformedPolicyException("policy has " + nodes.size() + " statements, more than the "
                    + MAX_STATEMENTS + " bucketguard reads (S3 accepts at most 20 KB)");
        }
        List<Statement> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            out.add(statement(i + 1, nodes.get(i)));
        }
        return new PolicyDocument(List.copyOf(out));
    }

    private static Statement statement(int index, JsonNode n) throws MalformedPolicyException {
        if (!n.isObject()) {
            throw bad(index, null, "is not a JSON object");
        }
        JsonNode sidNode = field(n, "Sid");
        String sid = sidNode != null && sidNode.isTextual() && !sidNode.asText().isEmpty()
                ? oneLine(sidNode.asText()) : null;
        JsonNode effect = field(n, "Effect");
        if (effect == null || !effect.isTextual()) {
            throw bad(index, sid, "has no Effect");
        }
        boolean allow;
        if ("allow".equalsIgnoreCase(effect.asText())) {
            allow = true;
        } else if ("deny".equalsIgnoreCase(effect.asText())) {
            allow = false;
        } else {
            throw bad(index, sid, "has Effect '" + oneLine(effect.asText()) + "', not Allow or Deny");
        }
        JsonNode principal = field(n, "Principal");
        JsonNode notPrincipal = field(n, "NotPrincipal");
        if ((principal == null) == (notPrincipal == null)) {
            throw bad(index, sid, principal == null ? "has neither Principal nor NotPrincipal"
                    : "has both Principal and NotPrincipal");
        }
        List<Principal> principals = principals(index, sid, principal != null ? principal : notPrincipal);
        JsonNode action = field(n, "Action");
        JsonNode notAction = field(n, "NotAction");
        if ((action == null) == (notAction == null)) {
            throw bad(index, sid, action == null ? "has neither Action nor NotAction" : "has both Action and NotAction");
        }
        List<String> actions = strings(index, sid, action != null ? "Action" : "NotAction",
                action != null ? action : notAction);
        for (String a : actions) {
            if (!"*".equals(a) && a.indexOf(':') <= 0) {
                throw bad(index, sid, "has action '" + oneLine(a) + "' without a service prefix");
            }
        }
        JsonNode resource = field(n, "Resource");
        JsonNode notResource = field(n, "NotResource");
        if ((resource == null) == (notResource == null)) {
            throw bad(index, sid, resource == null ? "has neither Resource nor NotResource"
                    : "has both Resource and NotResource");
        }
        List<String> resources = strings(index, sid, resource != null ? "Resource" : "NotResource",
                resource != null ? resource : notResource);
        List<Condition> conditions = conditions(index, sid, field(n, "Condition"));
        return new Statement(index, sid, allow, notPrincipal != null, principals, notAction != null, actions,
                notResource != null, resources, conditions);
    }

    private static List<Principal> principals(int index, String sid, JsonNode node) throws MalformedPolicyException {
        if (node.isTextual()) {
            if ("*".equals(node.asText())) {
                return List.of(new Principal(PrincipalKind.ANY, "*", null, false));
            }
            throw bad(index, sid, "has Principal '" + oneLine(node.asText()) + "': only \"*\" may stand alone");
        }
        if (!node.isObject() || node.isEmpty()) {
            throw bad(index, sid, "has a Principal that is neither \"*\" nor a non-empty object");
        }
        List<Principal> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getKey();
            for (String v : strings(index, sid, "Principal " + type, e.getValue())) {
                out.add(principal(index, sid, type, v));
            }
        }
        return List.copyOf(out);
    }

    private static Principal principal(int index, String sid, String type, String v) throws MalformedPolicyException {
        String t = type.toLowerCase(Locale.ROOT);
        if (!"*".equals(v) && Glob.hasWildcard(v)) {
            throw bad(index, sid, "has Principal " + type + " '" + oneLine(v)
                    + "' with a partial wildcard, which IAM does not allow");
        }
        switch (t) {
            case "aws" -> {
                if ("*".equals(v)) {
                    return new Principal(PrincipalKind.ANY, v, null, false);
                }
                if (isAccountId(v)) {
                    return new Principal(PrincipalKind.AWS, v, v, true);
                }
                String[] parts = v.split(":", 6);
                if (parts.length == 6 && "arn".equals(parts[0]) && ("iam".equals(parts[2]) || "sts".equals(parts[2]))
                        && isAccountId(parts[4]) && !parts[5].isEmpty()) {
                    return new Principal(PrincipalKind.AWS, v, parts[4], "root".equals(parts[5]));
                }
                if (isUniqueId(v)) {
                    return new Principal(PrincipalKind.UNIQUE_ID, v, null, false);
                }
                throw bad(index, sid, "has Principal AWS '" + oneLine(v)
                        + "', which is not an account id, an IAM or STS ARN or a unique id");
            }
            case "service" -> {
                if ("*".equals(v)) {
                    throw bad(index, sid, "has Principal Service \"*\", which IAM does not allow");
                }
                return new Principal(PrincipalKind.SERVICE, v, null, false);
            }
            case "federated" -> {
                if ("*".equals(v)) {
                    return new Principal(PrincipalKind.WEB_IDENTITY, v, null, false);
                }
                String[] parts = v.split(":", 6);
                if (parts.length == 6 && "arn".equals(parts[0]) && "iam".equals(parts[2]) && isAccountId(parts[4])) {
                    return new Principal(PrincipalKind.FEDERATED_PROVIDER, v, parts[4], false);
                }
                return new Principal(PrincipalKind.WEB_IDENTITY, v, null, false);
            }
            case "canonicaluser" -> {
                if ("*".equals(v)) {
                    throw bad(index, sid, "has Principal CanonicalUser \"*\", which IAM does not allow");
                }
                return new Principal(PrincipalKind.CANONICAL_USER, v, null, false);
            }
            default -> throw bad(index, sid, "has Principal type '" + oneLine(type)
                    + "'; expected AWS, Service, Federated or CanonicalUser");
        }
    }

    private static List<Condition> conditions(int index, String sid, JsonNode node) throws MalformedPolicyException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isObject()) {
            throw bad(index, sid, "has a Condition that is not an object");
        }
        List<Condition> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ops = node.properties().iterator(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            String operator = op.getKey();
            String rest = operator.toLowerCase(Locale.ROOT);
            String qualifier = "";
            if (rest.startsWith("foranyvalue:")) {
                qualifier = "foranyvalue";
                rest = rest.substring("foranyvalue:".length());
            } else if (rest.startsWith("forallvalues:")) {
                qualifier = "forallvalues";
                rest = rest.substring("forallvalues:".length());
            }
            boolean ifExists = rest.endsWith("ifexists") && !"null".equals(rest);
            String base = ifExists ? rest.substring(0, rest.length() - "ifexists".length()) : rest;
            if (!OPERATORS.contains(base) || ("null".equals(base) && ifExists)) {
                throw bad(index, sid, "has unknown condition operator '" + oneLine(operator) + "'");
            }
            if (!op.getValue().isObject() || op.getValue().isEmpty()) {
                throw bad(index, sid, "has condition operator '" + oneLine(operator) + "' without keys");
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().properties().iterator(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> k = keys.next();
                List<String> values = conditionValues(index, sid, operator, k.getKey(), k.getValue());
                out.add(new Condition(oneLine(operator), qualifier, base, ifExists,
                        k.getKey().toLowerCase(Locale.ROOT), oneLine(k.getKey()), values));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> conditionValues(int index, String sid, String op, String key, JsonNode v)
            throws MalformedPolicyException {
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
        } else {
            items.add(v);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode i : items) {
            if (!i.isValueNode() || i.isNull()) {
                throw bad(index, sid, "has condition " + oneLine(op) + " " + oneLine(key)
                        + " with a value that is not a string, number or boolean");
            }
            out.add(checkLength(index, sid, i.asText()));
        }
        if (out.isEmpty()) {
            throw bad(index, sid, "has condition " + oneLine(op) + " " + oneLine(key) + " without values");
        }
        return List.copyOf(out);
    }

    private static List<String> strings(int index, String sid, String what, JsonNode node)
            throws MalformedPolicyException {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray() && !node.isEmpty()) {
            for (JsonNode i : node) {
                if (!i.isTextual()) {
                    throw bad(index, sid, "has a " + what + " entry that is not a string");
                }
                out.add(i.asText());
            }
        } else {
            throw bad(index, sid, "has a " + what + " that is neither a string nor a non-empty list of strings");
        }
        for (String s : out) {
            if (s.isEmpty()) {
                throw bad(index, sid, "has an empty " + what);
            }
            checkLength(index, sid, s);
        }
        return List.copyOf(out);
    }

    private static String checkLength(int index, String sid, String s) throws MalformedPolicyException {
        if (s.length() > MAX_VALUE_CHARS) {
            throw bad(index, sid, "has a value of " + s.length() + " characters (more than " + MAX_VALUE_CHARS + ")");
        }
        return s;
    }

    /** IAM element names are case-sensitive in AWS's grammar but its parser accepts any case; so do we. */
    private static JsonNode field(JsonNode obj, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    static boolean isAccountId(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** IAM unique ids: AIDA (user), AROA (role), AIPA, ANPA, ASIA... uppercase letters and digits. */
    private static boolean isUniqueId(String s) {
        if (s.length() < 16 || s.length() > 128 || s.charAt(0) != 'A') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static MalformedPolicyException bad(int index, String sid, String problem) {
        return new MalformedPolicyException("policy statement #" + index + (sid != null ? " ('" + sid + "')" : "")
                + " " + problem);
    }

    /** Keeps messages on one line and short: values come from the policy, which may be hostile. */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 120; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (s.length() > 120) {
            b.append("...");
        }
        return b.toString();
    }
}
