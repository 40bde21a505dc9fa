#!/usr/bin/env bash
# Installs (if needed) and starts Debian's PostgreSQL, with a database for the test suite.
# Prints the connection string. Used by .ci/run; safe to run twice.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  pg_createcluster "$version" main >/dev/null 2>&1
  cluster="$version main"
fi
pg_ctlcluster $cluster start >/dev/null 2>&1 || true  # "already running" is fine
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q" && break
  sleep 1
done
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL' >/dev/null
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'agentdesk') THEN
    CREATE ROLE agentdesk LOGIN PASSWORD 'agentdesk';
  END IF;
END $$;
SQL
su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'agentdesk_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O agentdesk agentdesk_test"
echo "postgres://agentdesk:agentdesk@127.0.0.1:5432/agentdesk_test"
