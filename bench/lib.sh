# Shared by the bench scripts (source it): tools, the system PostgreSQL, waiting for a URL.
# The caller sets `set -euo pipefail`, `cd`s to the repository root, and runs pg_stop_if_started in its EXIT trap.

say() { printf '== %s\n' "$*"; }

# `SCRIPT --help` (or -h): the script's opening comment, which says what it does and how to call it; then exits.
# A script that takes arguments names them in USAGE_ARGS before sourcing this file.
help_if_asked() {
  case "${1:-}" in -h|--help) ;; *) return 0 ;; esac
  echo "Usage: $0 [--help]$(grep -q -- '--ci' "$0" && echo ' [--ci]')${USAGE_ARGS:+ $USAGE_ARGS}"
  sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"
  exit 0
}

# The JVM options the README recommends, unless JVM_OPTS says otherwise.
JVM_OPTS=${JVM_OPTS:-"-Xmx128m -XX:+UseSerialGC"}

# The EXIT trap of a script that runs one service (APP_PID) with a scratch directory (WORK).
APP_PID=""
stop_app_and_database() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  pg_stop_if_started
  rm -rf "$WORK"
}

millis() { date +%s%3N; }

# Installs the Debian packages of the commands that are missing: need wrk:wrk postgresql:pg_ctlcluster ...
need() {
  local missing=() spec
  for spec in "$@"; do
    command -v "${spec#*:}" >/dev/null || [ -x "/usr/sbin/${spec#*:}" ] || missing+=("${spec%%:*}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Starts the system's PostgreSQL cluster if it is not running; sets PG_VERSION, PG_PORT and PG_STARTED.
PG_STARTED=""
pg_start() {
  PG_VERSION=$(ls /etc/postgresql | sort -n | tail -1)
  PG_PORT=$(awk '$1 == "port" {print $3}' /etc/postgresql/"$PG_VERSION"/main/postgresql.conf)
  if ! pg_ctlcluster "$PG_VERSION" main status >/dev/null 2>&1; then
    pg_ctlcluster "$PG_VERSION" main start
    PG_STARTED=1
  fi
}

pg_stop_if_started() {
  [ -n "$PG_STARTED" ] && pg_ctlcluster "$PG_VERSION" main stop || true
}

psql_admin() { # psql arguments, as the postgres superuser
  su postgres -c "psql -q -X -p $PG_PORT $(printf '%q ' "$@")"
}

# A fresh database and role of that name (password = name); sets DB_ENV, the service's datasource environment.
pg_fresh_database() {
  psql_admin -c "drop database if exists $1" -c "drop role if exists $1" \
    -c "create role $1 login password '$1'" -c "create database $1 owner $1" 2>/dev/null
  DB_ENV=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PG_PORT/$1"
          QUARKUS_DATASOURCE_USERNAME="$1" QUARKUS_DATASOURCE_PASSWORD="$1")
}

# Builds the packaged jar (unless SKIP_BUILD=1, when it was just built) and sets JAR.
build_jar() {
  say "Build"
  [ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -B -q package -DskipTests
  JAR=target/quarkus-app/quarkus-run.jar
}

wait_for() { # url, seconds
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    [ $SECONDS -lt "$deadline" ] || { echo "no answer from $1"; exit 1; }
    sleep 0.05
  done
}

# wrk's latency figures (us, ms, s) in milliseconds.
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}'; }
