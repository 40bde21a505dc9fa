#!/usr/bin/env bash
# Installs (if needed) and starts Debian's redis-server on loopback, on its own port so a system
# Redis on 6379 is left alone, for the rate-limit store tests. Prints the connection string on its
# last line. Used by .ci/run; safe to run twice.
set -euo pipefail
port="${REDIS_TEST_PORT:-6390}"
if ! command -v redis-server >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
if ! redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
  # Counters only: nothing to persist.
  redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --save '' --appendonly no >/dev/null
fi
for _ in $(seq 1 30); do
  redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break
  sleep 0.2
done
redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null
echo "redis://127.0.0.1:${port}"
