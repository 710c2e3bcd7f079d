#!/usr/bin/env bash
# Everything `npm test` needs on this kind of machine (Debian 12, root), idempotently: the Docker
# engine, Compose plugin and base images (setup-docker.sh), the Debian image the boot-script test
# runs in (build-test-images.sh), and shellcheck. Terraform >= 1.10 must already be on PATH: it is
# not packaged by npm or Debian.
set -euo pipefail
here=$(dirname "$0")
bash "$here/setup-docker.sh"
bash "$here/build-test-images.sh"
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "[setup-test-env] installing shellcheck"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
fi
command -v terraform >/dev/null 2>&1 ||
  echo "[setup-test-env] WARNING: terraform is not on PATH; the Terraform tests will fail. Install Terraform >= 1.10 (https://developer.hashicorp.com/terraform/install)."
