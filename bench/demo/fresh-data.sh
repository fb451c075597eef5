# Sourced by the benchmarks that fill a fresh database with `nanduti demo` (bench/demo/run.sh,
# bench/stats/run.sh) after setting $cases and $seed: a temporary data directory, removed on exit;
# a generated master key when DATABASE_URL points at a PostgreSQL server and none is given.
#   . bench/demo/fresh-data.sh <name of the temporary directory>
dir="$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")"
trap 'rm -rf "$dir"' EXIT
export NANDUTI_DATA_DIR="$dir/data"
if [ -n "${DATABASE_URL:-}" ] && [ -z "${NANDUTI_MASTER_KEY:-}" ]; then
  NANDUTI_MASTER_KEY="$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')"
  export NANDUTI_MASTER_KEY
fi
# The engine by name only: DATABASE_URL may carry a password.
engine="embedded PGlite"
if [ -n "${DATABASE_URL:-}" ]; then engine="a PostgreSQL server"; fi
echo "nanduti demo --cases $cases --seed $seed on $engine; $(nproc) cores"
