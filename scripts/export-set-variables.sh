#!/usr/bin/env bash
# For each environment variable SET_<NAME> that is not empty, exports <NAME> to the following steps
# of a GitHub Actions job (through $GITHUB_ENV). A secret that is not set arrives as "", and
# TF_VAR_x="" is an empty string to Terraform, not null: such variables are left out instead.
# Prints only the names it exports, never a value. Multi-line values (PEM keys) are kept as they are.
set -euo pipefail

: "${GITHUB_ENV:?GITHUB_ENV is not set: run this inside a GitHub Actions job}"
exported=()
while IFS= read -r -d '' entry; do
  name=${entry%%=*}
  target=${name#SET_}
  [ -n "${!name}" ] || continue
  if ! [[ $target =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
    echo "::error::SET_ variable with an invalid name: $name" >&2
    exit 1
  fi
  # A random delimiter that the value does not contain (GitHub's multi-line syntax).
  delimiter="EOF_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  if [[ ${!name} == *"$delimiter"* ]]; then
    echo "::error::could not export $target" >&2
    exit 1
  fi
  printf '%s<<%s\n%s\n%s\n' "$target" "$delimiter" "${!name}" "$delimiter" >>"$GITHUB_ENV"
  exported+=("$target")
done < <(env -0 | grep -z '^SET_' || true)
echo "exported: ${exported[*]:-(none)}"
