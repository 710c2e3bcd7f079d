#!/usr/bin/env bash
# Builds the local container images the infrastructure tests need, idempotently
# (an image that already exists is kept). This machine cannot pull from Docker
# Hub, so the Debian 12 image is built from Debian's archive with debootstrap.
#
#   launch-service/debian-test:12   Debian 12 minbase + bash, curl, ca-certificates:
#                                   the boot script's test host.
#
# Needs: root, a running Docker engine (scripts/setup-docker.sh), Debian's archive.
# TEST_IMAGE_CACHE_DIR (optional): a folder CI keeps between runs; the image is saved there after a
# build and loaded from there instead of rebuilding (about 30 s of debootstrap).
set -euo pipefail

image=${DEBIAN_TEST_IMAGE:-launch-service/debian-test:12}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${TEST_IMAGE_CACHE_DIR:+$TEST_IMAGE_CACHE_DIR/debian-test-12.tar}

log() { printf '[build-test-images] %s\n' "$*"; }

docker info >/dev/null 2>&1 || { log "no Docker engine answers: run scripts/setup-docker.sh first"; exit 1; }
if docker image inspect "$image" >/dev/null 2>&1; then
  log "$image already exists (docker rmi $image to rebuild)"
  exit 0
fi
if [ -n "$cache" ] && [ -f "$cache" ] && docker load -i "$cache" >/dev/null && docker image inspect "$image" >/dev/null 2>&1; then
  log "$image loaded from $cache"
  exit 0
fi

if ! command -v debootstrap >/dev/null 2>&1; then
  log "installing debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

rootfs=$(mktemp -d)
trap 'rm -rf "$rootfs"' EXIT
started=$(date +%s)
log "debootstrap bookworm (minbase) into $rootfs"
debootstrap --variant=minbase --include=ca-certificates,curl bookworm "$rootfs" "$mirror" >"$rootfs.log" 2>&1 ||
  { tail -20 "$rootfs.log"; log "debootstrap failed; full log: $rootfs.log"; exit 1; }
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
tar -C "$rootfs" -c . | docker import --change 'CMD ["/bin/bash"]' - "$image" >/dev/null
rm -f "$rootfs.log"
log "built $image in $(($(date +%s) - started)) s"
if [ -n "$cache" ]; then
  mkdir -p "$TEST_IMAGE_CACHE_DIR" && docker save -o "$cache" "$image" && log "saved to $cache"
fi
