#!/usr/bin/env bash
# Every Terraform check of infrastructure/, in one go (npm run test:terraform; CI calls it too):
#   fmt            terraform fmt -check -recursive
#   lint-scripts   shellcheck of every shell script of the repository (scripts/, .ci/run, services/)
#   runner         modules/runner: init, validate, terraform test (labels, names, boot script)
#   aws-host       modules/aws-host: init, validate, terraform test with mock_provider "aws"
#   local-example  examples/local: a real `terraform apply` (local backend) whose `deployments`
#                  output must equal the contract record of test-service-local
#   proxmox-host / cloudflare-dns   providers unavailable offline: the configuration must load
#                  (init fails only because bpg/proxmox, cloudflare/cloudflare or hashicorp/tls
#                  cannot be found; cloudflare-dns also checks modules/cloudflare-tunnel);
#                  proxmox-host's tests (variable validations) run on a copy of its variables.tf
#   wiring         the root configuration and modules/launch-service, validated and tested (mock
#                  aws) with provider-free stand-ins for proxmox-host and the Cloudflare modules that
#                  declare the same variables and outputs
#   boot-script    scripts/test-boot-script.sh: the boot script, run in a Debian 12 container
# Writes its own CLI config pointing at the offline provider mirror (TF_PROVIDER_MIRROR, or found
# on disk) and works on a temporary copy, so nothing is left in the tree.
# Environment: TF_PROVIDER_MIRROR (mirror root, the folder above registry.terraform.io/),
# SKIP_BOOT_SCRIPT_TEST=1 to skip the container test (CI must not), VERBOSE=1 to print the log of
# passing checks too (a failing check always prints its log).
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { printf '[test-terraform] %s\n' "$*"; }

if ! command -v terraform >/dev/null 2>&1; then
  say "terraform is not on PATH. Install Terraform >= 1.10 (https://developer.hashicorp.com/terraform/install); it is not available from npm or Debian."
  exit 1
fi

mirror=${TF_PROVIDER_MIRROR:-}
if [ -z "$mirror" ]; then
  provider=$(find / -xdev -path '*registry.terraform.io/hashicorp/aws*' -name 'terraform-provider-aws*' -print -quit 2>/dev/null)
  [ -n "$provider" ] && mirror=${provider%%/registry.terraform.io/*}
fi
if [ -n "$mirror" ] && [ ! -d "$mirror/registry.terraform.io/hashicorp/aws" ]; then
  say "TF_PROVIDER_MIRROR=$mirror holds no registry.terraform.io/hashicorp/aws; set it to the folder above registry.terraform.io/"
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/plugin-cache"
# Offline (this project's machines): install providers from the mirror only. Elsewhere (GitHub-
# hosted CI) there is no mirror and providers come from the registry as usual.
{
  echo "plugin_cache_dir = \"$work/plugin-cache\""
  [ -n "$mirror" ] && printf 'provider_installation {\n  filesystem_mirror {\n    path = "%s"\n  }\n}\n' "$mirror"
} >"$work/terraform.rc"
export TF_CLI_CONFIG_FILE="$work/terraform.rc" TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
unset TF_DATA_DIR
cp -r "$repo/infrastructure" "$work/infrastructure"
find "$work/infrastructure" \( -name .terraform -o -name '*.tfstate*' -o -name .terraform.lock.hcl \) -prune -exec rm -rf {} +
infra=$work/infrastructure
say "terraform $(terraform version | head -1 | cut -d' ' -f2), provider mirror ${mirror:-none (registry)}"

results=()
failed=0
step() { # step <name> <function>: run, time and record one check; its output goes to a log
  local name=$1 started=$SECONDS log="$work/$1.log"
  say "── $name"
  if "$2" >"$log" 2>&1; then
    results+=("PASS  $name ($((SECONDS - started)) s)")
    if [ "${VERBOSE:-0}" = 1 ]; then sed 's/^/    /' "$log"; fi
  else
    results+=("FAIL  $name ($((SECONDS - started)) s)")
    failed=1
    sed 's/^/    /' "$log"
  fi
}
tf() { terraform -chdir="$1" "${@:2}" -no-color; }
init_validate_test() { # a module whose providers are all available offline
  tf "$1" init -backend=false && tf "$1" validate && tf "$1" test
}

check_fmt() { terraform fmt -check -recursive -diff "$repo/infrastructure"; }

check_lint_scripts() {
  if ! command -v shellcheck >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
  fi
  shellcheck "$repo"/scripts/*.sh "$repo/.ci/run" "$repo"/services/*/*.sh
}

check_runner() { init_validate_test "$infra/modules/runner"; }
check_aws_host() { init_validate_test "$infra/modules/aws-host"; }

check_local_example() {
  local dir=$infra/examples/local
  tf "$dir" init && tf "$dir" validate && tf "$dir" apply -auto-approve || return 1
  tf "$dir" output -json >"$work/local-output.json" || return 1
  cat "$work/local-output.json"
  # The contract (DESIGN.md), exactly: the keys, the label order, the nulls.
  node --input-type=module -e '
    import { deepStrictEqual } from "node:assert/strict"
    import { readFileSync } from "node:fs"
    const output = JSON.parse(readFileSync(process.argv[1], "utf8"))
    deepStrictEqual(output.deployments.sensitive, false)
    deepStrictEqual(output.deployments.value, {
      "test-service-local": {
        service: "test-service",
        path: "services/test-service",
        target: "local",
        runner_labels: ["self-hosted", "local", "test-service-local"],
        public: false,
        url: null
      }
    })
    console.log("deployments output matches the contract")
  ' "$work/local-output.json"
}

loads_without_unavailable_providers() { # init may fail only on the providers that are not here
  local output missing
  output=$(tf "$1" init -backend=false 2>&1)
  echo "$output"
  grep -q '^Error:' <<<"$output" || return 0
  # Every error must be "provider ... was not found", and only for bpg/proxmox, cloudflare/cloudflare
  # or hashicorp/tls.
  missing=$(tr '\n' ' ' <<<"$output" | grep -oE 'provider registry\.terraform\.io/[a-z0-9-]+/[a-z0-9-]+ was not found' | sort -u)
  [ "$(grep -c '^Error:' <<<"$output")" = "$(grep -c . <<<"$missing")" ] &&
    ! grep -vE 'registry\.terraform\.io/(bpg/proxmox|cloudflare/cloudflare|hashicorp/tls) ' <<<"$missing"
}
check_proxmox_host() { # loads; and its variable validations, tested on a copy without the resources
  local variables_only=$work/proxmox-host-variables
  loads_without_unavailable_providers "$infra/modules/proxmox-host" || return 1
  mkdir -p "$variables_only" &&
    cp -r "$infra/modules/proxmox-host/variables.tf" "$infra/modules/proxmox-host/tests" "$variables_only/" &&
    init_validate_test "$variables_only"
}
check_cloudflare_dns() {
  loads_without_unavailable_providers "$infra/modules/cloudflare-dns" &&
    loads_without_unavailable_providers "$infra/modules/cloudflare-tunnel"
}

stand_in() { # replace a provider module by one with the same variables and null outputs
  local module=$infra/modules/$1
  rm -f "$module"/main.tf "$module"/versions.tf
  sed -n 's/^output "\([a-z0-9_]*\)".*/output "\1" {\n  value = null\n}/p' "$module/outputs.tf" >"$work/outputs.tf"
  mv "$work/outputs.tf" "$module/outputs.tf"
}
drop_unavailable_providers() { # remove the proxmox and cloudflare blocks from required_providers / providers.tf
  local file
  for file in "$@"; do
    [ -f "$file" ] || continue
    awk '/^    (proxmox|cloudflare) = \{$/ { skip = 1 } skip { if ($0 ~ /^    \}$/) skip = 0; next } { print }' "$file" >"$file.new" &&
      awk '/^provider "(proxmox|cloudflare)" \{/ { skip = 1 } skip { if ($0 ~ /^\}$/) skip = 0; next } { print }' "$file.new" >"$file"
    rm -f "$file.new"
  done
}
check_wiring() {
  stand_in proxmox-host && stand_in cloudflare-dns && stand_in cloudflare-tunnel &&
    drop_unavailable_providers "$infra/versions.tf" "$infra/providers.tf" "$infra/modules/launch-service/versions.tf" &&
    rm -f "$infra/backend.tf" || return 1
  # The public modes are asserted on what the Cloudflare and Proxmox modules create: that file needs
  # those providers (mocked), not stand-ins.
  rm -f "$infra/modules/launch-service/tests/public.tftest.hcl"
  init_validate_test "$infra/modules/launch-service" && init_validate_test "$infra"
}

check_boot_script() { bash "$repo/scripts/test-boot-script.sh"; }

# All checks, or only those named on the command line (the jest suite runs them one by one).
all_steps=(fmt lint-scripts runner aws-host local-example proxmox-host cloudflare-dns wiring boot-script)
selected=("$@")
[ ${#selected[@]} -eq 0 ] && selected=("${all_steps[@]}")
for name in "${selected[@]}"; do
  case $name in
    boot-script)
      if [ "${SKIP_BOOT_SCRIPT_TEST:-0}" = 1 ]; then
        results+=("SKIP  boot-script (SKIP_BOOT_SCRIPT_TEST=1)")
        continue
      fi ;;
    fmt | lint-scripts | runner | aws-host | local-example | proxmox-host | cloudflare-dns | wiring) ;;
    *) say "unknown check '$name'; checks: ${all_steps[*]}"; exit 2 ;;
  esac
  step "$name" "check_${name//-/_}"
done

say "summary"
printf '  %s\n' "${results[@]}"
if [ "$failed" = 1 ]; then
  say "FAILED (logs above)"
  exit 1
fi
say "all Terraform checks passed in $SECONDS s"
