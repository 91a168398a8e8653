#!/usr/bin/env bash
# Start (or reuse) a throwaway Postgres on 127.0.0.1 for the engine conformance tests.
# Idempotent: a second run finds the server up and only prints its URL.
#   PQLKIT_PGDATA  data directory (default /tmp/pqlkit-pg)
#   PQLKIT_PGPORT  port (default 54329)
# Prints the URL the tests read from PQLKIT_TEST_POSTGRES.
set -euo pipefail

data=${PQLKIT_PGDATA:-/tmp/pqlkit-pg}
port=${PQLKIT_PGPORT:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
url="postgresql://postgres@127.0.0.1:${port}/pqlkit_test"

if [ -z "$bin" ]; then
  echo "postgres.sh: no Postgres server binaries (install the postgresql package)" >&2
  exit 1
fi

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

if ! pg_isready -q -h 127.0.0.1 -p "$port"; then
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres "$data"
    as_postgres "$bin/initdb -D '$data' -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null"
  fi
  as_postgres "$bin/pg_ctl -D '$data' -l '$data/server.log' -w -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c timezone=UTC\" start >/dev/null"
fi
psql -q -h 127.0.0.1 -p "$port" -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'pqlkit_test'" | grep -q 1 \
  || psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE pqlkit_test" >/dev/null
echo "$url"
