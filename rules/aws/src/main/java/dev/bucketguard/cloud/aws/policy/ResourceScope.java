package dev.bucketguard.cloud.aws.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * What a statement's Resource or NotResource reaches of one bucket (or access point): the bucket itself, all of its
 * objects, or some of them.
 *
 * <p>When the bucket's name is unknown and the policy names none without a wildcard, the scope falls back to the
 * shape of each ARN, leaning towards "covers" for an Allow and towards "does not cover" for a Deny, so that neither
 * direction makes the result look safer than it is.
 */
final class ResourceScope {
    private final boolean bucket;
    private final boolean allObjects;
    private final boolean someObjects;
    private final List<String> objectPatterns;
    private final List<String> resources;
    private final boolean not;

    private ResourceScope(boolean bucket, boolean allObjects, boolean someObjects, List<String> objectPatterns,
                          List<String> resources, boolean not) {
        this.bucket = bucket;
        this.allObjects = allObjects;
        this.someObjects = someObjects;
        this.objectPatterns = objectPatterns;
        this.resources = resources;
        this.not = not;
    }

    /**
     * @param base        "bucket-name" or "accesspoint/name"; null when unknown
     * @param accessPoint true for an access-point policy, whose objects are ".../object/key"
     * @param generous    true for an Allow (unknown shapes count as covered), false for a Deny
     */
    static ResourceScope of(List<String> patterns, boolean notResource, String base, boolean accessPoint,
                            boolean generous) {
        boolean b = false;
        boolean all = false;
        boolean some = false;
        List<String> keys = new ArrayList<>();
        // For NotResource, each pattern is judged "against" the scope: the complement must not be overstated.
        boolean lean = notResource != generous;
        for (String p : patterns) {
            Match m = match(p, base, accessPoint, lean);
            b |= m.bucket;
            all |= m.allObjects;
            some |= m.someObjects;
            if (m.someObjects && !m.allObjects) {
                keys.add(p);
            }
        }
        if (notResource) {
            return new ResourceScope(!b, !some, !all, all ? List.of() : List.copyOf(patterns), patterns, true);
        }
        return new ResourceScope(b, all, some, all ? List.of() : List.copyOf(keys), patterns, false);
    }

    private record Match(boolean bucket, boolean allObjects, boolean someObjects) {
    }

    private static Match match(String p, String base, boolean accessPoint, boolean generous) {
        if ("*".equals(p)) {
            return new Match(true, true, true);
        }
        String[] parts = p.split(":", 6);
        if (parts.length < 6) {
            // A wildcard spanning colons ("arn:aws:s3:*") may match anything.
            boolean any = generous && Glob.hasWildcard(p) && Glob.admitsPrefix(p, "arn:aws:s3:");
            return new Match(any, any, any);
        }
        if (!Glob.matches(parts[0], "arn") || !Glob.matches(parts[2], "s3")) {
            return new Match(false, false, false);
        }
        String res = parts[5];
        String objectPrefix = accessPoint ? "/object/" : "/";
        if (base != null) {
            String prefix = base + objectPrefix;
            return new Match(Glob.matches(res, base), Glob.coversAllWithPrefix(res, prefix),
                    Glob.admitsPrefix(res, prefix));
        }
        if (accessPoint && !res.startsWith("accesspoint/") && !res.startsWith("*")) {
            return new Match(false, false, false);
        }
        if (generous) {
            boolean objects = Glob.hasWildcard(res) || res.contains(accessPoint ? "/object/" : "/");
            return new Match(!res.contains(accessPoint ? "/object/" : "/") || res.startsWith("*"), objects, objects);
        }
        boolean everything = "*".equals(res) || (accessPoint ? "accesspoint/*".equals(res) : false);
        return new Match(everything, everything || "*/*".equals(res), everything || res.contains("/"));
    }

    boolean bucket() {
        return bucket;
    }

    boolean allObjects() {
        return allObjects;
    }

    boolean someObjects() {
        return someObjects;
    }

    /** True when this (a Deny's) scope reaches every object the other (an Allow's) scope reaches. */
    boolean coversObjectsOf(ResourceScope allow) {
        if (allObjects) {
            return true;
        }
        if (not || allow.not || allow.allObjects || allow.objectPatterns.isEmpty()) {
            return false;
        }
        for (String a : allow.objectPatterns) {
            boolean covered = false;
            for (String d : resources) {
                covered |= d.equals(a) || (!Glob.hasWildcard(a) && Glob.matches(d, a))
                        || (d.endsWith("*") && !Glob.hasWildcard(d.substring(0, d.length() - 1))
                        && a.startsWith(d.substring(0, d.length() - 1)));
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** "objects under arn:aws:s3:::b/public/*" style text when only part of the objects is reached, else null. */
    String partialObjects() {
        if (!someObjects || allObjects) {
            return null;
        }
        return not ? "objects other than " + String.join(", ", objectPatterns)
                : "only " + String.join(", ", objectPatterns);
    }
}
