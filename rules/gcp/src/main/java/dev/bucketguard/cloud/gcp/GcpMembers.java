package dev.bucketguard.cloud.gcp;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a Cloud Storage member or ACL entity belongs to, in the forms GCS writes them: IAM members name projects by id
 * ({@code projectViewer:my-project}, {@code serviceAccount:x@my-project.iam.gserviceaccount.com}), ACL entities by
 * number ({@code project-viewers-123456789012}); people and groups belong to the domain of their address.
 *
 * <p>{@link #owners(String)} gives the project ids, project numbers and domains a member belongs to; a member is
 * the owner's or trusted exactly when one of them is. A member with none (a Google account id, a workforce pool) is
 * nobody's: always outside.
 */
public final class GcpMembers {
    private static final Pattern PROJECT_ENTITY = Pattern.compile("project-(?:owners|editors|viewers)-(.+)");
    private static final Pattern PROJECT_MEMBER = Pattern.compile("project(?:Owner|Editor|Viewer):(.+)");
    /** Google-managed service accounts named by project number: service-NUM@gcp-sa-*, NUM-compute@developer, NUM@cloudbuild. */
    private static final Pattern SA_BY_NUMBER = Pattern.compile(
            "(?:service-(\\d+)@[-a-z0-9.]+|(\\d+)-compute@developer|(\\d+)@cloudbuild)\\.gserviceaccount\\.com");
    private static final Pattern SA_OF_PROJECT = Pattern.compile("[^@]+@([a-z][-a-z0-9]*)\\.iam\\.gserviceaccount\\.com");
    private static final Pattern SA_APPSPOT = Pattern.compile("([a-z][-a-z0-9:.]*)@appspot\\.gserviceaccount\\.com");
    private static final Pattern PRINCIPAL_PROJECT = Pattern.compile("principal(?:Set)?://[^/]+/projects/([^/]+)/.*");

    private GcpMembers() {
    }

    /** The project ids, numbers and domains the member belongs to, lower-cased; empty when it belongs to no one. */
    public static Set<String> owners(String member) {
        Set<String> out = new TreeSet<>();
        if (member == null || member.isBlank()) {
            return out;
        }
        String m = member.trim();
        Matcher x;
        if ((x = PROJECT_ENTITY.matcher(m)).matches() || (x = PROJECT_MEMBER.matcher(m)).matches()
                || (x = PRINCIPAL_PROJECT.matcher(m)).matches()) {
            out.add(x.group(1).toLowerCase(Locale.ROOT));
            return out;
        }
        if (m.startsWith("principal://") || m.startsWith("principalSet://")) {
            return out;
        }
        String address = strip(m, "serviceAccount:", "serviceAccount-");
        if (address != null) {
            String project = serviceAccountProject(address.toLowerCase(Locale.ROOT));
            if (project != null) {
                out.add(project);
            }
            return out;
        }
        address = strip(m, "user:", "group:", "user-", "group-");
        if (address != null) {
            String a = address.toLowerCase(Locale.ROOT);
            int at = a.lastIndexOf('@');
            // A service account written as a user or group entity still belongs to its project.
            String project = serviceAccountProject(a);
            if (project != null) {
                out.add(project);
            } else if (at > 0 && at < a.length() - 1 && !a.endsWith(".gserviceaccount.com")) {
                out.add(a.substring(at + 1));
            }
            // Without an @ it is a Google account id: nobody's domain.
            return out;
        }
        address = strip(m, "domain:", "domain-");
        if (address != null) {
            out.add(address.toLowerCase(Locale.ROOT));
            return out;
        }
        if (m.contains(":") || m.contains("@") || m.contains("/")) {
            return out;
        }
        // A bare project id, number or domain, as a hand-written snapshot may name it.
        out.add(m.toLowerCase(Locale.ROOT));
        return out;
    }

    /**
     * True when the member belongs to the owner project (by id or number), to one of {@code trusted} (project ids,
     * numbers, domains; compared exactly, ignoring case: a subdomain of a trusted domain is not trusted).
     */
    public static boolean trusted(String member, String ownerProject, String ownerNumber, Set<String> trusted) {
        Set<String> ids = new TreeSet<>();
        ids.add(ownerProject.toLowerCase(Locale.ROOT));
        if (ownerNumber != null && !ownerNumber.isBlank()) {
            ids.add(ownerNumber.toLowerCase(Locale.ROOT));
        }
        trusted.forEach(t -> ids.add(t.trim().toLowerCase(Locale.ROOT)));
        return owners(member).stream().anyMatch(ids::contains);
    }

    /** The project id or number a service account address belongs to, or null for one of no known project. */
    private static String serviceAccountProject(String a) {
        Matcher x = SA_BY_NUMBER.matcher(a);
        if (x.matches()) {
            for (int i = 1; i <= x.groupCount(); i++) {
                if (x.group(i) != null) {
                    return x.group(i);
                }
            }
        }
        if ((x = SA_OF_PROJECT.matcher(a)).matches() || (x = SA_APPSPOT.matcher(a)).matches()) {
            return x.group(1);
        }
        return null;
    }

    private static String strip(String m, String... prefixes) {
        for (String p : prefixes) {
            if (m.startsWith(p)) {
                return m.substring(p.length());
            }
        }
        return null;
    }
}
