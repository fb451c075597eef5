#!/usr/bin/env bash
# Fills a fresh database with `nanduti demo --cases N` and measures the statistics on it.
#   bench/stats/run.sh [N=100000] [seed=2026] [year=2025]     embedded PostgreSQL (PGlite) in a temp dir
#   DATABASE_URL=postgres://…/empty_db bench/stats/run.sh [N]   a PostgreSQL server (empty database)
set -euo pipefail
cd "$(dirname "$0")/../.."
cases="${1:-100000}"
seed="${2:-2026}"
year="${3:-2025}"
. bench/demo/fresh-data.sh nanduti-stats-bench
start=$(date +%s.%N)
LOG_LEVEL=warn npx tsx src/cli/main.ts demo --cases "$cases" --seed "$seed" | grep -v -e '^Password' -e '^TOTP'
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" 'BEGIN { printf "demo wall time: %.1f s\n", b - a }'
LOG_LEVEL=warn npx tsx bench/stats/measure.ts "$year"
