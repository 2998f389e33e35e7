package dev.bucketguard.rules.gcp;

import dev.bucketguard.model.Fact;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.PublicVerdict;
import java.util.EnumSet;
import java.util.List;

/** The exposure verdict of a GCS bucket: PUBLIC fails, UNKNOWN stays UNKNOWN. */
public final class StoragePublicAccess extends PublicVerdict {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "gcp.storage.public-access",
            "Cloud Storage bucket is public",
            Severity.CRITICAL,
            "gcp",
            "Reports the exposure verdict (SEMANTICS.md 5.3): fails when an IAM binding, or (without uniform"
                    + " bucket-level access) a bucket or default object ACL, grants allUsers or allAuthenticatedUsers"
                    + " and public access prevention is not enforced on the bucket or by the organisation policy."
                    + " UNKNOWN when the IAM policy, ACLs or public access prevention could not be read. Unlike a text"
                    + " search for allUsers, it honours public access prevention and ACLs.",
            "Anyone (allUsers) or anyone with a Google account (allAuthenticatedUsers) can read the objects, or"
                    + " list and change them if the role allows; conditional bindings are public for the objects they"
                    + " match.",
            new Remediation(
                    "Google Cloud console > Cloud Storage > bucket > Permissions: remove the allUsers and"
                            + " allAuthenticatedUsers principals, switch Access control to Uniform, and click 'Prevent"
                            + " public access'.",
                    "gcloud storage buckets remove-iam-policy-binding gs://BUCKET --member=allUsers"
                            + " --role=roles/storage.objectViewer\n"
                            + "gcloud storage buckets update gs://BUCKET --public-access-prevention"
                            + " --uniform-bucket-level-access",
                    """
                    resource "google_storage_bucket" "this" {
                      # ...
                      uniform_bucket_level_access = true
                      public_access_prevention    = "enforced"
                    }
                    """),
            List.of("CIS Google Cloud Platform Foundation Benchmark v3.0.0 5.1",
                    "CIS Google Cloud Platform Foundation Benchmark v3.0.0 5.2",
                    "https://cloud.google.com/storage/docs/public-access-prevention"),
            EnumSet.of(Fact.IAM_POLICY, Fact.PUBLIC_ACCESS_PREVENTION, Fact.ACL, Fact.DEFAULT_OBJECT_ACL));

    public StoragePublicAccess() {
        super("the bucket");
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }
}
