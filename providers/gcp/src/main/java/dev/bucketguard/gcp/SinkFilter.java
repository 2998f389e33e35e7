package dev.bucketguard.gcp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a log sink's filter (in the Logging query language) lets Cloud Storage's Data Access audit logs through. It
 * decides only what it can be sure of: terms joined by {@code AND}, {@code OR} and {@code NOT} (or {@code -}) that name
 * a log ({@code LOG_ID("...")}, {@code logName}), {@code resource.type} or {@code protoPayload.serviceName}. Anything
 * else (parentheses, other fields, {@code sample()}) is {@link Decision#UNCLEAR}: the sink is not counted as a route,
 * and is named as unevaluated.
 */
final class SinkFilter {
    static final String DATA_ACCESS_LOG = "cloudaudit.googleapis.com/data_access";

    /** What a filter does to the storage Data Access logs. */
    enum Decision {
        /** It matches every one of them. */
        ROUTES,
        /** It matches none of them. */
        EXCLUDES,
        /** bucketguard cannot tell. */
        UNCLEAR
    }

    private static final Pattern OPERATOR = Pattern.compile("\\s*(!=|>=|<=|=~|!~|=|:|>|<)\\s*");
    private static final Pattern LOG_ID = Pattern.compile("LOG_ID\\(\"([^\"]*)\"\\)");
    private static final Pattern FIELD = Pattern.compile("([A-Za-z_.]+)(!=|=|:)\"?([^\"]*)\"?");

    private SinkFilter() {
    }

    /** What the filter does; a blank filter matches everything. */
    static Decision of(String filter) {
        if (filter == null || filter.isBlank()) {
            return Decision.ROUTES;
        }
        List<List<String>> any = disjuncts(filter);
        if (any == null) {
            return Decision.UNCLEAR;
        }
        boolean unclear = false;
        for (List<String> all : any) {
            Decision d = conjunction(all);
            if (d == Decision.ROUTES) {
                return Decision.ROUTES;
            }
            unclear |= d == Decision.UNCLEAR;
        }
        return unclear ? Decision.UNCLEAR : Decision.EXCLUDES;
    }

    private static Decision conjunction(List<String> terms) {
        Decision out = Decision.ROUTES;
        for (String t : terms) {
            Decision d = term(t);
            if (d == Decision.EXCLUDES) {
                return Decision.EXCLUDES;
            }
            if (d == Decision.UNCLEAR) {
                out = Decision.UNCLEAR;
            }
        }
        return out;
    }

    /** One term, possibly negated: ROUTES when it holds for every storage Data Access log, EXCLUDES for none. */
    private static Decision term(String raw) {
        boolean negated = false;
        String t = raw;
        if (t.startsWith("NOT ")) {
            negated = true;
            t = t.substring(4).trim();
        } else if (t.startsWith("-")) {
            negated = true;
            t = t.substring(1);
        }
        Boolean holds = holds(t);
        if (holds == null) {
            return Decision.UNCLEAR;
        }
        return holds != negated ? Decision.ROUTES : Decision.EXCLUDES;
    }

    /** True when the positive term holds for every storage Data Access log, false for none, null when unknown. */
    private static Boolean holds(String t) {
        Matcher id = LOG_ID.matcher(t);
        if (id.matches()) {
            return id.group(1).equalsIgnoreCase(DATA_ACCESS_LOG);
        }
        Matcher f = FIELD.matcher(t);
        if (!f.matches()) {
            return null;
        }
        String field = f.group(1);
        String op = f.group(2);
        String value = f.group(3).replace("%2F", "/").replace("%2f", "/");
        String path = "/logs/" + DATA_ACCESS_LOG;
        Boolean equal = switch (field) {
            case "logName" -> value.endsWith(path) || op.equals(":") && !value.isEmpty() && path.contains(value)
                    ? Boolean.TRUE : op.equals(":") && value.contains("/") ? null : Boolean.FALSE;
            case "resource.type" -> op.equals(":") ? "gcs_bucket".contains(value) : value.equals("gcs_bucket");
            case "protoPayload.serviceName" -> op.equals(":") ? "storage.googleapis.com".contains(value)
                    : value.equals("storage.googleapis.com");
            default -> null;
        };
        if (equal == null) {
            return null;
        }
        return op.equals("!=") ? !equal : equal;
    }

    /**
     * The filter as OR-ed lists of AND-ed terms ({@code NOT} joined to its term), or null when it has parentheses
     * other than {@code LOG_ID(...)}'s.
     */
    static List<List<String>> disjuncts(String filter) {
        String f = normalise(filter);
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        out.add(current);
        boolean not = false;
        for (String token : tokens(f)) {
            String bare = token.startsWith("-") ? token.substring(1) : token;
            if (bare.startsWith("(") || bare.endsWith(")") && !bare.startsWith("LOG_ID(")) {
                return null;
            }
            switch (token) {
                case "AND" -> {
                }
                case "OR" -> {
                    current = new ArrayList<>();
                    out.add(current);
                }
                case "NOT" -> not = !not;
                default -> {
                    current.add(not ? "NOT " + token : token);
                    not = false;
                }
            }
        }
        return out.stream().anyMatch(List::isEmpty) ? null : out;
    }

    /** Whitespace around comparison operators removed, outside quotes. */
    private static String normalise(String filter) {
        StringBuilder out = new StringBuilder();
        String[] parts = filter.trim().split("\"", -1);
        for (int i = 0; i < parts.length; i++) {
            out.append(i % 2 == 0 ? OPERATOR.matcher(parts[i]).replaceAll("$1") : parts[i]);
            if (i + 1 < parts.length) {
                out.append('"');
            }
        }
        return out.toString();
    }

    /** Whitespace-separated tokens, quotes kept whole. */
    private static List<String> tokens(String f) {
        List<String> out = new ArrayList<>();
        StringBuilder t = new StringBuilder();
        boolean quoted = false;
        for (char c : f.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && Character.isWhitespace(c)) {
                if (!t.isEmpty()) {
                    out.add(t.toString());
                    t.setLength(0);
                }
            } else {
                t.append(c);
            }
        }
        if (!t.isEmpty()) {
            out.add(t.toString());
        }
        return out;
    }

    /** The filter for a message: at most 160 characters. */
    static String shown(String filter) {
        String f = filter.replaceAll("\\s+", " ").trim();
        return f.length() <= 160 ? f : f.substring(0, 157) + "...";
    }
}
