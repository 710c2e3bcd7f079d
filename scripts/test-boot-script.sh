#!/usr/bin/env bash
# Runs the runner boot script (infrastructure/templates/user-data.sh.tftpl), rendered by
# Terraform through modules/runner, for real in Debian 12 containers, against test doubles:
#   - __tests__/infrastructure/fake-github-api.mjs: the runner service's registration endpoint
#     (what config.sh calls with the registration token), the runner release download and a
#     Docker apt repository (dummy packages with Docker's version strings, signed with a throw-away
#     key), on 127.0.0.1 (the containers share the host's network);
#   - a fake runner tarball whose config.sh calls that endpoint like the real one and records its
#     caller and arguments, and whose svc.sh records what it was asked;
#   - a stub `docker` binary, so the "Docker already present" path is taken, except in the
#     apt-lock and Docker-install scenarios;
#   - a stub `systemctl` (the container has no systemd): `start` runs the unit's ExecStart in the
#     background, as systemd would; "reboot" is `docker restart` plus what systemd does at boot
#     (mount -a, then the ExecStart of the enabled unit).
# Data volumes: the LXC case is a host directory bind-mounted at the mount path (what Proxmox does
# with a mount point: the guest sees a mounted directory); the EC2/VM case is a loop device passed
# in as /dev/xvdf, which the boot script formats and mounts itself (needs CAP_SYS_ADMIN).
# Checks: shellcheck and size of the rendered script, no PAT in it; registration with the token
# (through the environment, not argv), service installed; Docker's data-root on the data volume;
# idempotent reruns and reboots; a host registered earlier without its service; an expired token
# reported, then a new token put in by hand registers; a wrong SHA-256 stops; the endpoint
# answering 503 more often than the old script's retry budget; the data volume formatted once and
# kept by a replacement host; a foreign file system left alone; a missing LXC mount point refused;
# the dpkg lock held at start (apt waits) and a Docker key with the wrong fingerprint refused;
# Docker installed from its repository at the pinned versions (not the newest), and held.
#
# Needs: terraform, node, docker (scripts/setup-docker.sh), shellcheck, gpg and dpkg-dev
# (installed here if missing), losetup, root; builds the Debian image with scripts/build-test-images.sh when it is
# missing. Called by scripts/test-terraform.sh, which provides TF_CLI_CONFIG_FILE; runs on its own.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
image=${DEBIAN_TEST_IMAGE:-launch-service/debian-test:12}
token=AABBCCTESTONLYREGISTRATIONTOKEN0123
deployment=test-service-homelab
github_url=https://github.com/example/launch-service
labels=self-hosted,proxmox,test-service-homelab,homelab
data_mount=/srv/launch-service-data
admin_key="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITESTONLYADMINKEY ops@example"

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
missing=()
command -v shellcheck >/dev/null || missing+=(shellcheck)
command -v gpg >/dev/null || missing+=(gpg)
command -v dpkg-scanpackages >/dev/null || missing+=(dpkg-dev)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
containers=()
loops=()
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  for container in "${containers[@]}"; do docker rm -f "$container" >/dev/null 2>&1 || true; done
  for loop in "${loops[@]}"; do losetup -d "$loop" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# Only the provider-free module is used: an empty CLI config will do when none is given.
if [ ! -f "${TF_CLI_CONFIG_FILE:-}" ]; then
  export TF_CLI_CONFIG_FILE="$work/terraform.rc"
  : >"$TF_CLI_CONFIG_FILE"
fi

# --- Docker's apt repository (test double) -------------------------------------------------------
# Signed with a throw-away key (so Docker's fingerprint does not match it); dummy packages with the
# version strings of Docker's repository, several versions each, to check what the pins select.
GNUPGHOME="$work/gnupg" && mkdir -m 0700 "$GNUPGHOME" && export GNUPGHOME
gpg --batch --quiet --passphrase '' --quick-gen-key 'launch-service test key (not Docker)' ed25519 sign never 2>/dev/null
test_key_fingerprint=$(gpg --batch --with-colons --list-keys | awk -F: '$1 == "fpr" { print $10; exit }')
docker_repo=$work/docker-repo/debian
mkdir -p "$docker_repo/dists/bookworm/stable/binary-amd64" "$docker_repo/pool"
gpg --batch --armor --export >"$docker_repo/gpg"
for package in \
  "docker-ce 5:28.5.2-1~debian.12~bookworm" "docker-ce 5:28.5.3-1~debian.12~bookworm" "docker-ce 5:28.5.20-1~debian.12~bookworm" \
  "docker-ce-cli 5:28.5.2-1~debian.12~bookworm" "docker-ce-cli 5:28.5.3-1~debian.12~bookworm" \
  "containerd.io 1.7.28-1~debian.12~bookworm" "containerd.io 1.7.28-2~debian.12~bookworm" "containerd.io 1.7.29-1~debian.12~bookworm" \
  "docker-compose-plugin 2.40.3-1~debian.12~bookworm" "docker-compose-plugin 2.41.0-1~debian.12~bookworm" \
  "docker-buildx-plugin 0.29.1-1~debian.12~bookworm" "docker-buildx-plugin 0.30.0-1~debian.12~bookworm"; do
  read -r name version <<<"$package"
  mkdir -p "$work/deb/DEBIAN"
  printf 'Package: %s\nVersion: %s\nArchitecture: amd64\nMaintainer: launch-service tests <tests@example.com>\nDescription: test double of %s\n' \
    "$name" "$version" "$name" >"$work/deb/DEBIAN/control"
  dpkg-deb --root-owner-group --build "$work/deb" "$docker_repo/pool/${name}_${version#*:}_amd64.deb" >/dev/null
  rm -rf "$work/deb"
done
(cd "$docker_repo" && dpkg-scanpackages --multiversion pool /dev/null 2>/dev/null >dists/bookworm/stable/binary-amd64/Packages)
packages_index=$docker_repo/dists/bookworm/stable/binary-amd64/Packages
printf 'Origin: launch-service test double\nSuite: bookworm\nCodename: bookworm\nArchitectures: amd64\nComponents: stable\nDate: %s\nSHA256:\n %s %s stable/binary-amd64/Packages\n' \
  "$(date -Ru)" "$(sha256sum "$packages_index" | cut -d' ' -f1)" "$(wc -c <"$packages_index")" >"$docker_repo/dists/bookworm/Release"
gpg --batch --yes --clearsign -o "$docker_repo/dists/bookworm/InRelease" "$docker_repo/dists/bookworm/Release"
unset GNUPGHOME

# --- the fake GitHub endpoints (test double) --------------------------------------------------
mkdir -p "$work/runner"
node "$repo/__tests__/infrastructure/fake-github-api.mjs" "$token" "$work/runner.tar.gz" "$work/docker-repo" "$work/requests.jsonl" "$work/port" &
server_pid=$!
for _ in $(seq 1 50); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || die "the fake GitHub API did not start"
api=http://127.0.0.1:$(cat "$work/port")

# --- the fake runner release (test double) -------------------------------------------------
mkdir -p "$work/runner"
cat >"$work/runner/config.sh" <<FAKE
#!/bin/bash
# Test double of actions/runner config.sh: like the real one, exchanges the registration token
# (--token or ACTIONS_RUNNER_INPUT_TOKEN) at POST <api>/actions/runner-registration; records the
# caller and its arguments; marks "configured" on success.
dir=\$(dirname "\$0")
echo "user=\$(id -un) args=\$*" >>"\$dir/config.calls"
token=\${ACTIONS_RUNNER_INPUT_TOKEN:-}
url=
while [ \$# -gt 0 ]; do
  case \$1 in --token) token=\$2; shift ;; --url) url=\$2; shift ;; esac
  shift
done
status=\$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: RemoteAuth \$token" \\
  -d "{\\"url\\":\\"\$url\\",\\"runner_event\\":\\"register\\"}" '$api/actions/runner-registration')
if [ "\$status" != 200 ]; then
  echo "Http response code: \$status from 'POST $api/actions/runner-registration'" >&2
  exit 1
fi
touch "\$dir/.runner"
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


# --- render the boot scripts with Terraform ---------------------------------------------------
# (a relative module source: Terraform copies an absolute one without ../../templates)
mkdir -p "$work/render"
cat >"$work/render/main.tf" <<HCL
locals {
  lxc = { data_devices = [] }
  vm = {
    data_devices   = ["/dev/disk/by-id/virtio-launch-data-does-not-exist", "/dev/xvdf"]
    admin_user     = "admin"
    admin_ssh_keys = ["$admin_key"]
  }
}
module "boot_script" {
  source = "$(realpath --relative-to="$work/render" "$repo/infrastructure/modules/runner")"
  for_each = {
    valid         = merge(local.lxc, {})
    expired_token = merge(local.lxc, { token = "AABBCCTESTONLYEXPIREDTOKEN0000", expires_at = 1000000000, wait = 6 })
    bad_sha256    = merge(local.lxc, { sha256 = "$(printf '0%.0s' $(seq 64))" })
    flaky_api     = merge(local.lxc, { github_url = "https://github.com/example/flaky" })
    data_device   = merge(local.vm, {})
    docker        = merge(local.lxc, { fingerprint = "$test_key_fingerprint" })
  }
  name                                 = "$deployment"
  service                              = "test-service"
  target                               = "proxmox"
  extra_labels                         = ["homelab"]
  github_url                           = lookup(each.value, "github_url", "$github_url")
  runner_download_base_url             = "$api/actions/runner/releases/download"
  docker_apt_url                       = "$api/docker/linux"
  registration_token                   = lookup(each.value, "token", "$token")
  registration_token_expires_at        = lookup(each.value, "expires_at", 0)
  registration_wait_seconds            = lookup(each.value, "wait", 60)
  registration_retry_delay_seconds     = 1
  registration_retry_max_delay_seconds = 2
  runner_sha256                        = lookup(each.value, "sha256", "$tarball_sha256")
  data_devices                         = each.value.data_devices
  admin_user                           = lookup(each.value, "admin_user", null)
  admin_ssh_keys                       = lookup(each.value, "admin_ssh_keys", [])
  data_device_wait_seconds             = 10
  docker_key_fingerprint               = lookup(each.value, "fingerprint", "9DC858229FC7DD38854AE2D88D81803C0EBFCD88")
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
scenarios=(valid expired_token bad_sha256 flaky_api data_device docker)
for scenario in "${scenarios[@]}"; do
  node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[process.argv[2]])' \
    "$work/boot_scripts.json" "$scenario" >"$work/$scenario.sh"
done

echo "boot script: what a host receives"
check "rendered script is shellcheck-clean" shellcheck --shell=bash "$work/valid.sh"
gzipped=$(gzip -9 <"$work/data_device.sh" | base64 -w0 | wc -c)
check "the largest script, gzipped and base64-encoded as EC2 user data, is below the 16 KB limit ($gzipped bytes)" test "$gzipped" -lt 16384
check "it carries the registration token" grep -qF "REGISTRATION_TOKEN='$token'" "$work/valid.sh"
check "no PAT, no Authorization header, no GitHub API call in it" \
  sh -c "! grep -qE 'github_pat_|ghp_|ghs_|Bearer|Authorization|api\.github\.com' '$work/valid.sh'"
# The unit file, as written by the script, checked by systemd itself.
sed -n "/^cat >\/etc\/systemd\/system\/launch-service-register.service <<'UNIT'$/,/^UNIT$/p" "$work/valid.sh" | sed '1d;$d' >"$work/launch-service-register.service"
if command -v systemd-analyze >/dev/null; then
  # The script it runs exists only on a host: that one complaint is expected.
  check "the retry unit passes systemd-analyze verify" sh -c "! systemd-analyze verify '$work/launch-service-register.service' 2>&1 |
    grep -vE 'Command /usr/local/sbin/launch-service-register is not executable|docker.service' | grep ."
fi
# shellcheck disable=SC2016 # $1 of the inner shell
check "the retry unit restarts on failure, never gives up, and survives reboots (enabled for multi-user.target)" \
  sh -c 'grep -qx Restart=on-failure "$1" && grep -qx StartLimitIntervalSec=0 "$1" && grep -qx WantedBy=multi-user.target "$1" && grep -qx StandardOutput=journal+console "$1"' _ "$work/launch-service-register.service"

# --- containers --------------------------------------------------------------------------------
cat >"$work/docker" <<'FAKE'
#!/bin/sh
# Test double of the docker CLI: reports a version and a compose plugin, nothing else.
case "$*" in
  --version) echo "Docker version 28.5.2-test-double, build 0000000" ;;
  "compose version") echo "Docker Compose version v2.40.3-test-double" ;;
  *) echo "docker test double: unsupported: $*" >&2; exit 1 ;;
esac
FAKE
cat >"$work/systemctl" <<'FAKE'
#!/bin/bash
# Test double of systemctl (no systemd in the test container): records each call; `start` runs
# the unit's ExecStart in the background, detached, as systemd would; `enable` records the unit in
# /var/lib/systemctl-test-double/enabled, which a test "reboot" starts again.
echo "$*" >>/var/log/systemctl.calls
state=/var/lib/systemctl-test-double
mkdir -p "$state"
unit=${*: -1}
case $1 in
  daemon-reload) ;;
  enable) echo "$unit" >>"$state/enabled" ;;
  start)
    command=$(sed -n 's/^ExecStart=//p' "/etc/systemd/system/$unit")
    setsid nohup $command >/dev/null 2>&1 &
    echo "$!" >"$state/$unit.pid" ;;
  is-active) exit 3 ;;
  *) echo "systemctl test double: unsupported: $*" >&2; exit 1 ;;
esac
FAKE
chmod +x "$work/docker" "$work/systemctl"

start_host() { # start_host <name> [docker run options...]: a fresh Debian 12 "host"; sets $host
  host="launch-service-boot-test-$1-$$"
  containers+=("$host")
  docker run -d --network host --name "$host" "${@:2}" "$image" sleep infinity >/dev/null
  docker cp "$work/systemctl" "$host:/usr/local/bin/systemctl" >/dev/null
  docker exec "$host" mkdir -p /var/lib/cloud/instance/scripts
}
with_docker() { docker cp "$work/docker" "$1:/usr/local/bin/docker" >/dev/null; }
lxc_data() { # a fresh host directory standing in for a Proxmox mount point; prints the docker option
  mkdir -p "$work/data-$1"
  echo "--volume=$work/data-$1:$data_mount"
}
in_host() { docker exec "$1" "${@:2}"; }
boot() { # boot <container> <scenario> <path in container>: copy the script there and run it as cloud-init would
  docker cp "$work/$2.sh" "$1:$3" >/dev/null
  in_host "$1" chmod 0700 "$3"
  in_host "$1" "$3" >"$work/$2.out" 2>&1
}
reboot_host() { # docker restart, then what systemd does at boot: mount -a, start the enabled unit
  docker restart -t 1 "$1" >/dev/null
  in_host "$1" mount -a
  # shellcheck disable=SC2016 # expanded inside the container
  in_host "$1" sh -c 'for unit in $(sort -u /var/lib/systemctl-test-double/enabled); do systemctl start "$unit"; done'
}
registrations() { grep -c '"path":"/actions/runner-registration"' "$work/requests.jsonl" || true; }
wait_for() { # wait_for <seconds> <command...>
  local deadline=$((SECONDS + $1))
  until "${@:2}"; do [ "$SECONDS" -lt "$deadline" ] || return 1; sleep 0.5; done
}

echo "boot script: first boot of an LXC container (data on its mount point)"
start_host valid "$(lxc_data valid)"
with_docker "$host"
docker cp "$work/valid.sh" "$host:/var/lib/cloud/instance/user-data.txt" >/dev/null
if boot "$host" valid /var/lib/cloud/instance/scripts/part-001; then pass "exits 0"; else fail "exits 0 (output below)"; cat "$work/valid.out"; fi
check "registered exactly once" test "$(registrations)" = 1
check "config.sh exchanged the registration token (RemoteAuth) for the runner's URL" \
  grep -qF "{\"method\":\"POST\",\"path\":\"/actions/runner-registration\",\"authorization\":\"RemoteAuth $token\",\"url\":\"$github_url\"}" "$work/requests.jsonl"
config_calls=$(in_host "$host" cat /home/runner/actions-runner/config.calls 2>/dev/null || true)
check "config.sh ran once, as runner, with url, name, labels, --unattended --replace --work _work" test \
  "$config_calls" = "user=runner args=--unattended --replace --url $github_url --name $deployment --labels $labels --work _work"
# shellcheck disable=SC2016 # $1 and $2 of the inner shell
check "the token was not on config.sh's command line (ps shows argv)" bash -c '[[ $1 != *"$2"* ]]' _ "$config_calls" "$token"
svc_calls=$(in_host "$host" cat /home/runner/actions-runner/svc.calls 2>/dev/null || true)
check "svc.sh installed the service for runner, then started it" test "$svc_calls" = $'user=root args=install runner\nuser=root args=start'
check "the registration unit was enabled and started" \
  test "$(in_host "$host" grep launch-service-register /var/log/systemctl.calls)" = $'enable launch-service-register.service\nstart --no-block launch-service-register.service'
# shellcheck disable=SC2016 # expanded inside the container
check "runner is an unprivileged user in the docker group" in_host "$host" sh -c 'id -nG runner | grep -qw docker && [ "$(id -u runner)" != 0 ]'
check "no file on the host contains the registration token once registered" \
  in_host "$host" sh -c "! grep -rlF '$token' / --exclude-dir=proc --exclude-dir=sys --exclude-dir=dev 2>/dev/null"
check "Docker's data-root is on the data volume" \
  sh -c "[ \"\$(docker exec '$host' cat /etc/docker/daemon.json)\" = '{\"data-root\": \"$data_mount/docker\"}' ] && [ -d '$work/data-valid/docker' ]"
check "Docker waits for the data volume (RequiresMountsFor)" in_host "$host" grep -qx "RequiresMountsFor=$data_mount" /etc/systemd/system/docker.service.d/launch-service-data.conf
check "the log records the registration" in_host "$host" grep -q "runner $deployment registered with labels $labels" /var/log/launch-service-boot.log
check "the status file says registered" in_host "$host" grep -q " registered as $deployment" /var/lib/launch-service/status
check "the log file is readable by root only" test "$(in_host "$host" stat -c %a /var/log/launch-service-boot.log)" = 600

echo "boot script: second run on the same host"
if boot "$host" valid /root/boot-again.sh; then pass "exits 0"; else fail "exits 0 (output below)"; cat "$work/valid.out"; fi
check "no second registration" test "$(registrations)" = 1
check "config.sh and svc.sh not called again" test \
  "$(in_host "$host" cat /home/runner/actions-runner/config.calls /home/runner/actions-runner/svc.calls | wc -l)" = 3
check "says there is nothing to do" grep -q "already registered and installed.*nothing to do" "$work/valid.out"
check "removed its own copy" in_host "$host" test ! -e /root/boot-again.sh

echo "boot script: reboot of a registered host"
reboot_host "$host"
check "the unit ends at once, with nothing to do" wait_for 20 in_host "$host" sh -c "grep -c 'nothing to do' /var/log/launch-service-boot.log | grep -qx 2"
check "no new registration, config.sh and svc.sh not called" \
  sh -c "[ $(registrations) = 1 ] && [ \"\$(docker exec '$host' cat /home/runner/actions-runner/config.calls /home/runner/actions-runner/svc.calls | wc -l)\" = 3 ]"

echo "boot script: rerun after a partial failure (registered, service not installed)"
start_host partial "$(lxc_data partial)"
with_docker "$host"
in_host "$host" mkdir -p /home/runner/actions-runner
docker cp "$work/runner/." "$host:/home/runner/actions-runner/" >/dev/null
in_host "$host" touch /home/runner/actions-runner/.runner /home/runner/actions-runner/.launch-service-extracted
requests_before=$(registrations)
if boot "$host" valid /var/lib/cloud/instance/scripts/part-001; then pass "exits 0"; else fail "exits 0 (output below)"; cat "$work/valid.out"; fi
check "no registration" test "$(registrations)" = "$requests_before"
check "config.sh not called" in_host "$host" test ! -e /home/runner/actions-runner/config.calls
svc_calls=$(in_host "$host" cat /home/runner/actions-runner/svc.calls 2>/dev/null || true)
check "svc.sh installed the service for runner, then started it" test "$svc_calls" = $'user=root args=install runner\nuser=root args=start'
check "says it only installs the service" in_host "$host" grep -q "already registered in .*its service is not installed: installing it" /var/log/launch-service-boot.log

echo "boot script: a host that missed the token window"
start_host expired "$(lxc_data expired)"
with_docker "$host"
if boot "$host" expired_token /var/lib/cloud/instance/scripts/part-001; then fail "fails"; else pass "fails"; fi
check "the log says registration failed with GitHub's 404" in_host "$host" grep -q "config.sh failed: Http response code: 404" /var/log/launch-service-boot.log
check "the log and the status file say the token expired and where a new one goes" sh -c \
  "grep -q 'The registration token expired at 2001-09-09T01:46:40Z: give this host a new one in /etc/launch-service/registration-token' '$work/expired_token.out' &&
   docker exec '$host' grep -q 'expired at 2001-09-09T01:46:40Z' /var/lib/launch-service/status"
check "the boot script reports that the unit keeps retrying" grep -q "runner not registered after 6 s; launch-service-register.service keeps retrying" "$work/expired_token.out"
# infrastructure/README.md: write a new token into the file; the running unit picks it up.
in_host "$host" sh -c "umask 077 && echo '$token' >/etc/launch-service/registration-token"
check "with a new token put in by hand, the unit registers without a reboot" wait_for 30 in_host "$host" test -f /var/lib/launch-service/registered
check "and the token file is gone" in_host "$host" test ! -e /etc/launch-service/registration-token

echo "boot script: a runner tarball whose SHA-256 does not match"
start_host bad-sha "$(lxc_data bad-sha)"
with_docker "$host"
if boot "$host" bad_sha256 /var/lib/cloud/instance/scripts/part-001; then fail "fails"; else pass "fails"; fi
check "the log says the SHA-256 does not match" in_host "$host" grep -q "ERROR: SHA-256 of .* does not match" /var/log/launch-service-boot.log
check "the boot script reports it at once (not after the wait)" grep -q "ERROR: the runner download does not match its SHA-256" "$work/bad_sha256.out"
check "nothing was extracted or configured" in_host "$host" test ! -e /home/runner/actions-runner/config.sh

echo "boot script: the registration endpoint answers 503 seven times (the old script gave up after 5)"
start_host flaky "$(lxc_data flaky)"
with_docker "$host"
if boot "$host" flaky_api /var/lib/cloud/instance/scripts/part-001; then pass "exits 0"; else fail "exits 0 (output below)"; cat "$work/flaky_api.out"; fi
check "registered on the 8th request" test "$(grep -c '"url":"https://github.com/example/flaky"' "$work/requests.jsonl")" = 8
check "the log shows the retries" in_host "$host" grep -q "registration attempt 7 failed; retrying in 2 s" /var/log/launch-service-boot.log

echo "boot script: no mount point on an LXC container"
start_host no-mount
with_docker "$host"
if boot "$host" valid /var/lib/cloud/instance/scripts/part-001; then fail "fails"; else pass "fails"; fi
check "the log says the data volume is missing" grep -q "ERROR: $data_mount is not a mount point" "$work/valid.out"
check "so does the status file" in_host "$host" grep -q "failed: $data_mount is not a mount point" /var/lib/launch-service/status
check "nothing was registered" in_host "$host" test ! -e /home/runner/actions-runner

echo "boot script: EC2/VM data volume (a loop device as /dev/xvdf)"
truncate -s 64M "$work/volume.img"
loop=$(losetup --find --show "$work/volume.img")
loops+=("$loop")
device_host() { start_host "$1" --cap-add SYS_ADMIN --security-opt apparmor=unconfined --device "$loop:/dev/xvdf"; with_docker "$host"; }
device_host volume-1
if boot "$host" data_device /var/lib/cloud/instance/scripts/part-001; then pass "exits 0"; else fail "exits 0 (output below)"; cat "$work/data_device.out"; fi
check "formatted the blank volume and mounted it" sh -c "grep -q 'formatting the new data volume /dev/xvdf' '$work/data_device.out' && [ \"\$(docker exec '$host' findmnt -no SOURCE,FSTYPE '$data_mount')\" = '/dev/xvdf ext4' ]"
check "an fstab entry mounts it at every boot" in_host "$host" grep -q "^UUID=.* $data_mount ext4 defaults,nofail" /etc/fstab
# shellcheck disable=SC2016 # expanded inside the container
check "the VM administrator exists, in sudo, with its key only" in_host "$host" sh -c \
  'id -nG admin | grep -qw sudo && [ "$(cat /home/admin/.ssh/authorized_keys)" = "$1" ] && [ "$(stat -c %U:%a /home/admin/.ssh/authorized_keys)" = admin:600 ] &&
   [ "$(cat /etc/sudoers.d/90-launch-service-admin)" = "admin ALL=(ALL) NOPASSWD:ALL" ] && passwd -S admin | grep -q " L "' _ "$admin_key"
in_host "$host" sh -c "mkdir -p $data_mount/docker/volumes/db/_data && echo kept >$data_mount/docker/volumes/db/_data/canary"
reboot_host "$host"
check "after a reboot the volume is mounted again (fstab)" test "$(in_host "$host" cat "$data_mount/docker/volumes/db/_data/canary" 2>/dev/null)" = kept
docker rm -f "$host" >/dev/null
device_host volume-2
if boot "$host" data_device /var/lib/cloud/instance/scripts/part-001; then pass "a replacement host boots (exit 0)"; else fail "a replacement host boots (output below)"; cat "$work/data_device.out"; fi
check "the replacement keeps the volume's data (no mkfs)" sh -c "grep -q 'already formatted: keeping its data' '$work/data_device.out' && ! grep -q formatting '$work/data_device.out'"
check "a named volume's file written by the old host is there" test "$(in_host "$host" cat "$data_mount/docker/volumes/db/_data/canary")" = kept
docker rm -f "$host" >/dev/null
mkfs.ext4 -q -L someone-else "$loop"
device_host volume-foreign
if boot "$host" data_device /var/lib/cloud/instance/scripts/part-001; then fail "a volume with a foreign file system: fails"; else pass "a volume with a foreign file system: fails"; fi
check "and leaves it alone" sh -c "grep -q \"holds a ext4 file system labelled 'someone-else'\" '$work/data_device.out' && [ \"\$(blkid -p -s LABEL -o value '$loop')\" = someone-else ]"

echo "boot script: dpkg lock held at start; Docker's key with another fingerprint"
start_host apt-lock "$(lxc_data apt-lock)"
# A process holding the dpkg frontend lock the way apt does (fcntl), as unattended-upgrades would.
# shellcheck disable=SC2016 # expanded inside the container
in_host "$host" sh -c 'nohup perl -MFcntl -e "open(my \$f, q(>>), q(/var/lib/dpkg/lock-frontend)) or die; my \$l = pack(q(ssx4qqix4), F_WRLCK, 0, 0, 0, 0); fcntl(\$f, F_SETLKW, \$l) or die; open(my \$m, q(>), q(/tmp/locked)); close \$m; sleep 20; unlink q(/tmp/locked)" >/dev/null 2>&1 &'
wait_for 10 in_host "$host" test -e /tmp/locked || fail "could not take the dpkg lock for the test"
started=$SECONDS
boot "$host" valid /var/lib/cloud/instance/scripts/part-001 &
boot_pid=$!
check "while it waits, the status file says the boot script has not finished" \
  wait_for 20 in_host "$host" grep -q " booting: the boot script has not finished" /var/lib/launch-service/status
if wait "$boot_pid"; then fail "fails"; else pass "fails"; fi
check "apt waited for the lock held by the other process" grep -q "Could not get lock /var/lib/dpkg/lock-frontend. It is held by process [0-9]* (perl)" "$work/valid.out"
check "then installed what it needed (gpg), $((SECONDS - started)) s after the start" in_host "$host" sh -c 'command -v gpg >/dev/null && ! [ -e /tmp/locked ]'
check "the key with the wrong fingerprint was refused" grep -q "ERROR: Docker's repository key at $api/docker/linux/debian/gpg has fingerprint(s) \[[0-9A-F]\{40\}\], expected 9DC858229FC7DD38854AE2D88D81803C0EBFCD88; not adding the repository" "$work/valid.out"
check "no Docker repository was added, nothing registered" in_host "$host" sh -c '! [ -e /etc/apt/sources.list.d/docker.list ] && ! [ -e /home/runner/actions-runner ]'

echo "boot script: Docker from its apt repository (test double signed with the expected key)"
start_host docker "$(lxc_data docker)"
if boot "$host" docker /var/lib/cloud/instance/scripts/part-001; then pass "exits 0"; else fail "exits 0 (output below)"; cat "$work/docker.out"; fi
check "the repository key was accepted by its fingerprint" grep -q "Docker's repository key has the expected fingerprint $test_key_fingerprint" "$work/docker.out"
check "the repository is signed-by that key only" in_host "$host" grep -qx "deb \[arch=amd64 signed-by=/etc/apt/keyrings/docker.asc\] $api/docker/linux/debian bookworm stable" /etc/apt/sources.list.d/docker.list
# shellcheck disable=SC2016 # dpkg-query's format
installed=$(in_host "$host" dpkg-query -W -f '${Package}=${Version}\n' docker-ce docker-ce-cli containerd.io docker-compose-plugin docker-buildx-plugin 2>/dev/null | LC_ALL=C sort || true)
expected='containerd.io=1.7.28-2~debian.12~bookworm
docker-buildx-plugin=0.29.1-1~debian.12~bookworm
docker-ce-cli=5:28.5.2-1~debian.12~bookworm
docker-ce=5:28.5.2-1~debian.12~bookworm
docker-compose-plugin=2.40.3-1~debian.12~bookworm'
[ "$installed" = "$expected" ] || printf '       installed:\n%s\n' "$installed"
check "the pinned versions were installed, not the newest (28.5.20, 1.7.29, 2.41.0, 0.30.0 were there)" test "$installed" = "$expected"
check "and held" test "$(in_host "$host" apt-mark showhold | sort | tr '\n' ' ')" = "containerd.io docker-buildx-plugin docker-ce docker-ce-cli docker-compose-plugin "
check "Docker was enabled and started, with its data-root on the data volume already configured" sh -c \
  "docker exec '$host' grep -qx 'enable --now docker' /var/log/systemctl.calls && docker exec '$host' grep -q '$data_mount/docker' /etc/docker/daemon.json"
check "then the runner registered" in_host "$host" test -f /var/lib/launch-service/registered

if [ "$failures" -gt 0 ]; then
  echo "boot script: $failures check(s) failed"
  exit 1
fi
echo "boot script: all checks passed"
