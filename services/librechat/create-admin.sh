#!/usr/bin/env bash
# Creates LibreChat's first account, which LibreChat makes an ADMIN (its first registered user gets
# that role), with LibreChat's own `npm run create-user` inside the running api container.
#
#   sudo bash create-admin.sh EMAIL [NAME] [USERNAME]      # on the deployment's host
#
# The password is read from standard input (a hidden prompt on a terminal, else the first line),
# never from the command line, where other users and the shell history would see it.
# LIBRECHAT_PROJECT: the compose project, i.e. the deployment's name (default: librechat).
set -euo pipefail

fail() { printf 'create-admin: %s\n' "$*" >&2; exit 1; }

if [ $# -lt 1 ] || [ $# -gt 3 ]; then fail "usage: create-admin.sh EMAIL [NAME] [USERNAME] (password on stdin)"; fi
email=$1
[[ $email =~ ^[^[:space:]@]+@[^[:space:]@]+\.[^[:space:]@]+$ ]] || fail "'$email' is not an email address."
name=${2:-${email%%@*}}
username=${3:-${email%%@*}}
[[ $username =~ ^[A-Za-z0-9._-]{2,80}$ ]] || fail "username '$username' may hold letters, digits, '.', '_' and '-' only (2-80)."
project=${LIBRECHAT_PROJECT:-librechat}
[[ $project =~ ^[a-z0-9][a-z0-9_-]*$ ]] || fail "LIBRECHAT_PROJECT '$project' is not a compose project name."

container=$(docker ps --quiet --filter "label=com.docker.compose.project=$project" \
  --filter label=com.docker.compose.service=api)
[ -n "$container" ] || fail "no running api container in compose project '$project': deploy LibreChat first (or set LIBRECHAT_PROJECT to the deployment's name)."
[ "$(wc -l <<<"$container")" -eq 1 ] || fail "more than one api container in compose project '$project'."

if [ -t 0 ]; then
  read -r -s -p 'Password (at least 8 characters): ' password && echo
else
  IFS= read -r password || true
fi
[ "${#password}" -ge 8 ] || fail "the password must have at least 8 characters."

# create-user.js prompts for the password on stdin when it is not the 4th argument.
printf '%s\n' "$password" |
  docker exec -i "$container" npm run create-user -- "$email" "$name" "$username" --email-verified=true
