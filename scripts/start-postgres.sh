#!/bin/sh
# Start (or reuse) a throwaway PostgreSQL instance for the tests and print its
# SQLAlchemy URL as the only line on stdout:
#
#   export GEO_TEST_POSTGRES_URL="$(scripts/start-postgres.sh)"
#   scripts/start-postgres.sh stop      # stop it (the data dir is kept)
#
# It never touches the distribution's own clusters (port 5432): it runs its own
# data directory with the Debian binaries, listening on 127.0.0.1 only.
# Overridable: GEO_PG_PORT, GEO_PG_DIR, GEO_PG_USER, GEO_PG_PASSWORD, GEO_PG_DB
# (names and password are pasted into SQL and the URL: keep them alphanumeric).
set -eu

PORT="${GEO_PG_PORT:-54329}"
DIR="${GEO_PG_DIR:-${TMPDIR:-/tmp}/geo-postgres-$PORT}"
USER_NAME="${GEO_PG_USER:-geo}"
PASSWORD="${GEO_PG_PASSWORD:-geo}"
DB="${GEO_PG_DB:-geo_test}"

log() { echo "start-postgres: $*" >&2; }
die() { log "$*"; exit 1; }

# Prefer 15 (what the project targets), else the newest installed major version.
BIN="/usr/lib/postgresql/15/bin"
if [ ! -x "$BIN/pg_ctl" ]; then
    BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
fi
[ -n "$BIN" ] && [ -x "$BIN/pg_ctl" ] || die "PostgreSQL binaries not found: apt-get install -y postgresql"

# The server refuses to run as root, so as root everything runs as 'postgres'.
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "no 'postgres' user: apt-get install -y postgresql"
    as_pg() { runuser -u postgres -- "$@"; }
    OWNER=postgres
else
    as_pg() { "$@"; }
    OWNER="$(id -un)"
fi
cd /  # the postgres user may not be able to read the caller's directory

pg_ctl() { as_pg "$BIN/pg_ctl" -D "$DIR" "$@"; }

if [ "${1:-}" = "stop" ]; then
    if pg_ctl status >/dev/null 2>&1; then pg_ctl stop -m fast -w >&2; fi
    exit 0
fi

if [ ! -s "$DIR/PG_VERSION" ]; then
    log "initialising $DIR with $BIN"
    mkdir -p "$DIR"
    chown "$OWNER" "$DIR"
    chmod 700 "$DIR"
    as_pg "$BIN/initdb" -D "$DIR" -U postgres -E UTF8 --locale=C --no-sync \
        --auth-local=trust --auth-host=scram-sha-256 >&2
fi

if ! pg_ctl status >/dev/null 2>&1; then
    log "starting on 127.0.0.1:$PORT"
    # Durability is pointless for a throwaway test database; speed is not.
    if ! pg_ctl start -w -t 60 -l "$DIR/server.log" -o "-p $PORT \
        -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DIR \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2; then
        tail -n 20 "$DIR/server.log" >&2 || true
        die "could not start the server (is port $PORT taken?)"
    fi
fi

psql() { as_pg "$BIN/psql" -h "$DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

# Password always (re)set, so a rerun with a different GEO_PG_PASSWORD still works.
if [ -z "$(psql -c "SELECT 1 FROM pg_roles WHERE rolname = '$USER_NAME'")" ]; then
    psql -c "CREATE ROLE \"$USER_NAME\" LOGIN PASSWORD '$PASSWORD'" >&2
else
    psql -c "ALTER ROLE \"$USER_NAME\" LOGIN PASSWORD '$PASSWORD'" >&2
fi
if [ -z "$(psql -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
    psql -c "CREATE DATABASE \"$DB\" OWNER \"$USER_NAME\" ENCODING 'UTF8'" >&2
fi

echo "postgresql+psycopg://$USER_NAME:$PASSWORD@127.0.0.1:$PORT/$DB"
