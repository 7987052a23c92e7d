# Sourced by .ci/run: a throwaway PostgreSQL cluster owned by the run, so CI covers PostgreSQL as well as SQLite.
# start_test_postgres starts it on loopback, exports TEST_DATABASE_URL and stops and removes it when the run exits.

# The newest server binaries Debian's postgresql packages installed; fails when there are none.
postgres_bindir() {
  local initdb
  initdb=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1) && dirname "$initdb"
}

# The server refuses to run as root, so as root the cluster belongs to the postgres user the package creates.
as_cluster_owner() {
  # From /, which the postgres user may enter (a checkout under a private temp folder it may not).
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# A connection succeeding means another server (e.g. a developer's cluster) already listens there.
loopback_port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

random_password() {
  head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n'
}

start_test_postgres() {
  local superuser_password app_password port=55432
  TEST_PG_BIN=$(postgres_bindir) || {
    echo 'No PostgreSQL server binaries under /usr/lib/postgresql: install the postgresql package.' >&2
    return 1
  }
  TEST_PG_DIR=$(mktemp -d -t signpost-pg.XXXXXX)
  # Set before anything can fail, so a half-started cluster is cleaned up too; keeps the run's exit code.
  trap 'status=$?; stop_test_postgres; exit "$status"' EXIT

  superuser_password=$(random_password)
  app_password=$(random_password)
  printf '%s\n' "$superuser_password" >"$TEST_PG_DIR/superuser-password"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$TEST_PG_DIR"; fi

  # --no-sync and fsync=off: nothing here has to survive a crash of the machine.
  as_cluster_owner "$TEST_PG_BIN/initdb" -D "$TEST_PG_DIR/data" -U postgres -A scram-sha-256 \
    --pwfile="$TEST_PG_DIR/superuser-password" -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions >/dev/null

  while loopback_port_in_use "$port"; do port=$((port + 1)); done
  # Every test server has a pool of 10 connections, and several run at once next to scratch databases.
  cat >>"$TEST_PG_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$TEST_PG_DIR'
max_connections = 300
fsync = off
CONF
  as_cluster_owner "$TEST_PG_BIN/pg_ctl" start -w -D "$TEST_PG_DIR/data" -l "$TEST_PG_DIR/postgres.log" >/dev/null || {
    cat "$TEST_PG_DIR/postgres.log" >&2
    return 1
  }

  PGPASSWORD=$superuser_password "$TEST_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$TEST_PG_DIR" -p "$port" \
    -U postgres -d postgres -v password="$app_password" <<'SQL'
CREATE ROLE signpost LOGIN CREATEDB PASSWORD :'password';
CREATE DATABASE signpost_test OWNER signpost;
SQL

  export TEST_DATABASE_URL="postgres://signpost:$app_password@127.0.0.1:$port/signpost_test"
  echo "PostgreSQL for the tests: $("$TEST_PG_BIN/postgres" --version) at postgres://signpost@127.0.0.1:$port/signpost_test (data in $TEST_PG_DIR)"
}

# Runs from the EXIT trap: must not fail, or it would replace the run's exit code.
stop_test_postgres() {
  if [ -f "$TEST_PG_DIR/data/postmaster.pid" ]; then
    as_cluster_owner "$TEST_PG_BIN/pg_ctl" stop -m fast -w -D "$TEST_PG_DIR/data" >/dev/null || true
  fi
  rm -rf "$TEST_PG_DIR" || true
}
