#!/usr/bin/env bash
# Runs the runner boot script (infrastructure/templates/user-data.sh.tftpl), rendered by
# Terraform through modules/runner, for real in a Debian 12 container, against test doubles:
#   - __tests__/infrastructure/fake-github-api.mjs: GitHub's registration-token endpoint and the
#     runner release download, on 127.0.0.1 (the container shares the host's network);
#   - a fake runner tarball whose config.sh / svc.sh record who ran them and with which arguments;
#   - a stub `docker` binary, so the "Docker already present" path is taken (Docker's apt
#     repository is unreachable here).
# Checks: shellcheck of the rendered script; the token request carried the PAT; config.sh got the
# URL, name, labels and --unattended --replace --work _work, as user runner; svc.sh installed and
# started the service for runner; no copy of the PAT left on disk; a second run is a no-op that
# succeeds; a host registered earlier but without its service only gets the service installed
# and started (no token request, no config.sh); a bad PAT fails with the HTTP status in the log; a wrong SHA-256 stops the install; a
# 503 from the token endpoint is retried.
#
# Needs: terraform, node, docker (scripts/setup-docker.sh), shellcheck (installed here if missing);
# builds the Debian image with scripts/build-test-images.sh when it is missing. Called by
# scripts/test-terraform.sh, which provides TF_CLI_CONFIG_FILE; runs on its own too.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
image=${DEBIAN_TEST_IMAGE:-launch-service/debian-test:12}
pat=github_pat_TESTONLY_boot_script_0123456789
deployment=test-service-homelab
github_url=https://github.com/example/launch-service
labels=self-hosted,proxmox,test-service-homelab,homelab

failures=0
pass() { printf '  ok   %s\n' "$*"; }
fail() { printf '  FAIL %s\n' "$*"; failures=$((failures + 1)); }
check() { # check <description> <command...>
  local description=$1
  shift
  if "$@"; then pass "$description"; else fail "$description"; fi
}
die() { printf '[test-boot-script] %s\n' "$*" >&2; exit 1; }

command -v terraform >/dev/null || die "terraform is not on PATH (https://developer.hashicorp.com/terraform/install)"
docker info >/dev/null 2>&1 || die "no Docker engine answers: run scripts/setup-docker.sh first"
DEBIAN_TEST_IMAGE=$image bash "$repo/scripts/build-test-images.sh" || die "could not build $image (scripts/build-test-images.sh)"
if ! command -v shellcheck >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
fi

work=$(mktemp -d)
containers=()
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  for container in "${containers[@]}"; do docker rm -f "$container" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# Only the provider-free module is used: an empty CLI config will do when none is given.
if [ ! -f "${TF_CLI_CONFIG_FILE:-}" ]; then
  export TF_CLI_CONFIG_FILE="$work/terraform.rc"
  : >"$TF_CLI_CONFIG_FILE"
fi

# --- the fake runner release (test double) -------------------------------------------------
mkdir -p "$work/runner"
cat >"$work/runner/config.sh" <<'FAKE'
#!/bin/bash
# Test double of actions/runner config.sh: records the caller and arguments, marks "configured".
echo "user=$(id -un) args=$*" >>"$(dirname "$0")/config.calls"
touch "$(dirname "$0")/.runner"
FAKE
cat >"$work/runner/svc.sh" <<'FAKE'
#!/bin/bash
# Test double of actions/runner svc.sh: records the caller and arguments; install marks "installed".
echo "user=$(id -un) args=$*" >>"$(dirname "$0")/svc.calls"
if [ "$1" = install ]; then echo "actions.runner.test-double.service" >"$(dirname "$0")/.service"; fi
FAKE
chmod +x "$work/runner/config.sh" "$work/runner/svc.sh"
tar -C "$work/runner" -czf "$work/runner.tar.gz" .
tarball_sha256=$(sha256sum "$work/runner.tar.gz" | cut -d' ' -f1)

# --- the fake GitHub API (test double) -------------------------------------------------------
node "$repo/__tests__/infrastructure/fake-github-api.mjs" "$pat" "$work/runner.tar.gz" "$work/requests.jsonl" "$work/port" &
server_pid=$!
for _ in $(seq 1 50); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || die "the fake GitHub API did not start"
api=http://127.0.0.1:$(cat "$work/port")

# --- render three boot scripts with Terraform -------------------------------------------------
# (a relative module source: Terraform copies an absolute one without ../../templates)
mkdir -p "$work/render"
cat >"$work/render/main.tf" <<HCL
module "boot_script" {
  source = "$(realpath --relative-to="$work/render" "$repo/infrastructure/modules/runner")"
  for_each = {
    valid      = { github_pat = "$pat", runner_sha256 = "$tarball_sha256" }
    bad_pat    = { github_pat = "github_pat_TESTONLY_revoked_0000000000", runner_sha256 = "$tarball_sha256" }
    bad_sha256 = { github_pat = "$pat", runner_sha256 = "$(printf '0%.0s' $(seq 64))" }
    flaky_api  = { github_pat = "$pat", runner_sha256 = "$tarball_sha256", github_url = "https://github.com/example/flaky" }
  }
  name                             = "$deployment"
  service                          = "test-service"
  target                           = "proxmox"
  extra_labels                     = ["homelab"]
  github_url                       = lookup(each.value, "github_url", "$github_url")
  github_api_url                   = "$api"
  runner_download_base_url         = "$api/actions/runner/releases/download"
  registration_retry_delay_seconds = 0
  github_pat                       = each.value.github_pat
  runner_sha256                    = each.value.runner_sha256
}
output "boot_scripts" {
  value     = { for scenario, rendered in module.boot_script : scenario => rendered.boot_script }
  sensitive = true
}
HCL
(
  cd "$work/render"
  export TF_DATA_DIR="$work/render/.terraform"
  terraform init -input=false -no-color >/dev/null
  terraform apply -input=false -no-color -auto-approve >/dev/null
  terraform output -json boot_scripts >"$work/boot_scripts.json"
) || die "rendering the boot scripts with terraform failed"
for scenario in valid bad_pat bad_sha256 flaky_api; do
  node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[process.argv[2]])' \
    "$work/boot_scripts.json" "$scenario" >"$work/$scenario.sh"
done

echo "boot script: shellcheck"
check "rendered script is shellcheck-clean" shellcheck --shell=bash "$work/valid.sh"
check "rendered script is below EC2's 16 KB user-data limit ($(wc -c <"$work/valid.sh") bytes)" test "$(wc -c <"$work/valid.sh")" -lt 16384

# --- containers --------------------------------------------------------------------------------
cat >"$work/docker" <<'FAKE'
#!/bin/sh
# Test double of the docker CLI: reports a version and a compose plugin, nothing else.
case "$*" in
  --version) echo "Docker version 27.0.0-test-double, build 0000000" ;;
  "compose version") echo "Docker Compose version v2.29.0-test-double" ;;
  *) echo "docker test double: unsupported: $*" >&2; exit 1 ;;
esac
FAKE
chmod +x "$work/docker"

start_host() { # start_host <name>: a fresh Debian 12 "host" with the docker test double; sets $host
  host="launch-service-boot-test-$1-$$"
  containers+=("$host")
  docker run -d --rm --network host --name "$host" "$image" sleep infinity >/dev/null
  docker cp "$work/docker" "$host:/usr/local/bin/docker" >/dev/null
  docker exec "$host" mkdir -p /var/lib/cloud/instance/scripts
}
in_host() { docker exec "$1" "${@:2}"; }
boot() { # boot <container> <scenario> <path in container>: copy the script there and run it as cloud-init would
  docker cp "$work/$2.sh" "$1:$3" >/dev/null
  in_host "$1" chmod 0700 "$3"
  in_host "$1" "$3" >"$work/$2.out" 2>&1
}
token_requests() { grep -c '"method":"POST"' "$work/requests.jsonl" || true; }

echo "boot script: first boot on Debian 12 (valid PAT)"
start_host valid
docker cp "$work/valid.sh" "$host:/var/lib/cloud/instance/user-data.txt" >/dev/null
if boot "$host" valid /var/lib/cloud/instance/scripts/part-001; then pass "exits 0"; else fail "exits 0 (output below)"; cat "$work/valid.out"; fi
check "requested exactly one registration token" test "$(token_requests)" = 1
check "the token request carried the PAT as a Bearer token, at the repository endpoint" \
  grep -qF "{\"method\":\"POST\",\"path\":\"/repos/example/launch-service/actions/runners/registration-token\",\"authorization\":\"Bearer $pat\"}" "$work/requests.jsonl"
config_calls=$(in_host "$host" cat /home/runner/actions-runner/config.calls 2>/dev/null || true)
check "config.sh ran once, as runner, with url, token, name, labels, --unattended --replace --work _work" test \
  "$config_calls" = "user=runner args=--unattended --replace --url $github_url --token FAKE-REGISTRATION-TOKEN --name $deployment --labels $labels --work _work"
svc_calls=$(in_host "$host" cat /home/runner/actions-runner/svc.calls 2>/dev/null || true)
check "svc.sh installed the service for runner, then started it" test "$svc_calls" = $'user=root args=install runner\nuser=root args=start'
# shellcheck disable=SC2016 # expanded inside the container
check "runner is an unprivileged user in the docker group" in_host "$host" sh -c 'id -nG runner | grep -qw docker && [ "$(id -u runner)" != 0 ]'
check "no file on the host contains the PAT (script copies removed)" \
  in_host "$host" sh -c "! grep -rlF '$pat' / --exclude-dir=proc --exclude-dir=sys --exclude-dir=dev 2>/dev/null"
check "the log file records the registration" in_host "$host" grep -q "runner $deployment registered with labels $labels" /var/log/launch-service-boot.log
check "the log file is readable by root only" test "$(in_host "$host" stat -c %a /var/log/launch-service-boot.log)" = 600

echo "boot script: second run on the same host"
if boot "$host" valid /root/boot-again.sh; then pass "exits 0"; else fail "exits 0 (output below)"; cat "$work/valid.out"; fi
check "no second token request" test "$(token_requests)" = 1
check "config.sh and svc.sh not called again" test \
  "$(in_host "$host" cat /home/runner/actions-runner/config.calls /home/runner/actions-runner/svc.calls | wc -l)" = 3
check "says there is nothing to do" grep -q "already registered and installed.*nothing to do" "$work/valid.out"
check "removed its own copy (and the PAT with it)" in_host "$host" test ! -e /root/boot-again.sh

echo "boot script: rerun after a partial failure (registered, service not installed)"
start_host partial
in_host "$host" mkdir -p /home/runner/actions-runner
docker cp "$work/runner/." "$host:/home/runner/actions-runner/" >/dev/null
in_host "$host" touch /home/runner/actions-runner/.runner
requests_before=$(token_requests)
if boot "$host" valid /var/lib/cloud/instance/scripts/part-001; then pass "exits 0"; else fail "exits 0 (output below)"; cat "$work/valid.out"; fi
check "no token request" test "$(token_requests)" = "$requests_before"
check "config.sh not called" in_host "$host" test ! -e /home/runner/actions-runner/config.calls
svc_calls=$(in_host "$host" cat /home/runner/actions-runner/svc.calls 2>/dev/null || true)
check "svc.sh installed the service for runner, then started it" test "$svc_calls" = $'user=root args=install runner\nuser=root args=start'
check "says it only installs the service" grep -q "already registered in .*its service is not installed: installing it" "$work/valid.out"
check "removed its own copy (and the PAT with it)" in_host "$host" test ! -e /var/lib/cloud/instance/scripts/part-001

echo "boot script: a PAT that GitHub rejects"
start_host bad-pat
if boot "$host" bad_pat /var/lib/cloud/instance/scripts/part-001; then fail "fails"; else pass "fails"; fi
check "the log names the HTTP status 401" in_host "$host" grep -q "ERROR: registration-token request failed: HTTP 401" /var/log/launch-service-boot.log
check "it did not retry a 401" test "$(grep -c '"path":"/repos/example/launch-service/actions/runners/registration-token","authorization":"Bearer github_pat_TESTONLY_revoked' "$work/requests.jsonl")" = 1
check "config.sh never ran" in_host "$host" test ! -e /home/runner/actions-runner/config.calls

echo "boot script: a runner tarball whose SHA-256 does not match"
start_host bad-sha
if boot "$host" bad_sha256 /var/lib/cloud/instance/scripts/part-001; then fail "fails"; else pass "fails"; fi
check "the log says the SHA-256 does not match" in_host "$host" grep -q "ERROR: SHA-256 of .* does not match" /var/log/launch-service-boot.log
check "nothing was extracted or configured" in_host "$host" test ! -e /home/runner/actions-runner/config.sh

echo "boot script: the registration-token endpoint answers 503 once"
start_host flaky
if boot "$host" flaky_api /var/lib/cloud/instance/scripts/part-001; then pass "exits 0"; else fail "exits 0 (output below)"; cat "$work/flaky_api.out"; fi
check "logged the 503 and retried once" test "$(grep -c '/repos/example/flaky/' "$work/requests.jsonl")" = 2
check "the log shows the retry" grep -q "registration-token request: HTTP 503 (attempt 1 of 5); retrying" "$work/flaky_api.out"

if [ "$failures" -gt 0 ]; then
  echo "boot script: $failures check(s) failed"
  exit 1
fi
echo "boot script: all checks passed"
