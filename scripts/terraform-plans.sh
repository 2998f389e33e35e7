#!/usr/bin/env bash
# Turns the Terraform scenarios under providers/terraform/src/test/terraform/aws into the plan JSON the tests read
# (providers/terraform/src/test/resources/plans/aws/<scenario>.plan.json), with real `terraform plan` and
# `terraform show -json`, offline: mock credentials, no AWS call (-refresh=false; a scenario's terraform.tfstate holds
# resources that already exist), and the hashicorp/aws provider from a local filesystem mirror.
#
#   scripts/terraform-plans.sh [OUTPUT_DIR [SCENARIO...]]
#
# OUTPUT_DIR defaults to the committed fixtures; SCENARIO names limit the run to those directories (default: all). TF_PLUGIN_MIRROR (default /opt/tf-plugins) is the mirror. The volatile
# top-level field "timestamp" is dropped and relevant_attributes sorted, so that a regeneration changes no byte unless
# the plan changed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
scenarios="$root/providers/terraform/src/test/terraform/aws"
out="${1:-$root/providers/terraform/src/test/resources/plans/aws}"
shift $(( $# > 0 ? 1 : 0 ))
only=("$@")
mirror="${TF_PLUGIN_MIRROR:-/opt/tf-plugins}"

command -v terraform >/dev/null || { echo "terraform-plans.sh: terraform is not on PATH" >&2; exit 2; }
[ -d "$mirror" ] || { echo "terraform-plans.sh: no provider mirror at $mirror (set TF_PLUGIN_MIRROR)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/terraformrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/*"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/*"]
  }
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
export TF_PLUGIN_CACHE_DIR="$work/plugin-cache" && mkdir -p "$TF_PLUGIN_CACHE_DIR"
mkdir -p "$out"

for dir in "$scenarios"/*/; do
  name="$(basename "$dir")"
  if [ ${#only[@]} -gt 0 ] && [[ ! " ${only[*]} " == *" $name "* ]]; then
    continue
  fi
  run="$work/$name"
  cp -R "$dir" "$run"
  cp "$scenarios/provider.tf.common" "$run/provider.tf"
  (
    cd "$run"
    terraform init -input=false -no-color >/dev/null
    terraform plan -input=false -no-color -refresh=false -lock=false -out=plan.out >/dev/null
    terraform show -json plan.out
  ) | python3 -c '
import json, sys
plan = json.load(sys.stdin)
plan.pop("timestamp", None)
# Terraform writes relevant_attributes in no fixed order.
plan["relevant_attributes"] = sorted(plan.get("relevant_attributes", []), key=lambda a: json.dumps(a, sort_keys=True))
json.dump(plan, sys.stdout, indent=2, sort_keys=True)
sys.stdout.write("\n")
' > "$out/$name.plan.json"
  echo "$name: $out/$name.plan.json"
done
