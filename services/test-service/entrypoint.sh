#!/bin/sh
# Serves index.html (copied into the image at build time) with {{GREETING}} and {{VERSION}} taken
# from the environment that launch-service wrote into .env, HTML-escaped. awk reads the values from
# ENVIRON, so no value is ever parsed as a sed/awk pattern or as shell code.
set -eu
mkdir -p /www
GREETING=${GREETING:-Hello} VERSION=${VERSION:-dev} awk '
  function escape(s) {
    gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); gsub(/"/, "\\&quot;", s)
    return s
  }
  # One pass over each line, so a value that contains a {{TOKEN}} is never filled in again.
  function fill(line,    at, out, rest, token) {
    out = ""
    while ((at = index(line, "{{")) > 0) {
      out = out substr(line, 1, at - 1)
      rest = substr(line, at)
      token = substr(rest, 1, index(rest, "}}") + 1)
      if (token in values) { out = out values[token]; line = substr(rest, length(token) + 1) }
      else { out = out "{{"; line = substr(rest, 3) }
    }
    return out line
  }
  BEGIN {
    values["{{GREETING}}"] = escape(ENVIRON["GREETING"])
    values["{{VERSION}}"] = escape(ENVIRON["VERSION"])
  }
  { print fill($0) }
' /srv/index.html >/www/index.html
exec httpd -f -p 8080 -h /www
