#!/usr/bin/env bash
# Times `nanduti demo --cases N` into a fresh database and reports wall time, peak memory (the
# process's maximum resident set, worker threads included) and the size on disk.
#   bench/demo/run.sh [N=1000000] [seed=2026]          embedded PostgreSQL (PGlite) in a temp dir
#   DATABASE_URL=postgres://… bench/demo/run.sh [N]      a PostgreSQL server (database must be empty)
set -euo pipefail
cd "$(dirname "$0")/../.."
cases="${1:-1000000}"
seed="${2:-2026}"
npm run build:server --silent
. bench/demo/fresh-data.sh nanduti-demo-bench
start=$(date +%s.%N)
LOG_LEVEL=warn node bin/nanduti.mjs demo --cases "$cases" --seed "$seed" | grep -v -e '^Password' -e '^TOTP'
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" 'BEGIN { printf "wall time (process): %.1f s\n", b - a }'
if [ -z "${DATABASE_URL:-}" ]; then echo "data directory: $(du -sh "$dir/data" | cut -f1)"; fi
