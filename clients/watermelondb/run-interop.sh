#!/usr/bin/env bash
# Runs the WatermelonDB interoperability test (interop.test.mjs) against a running drivesync.
#
#   clients/watermelondb/run-interop.sh <baseUrl> <adminToken>
#   e.g. clients/watermelondb/run-interop.sh http://127.0.0.1:18080 "$ADMIN_TOKEN"
#
# Installs the pinned packages (npm ci, from package-lock.json) when node_modules is missing or
# older than the lock file, runs the test with Node's test runner, and ends with one line
# "interop: N passed, N failed, N skipped". Exits non-zero when anything failed. Needs Node 20+
# and npm. The admin token is handed to the test in the environment, never on a command line.
set -uo pipefail
cd "$(dirname "$0")"

if [ $# -ne 2 ] || [ -z "$1" ] || [ -z "$2" ]; then
  echo "usage: $0 <baseUrl> <adminToken>" >&2
  exit 2
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "interop: node and npm are needed (Node 20 or later)" >&2
  echo "interop: 0 passed, 1 failed"
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "interop: Node 20 or later is needed, found $(node --version)" >&2
  echo "interop: 0 passed, 1 failed"
  exit 1
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "interop: npm ci"
  if ! npm ci --no-audit --no-fund; then
    echo "interop: npm ci failed" >&2
    echo "interop: 0 passed, 1 failed"
    exit 1
  fi
fi

tap=$(mktemp)
trap 'rm -f "$tap"' EXIT

echo "interop: WatermelonDB $(node -p 'require("@nozbe/watermelondb/package.json").version') on Node $(node --version) against $1"
# The test gives up by itself after 120 s; the outer limit catches a hung process.
DRIVESYNC_BASE_URL="$1" DRIVESYNC_ADMIN_TOKEN="$2" \
  timeout -k 10 180 node --test \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" \
    interop.test.mjs
rc=$?

count() { grep -E "^# $1 [0-9]+$" "$tap" | tail -n 1 | awk '{print $3}'; }
passed=$(count pass); failed=$(count fail); skipped=$(count skipped)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # killed by the timeout, or the runner died before reporting: still a failure
  echo "interop: the test runner exited with status $rc" >&2
  failed=1
fi
echo "interop: $passed passed, $failed failed, $skipped skipped"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
