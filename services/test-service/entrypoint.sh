#!/bin/sh
# Serves a page built from the environment that launch-service wrote into .env.
set -eu
mkdir -p /www
printf '<!doctype html>\n<title>test-service</title>\n<h1>%s</h1>\n<p>version %s</p>\n' \
  "${GREETING:-Hello}" "${VERSION:-dev}" >/www/index.html
exec httpd -f -p 8080 -h /www
