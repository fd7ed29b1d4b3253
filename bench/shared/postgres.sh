# Sourced by the bench run.sh scripts after they set $work (a scratch directory). Unless GITBOT_TEST_POSTGRES is set,
# starts a throwaway PostgreSQL cluster on a free port (as the postgres user when run as root, which the server
# requires) and exports GITBOT_TEST_POSTGRES for it. On exit the cluster is stopped and removed, and $work deleted.
pg_dir=""
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${GITBOT_TEST_POSTGRES:-}" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_dir=$(mktemp -d /tmp/gitbot-pg.XXXXXX); chmod 755 "$pg_dir"
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
  # fsync off as in test.sh: the figures are about the pipeline, not disk flushes.
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300" start >/dev/null
  export GITBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Timeout=30"
fi
