#!/usr/bin/env bash
# Generates the Java client from openapi/openapi.yaml, compiles it with ClientSmoke, and runs ClientSmoke against a
# running Planwatch: one line per check, then "client: N passed, M failed"; exits non-zero when a check failed.
#
#   clients/java-smoke/run.sh BASE_URL [ADMIN_KEY]     # the key may also be in PLANWATCH_ADMIN_KEY
#   CONTRACT=/path/to/other.yaml clients/java-smoke/run.sh ...   # generates from another copy of the contract
#   SKIP_BUILD=1 clients/java-smoke/run.sh ...          # runs what the last build made
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 BASE_URL [ADMIN_KEY]   (the key may also be in PLANWATCH_ADMIN_KEY)" >&2
  exit 2
fi

if [ -z "${SKIP_BUILD:-}" ]; then
  contract=()
  [ -n "${CONTRACT:-}" ] && contract=("-Dplanwatch.contract=$(cd "$(dirname "$CONTRACT")" && pwd)/$(basename "$CONTRACT")")
  # clean: files generated from an earlier contract must not stay beside the new ones. The build's output (the
  # generator prints a banner even with -q) is shown only when the build fails.
  log=$(mktemp)
  if ! "$root/mvnw" -B -q -f "$here/pom.xml" ${contract[@]+"${contract[@]}"} clean package >"$log" 2>&1; then
    cat "$log"; rm -f "$log"
    echo "FAIL: the client generated from the contract does not build (above)" >&2
    exit 1
  fi
  rm -f "$log"
fi

exec java -Dfile.encoding=UTF-8 -cp "$here/target/classes:$here/target/lib/*" org.planwatch.smoke.ClientSmoke "$@"
