#!/usr/bin/env bash
# Runs every test: unit tests, the Publicity service in-process, and end-to-end tests through the real AppHost
# with real RabbitMQ nodes (started and stopped by the tests themselves) and a headless Chromium.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/prerequisites.sh --with-browser
dotnet build Longshan.Aspire.sln -c Release

log=$(mktemp)
set +e
dotnet test Longshan.Aspire.sln -c Release --no-build --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# vstest prints "Failed: N" only when something failed; a grep without a match must not end the script.
passed=$( (grep -aoE 'Passed: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
failed=$( (grep -aoE 'Failed: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "$passed passed, $failed failed"
exit "$status"
