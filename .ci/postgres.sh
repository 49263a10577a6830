#!/usr/bin/env bash
# Start a local PostgreSQL for the tests and export DOTTEREL_TEST_PG_URL.
# Run as root on Debian; `source .ci/postgres.sh` (or run it and read the URL it prints last).
# Installs postgresql with apt-get when missing, creates the cluster if needed, starts it, and creates a
# database + user owned by that user (the tests reset its `public` schema).

PG_USER="${DOTTEREL_PG_USER:-dotterel}"
PG_PASS="${DOTTEREL_PG_PASSWORD:-dotterel}"
PG_DB="${DOTTEREL_PG_DB:-dotterel_test}"
PG_PORT="${DOTTEREL_PG_PORT:-5432}"

# The set-up runs in a subshell with strict options, so sourcing this file leaves the caller's shell
# options alone; its stdout is the port the server listens on and nothing else (every tool's chatter,
# e.g. pg_ctlcluster's "Removed stale pid file.", goes to stderr).
PG_PORT="$(
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main"' | grep -q .; then
    pg_createcluster "$VERSION" main --port "$PG_PORT" >&2
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    pg_ctlcluster "$VERSION" main start >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $3}')"

# Wait for the server to accept connections (first start can take a few seconds).
for _ in $(seq 1 30); do
    if su postgres -c "pg_isready -q -p $PORT"; then break; fi
    sleep 1
done

psql_admin() { su postgres -c "psql -q -v ON_ERROR_STOP=1 -p $PORT -tAc \"$1\""; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != "1" ]; then
    psql_admin "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASS' CREATEDB" >&2
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != "1" ]; then
    psql_admin "CREATE DATABASE $PG_DB OWNER $PG_USER" >&2
fi
echo "$PORT"
)" || { echo "postgres.sh: could not set up PostgreSQL" >&2; return 1 2>/dev/null || exit 1; }

export DOTTEREL_TEST_PG_URL="postgresql://$PG_USER:$PG_PASS@127.0.0.1:$PG_PORT/$PG_DB"
echo "$DOTTEREL_TEST_PG_URL"
