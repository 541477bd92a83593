#!/usr/bin/env bash
# Planwatch's read benchmark: the packaged service (cache on, and cache off: the database path) against
# nginx serving the same bytes as a static file and json-server serving the same data, all on loopback,
# measured with wrk in one run. Writes bench/RESULTS.md. Stops everything it started.
#
#   bench/run.sh              # about 5 minutes
#   DURATION=30s bench/run.sh # longer runs
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
help_if_asked "$@"

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
JIT_WARMUP=${JIT_WARMUP:-8}
THREADS=2
CONNECTIONS=32
PORT_CACHED=18081 PORT_UNCACHED=18082 PORT_NGINX=18083 PORT_JSON_SERVER=18084 PORT_START=18085
WORK=$(mktemp -d)
chmod 755 "$WORK"   # nginx workers run as an unprivileged user
TOOLS=bench/.tools
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  pg_stop_if_started
  rm -rf "$WORK"
}
trap cleanup EXIT

say "Tools"
need wrk:wrk nginx:nginx postgresql:pg_ctlcluster
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$TOOLS/node_modules/.bin/json-server" ]; then
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" json-server@0.17.4 >/dev/null
fi

build_jar

say "PostgreSQL"
pg_start
pg_fresh_database planwatch_bench

# The JDK AOT cache (scripts/aot-cache.sh) needs JDK 25 or newer: AOT_JAVA, else the first such java found.
AOT_JAVA=${AOT_JAVA:-}
if [ -z "$AOT_JAVA" ]; then
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java)" /usr/lib/jvm/*/bin/java; do
    feature=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${feature%%.*}" -ge 25 ] 2>/dev/null; then AOT_JAVA=$candidate; break; fi
  done
fi
if [ -n "$AOT_JAVA" ]; then
  say "AOT cache (scripts/aot-cache.sh, $("$AOT_JAVA" -version 2>&1 | head -1))"
  env "${DB_ENV[@]}" JAVA="$AOT_JAVA" JAVA_OPTS="$JVM_OPTS" scripts/aot-cache.sh
else
  say "AOT cache: skipped, no JDK 25 or newer found (set AOT_JAVA)"
fi

say "Start to first answer"
startup_times() { # label, java command and options, jar, then env assignments
  local label=$1 java=$2 jar=$3; shift 3
  local times=()
  for run in 1 2 3; do
    local t0; t0=$(millis)
    env "$@" QUARKUS_HTTP_PORT=$PORT_START $java -jar "$jar" >"$WORK/start.log" 2>&1 &
    local pid=$!
    wait_for "http://127.0.0.1:$PORT_START/api/v1/plans" 120
    times+=($(( $(millis) - t0 )))
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p > "$WORK/startup-$label"
  echo "$label: ${times[*]} ms (median $(cat "$WORK/startup-$label") ms)"
}
startup_times running-postgresql "java $JVM_OPTS" "$JAR" "${DB_ENV[@]}"
startup_times embedded-postgresql "java $JVM_OPTS" "$JAR" PLANWATCH_EMBEDDED_POSTGRES_DATA_DIR="$WORK/embedded-data"
if [ -n "$AOT_JAVA" ]; then
  AOT_APP=target/quarkus-aot-app
  startup_times aot-running-postgresql "$AOT_JAVA $JVM_OPTS -XX:AOTCache=$AOT_APP/app.aot" "$AOT_APP/quarkus-run.jar" "${DB_ENV[@]}"
  startup_times aot-embedded-postgresql "$AOT_JAVA $JVM_OPTS -XX:AOTCache=$AOT_APP/app.aot" "$AOT_APP/quarkus-run.jar" \
    PLANWATCH_EMBEDDED_POSTGRES_DATA_DIR="$WORK/embedded-data-aot"
fi

say "Services"
env "${DB_ENV[@]}" QUARKUS_HTTP_PORT=$PORT_CACHED java $JVM_OPTS -jar "$JAR" >"$WORK/cached.log" 2>&1 &
PIDS+=($!); CACHED_PID=$!
env "${DB_ENV[@]}" QUARKUS_HTTP_PORT=$PORT_UNCACHED PLANWATCH_CACHE_ENABLED=false java $JVM_OPTS -jar "$JAR" >"$WORK/uncached.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$PORT_CACHED/q/health/ready" 120
wait_for "http://127.0.0.1:$PORT_UNCACHED/q/health/ready" 120

LIST=/api/v1/plans/2019-2021/measures
SEARCH="$LIST?q=traite&status=PARTIALLY_IMPLEMENTED&axis=1"
mkdir -p "$WORK/www"
curl -sf "http://127.0.0.1:$PORT_CACHED$LIST" >"$WORK/www/measures.json"
ETAG=$(curl -sfI "http://127.0.0.1:$PORT_CACHED$LIST" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[2], JSON.stringify({measures: JSON.parse(fs.readFileSync(process.argv[1])).items}))' \
  "$WORK/www/measures.json" "$WORK/db.json"

cat >"$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$PORT_NGINX;
    root $WORK/www;
  }
}
NGINX
"$NGINX" -c "$WORK/nginx.conf"
"$TOOLS/node_modules/.bin/json-server" --quiet --port $PORT_JSON_SERVER "$WORK/db.json" >"$WORK/json-server.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$PORT_NGINX/measures.json" 10
wait_for "http://127.0.0.1:$PORT_JSON_SERVER/measures" 30

# A fresh JVM runs interpreted, then compiles its hot paths while it serves: measured from cold, the first
# scenarios would time the compiler. Each service first serves every scenario's address for a while.
say "Warm-up: ${JIT_WARMUP}s per address and service"
for base in "http://127.0.0.1:$PORT_CACHED" "http://127.0.0.1:$PORT_UNCACHED"; do
  for path in "$LIST" /api/v1/plans/2019-2021/measures/16 /api/v1/plans/2019-2021/progress "$SEARCH"; do
    wrk -t$THREADS -c$CONNECTIONS -d"${JIT_WARMUP}s" "$base$path" >/dev/null
  done
done

say "Load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a $WARMUP warm-up), loopback only"
RESULTS=()
load() { # name, url, extra wrk args...
  local name=$1 url=$2; shift 2
  wrk -t$THREADS -c$CONNECTIONS -d"$WARMUP" "$@" "$url" >/dev/null
  local out; out=$(wrk -t$THREADS -c$CONNECTIONS -d"$DURATION" --latency "$@" "$url")
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out" | to_ms)
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)
  errors=$(awk '/Non-2xx or 3xx/ {print $NF}' <<<"$out"); errors=${errors:-0}
  RESULTS+=("$name|$rps|$p50|$p99|$errors")
  printf '%-48s %8s req/s  p50 %6s ms  p99 %6s ms  non-2xx/3xx %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
}
C=http://127.0.0.1:$PORT_CACHED U=http://127.0.0.1:$PORT_UNCACHED
load "nginx: the same bytes as a static file" "http://127.0.0.1:$PORT_NGINX/measures.json"
load "json-server: the same data" "http://127.0.0.1:$PORT_JSON_SERVER/measures"
load "measures list, warm (200)" "$C$LIST"
load "measures list, If-None-Match (304)" "$C$LIST" -H "If-None-Match: $ETAG"
load "measure detail, warm" "$C/api/v1/plans/2019-2021/measures/16"
load "progress, warm" "$C/api/v1/plans/2019-2021/progress"
load "filtered search, warm" "$C$SEARCH"
load "measures list, cache off (database)" "$U$LIST"
load "measure detail, cache off (database)" "$U/api/v1/plans/2019-2021/measures/16"
load "progress, cache off (database)" "$U/api/v1/plans/2019-2021/progress"
load "filtered search, cache off (database)" "$U$SEARCH"
RSS_MB=$(( $(ps -o rss= -p "$CACHED_PID") / 1024 ))
echo "resident memory of the cached service after the load: $RSS_MB MB"

say "Results"
NGINX_RPS=$(cut -d'|' -f2 <<<"${RESULTS[0]}")
JSON_SERVER_RPS=$(cut -d'|' -f2 <<<"${RESULTS[1]}")
{
  echo "# Benchmark results"
  echo
  echo "Produced by \`bench/run.sh\` on $(date -u +%Y-%m-%d) — $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/^Mem/ {print $2}') GiB of memory."
  echo "Each service first serves each of the four addresses for ${JIT_WARMUP}s (its JIT compiler at work), then wrk -t$THREADS -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up, on loopback,"
  echo "one scenario at a time; the service runs with \`$JVM_OPTS\`"
  echo "against PostgreSQL $PG_VERSION. The payload is \`GET $LIST\`: $(wc -c <"$WORK/www/measures.json") bytes."
  echo
  echo "| scenario | requests/s | p50 (ms) | p99 (ms) | non-2xx/3xx | vs nginx | vs json-server |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for row in "${RESULTS[@]}"; do
    IFS='|' read -r name rps p50 p99 errors <<<"$row"
    printf '| %s | %s | %s | %s | %s | %.2fx | %.1fx |\n' "$name" "$rps" "$p50" "$p99" "$errors" \
      "$(echo "$rps / $NGINX_RPS" | bc -l)" "$(echo "$rps / $JSON_SERVER_RPS" | bc -l)"
  done
  echo
  echo "- Start to first answer (median of 3), $(java -version 2>&1 | head -1), the jar as \`./mvnw package\` builds it: $(cat "$WORK/startup-running-postgresql") ms against the running PostgreSQL, $(cat "$WORK/startup-embedded-postgresql") ms with the embedded PostgreSQL (first run includes creating its database)."
  if [ -n "$AOT_JAVA" ]; then
    echo "- Start to first answer (median of 3), $("$AOT_JAVA" -version 2>&1 | head -1) with the AOT cache of \`scripts/aot-cache.sh\`: $(cat "$WORK/startup-aot-running-postgresql") ms against the running PostgreSQL, $(cat "$WORK/startup-aot-embedded-postgresql") ms with the embedded PostgreSQL."
  else
    echo "- Start to first answer with the AOT cache: not measured, no JDK 25 or newer was found."
  fi
  echo "- Resident memory of the cached service after the load: $RSS_MB MB."
  echo
  echo "Versions: $(java -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); $("$NGINX" -v 2>&1); json-server $("$TOOLS/node_modules/.bin/json-server" --version); node $(node --version); $(psql --version)."
} >"$WORK/results.md"
# The soak's section (bench/soak.sh) is kept as it was.
awk '/^## Soak$/ {keep = 1} keep' bench/RESULTS.md 2>/dev/null >"$WORK/soak.md" || true
{ cat "$WORK/results.md"; if [ -s "$WORK/soak.md" ]; then echo; cat "$WORK/soak.md"; fi; } >bench/RESULTS.md
cat bench/RESULTS.md
