package dev.bucketguard.cloud.gcp;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Buckets, grants and read failures for the Cloud Storage verdict tests, as the GCP provider records them. */
final class Fixtures {
    static final String PROJECT = "applicants-prod";

    /** The call and permission each fact needs, as the provider records a denied read. */
    private static final Map<Fact, String[]> CALLS = Map.of(
            GcpFacts.IAM_POLICY, new String[] {"buckets.getIamPolicy", "storage.buckets.getIamPolicy"},
            GcpFacts.PUBLIC_ACCESS_PREVENTION, new String[] {"buckets.get", "storage.buckets.get"},
            GcpFacts.ORG_POLICY, new String[] {"projects.getEffectiveOrgPolicy", "orgpolicy.policy.get"},
            GcpFacts.ACL, new String[] {"bucketAccessControls.list", "storage.buckets.getIamPolicy"},
            GcpFacts.DEFAULT_OBJECT_ACL,
            new String[] {"defaultObjectAccessControls.list", "storage.buckets.getIamPolicy"});

    private Fixtures() {
    }

    static Unknown denied(Fact fact) {
        String[] call = CALLS.get(fact);
        return new Unknown(fact, call[0], call[1], "AccessDenied");
    }

    /**
     * A bucket of {@link #PROJECT} with its IAM policy and ACLs read. {@code pap} null: the bucket's iamConfiguration
     * was denied; {@code orgEnforces} null: the organisation policy was denied.
     */
    static Resource.Builder bucket(PublicAccessPrevention pap, Boolean orgEnforces, Boolean ubla) {
        Resource.Builder b = Resource.builder(GcpCloud.ID, PROJECT, "applicants-cv").kind(GcpCloud.BUCKET)
                .collected(GcpFacts.IAM_POLICY, GcpFacts.ACL, GcpFacts.DEFAULT_OBJECT_ACL)
                .details(new GcpBucket(pap, pap == null ? null : ubla, orgEnforces, null, null));
        b = pap == null ? b.unknown(denied(GcpFacts.PUBLIC_ACCESS_PREVENTION))
                : b.collected(GcpFacts.PUBLIC_ACCESS_PREVENTION);
        return orgEnforces == null ? b.unknown(denied(GcpFacts.ORG_POLICY)) : b.collected(GcpFacts.ORG_POLICY);
    }

    static Grant grant(Grantee who, Channel via, String source, Permission... permissions) {
        return new Grant(who, Set.of(permissions), via, source);
    }

    static Grant conditional(Grantee who, Channel via, String source, String condition, Permission... permissions) {
        return new Grant(who, Set.of(permissions), via, source, null, List.of(condition), null);
    }

    static Verdict verdict(Resource r) {
        return verdict(r, TrustZone.OWNER_ONLY);
    }

    static Verdict verdict(Resource r, TrustZone trust) {
        return new GcpCloud().verdict(r, trust);
    }
}
