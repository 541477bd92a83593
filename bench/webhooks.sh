#!/usr/bin/env bash
# Planwatch's webhook benchmark: does a write answer as fast with 10 webhook subscriptions as with none? The packaged
# service on the system PostgreSQL, a receiver on loopback that takes 50 ms over each answer (a slow site), and writes
# only (bench/webhooks.lua: evaluations of 10 assessments, each moving 10 measures' statuses, so that a write gives
# each subscription 11 messages). The same writes are measured without any subscription, then with 10 while the
# instance's deliveries are paused (PLANWATCH_WEBHOOKS_DISPATCH=false: the write's own cost, its events in the outbox;
# no fan-out, no sending), each on a fresh plan of the same size, after a warm-up, in rounds (ROUNDS, 3) that
# alternate which comes first, so that whatever else the machine does weighs on both alike; the verdict compares
# their medians. Then the service restarts sending, the writes are measured once more while it fans out and delivers
# on the same cores, and the script waits for every message to be delivered. Appends its result to the "Webhooks"
# section of bench/RESULTS.md. Stops everything it started.
#
#   bench/webhooks.sh                 # 3 rounds of 2 runs of 20 s, 2 connections (about 8 minutes)
#   DURATION=10 SKIP_BUILD=1 bench/webhooks.sh  # WARMUP (90 s) and ROUNDS (3) can be set too
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
help_if_asked "$@"

DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-90} # seconds: writes got about 3 times faster after 60 s of them (the JIT), on 2 busy cores
CONNECTIONS=${CONNECTIONS:-2}
SUBSCRIPTIONS=10
PORT=18097
RECEIVER_PORT=18098
ADMIN_KEY=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
WORK=$(mktemp -d)
RECEIVER_PID=""

stop_all() {
  [ -n "$RECEIVER_PID" ] && kill "$RECEIVER_PID" 2>/dev/null || true
  stop_app_and_database
}
trap stop_all EXIT

say "Tools"
need wrk:wrk postgresql:pg_ctlcluster python3:python3

build_jar

say "The receiver (50 ms per answer) on port $RECEIVER_PORT"
cat >"$WORK/receiver.py" <<'PY'
import http.server, socketserver, sys, time
class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        time.sleep(0.05)
        self.send_response(200); self.send_header("content-length", "0"); self.end_headers()
    def log_message(self, *args): pass
class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
python3 "$WORK/receiver.py" $RECEIVER_PORT &
RECEIVER_PID=$!

start_service() { # dispatch (true|false): whether this instance sends the outbox's messages
  # The receiver is on loopback: allowed for this run only. One client writes far beyond a client's write limit.
  env "${DB_ENV[@]}" QUARKUS_HTTP_PORT=$PORT PLANWATCH_ADMIN_KEY="$ADMIN_KEY" PLANWATCH_RATE_LIMIT_WRITES_PER_MINUTE=1000000 \
    PLANWATCH_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true PLANWATCH_WEBHOOKS_DISPATCH="$1" PLANWATCH_WEBHOOKS_WORKERS=$SUBSCRIPTIONS \
    java $JVM_OPTS -jar "$JAR" >>"$WORK/service.log" 2>&1 &
  APP_PID=$!
  wait_for "$BASE/q/health/ready" 120
}

say "PostgreSQL and the service, its deliveries paused"
pg_start
pg_fresh_database planwatch_webhooks
BASE=http://127.0.0.1:$PORT
start_service false

admin() { # method, path, json
  local status
  status=$(curl -s -o "$WORK/answer" -w '%{http_code}' -X "$1" "$BASE$2" -H "Authorization: Bearer $ADMIN_KEY" \
    -H 'Content-Type: application/json' -d "$3")
  [ "${status:0:1}" = 2 ] || { echo "setup: $1 $2 answered $status: $(cat "$WORK/answer")"; exit 1; }
}
plan() { # start year: a plan of 10 measures on one axis
  admin POST /api/v1/plans "{\"startYear\":$1,\"endYear\":$(($1 + 1)),\"title\":\"Plan du banc\",\"source\":{\"title\":\"Source\",\"url\":\"https://example.org/bench\"}}"
  admin POST /api/v1/plans/$1-$(($1 + 1))/axes '{"number":1,"title":"Axe un"}'
  for m in $(seq 1 10); do admin POST /api/v1/plans/$1-$(($1 + 1))/measures "{\"number\":$m,\"axis\":1,\"title\":\"Mesure $m\"}"; done
}
admin POST /api/v1/evaluators '{"slug":"bench","name":"Banc","shortName":"Banc","kind":"CIVIL_SOCIETY"}'
plan 2100
for r in $(seq 1 "$ROUNDS"); do plan $((2100 + 4 * r)); plan $((2102 + 4 * r)); done

writes() { # plan, seconds
  ADMIN_KEY=$ADMIN_KEY PLAN=$1 wrk -t1 -c"$CONNECTIONS" -d"$2"s --timeout 5s --latency -s bench/webhooks.lua "$BASE"
}
figures() { # wrk report -> "requests/s p50 p99 non-2xx"
  local rps p50 p99 bad
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$1")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$1" | to_ms)
  p99=$(awk '$1 == "99%" {print $2}' <<<"$1" | to_ms)
  bad=$(awk '/Non-2xx or 3xx/ {print $NF}' <<<"$1")
  echo "$rps ${p50} ${p99} ${bad:-0}"
}

say "Warm-up: $WARMUP s of writes on plan 2100-2101, no subscription"
writes 2100-2101 "$WARMUP" >/dev/null

median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
subscribe() {
  for i in $(seq 1 $SUBSCRIPTIONS); do
    admin POST /api/v1/webhooks "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook$i\",\"events\":[\"measure.status_changed\",\"evaluation.created\"]}"
  done
}
ALL0=() ALL10=() bad0=0 bad10=0
without() { # round
  psql_admin -d planwatch_webhooks -q -c "delete from webhook" # the bench's own database: none left
  say "Round $1/$ROUNDS without subscriptions: wrk -t1 -c$CONNECTIONS -d${DURATION}s, plan $((2100 + 4 * $1))"
  read -r rps p50 p99 bad <<<"$(figures "$(writes $((2100 + 4 * $1))-$((2101 + 4 * $1)) "$DURATION")")"
  echo "$rps writes/s, p50 $p50 ms, p99 $p99 ms, $bad refused"
  ALL0+=("$rps $p50 $p99"); bad0=$((bad0 + bad))
}
with() { # round
  psql_admin -d planwatch_webhooks -q -c "delete from webhook"
  subscribe
  say "Round $1/$ROUNDS with $SUBSCRIPTIONS subscriptions, deliveries paused: the same, plan $((2102 + 4 * $1))"
  read -r rps p50 p99 bad <<<"$(figures "$(writes $((2102 + 4 * $1))-$((2103 + 4 * $1)) "$DURATION")")"
  echo "$rps writes/s, p50 $p50 ms, p99 $p99 ms, $bad refused"
  ALL10+=("$rps $p50 $p99"); bad10=$((bad10 + bad))
}
# Without first in odd rounds, with first in even ones: the service still warms up, and the side measured second
# would otherwise always have the advantage.
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) = 1 ]; then without "$r"; with "$r"; else with "$r"; without "$r"; fi
done
column() { printf '%s\n' "${@:2}" | awk -v c="$1" '{print $c}' | tr '\n' ' ' | median; } # column, rows -> median
rps0=$(column 1 "${ALL0[@]}") p50_0=$(column 2 "${ALL0[@]}") p99_0=$(column 3 "${ALL0[@]}")
rps10=$(column 1 "${ALL10[@]}") p50_10=$(column 2 "${ALL10[@]}") p99_10=$(column 3 "${ALL10[@]}")
p50s0=$(printf '%s\n' "${ALL0[@]}" | awk '{print $2}' | tr '\n' ' ') p50s10=$(printf '%s\n' "${ALL10[@]}" | awk '{print $2}' | tr '\n' ' ')

say "The service again, sending: the same writes while it delivers, plan 2198-2199"
kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true
start_service true
psql_admin -d planwatch_webhooks -q -c "delete from webhook" # subscriptions anew: they hear of this run's writes only
subscribe
plan 2198
start=$(millis)
read -r rps10d p50_10d p99_10d bad10d <<<"$(figures "$(writes 2198-2199 "$DURATION")")"
echo "$rps10d writes/s, p50 $p50_10d ms, p99 $p99_10d ms, $bad10d refused"

say "Waiting for every message to be delivered (at most 10 minutes)"
pending() { psql_admin -d planwatch_webhooks -At -c "select count(*) from webhook_message where state <> 'DELIVERED'"; }
deadline=$((SECONDS + 600))
while [ "$(pending)" != 0 ] && [ $SECONDS -lt $deadline ]; do sleep 1; done
messages=$(psql_admin -d planwatch_webhooks -At -c "select count(*) from webhook_message")
undelivered=$(pending)
drained_s=$(( ($(millis) - start) / 1000 ))
echo "$messages messages, $undelivered not delivered, all sent within $drained_s s of the start of the run"

verdict=$(awk -v a="$p50_0" -v b="$p50_10" 'BEGIN {print (b <= a * 1.10 + 0.5) ? "met" : "NOT met"}')
say "Result: a write with $SUBSCRIPTIONS subscriptions answers in $p50_10 ms (p50) against $p50_0 ms without: $verdict"

{
  echo
  echo "## Webhooks ($(date -u +%Y-%m-%d), bench/webhooks.sh, DURATION=$DURATION CONNECTIONS=$CONNECTIONS)"
  echo
  echo "Writes of an evaluation of 10 assessments moving 10 statuses (wrk -t1 -c$CONNECTIONS -d${DURATION}s), $(nproc) cores"
  echo "shared by wrk, the service, PostgreSQL and a receiver taking 50 ms over each answer."
  echo
  echo "Medians of $ROUNDS alternating rounds for the first two rows (each round's p50 in ms: ${p50s0% } without; ${p50s10% } with)."
  echo
  echo "| subscriptions | writes/s | p50 | p99 | refused |"
  echo "| --- | --- | --- | --- | --- |"
  echo "| 0 | $rps0 | $p50_0 ms | $p99_0 ms | $bad0 |"
  echo "| $SUBSCRIPTIONS, deliveries paused | $rps10 | $p50_10 ms | $p99_10 ms | $bad10 |"
  echo "| $SUBSCRIPTIONS, delivering meanwhile | $rps10d | $p50_10d ms | $p99_10d ms | $bad10d |"
  echo
  echo "The run wrote $messages messages; $undelivered were not delivered $drained_s s after the delivering run started."
  echo "Target (a write with $SUBSCRIPTIONS subscriptions answers no slower than without, p50 within 10%, its deliveries"
  echo "paused so that only the write's own work is compared): $verdict."
} >>bench/RESULTS.md
[ "$bad0" = 0 ] && [ "$bad10" = 0 ] && [ "$bad10d" = 0 ] && [ "$undelivered" = 0 ]
