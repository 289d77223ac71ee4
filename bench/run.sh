#!/usr/bin/env bash
# Builds drivesync and its load generator, starts the service jar with -Xmx512m on a throwaway
# embedded PostgreSQL, runs the benchmark scenarios against it, and stops it (docs/performance.md).
#
#   bench/run.sh                 # every scenario, full size
#   bench/run.sh --quick         # small counts: checks the harness in about a minute
#   JFR=/tmp/server.jfr bench/run.sh --scenarios a   # also record a flight recording of the server
#   SKIP_BUILD=1 bench/run.sh …  # reuse the jars already built
#   SERVER_JAR=/tmp/old.jar SKIP_BUILD=1 bench/run.sh …   # measure another build of the service,
#                                # for before/after figures under the same conditions
#
# Arguments are passed to the load generator (java -jar bench/target/drivesync-bench-cli.jar --help).
# The run's server log and report are kept in bench/target/runs/<time>/.
set -euo pipefail
cd "$(dirname "$0")/.."

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "bench: building the service and the load generator…"
  mvn -B -ntp -q -DskipTests -pl api,bench -am install
fi

out="bench/target/runs/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
data=$(mktemp -d)
port=$(free_port); admin=$(free_port); pg=$(free_port)
token="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"

jvm=(-Xmx512m)
if [ -n "${JFR:-}" ]; then
  jvm+=("-XX:StartFlightRecording=filename=$JFR,settings=profile,dumponexit=true")
fi

# The bench enrols about eighty phones from one address: lift the per-address enrolment limit,
# which exists to stop code guessing, not to shape load. Every other limit stays as configured.
DRIVESYNC_PORT=$port DRIVESYNC_ADMIN_PORT=$admin DRIVESYNC_DATA_DIR="$data/postgres" \
DRIVESYNC_BOOTSTRAP_TOKEN="$token" DRIVESYNC_DATABASE_URL='' \
  java "${jvm[@]}" \
    -Ddw.database.embedded.port="$pg" \
    -Ddw.auth.rateLimits.enrolPerMinute=100000 \
    -jar "${SERVER_JAR:-api/target/drivesync.jar}" server config.yml >"$out/server.log" 2>&1 &
pid=$!
stop() {
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap stop EXIT

echo "bench: starting the service (log: $out/server.log)"
for i in $(seq 1 180); do
  if curl -fsS "http://127.0.0.1:$admin/healthcheck" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "bench: the service exited early"; tail -n 40 "$out/server.log"; exit 1; fi
  sleep 1
  if [ "$i" = 180 ]; then echo "bench: the service was not healthy after 180 s"; exit 1; fi
done

{
  echo "machine: $(nproc) processors, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  free -h | sed -n 1,2p
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "command: bench/run.sh $*"
  echo "server jar: ${SERVER_JAR:-api/target/drivesync.jar}"
} | tee "$out/report.md"

java -Xmx1g -jar bench/target/drivesync-bench-cli.jar \
  --base-url "http://127.0.0.1:$port" --admin-url "http://127.0.0.1:$admin" --admin-token "$token" \
  --server-pid "$pid" --postgres-pid "$(head -n1 "$data/postgres/postmaster.pid")" \
  --jdbc-url "jdbc:postgresql://127.0.0.1:$pg/postgres?user=postgres" "$@" | tee -a "$out/report.md"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/report.md"
echo "bench: report in $out/report.md"
