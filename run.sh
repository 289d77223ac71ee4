#!/usr/bin/env bash
# Builds drivesync if needed and runs it on the embedded default (data in ./data/postgres).
set -euo pipefail
cd "$(dirname "$0")"
jar=api/target/drivesync.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml */src/main -newer "$jar" -print -quit)" ]; then
  echo "Building drivesync (first run takes a few minutes)…"
  mvn -B -ntp -q -DskipTests install
fi
exec java -jar "$jar" server config.yml
