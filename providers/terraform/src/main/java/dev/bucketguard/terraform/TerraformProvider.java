package dev.bucketguard.terraform;

import dev.bucketguard.cloud.aws.BlockPublicAccess;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.cloud.gcp.GcpBucket;
import dev.bucketguard.cloud.gcp.GcpFacts;
import dev.bucketguard.cloud.gcp.GcsRoles;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.report.Reporter;
import dev.bucketguard.scan.Finding;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.spi.Clouds;
import dev.bucketguard.spi.RuleMetadata;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Terraform plan into the same model as a live scan, so that the same verdicts and rules judge what is about
 * to be deployed. Resources the plan destroys are not scanned; storage resources of a type it does not map are reported
 * as not scanned. The plan is read when the provider is made, so a file that is no plan stops before any scan.
 *
 * <p>What a plan cannot show is never taken in the comfortable direction: a value known only after apply is an
 * Unknown naming the Terraform attribute, and a guardrail that lives outside the plan (account-level Block Public
 * Access) is taken as off, with a reason saying so ({@link #clouds(Clouds)} adds those reasons to the verdicts).
 */
public final class TerraformProvider implements Provider {
    public static final String ID = "terraform";
    /** Storage types that set nothing about who reaches the data. */
    private static final Set<String> NOT_ACCESS = Set.of("aws_s3_bucket_lifecycle_configuration",
            "aws_s3_bucket_cors_configuration", "aws_s3_bucket_notification", "aws_s3_bucket_inventory",
            "aws_s3_bucket_metric", "aws_s3_bucket_analytics_configuration",
            "aws_s3_bucket_request_payment_configuration", "aws_s3_bucket_accelerate_configuration",
            "aws_s3_bucket_intelligent_tiering_configuration", "aws_s3_bucket_object_lock_configuration",
            "azurerm_storage_blob", "azurerm_storage_management_policy", "azurerm_storage_queue",
            "azurerm_storage_table", "azurerm_storage_share", "google_storage_bucket_object",
            "google_storage_notification", "google_storage_hmac_key");
    private static final List<String> STORAGE_PREFIXES = List.of("aws_s3_", "aws_s3control_", "aws_s3tables_",
            "aws_s3outposts_", "azurerm_storage_", "google_storage_");
    /** Access granted to storage by types that are not storage types: role assignments and project IAM. */
    private static final Set<String> GRANTS = Set.of("azurerm_role_assignment", "google_project_iam_member",
            "google_project_iam_binding", "google_project_iam_policy");

    private final Plan plan;
    private final TerraformOptions options;
    private final Map<String, Provenance> provenance = new HashMap<>();
    private Inventory inventory;

    public TerraformProvider(TerraformOptions options) {
        this.options = options;
        this.plan = Plan.read(options.plan());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public synchronized Inventory collect(FactSelection facts, Progress progress) {
        if (inventory == null) {
            inventory = map();
            progress.report("read " + inventory.resources().size() + " resources from plan " + options.plan());
        }
        return inventory;
    }

    private Inventory map() {
        List<ScanError> errors = new ArrayList<>();
        List<PlanResource> live = new ArrayList<>();
        for (PlanResource r : plan.resources()) {
            if (r.destroyed()) {
                continue;
            }
            live.add(r);
            if (!r.data() && STORAGE_PREFIXES.stream().anyMatch(p -> r.type().startsWith(p))
                    && !AwsPlan.TYPES.contains(r.type()) && !AzurePlan.TYPES.contains(r.type())
                    && !GcpPlan.TYPES.contains(r.type()) && !NOT_ACCESS.contains(r.type())) {
                errors.add(new ScanError(ID, r.address(), ScanError.Kind.CLOUD_DATA, r.address() + ": resource type "
                        + r.type() + " may change who reaches stored data and bucketguard does not read it; it is"
                        + " not scanned"));
            } else if (!r.data() && GRANTS.contains(r.type()) && grantsStorage(r)) {
                errors.add(new ScanError(ID, r.address(), ScanError.Kind.CLOUD_DATA, r.address() + ": "
                        + r.type() + " grants access to storage, which bucketguard does not read (a live scan does"
                        + " not either); it is not scanned"));
            }
        }
        List<Resource> resources = new ArrayList<>();
        Optional<String> caller = AwsPlan.callerAccount(plan);
        Optional<Resource> settings = options.accountSettings().stream()
                .filter(r -> AwsPlan.ID.equals(r.provider())).findFirst();
        String account = options.accountId() != null ? options.accountId()
                : caller.orElseGet(() -> settings.map(Resource::account).orElse("unknown-account"));
        boolean accountKnown = options.accountId() != null || caller.isPresent() || settings.isPresent();
        BlockPublicAccess accountBpa = options.accountSettings().stream()
                .filter(r -> AwsPlan.ID.equals(r.provider()) && r.account().equals(account)
                        && r.knows(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT))
                .map(r -> S3Bucket.of(r).accountBlockPublicAccess()).filter(b -> b != null).findFirst().orElse(null);
        resources.addAll(new AwsPlan(plan, account, accountKnown, accountBpa, errors, provenance).resources(live));
        resources.addAll(new AzurePlan(plan, options.accountSettings(), errors, provenance).resources(live));
        Map<String, Boolean> orgPolicy = new HashMap<>();
        options.accountSettings().stream().filter(r -> GcpPlan.ID.equals(r.provider())
                        && r.knows(GcpFacts.ORG_POLICY) && GcpBucket.of(r).orgEnforcesPublicAccessPrevention() != null)
                .forEach(r -> orgPolicy.putIfAbsent(r.account(), GcpBucket.of(r).orgEnforcesPublicAccessPrevention()));
        resources.addAll(new GcpPlan(plan, orgPolicy, errors, provenance).resources(live));
        return new Inventory(resources, errors);
    }

    /**
     * True when a role assignment's scope is a storage account or container (by value, or a reference to one of the
     * plan), or a project IAM grant names a role that reaches the project's buckets' data (a storage role or a basic
     * role: {@link GcsRoles#reachesData}), or a role known only at apply.
     */
    private static boolean grantsStorage(PlanResource r) {
        if ("azurerm_role_assignment".equals(r.type())) {
            String scope = r.string("scope");
            return scope != null ? scope.contains("/providers/Microsoft.Storage/")
                    : r.references("scope").stream().anyMatch(ref -> ref.startsWith("azurerm_storage_"));
        }
        if ("google_project_iam_policy".equals(r.type())) {
            String data = r.string("policy_data");
            return data == null || GcsRoles.namedIn(data);
        }
        String role = r.string("role");
        return role == null || GcsRoles.reachesData(role);
    }

    /**
     * The clouds whose verdicts judge this plan's resources: each verdict gains the reasons a plan needs (a guardrail
     * outside the plan taken as off, a new resource's defaults).
     */
    public Clouds clouds(Clouds base) {
        return PlanVerdicts.of(base, provenance);
    }

    /**
     * A SARIF reporter whose results point at the {@code .tf} file and line to change, found under {@code sourceDir}
     * (paths relative to it); results whose block is not found point at {@code fallbackUri}. Its findings name the
     * resource address to change, as {@link #reporter(Reporter)}'s do.
     */
    public Reporter sarif(Path sourceDir, String fallbackUri) {
        return reporter(new PlanSarif(fallbackUri, provenance, new SourceIndex(sourceDir, plan)));
    }

    /** {@code base}, writing the report with {@link #annotate(ScanReport)}: each failing finding names what to change. */
    public Reporter reporter(Reporter base) {
        return new Reporter() {
            @Override
            public String format() {
                return base.format();
            }

            @Override
            public void write(ScanReport report, Writer out) throws IOException {
                base.write(annotate(report), out);
            }
        };
    }

    /**
     * The report whose failing findings, where the rule's remediation says how to fix it in Terraform, end with the
     * address of the resource to change ({@code Terraform: change aws_s3_bucket_policy.site.}): the companion that
     * set the fact the rule is about, else the resource's own block.
     */
    public ScanReport annotate(ScanReport report) {
        Map<String, RuleMetadata> rules = new HashMap<>();
        report.rules().forEach(m -> rules.putIfAbsent(m.id(), m));
        List<ResourceReport> resources = new ArrayList<>(report.resources().size());
        for (ResourceReport r : report.resources()) {
            Provenance p = provenance.get(r.resource().ref());
            if (p == null) {
                resources.add(r);
                continue;
            }
            List<Finding> findings = new ArrayList<>(r.findings().size());
            for (Finding f : r.findings()) {
                RuleMetadata rule = rules.get(f.ruleId());
                PlanResource change = rule == null ? null : p.addressToChange(rule);
                if (f.status() == FindingStatus.FAIL && change != null && rule.remediation() != null
                        && rule.remediation().terraform() != null) {
                    f = new Finding(f.ruleId(), f.title(), f.severity(), f.status(), f.message()
                            + (f.message().endsWith(".") ? " " : ". ") + "Terraform: change " + change.address() + ".",
                            f.evidence(), f.suppression(), f.baselined());
                }
                findings.add(f);
            }
            resources.add(new ResourceReport(r.resource(), r.verdict(), r.readAudit(), findings));
        }
        return new ScanReport(report.toolVersion(), report.rules(), resources, report.errors(), report.warnings());
    }

    /** Where each resource comes from in the plan, by reference ({@code aws:111122223333:bucket}). */
    Map<String, Provenance> provenance() {
        return provenance;
    }

    Plan plan() {
        return plan;
    }
}
