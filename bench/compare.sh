#!/usr/bin/env bash
# The database path of two versions of Planwatch, measured in one run so that their ratio is fair on a busy machine:
# the packaged jar of commit REV and that of the working tree, each with its cache off (as bench/run.sh starts its
# uncached instance) on a fresh database of its own on the system PostgreSQL. After a JIT warm-up, short wrk runs on
# the database path's four addresses (measure list, detail, progress, filtered search; wrk -t2 -c32 as in
# bench/run.sh) alternate between the two for several rounds: old then new in odd rounds, new then old in even ones
# (whichever runs second was measured 7-19% slower with the same code on both sides), each run after a 1 s pause. Per
# address it reports the median requests/s and p99 of each side and the ratio new/old: "not slower" when the new
# median is at least 95% of the old. It also reports the CPU time each request cost, in the service (its JVM, all
# threads) and in PostgreSQL (all its processes), from /proc around each run: what a request costs rather than how
# fast a busy machine served it. It still moves with the machine's load (by up to a quarter between rounds on 2 shared
# cores), so it too is compared as medians of the alternating rounds.
# Then, on the new side only (reported, not compared): the measure list with overdue=true, after giving the plan's
# measures a deadline. Appends a section to bench/RESULTS.md. Stops everything it started, removes its worktree.
#
# REV defaults to 642781b^, the commit before the plan features (deadlines, overdue, lineage, plan loading). REV is
# built in a temporary git worktree; its app is kept in target/bench-compare/ so that SKIP_BUILD=1 reuses it (and the
# working tree's jar already built).
#
#   bench/compare.sh                    # 642781b^ against the working tree, about 6 minutes after the builds
#   bench/compare.sh 9598ca9            # another commit against the working tree
#   bench/compare.sh HEAD               # the same code on both sides: the method's own noise and bias
#   ROUNDS=4 DURATION=3s SKIP_BUILD=1 bench/compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CALLED_WITH=$(for v in SKIP_BUILD ROUNDS DURATION JIT_WARMUP PAUSE JVM_OPTS; do
  [ -n "${!v:-}" ] && printf '%s=%q ' "$v" "${!v}"
done; true)
USAGE_ARGS="[REV]"
. bench/lib.sh
help_if_asked "$@"

REV=${1:-642781b^}
ROUNDS=${ROUNDS:-6}   # even: as many rounds with old first as with new first
PAUSE=${PAUSE:-1}     # seconds before each measured run, for the side measured last to finish its work
DURATION=${DURATION:-5s}
JIT_WARMUP=${JIT_WARMUP:-30} # seconds per address and side: a list served alone took about 40 s of load to reach its plateau
THRESHOLD=95   # percent: the new median requests/s must be at least this share of the old
THREADS=2
CONNECTIONS=32
PORT_OLD=18091 PORT_NEW=18092
WORK=$(mktemp -d)
OLD_TREE=$WORK/old
OLD_PID="" NEW_PID=""

cleanup() {
  local status=$?
  if [ "$status" != 0 ]; then
    for side in old new; do [ -s "$WORK/$side.log" ] && { echo "-- the $side service's log, last lines:"; tail -40 "$WORK/$side.log"; }; done
  fi
  for pid in $OLD_PID $NEW_PID; do kill "$pid" 2>/dev/null || true; done
  for pid in $OLD_PID $NEW_PID; do wait "$pid" 2>/dev/null || true; done
  pg_stop_if_started
  [ -d "$OLD_TREE" ] && git worktree remove --force "$OLD_TREE" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

OLD_SHA=$(git rev-parse --verify "$REV^{commit}")
NEW_SHA=$(git rev-parse HEAD)
NEW_LABEL="working tree at ${NEW_SHA:0:7}"
git diff --quiet HEAD -- src pom.xml || NEW_LABEL="$NEW_LABEL (with uncommitted changes)"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

say "Tools"
need wrk:wrk postgresql:pg_ctlcluster

build_jar
NEW_JAR=$JAR
OLD_APP=target/bench-compare/$OLD_SHA
if [ "${SKIP_BUILD:-}" = 1 ] && [ -f "$OLD_APP/quarkus-run.jar" ]; then
  say "Build of $REV (${OLD_SHA:0:7}): kept from an earlier run in $OLD_APP"
else
  say "Build of $REV (${OLD_SHA:0:7}) in a temporary worktree"
  git worktree add -q --detach "$OLD_TREE" "$OLD_SHA"
  (cd "$OLD_TREE" && ./mvnw -B -q package -DskipTests)
  rm -rf "$OLD_APP" && mkdir -p "$(dirname "$OLD_APP")"
  cp -r "$OLD_TREE/target/quarkus-app" "$OLD_APP"
  git worktree remove --force "$OLD_TREE"
fi
OLD_JAR=$OLD_APP/quarkus-run.jar

say "PostgreSQL"
pg_start
pg_fresh_database planwatch_compare_old
OLD_DB_ENV=("${DB_ENV[@]}")
pg_fresh_database planwatch_compare_new
NEW_DB_ENV=("${DB_ENV[@]}")

# One at a time: two JVMs starting together on a busy machine can miss the service's fail-fast 1 s wait for its
# first database connection (Flyway's "Acquisition timeout"); a start that fails that way is tried again.
start_side() { # side, port, jar, then the datasource environment; sets <SIDE>_PID
  local side=$1 port=$2 jar=$3 attempt pid; shift 3
  for attempt in 1 2 3; do
    env "$@" QUARKUS_HTTP_PORT="$port" PLANWATCH_CACHE_ENABLED=false java $JVM_OPTS -jar "$jar" >>"$WORK/$side.log" 2>&1 &
    pid=$!
    if [ "$side" = old ]; then OLD_PID=$pid; else NEW_PID=$pid; fi
    local deadline=$((SECONDS + 120))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do
      curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && return 0
      sleep 0.1
    done
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    echo "the $side service did not start (attempt $attempt of 3)"
  done
  exit 1
}
say "Services, cache off: ${OLD_SHA:0:7} on port $PORT_OLD, the working tree on port $PORT_NEW"
start_side old $PORT_OLD "$OLD_JAR" "${OLD_DB_ENV[@]}"
start_side new $PORT_NEW "$NEW_JAR" "${NEW_DB_ENV[@]}"

LIST=/api/v1/plans/2019-2021/measures
NAMES=(list detail progress search)
declare -A TITLE=([list]="measures list" [detail]="measure detail" [progress]="progress" [search]="filtered search"
                  [overdue]="measures list, overdue=true")
declare -A URL_PATH=([list]=$LIST [detail]=$LIST/16 [progress]=/api/v1/plans/2019-2021/progress
                     [search]="$LIST?q=traite&status=PARTIALLY_IMPLEMENTED&axis=1" [overdue]="$LIST?overdue=true")
declare -A BASE=([old]=http://127.0.0.1:$PORT_OLD [new]=http://127.0.0.1:$PORT_NEW)
declare -A BYTES
for side in old new; do
  for name in "${NAMES[@]}"; do
    BYTES[$side-$name]=$(curl -sf -o /dev/null -w '%{size_download}' "${BASE[$side]}${URL_PATH[$name]}") \
      || { echo "$side: GET ${URL_PATH[$name]} failed"; exit 1; }
  done
done

declare -A PID=([old]=$OLD_PID [new]=$NEW_PID)
say "JIT warm-up: ${JIT_WARMUP}s per address and service"
for side in old new; do
  for name in "${NAMES[@]}"; do
    wrk -t$THREADS -c$CONNECTIONS -d"${JIT_WARMUP}s" "${BASE[$side]}${URL_PATH[$name]}" >/dev/null
  done
done

# CPU time (clock ticks) of processes, from /proc: "pid ticks" lines for the service's JVM (all its threads) or for
# every PostgreSQL process (the other side's backends are idle meanwhile).
ticks_of() { local p; for p in "$@"; do awk -v p="$p" '{print p, $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done; }
postgres_ticks() { ticks_of $(pgrep -x postgres || true); }
# Ticks spent between two snapshots; a process that started in between counts from zero.
ticks_between() { awk 'NR == FNR {before[$1] = $2; next} {total += $2 - before[$1]} END {print total + 0}' "$1" "$2"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))

# One measured run: appends "requests/s p99 non-2xx service-µs/request postgres-µs/request" to $WORK/<side>-<name>.
ERRORS=0
measure() { # side, name
  local out rps p99 bad requests service_us postgres_us
  ticks_of "${PID[$1]}" >"$WORK/svc-before"; postgres_ticks >"$WORK/pg-before"
  out=$(wrk -t$THREADS -c$CONNECTIONS -d"$DURATION" --latency "${BASE[$1]}${URL_PATH[$2]}")
  ticks_of "${PID[$1]}" >"$WORK/svc-after"; postgres_ticks >"$WORK/pg-after"
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)
  bad=$(awk '/Non-2xx or 3xx/ {print $NF}' <<<"$out"); bad=${bad:-0}
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  service_us=$(( $(ticks_between "$WORK/svc-before" "$WORK/svc-after") * TICK_US / requests ))
  postgres_us=$(( $(ticks_between "$WORK/pg-before" "$WORK/pg-after") * TICK_US / requests ))
  ERRORS=$((ERRORS + bad))
  echo "$rps $p99 $bad $service_us $postgres_us" >>"$WORK/$1-$2"
  printf '  %-16s %-3s %7s req/s  p99 %7s ms  CPU/request %4s µs service %4s µs PostgreSQL  non-2xx/3xx %s\n' \
    "${TITLE[$2]}" "$1" "$rps" "$p99" "$service_us" "$postgres_us" "$bad"
}
median() { # column, file, printf format
  awk -v c="$1" '{print $c}' "$2" | sort -n \
    | awk -v f="$3" '{v[NR] = $1} END {printf f "\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
runs() { awk '{printf "%s%s", (NR > 1 ? ", " : ""), $1}' "$1"; }

say "Load: $ROUNDS rounds, wrk -t$THREADS -c$CONNECTIONS -d$DURATION per address and side, old first in odd rounds, new first in even ones"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then order=(old new); else order=(new old); fi
  echo "round $round of $ROUNDS (${order[0]} first)"
  for name in "${NAMES[@]}"; do
    for side in "${order[@]}"; do
      sleep "$PAUSE"
      measure "$side" "$name"
    done
  done
done

say "New side only: the measures list with overdue=true, the plan's measures due by the end of 2021"
psql_admin -d planwatch_compare_new -c "update measure set due_by = date '2021-12-31', due_precision = 'YEAR'
  where plan_id = (select id from plan where slug = '2019-2021')"
OVERDUE_ANSWER=$(curl -sf "${BASE[new]}${URL_PATH[overdue]}")
OVERDUE_COUNT=$( (grep -o '"overdue":true' <<<"$OVERDUE_ANSWER" || true) | wc -l)
BYTES[new-overdue]=$(printf '%s' "$OVERDUE_ANSWER" | wc -c)
MEASURE_COUNT=$( (curl -sf "${BASE[new]}$LIST" | grep -o '"axis":{' || true) | wc -l)
echo "$OVERDUE_COUNT of the plan's $MEASURE_COUNT measures are overdue"
wrk -t$THREADS -c$CONNECTIONS -d"${JIT_WARMUP}s" "${BASE[new]}${URL_PATH[overdue]}" >/dev/null
for round in $(seq 1 "$ROUNDS"); do sleep "$PAUSE"; measure new overdue; done

say "Result (the new median requests/s at least $THRESHOLD% of the old: not slower)"
ROWS=() SLOWER=()
for name in "${NAMES[@]}"; do
  old_rps=$(median 1 "$WORK/old-$name" %.0f) new_rps=$(median 1 "$WORK/new-$name" %.0f)
  old_p99=$(median 2 "$WORK/old-$name" %.2f) new_p99=$(median 2 "$WORK/new-$name" %.2f)
  ratio=$(awk -v n="$new_rps" -v o="$old_rps" 'BEGIN {printf "%.2f", n / o}')
  if awk -v n="$new_rps" -v o="$old_rps" -v t="$THRESHOLD" 'BEGIN {exit !(n * 100 >= o * t)}'; then
    verdict="not slower"
  else
    verdict="slower"; SLOWER+=("${TITLE[$name]}")
  fi
  old_cpu=$(awk '{print $4 + $5}' "$WORK/old-$name" >"$WORK/cpu-old-$name"; median 1 "$WORK/cpu-old-$name" %.0f)
  new_cpu=$(awk '{print $4 + $5}' "$WORK/new-$name" >"$WORK/cpu-new-$name"; median 1 "$WORK/cpu-new-$name" %.0f)
  old_svc=$(median 4 "$WORK/old-$name" %.0f) new_svc=$(median 4 "$WORK/new-$name" %.0f)
  old_pg=$(median 5 "$WORK/old-$name" %.0f) new_pg=$(median 5 "$WORK/new-$name" %.0f)
  cpu_ratio=$(awk -v n="$new_cpu" -v o="$old_cpu" 'BEGIN {printf "%.2f", n / o}')
  ROWS+=("| ${TITLE[$name]} | $old_rps | $new_rps | ${ratio}x | $old_p99 | $new_p99 | $old_svc + $old_pg = $old_cpu | $new_svc + $new_pg = $new_cpu | ${cpu_ratio}x | ${BYTES[old-$name]} / ${BYTES[new-$name]} | $verdict |")
  printf '%-16s old %7s req/s p99 %6s ms %5s µs CPU | new %7s req/s p99 %6s ms %5s µs CPU | new/old %sx, CPU %sx: %s\n' \
    "${TITLE[$name]}" "$old_rps" "$old_p99" "$old_cpu" "$new_rps" "$new_p99" "$new_cpu" "$ratio" "$cpu_ratio" "$verdict"
done
overdue_rps=$(median 1 "$WORK/new-overdue" %.0f) overdue_p99=$(median 2 "$WORK/new-overdue" %.2f)
overdue_svc=$(median 4 "$WORK/new-overdue" %.0f) overdue_pg=$(median 5 "$WORK/new-overdue" %.0f)
ROWS+=("| ${TITLE[overdue]} (new only, $OVERDUE_COUNT of $MEASURE_COUNT overdue) | — | $overdue_rps | — | — | $overdue_p99 | — | $overdue_svc + $overdue_pg = $((overdue_svc + overdue_pg)) | — | — / ${BYTES[new-overdue]} | reported |")
printf '%-16s new %7s req/s p99 %6s ms (%s of %s measures overdue; reported, not compared)\n' \
  "overdue=true" "$overdue_rps" "$overdue_p99" "$OVERDUE_COUNT" "$MEASURE_COUNT"
if [ ${#SLOWER[@]} = 0 ]; then
  VERDICT="not slower: each address's new median is at least $THRESHOLD% of the old"
else
  VERDICT="slower on $(IFS=,; echo "${SLOWER[*]}" | sed 's/,/, /g') (new median below $THRESHOLD% of the old)"
fi
say "Database path of the working tree against ${OLD_SHA:0:7}: $VERDICT"

{
  echo
  echo "## Database path: ${OLD_SHA:0:7} against the working tree ($(date -u +%Y-%m-%d), bench/compare.sh)"
  echo
  echo "Command: \`${CALLED_WITH}bench/compare.sh${1:+ $1}\`. Old: ${OLD_SHA:0:7} ($REV, $(git log -1 --format=%cs "$OLD_SHA"), \"$(git log -1 --format=%s "$OLD_SHA" | cut -c1-80)…\")."
  echo "New: $NEW_LABEL; $(git rev-list --count --no-merges "$OLD_SHA..HEAD" -- src/main) commits between them change src/main. Both packaged jars with the cache off, each on a fresh database of its own (PostgreSQL $PG_VERSION),"
  echo "\`$JVM_OPTS\`, on $(nproc) cores shared by wrk, both services and PostgreSQL (load average before the run: $LOAD_BEFORE)."
  echo "Each address served ${JIT_WARMUP}s by each side first (JIT warm-up), then $ROUNDS rounds of wrk -t$THREADS -c$CONNECTIONS -d$DURATION per address and side,"
  echo "old first in odd rounds and new first in even ones, ${PAUSE} s apart; medians of the rounds."
  echo
  echo "| address | old requests/s | new requests/s | new/old | old p99 (ms) | new p99 (ms) | old CPU µs/request (service + PostgreSQL) | new CPU µs/request | CPU new/old | answer bytes old / new | verdict |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Requests/s of each round (old; new; new/old within the round):"
  for name in "${NAMES[@]}"; do
    echo "- ${TITLE[$name]}: $(runs "$WORK/old-$name"); $(runs "$WORK/new-$name"); $(paste -d' ' "$WORK/old-$name" "$WORK/new-$name" \
      | awk '{printf "%s%.2f", (NR > 1 ? ", " : ""), $6 / $1}')"
  done
  echo "- ${TITLE[overdue]} (new only, after setting every measure of the plan due by 2021 in its database): $(runs "$WORK/new-overdue")"
  echo
  echo "CPU µs per request of each round, service + PostgreSQL (old; new):"
  for name in "${NAMES[@]}"; do
    echo "- ${TITLE[$name]}: $(runs "$WORK/cpu-old-$name"); $(runs "$WORK/cpu-new-$name")"
  done
  echo
  echo "Verdict (new median requests/s at least $THRESHOLD% of the old, per address): $VERDICT. Non-2xx/3xx answers: $ERRORS."
} >>bench/RESULTS.md
[ "$ERRORS" = 0 ]
