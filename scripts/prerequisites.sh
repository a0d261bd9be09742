#!/usr/bin/env bash
# Installs what the platform needs on a Debian machine that has the .NET SDK: RabbitMQ (run by the AppHost and the
# tests as a private process, never as a system service), Chromium (the portal's browser tests) and Python gRPC
# (the event feed's Python subscriber in the Statistics tests).
# Idempotent: installs only what is missing.
set -euo pipefail

missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
# The Python subscriber of the event feed (tools/feed-subscriber-python), run by the Statistics tests.
/usr/bin/python3 -c 'import grpc, grpc_tools' 2>/dev/null || missing+=(python3-grpcio python3-grpc-tools)
if [ "${1:-}" = "--with-browser" ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing ${missing[*]} from Debian packages..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
