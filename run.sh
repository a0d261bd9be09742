#!/usr/bin/env bash
# Runs the whole platform with embedded defaults (SQLite files in .data/, a private local RabbitMQ node):
# the Aspire dashboard is at http://127.0.0.1:18888. Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/prerequisites.sh
exec dotnet run --project aspire/Longshan.AppHost --launch-profile http
