#!/usr/bin/env bash
# Faster start on JDK 25 or newer: builds Planwatch in Quarkus' aot-jar layout (every class on the class path,
# which the JDK's AOT cache needs) into target/quarkus-aot-app/, then trains an AOT cache for it: the service
# starts once with -XX:AOTCacheOutput on your PostgreSQL, serves the main reads a few times (it writes nothing but
# the migrations a start runs anyway) and stops, and the JVM writes target/quarkus-aot-app/app.aot (classes loaded
# and linked, method profiles). Not on the embedded PostgreSQL: a cache trained while it unpacks its binaries
# makes the next start fail ("sealing violation" on org.tukaani.xz).
#
#   QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/planwatch QUARKUS_DATASOURCE_USERNAME=planwatch \
#   QUARKUS_DATASOURCE_PASSWORD=... JAVA=/path/to/jdk-25/bin/java scripts/aot-cache.sh
#   java -XX:AOTCache=target/quarkus-aot-app/app.aot -Xmx128m -XX:+UseSerialGC -jar target/quarkus-aot-app/quarkus-run.jar
#
# The cache is used only by the same JDK build, with the same JVM options as the training (JAVA_OPTS here) and
# the same jars; otherwise the JVM says so and starts without it. Rebuild it with every build of the jar.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx128m -XX:+UseSerialGC"}
PORT=${PORT:-18099}
APP=target/quarkus-aot-app

if [ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
  echo "set QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME, _PASSWORD): the training run needs a PostgreSQL" >&2
  exit 2
fi
feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
if [ "${feature%%.*}" -lt 25 ] 2>/dev/null; then
  echo "$JAVA is Java $feature: the AOT cache needs JDK 25 or newer (set JAVA or JAVA_HOME)" >&2
  exit 2
fi

if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -f "$APP/quarkus-run.jar" ]; then
  ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory=quarkus-aot-app
fi
rm -f "$APP/app.aot"

LOG=$(mktemp)
QUARKUS_HTTP_PORT="$PORT" "$JAVA" $JAVA_OPTS -XX:AOTCacheOutput="$APP/app.aot" -jar "$APP/quarkus-run.jar" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -f "$LOG"' EXIT

deadline=$((SECONDS + 120))
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
  kill -0 $PID 2>/dev/null && [ $SECONDS -lt $deadline ] || { cat "$LOG"; echo "the training run did not start" >&2; exit 1; }
  sleep 0.2
done

# What a start is followed by: the public reads, each a few times, plain and gzipped.
base=http://127.0.0.1:$PORT
for round in 1 2 3 4 5; do
  for path in /api/v1/plans /api/v1/plans/2019-2021 /api/v1/plans/2019-2021/axes /api/v1/plans/2019-2021/measures \
      /api/v1/plans/2019-2021/measures/16 /api/v1/plans/2019-2021/progress \
      "/api/v1/plans/2019-2021/measures?q=traite&status=PARTIALLY_IMPLEMENTED&axis=1" /api/v1/plans/2019-2021/evaluations /api/v1/evaluations/1 /api/v1/evaluators \
      /api/v1/changes /q/health/ready /q/health/live; do
    curl -sf -o /dev/null "$base$path" && curl -sf -o /dev/null -H 'Accept-Encoding: gzip' "$base$path" \
      || { echo "training: GET $path failed" >&2; exit 1; }
  done
done

kill $PID
wait $PID || true   # the JVM writes the cache as it exits
trap 'rm -f "$LOG"' EXIT
if [ ! -s "$APP/app.aot" ]; then
  cat "$LOG"; echo "no AOT cache was written" >&2; exit 1
fi
echo "$APP/app.aot: $(( $(stat -c %s "$APP/app.aot") / 1048576 )) MB, for $("$JAVA" -version 2>&1 | head -1) with $JAVA_OPTS"
