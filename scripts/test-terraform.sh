#!/usr/bin/env bash
# Every Terraform check of infrastructure/, in one go (npm run test:terraform; CI calls it too):
#   fmt            terraform fmt -check -recursive
#   lint-scripts   shellcheck of every shell script of the repository (scripts/, .ci/run, services/)
#   runner         modules/runner: init, validate, terraform test (labels, names, boot script)
#   aws-host       modules/aws-host: init, validate, terraform test with mock_provider "aws"
#   proxmox-host   modules/proxmox-host: init, validate, terraform test with mock_provider "proxmox"
#   cloudflare-dns modules/cloudflare-dns: init, validate, terraform test with mock_provider "cloudflare"
#                  and "tls" (the A-record mode)
#   cloudflare-tunnel  modules/cloudflare-tunnel: the same, mock_provider "cloudflare"
#   launch-service modules/launch-service: init, validate, terraform test with every provider mocked
#                  (targets aws / proxmox lxc and vm / local, public or not)
#   root           the root configuration: init, validate, terraform test (deployments output)
#   local-example  examples/local: a real `terraform apply` (local backend) whose `deployments`
#                  output must equal the contract record of test-service-local
#   boot-script    scripts/test-boot-script.sh: the boot script, run in a Debian 12 container
# bpg/proxmox, cloudflare/cloudflare and integrations/github are served from their schemas by
# scripts/schema-provider (a test double: it talks to no API), hashicorp/aws from the offline
# mirror (TF_PROVIDER_MIRROR, or found on disk). Works on a temporary copy: nothing is left in the tree.
# Environment: TF_PROVIDER_MIRROR (mirror root, the folder above registry.terraform.io/),
# INFRASTRUCTURE_DIR (default: the repository's infrastructure/),
# SKIP_BOOT_SCRIPT_TEST=1 to skip the container test (CI must not), VERBOSE=1 to print the log of
# passing checks too (a failing check always prints its log).
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { printf '[test-terraform] %s\n' "$*"; }

if ! command -v terraform >/dev/null 2>&1; then
  say "terraform is not on PATH. Install Terraform >= 1.10 (https://developer.hashicorp.com/terraform/install); it is not available from npm or Debian."
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The provider mirror: schema-only stand-ins for bpg/proxmox, cloudflare/cloudflare and
# integrations/github (scripts/schema-provider, they talk to no API), and hashicorp/aws linked
# from this machine's offline mirror (TF_PROVIDER_MIRROR, or found on disk; from the registry when
# there is none).
mirror=$(bash "$repo/scripts/schema-provider/install-mirror.sh" "$work/mirror") || exit 1
mkdir -p "$work/plugin-cache"
{
  echo "plugin_cache_dir = \"$work/plugin-cache\""
  cat "$mirror/terraform.rc"
} >"$work/terraform.rc"
export TF_CLI_CONFIG_FILE="$work/terraform.rc" TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
unset TF_DATA_DIR
# INFRASTRUCTURE_DIR: check another copy of infrastructure/ (the tests use it to show that a
# broken configuration fails these checks).
source_infra=${INFRASTRUCTURE_DIR:-$repo/infrastructure}
cp -r "$source_infra" "$work/infrastructure"
find "$work/infrastructure" \( -name .terraform -o -name '*.tfstate*' -o -name .terraform.lock.hcl \) -prune -exec rm -rf {} +
infra=$work/infrastructure
say "terraform $(terraform version | head -1 | cut -d' ' -f2), provider mirror $mirror"

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

check_fmt() { terraform fmt -check -recursive -diff "$source_infra"; }

check_lint_scripts() {
  if ! command -v shellcheck >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
  fi
  shellcheck "$repo"/scripts/*.sh "$repo"/scripts/*/*.sh "$repo/.ci/run" "$repo"/services/*/*.sh
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

check_proxmox_host() { init_validate_test "$infra/modules/proxmox-host"; }
check_cloudflare_dns() { init_validate_test "$infra/modules/cloudflare-dns"; }
check_cloudflare_tunnel() { init_validate_test "$infra/modules/cloudflare-tunnel"; }
check_launch_service() { init_validate_test "$infra/modules/launch-service"; }
check_root() { rm -f "$infra/backend.tf" && init_validate_test "$infra"; }

check_boot_script() { bash "$repo/scripts/test-boot-script.sh"; }

# All checks, or only those named on the command line (the jest suite runs them one by one).
all_steps=(fmt lint-scripts runner aws-host proxmox-host cloudflare-dns cloudflare-tunnel launch-service root local-example boot-script)
selected=("$@")
[ ${#selected[@]} -eq 0 ] && selected=("${all_steps[@]}")
for name in "${selected[@]}"; do
  case $name in
    boot-script)
      if [ "${SKIP_BOOT_SCRIPT_TEST:-0}" = 1 ]; then
        results+=("SKIP  boot-script (SKIP_BOOT_SCRIPT_TEST=1)")
        continue
      fi ;;
    fmt | lint-scripts | runner | aws-host | proxmox-host | cloudflare-dns | cloudflare-tunnel | launch-service | root | local-example) ;;
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
