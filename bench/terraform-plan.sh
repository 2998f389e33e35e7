#!/usr/bin/env bash
# Benchmark of `bucketguard scan terraform`: a generated plan of N S3 buckets (with planned_values, as Terraform writes
# it), each with five companions attached by configuration reference under for_each (policy, public access block, ownership controls, encryption with a KMS key
# of the plan, versioning), every tenth bucket public, scanned with every rule into a JSON report.
#
#   bench/terraform-plan.sh [BUCKETS=5000]        (HEAP=256m: the -Xmx of the second run)
#
# Not part of the test suite; prints the plan's size, wall time, CPU time and peak memory (RSS) of the whole command
# (JVM start included), and the load average, since wall time on a shared machine says little. Goal: under 5 s and under 512 MiB for 5,000 buckets. Builds the jar first unless it exists.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUCKETS="${1:-5000}"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
cd "$ROOT"
[ -f cli/target/bucketguard.jar ] || ./mvnw -q -B -ntp package -DskipTests

PLAN="$OUT/terraform-$BUCKETS.plan.json"
python3 - "$BUCKETS" "$PLAN" <<'PY'
import json, sys
n, path = int(sys.argv[1]), sys.argv[2]
keys = ["t%05d" % i for i in range(n)]
def change(address, type_, name, key, after, unknown):
    return {"address": address, "mode": "managed", "type": type_, "name": name, "index": key,
            "provider_name": "registry.terraform.io/hashicorp/aws",
            "change": {"actions": ["create"], "before": None, "after": after, "after_unknown": unknown,
                       "before_sensitive": False, "after_sensitive": {}}}
rc = [{"address": "aws_kms_key.data", "mode": "managed", "type": "aws_kms_key", "name": "data",
       "provider_name": "registry.terraform.io/hashicorp/aws",
       "change": {"actions": ["create"], "before": None, "after": {"description": "data"}, "after_unknown": {"arn": True, "id": True}}}]
for i, k in enumerate(keys):
    name = "acme-tenant-" + k
    rc.append(change('aws_s3_bucket.tenant["%s"]' % k, "aws_s3_bucket", "tenant", k, {"bucket": name, "force_destroy": False},
                     {"arn": True, "id": True, "acl": True, "policy": True, "website": True, "grant": True}))
    principal = "*" if i % 10 == 0 else {"AWS": "arn:aws:iam::444455556666:root"}
    policy = {"Version": "2012-10-17", "Statement": [
        {"Sid": "Read", "Effect": "Allow", "Principal": principal, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::%s/*" % name},
        {"Sid": "TlsOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::" + name, "arn:aws:s3:::%s/*" % name],
         "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
    rc.append(change('aws_s3_bucket_policy.tenant["%s"]' % k, "aws_s3_bucket_policy", "tenant", k, {"policy": json.dumps(policy)}, {"bucket": True, "id": True}))
    on = i % 10 != 0
    rc.append(change('aws_s3_bucket_public_access_block.tenant["%s"]' % k, "aws_s3_bucket_public_access_block", "tenant", k,
                     {"block_public_acls": on, "ignore_public_acls": on, "block_public_policy": on, "restrict_public_buckets": on}, {"bucket": True, "id": True}))
    rc.append(change('aws_s3_bucket_ownership_controls.tenant["%s"]' % k, "aws_s3_bucket_ownership_controls", "tenant", k,
                     {"rule": [{"object_ownership": "BucketOwnerEnforced"}]}, {"bucket": True, "id": True, "rule": [{}]}))
    rc.append(change('aws_s3_bucket_server_side_encryption_configuration.tenant["%s"]' % k, "aws_s3_bucket_server_side_encryption_configuration", "tenant", k,
                     {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}], "bucket_key_enabled": True}]},
                     {"bucket": True, "id": True, "rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": True}]}]}))
    rc.append(change('aws_s3_bucket_versioning.tenant["%s"]' % k, "aws_s3_bucket_versioning", "tenant", k,
                     {"versioning_configuration": [{"status": "Enabled", "mfa_delete": "Disabled"}]}, {"bucket": True, "id": True}))
def cfg(type_, expressions):
    return {"address": type_ + ".tenant", "mode": "managed", "type": type_, "name": "tenant", "provider_config_key": "aws",
            "expressions": expressions, "for_each_expression": {"references": ["var.tenants"]}, "schema_version": 0}
bucket_ref = {"references": ["aws_s3_bucket.tenant", "each.key"]}
conf = [cfg("aws_s3_bucket", {"bucket": {"references": ["each.key"]}}),
        cfg("aws_s3_bucket_policy", {"bucket": bucket_ref, "policy": {"references": ["each.key"]}}),
        cfg("aws_s3_bucket_public_access_block", {"bucket": bucket_ref}),
        cfg("aws_s3_bucket_ownership_controls", {"bucket": bucket_ref}),
        cfg("aws_s3_bucket_server_side_encryption_configuration", {"bucket": bucket_ref,
            "rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": {"references": ["aws_kms_key.data.arn", "aws_kms_key.data"]}}]}]}),
        cfg("aws_s3_bucket_versioning", {"bucket": bucket_ref})]
# As terraform show -json writes it, planned_values repeats every resource's values.
planned = [{"address": c["address"], "mode": "managed", "type": c["type"], "name": c["name"], "index": c.get("index"),
            "provider_name": c["provider_name"], "schema_version": 0, "values": c["change"]["after"],
            "sensitive_values": {}} for c in rc]
plan = {"format_version": "1.2", "terraform_version": "1.11.4", "planned_values": {"root_module": {"resources": planned}},
        "resource_changes": rc,
        "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}}},
                          "root_module": {"resources": conf}}}
with open(path, "w") as f:
    json.dump(plan, f)
PY
echo "plan: $BUCKETS buckets, $(( BUCKETS * 6 + 1 )) resource changes, $(du -h "$PLAN" | cut -f1)"

# Three times: the JVM's defaults (G1 sizes its heap from the machine's memory, a quarter of it, and grows it
# freely), the heap capped at HEAP (default 256m), which shows what the scan itself needs, and bin/bucketguard, the
# launcher the README installs, with the JVM options it picks for a plan scan.
run() {
  local label="$1"; shift
  local status=0
  /usr/bin/time -f "%e %M %U %S" -o "$OUT/terraform-time.txt" "$@" scan terraform "$PLAN" --account-id 111122223333 \
    --format json --output "$OUT/terraform-report.json" || status=$?
  read -r wall kib user sys < <(tail -n 1 "$OUT/terraform-time.txt")
  resources=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(len(r['resources']), sum(1 for x in r['resources'] if x['exposure']=='PUBLIC'))" "$OUT/terraform-report.json")
  echo "$label: scanned $resources (resources, public); exit $status (4 expected: public buckets on purpose)"
  echo "$label: wall ${wall} s; CPU ${user} s user + ${sys} s sys; peak RSS $(( kib / 1024 )) MiB (goal: < 5 s, < 512 MiB)"
}
# shellcheck disable=SC2086 # BUCKETGUARD_JAVA_OPTS is a list of options
run "java -jar (JVM defaults)" java ${BUCKETGUARD_JAVA_OPTS:-} -jar cli/target/bucketguard.jar
# shellcheck disable=SC2086
run "java -Xmx${HEAP:-256m} -jar" java "-Xmx${HEAP:-256m}" ${BUCKETGUARD_JAVA_OPTS:-} -jar cli/target/bucketguard.jar
run "bin/bucketguard" bin/bucketguard
echo "load average when done: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall time is only meaningful on an idle machine)"
