#!/usr/bin/env bash
# Installs and starts what the Docker-backed tests need, idempotently:
# Docker Engine (Debian 12 docker.io), the Compose v2 plugin (from Debian 13's
# docker-compose package, plugin binary only) and local base images, because
# this machine cannot reach Docker Hub.
set -euo pipefail

log() { printf '[setup-docker] %s\n' "$*"; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v dockerd >/dev/null 2>&1; then
  log "installing docker.io (engine)"
  apt_install docker.io
fi
if [ ! -x /bin/busybox ] || ! /bin/busybox --list 2>/dev/null | grep -qx httpd; then
  log "installing busybox-static"
  apt_install busybox-static
fi

# /usr/local/bin/docker on this image is a newer client; it talks to the 20.10 engine fine.
if ! docker info >/dev/null 2>&1; then
  log "starting dockerd"
  (dockerd >/tmp/dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || { log "dockerd did not start; see /tmp/dockerd.log"; tail -20 /tmp/dockerd.log; exit 1; }
fi

plugin_dir=/usr/libexec/docker/cli-plugins
if ! docker compose version >/dev/null 2>&1; then
  log "installing the Compose v2 plugin from Debian trixie's docker-compose package"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo 'deb http://deb.debian.org/debian trixie main' >"$tmp/trixie.list"
  mkdir -p "$tmp/lists/partial" "$tmp/archives/partial"
  apt_opts=(-oAPT::Sandbox::User=root -oDir::Etc::SourceList="$tmp/trixie.list" -oDir::Etc::SourceParts=/dev/null
    -oDir::State::Lists="$tmp/lists" -oDir::Cache::Archives="$tmp/archives" -qq)
  apt-get "${apt_opts[@]}" update
  (cd "$tmp" && apt-get "${apt_opts[@]}" download docker-compose)
  dpkg-deb -x "$tmp"/docker-compose_*.deb "$tmp/x"
  mkdir -p "$plugin_dir"
  install -m 0755 "$tmp/x/usr/libexec/docker/cli-plugins/docker-compose" "$plugin_dir/docker-compose"
  docker compose version
fi

# busybox:1.36 — a scratch image with a static busybox, so service Dockerfiles build offline.
if ! docker image inspect busybox:1.36 >/dev/null 2>&1; then
  log "building local image busybox:1.36"
  ctx=$(mktemp -d)
  cp /bin/busybox "$ctx/busybox"
  cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
CMD ["sh"]
DOCKERFILE
  DOCKER_BUILDKIT=0 docker build -q -t busybox:1.36 "$ctx" >/dev/null
  rm -rf "$ctx"
fi
log "ready: $(docker version --format 'engine {{.Server.Version}}'), $(docker compose version --short 2>/dev/null || echo compose?)"
