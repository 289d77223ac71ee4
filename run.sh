#!/usr/bin/env bash
# Builds drivesync if needed and runs it on the embedded default (data in ./data/postgres).
# ./run.sh --demo first seeds clearly synthetic drives and records (once), so the dashboard at
# http://localhost:8080/dashboard/ has something to show, and prints the demo sign-ins.
set -euo pipefail
cd "$(dirname "$0")"
demo=false
for arg in "$@"; do
  case "$arg" in
    --demo) demo=true ;;
    *) echo "usage: ./run.sh [--demo]" >&2; exit 2 ;;
  esac
done
jar=api/target/drivesync.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml */src/main -newer "$jar" -print -quit)" ]; then
  echo "Building drivesync (first run takes a few minutes)…"
  mvn -B -ntp -q -DskipTests install
fi
if [ "$demo" = true ]; then
  java -jar "$jar" demo-data config.yml
fi
exec java -jar "$jar" server config.yml
