# shellcheck shell=bash
# PostgreSQL for the local run and the tests, from the Debian package (no Docker).
# Requires common.sh. PostgreSQL refuses to run as root, so as root we act as the `postgres` user.

WINBACK_DATABASES=(reviews tickets compensations logistics)

# What the stack's own PostgreSQL runs with, where the project starts it (deploy/run starting the Debian cluster; the
# compose file says the same). A shop's first sync writes reviews by the thousand a second: with the default 1 GB of
# WAL between checkpoints, a checkpoint began every ~30 s under that load, each followed by a burst of full-page
# images and ending in a sync of every file written, during which commits waited 200-300 ms. 4 GB spaces them to
# 2-2.5 minutes (deploy/loadgen/BENCHMARKS.md, 2026-12-05). A cluster that was already running keeps its own settings.
WINBACK_PG_SETTINGS="-c max_wal_size=4GB"

pg_bin_dir() {
  if command -v pg_config >/dev/null && [[ -x "$(pg_config --bindir)/initdb" ]]; then pg_config --bindir; return; fi
  local d; d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -n $d ]] || die "PostgreSQL server binaries not found (Debian: apt-get install postgresql)"
  echo "$d"
}

# as_postgres CMD...: run as the postgres OS user when we are root, else as ourselves.
as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_throwaway_start DIR PORT: a fresh cluster (trust auth, loopback only) for one test run.
# Sets PG_DIR; exports PGHOST PGPORT PGUSER PGPASSWORD for the tests.
pg_throwaway_start() {
  local dir=$1 port=$2 bin; bin=$(pg_bin_dir)
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$dir"; chmod 700 "$dir"; fi
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed in $dir"; }
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=300 -c fsync=off -c synchronous_commit=off" \
    start >/dev/null || { cat "$dir/postgres.log" >&2; die "PostgreSQL did not start"; }
  PG_DIR=$dir
  export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGPASSWORD=
  log "PostgreSQL (throwaway) ready on 127.0.0.1:$port"
}

pg_throwaway_stop() {
  [[ -n ${PG_DIR:-} && -d $PG_DIR/data ]] || return 0
  as_postgres "$(pg_bin_dir)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 && log "stopped PostgreSQL" || true
}

# psql_super PORT SQL: run SQL as the superuser over the local socket (peer auth on Debian).
psql_super() {
  local port=$1 sql=$2
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres -tAc "$sql"
  elif sudo -n true 2>/dev/null; then
    sudo -n -u postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres -tAc "$sql"
  else
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "$sql"
  fi
}

# The Debian cluster (pg_ctlcluster), started if it is not running. Sets PG_PORT, PG_STARTED_DEBIAN.
pg_debian_start() {
  command -v pg_lsclusters >/dev/null || die "no PostgreSQL configured (set PGHOST/PGPORT/PGUSER/PGPASSWORD) and no Debian cluster tools found"
  local line version cluster port status
  line=$(pg_lsclusters -h | sort -V | tail -1)
  [[ -n $line ]] || die "no PostgreSQL cluster exists (pg_createcluster 15 main)"
  read -r version cluster port status _ <<<"$line"
  PG_DEBIAN="$version $cluster"
  PG_PORT=$port
  PG_STARTED_DEBIAN=
  if [[ $status != online* ]]; then
    log "starting the Debian PostgreSQL cluster $version/$cluster…"
    if [[ $(id -u) -eq 0 ]]; then pg_ctlcluster "$version" "$cluster" start -- -o "$WINBACK_PG_SETTINGS"
    else sudo -n pg_ctlcluster "$version" "$cluster" start -- -o "$WINBACK_PG_SETTINGS"; fi \
      || die "could not start PostgreSQL cluster $version/$cluster"
    PG_STARTED_DEBIAN=1
  fi
  local i
  for ((i = 0; i < 50; i++)); do port_in_use "$PG_PORT" && break; sleep 0.2; done
  log "PostgreSQL $version/$cluster ready on 127.0.0.1:$PG_PORT"
}

pg_debian_stop() {
  [[ -n ${PG_STARTED_DEBIAN:-} ]] || return 0
  read -r version cluster <<<"$PG_DEBIAN"
  if [[ $(id -u) -eq 0 ]]; then pg_ctlcluster "$version" "$cluster" stop; else sudo -n pg_ctlcluster "$version" "$cluster" stop; fi \
    && log "stopped PostgreSQL $version/$cluster" || true
}

# pg_ensure_app_role PORT USER PASSWORD [DATABASE...]: a login role owning one database per service (by default
# WINBACK_DATABASES; deploy/run names its own, with the suffix of WINBACK_PORT_OFFSET).
pg_ensure_app_role() {
  local port=$1 user=$2 password=$3 db
  local -a dbs=("${WINBACK_DATABASES[@]}")
  (($# > 3)) && dbs=("${@:4}")
  psql_super "$port" "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN CREATE ROLE \"$user\" LOGIN; END IF;
    END \$\$; ALTER ROLE \"$user\" PASSWORD '$password';" >/dev/null
  for db in "${dbs[@]}"; do
    if [[ -z $(psql_super "$port" "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
      psql_super "$port" "CREATE DATABASE \"$db\" OWNER \"$user\"" >/dev/null
    fi
  done
}

# pg_postmaster_pid PORT: the pid of the PostgreSQL server (postmaster) listening on 127.0.0.1:PORT: the process
# holding the listening socket, else the first line of $PGDATA/postmaster.pid (if its fourth line is PORT), else that
# of the Debian cluster on that port (pg_lsclusters gives its data directory).
pg_postmaster_pid() {
  local port=$1 pid line version cluster cport status owner datadir
  pid=$(listener_pid "$port" || true)
  if [[ -z $pid && -n ${PGDATA:-} && -r $PGDATA/postmaster.pid && $(sed -n 4p "$PGDATA/postmaster.pid") == "$port" ]]; then
    pid=$(head -1 "$PGDATA/postmaster.pid")
  fi
  if [[ -z $pid ]] && command -v pg_lsclusters >/dev/null; then
    while read -r version cluster cport status owner datadir _; do
      [[ $cport == "$port" && -r $datadir/postmaster.pid ]] && pid=$(head -1 "$datadir/postmaster.pid")
    done < <(pg_lsclusters -h 2>/dev/null)
  fi
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}
