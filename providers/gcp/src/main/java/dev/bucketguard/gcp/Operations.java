package dev.bucketguard.gcp;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API method a request is, by its path, for counting and for messages: {@code buckets.getIamPolicy}. */
final class Operations {
    private static final Pattern BUCKETS = Pattern.compile(".*/storage/v1/b/?");
    private static final Pattern BUCKET = Pattern.compile(".*/storage/v1/b/[^/]+/?");
    private static final Pattern IAM = Pattern.compile(".*/storage/v1/b/[^/]+/iam/?");
    private static final Pattern TEST_PERMISSIONS = Pattern.compile(".*/storage/v1/b/[^/]+/iam/testPermissions");
    private static final Pattern ACL = Pattern.compile(".*/storage/v1/b/[^/]+/acl(/.*)?");
    private static final Pattern DEFAULT_ACL = Pattern.compile(".*/storage/v1/b/[^/]+/defaultObjectAcl(/.*)?");
    private static final Pattern OBJECTS = Pattern.compile(".*/storage/v1/b/[^/]+/o/?");
    private static final Pattern OBJECT_ACL = Pattern.compile(".*/storage/v1/b/[^/]+/o/.+/acl(/.*)?");
    private static final Pattern OBJECT = Pattern.compile(".*/storage/v1/b/[^/]+/o/.+");
    private static final Pattern ORG_POLICY = Pattern.compile(".*/v2/.+/policies/.+:getEffectivePolicy");
    private static final Pattern HIERARCHY = Pattern.compile("/v[0-9]+/(projects|folders|organizations)/[^/:]+"
            + "(:[A-Za-z]+)?");
    private static final Pattern SINKS = Pattern.compile("/v2/projects/[^/]+/sinks(/.*)?");
    private static final Pattern LOG_BUCKETS = Pattern.compile("/v2/projects/[^/]+/locations/[^/]+/buckets(/.*)?");

    private Operations() {
    }

    static String of(String method, String url) {
        String path;
        try {
            path = URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            return "?";
        }
        if (path == null) {
            return "?";
        }
        boolean get = "GET".equalsIgnoreCase(method);
        if (ORG_POLICY.matcher(path).matches()) {
            return "policies.getEffectivePolicy";
        }
        if (SINKS.matcher(path).matches()) {
            return get ? "projects.sinks.list" : "projects.sinks." + method.toLowerCase();
        }
        if (LOG_BUCKETS.matcher(path).matches()) {
            return get ? "projects.locations.buckets.list" : "projects.locations.buckets." + method.toLowerCase();
        }
        Matcher h = HIERARCHY.matcher(path);
        if (h.matches()) {
            return h.group(1) + "." + (h.group(2) != null ? h.group(2).substring(1) : get ? "get"
                    : method.toLowerCase());
        }
        if (TEST_PERMISSIONS.matcher(path).matches()) {
            return "buckets.testIamPermissions";
        }
        if (IAM.matcher(path).matches()) {
            return get ? "buckets.getIamPolicy" : "buckets.setIamPolicy";
        }
        if (OBJECT_ACL.matcher(path).matches()) {
            return get ? "objectAccessControls.list" : "objectAccessControls." + method.toLowerCase();
        }
        if (DEFAULT_ACL.matcher(path).matches()) {
            return get ? "defaultObjectAccessControls.list" : "defaultObjectAccessControls." + method.toLowerCase();
        }
        if (ACL.matcher(path).matches()) {
            return get ? "bucketAccessControls.list" : "bucketAccessControls." + method.toLowerCase();
        }
        if (OBJECTS.matcher(path).matches()) {
            return get ? "objects.list" : "objects.insert";
        }
        if (OBJECT.matcher(path).matches()) {
            return get ? "objects.get" : "objects." + method.toLowerCase();
        }
        if (BUCKET.matcher(path).matches()) {
            return get ? "buckets.get" : "buckets." + method.toLowerCase();
        }
        if (BUCKETS.matcher(path).matches()) {
            return get ? "buckets.list" : "buckets.insert";
        }
        return method.toUpperCase() + " " + path.replaceAll("/b/[^/]+", "/b/*");
    }
}
