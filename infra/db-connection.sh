# Sourced by infra/db-backup and infra/db-restore: finds the PostgreSQL programs and the connection.
#
# Connection: when PGHOST is set, the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, …)
# are used as they are. Otherwise the development cluster that LocalCluster keeps in
# ${POSTGRES_CLUSTER_DIR:-infra/.data/postgres} is used: its connection.env gives the superuser's
# socket folder and port.

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

pg_bin_dir() {
  if [ -n "${POSTGRES_BIN_DIR:-}" ]; then echo "$POSTGRES_BIN_DIR"; return; fi
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/pg_dump" ]; then pg_config --bindir; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$newest" ] && [ -x "$newest/pg_dump" ] && { echo "$newest"; return; }
  command -v pg_dump >/dev/null 2>&1 && { dirname "$(command -v pg_dump)"; return; }
  die "pg_dump not found; install PostgreSQL's client programs (infra/bootstrap) or set POSTGRES_BIN_DIR"
}

load_connection() {
  if [ -n "${PGHOST:-}" ]; then return; fi
  local repo cluster_dir
  repo="$(cd "$(dirname "$0")/.." && pwd)"
  cluster_dir="${POSTGRES_CLUSTER_DIR:-$repo/infra/.data/postgres}"
  [ -f "$cluster_dir/connection.env" ] || die "no connection: set PGHOST/PGPORT/PGUSER (and PGPASSWORD), or start the development cluster (expected $cluster_dir/connection.env)"
  set -a
  # shellcheck disable=SC1091
  . "$cluster_dir/connection.env"
  set +a
}

check_service_name() {
  case "$1" in
    ''|*[!a-z0-9_]*) die "invalid service name '$1' (expected lowercase letters, digits, _; e.g. identity, learning)" ;;
  esac
}
