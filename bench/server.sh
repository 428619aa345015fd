#!/usr/bin/env bash
# Starts one server instance on the loaded million-member database for the load test, on 127.0.0.1:PORT,
# and stops it by itself after MINUTES (default 60). Usage: bench/server.sh PORT [MINUTES]
# The limits that would throttle a load test from one address are raised here, and only here:
# sign-ups (PrepareLoadTest creates 60 accounts) and the API's per-token and per-address rates.
# BENCH_JAR runs another build (the page benchmark compares the build before issue 11 with this one).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
port="${1:?usage: bench/server.sh PORT [MINUTES]}"
minutes="${2:-60}"
data="${BENCH_DATA_DIR:-/work/pg1m}/server-$port"
mkdir -p "$data"
export RECIPROCITY_DB_URL="${RECIPROCITY_DB_URL:-jdbc:postgresql://127.0.0.1:55432/reciprocity}"
export RECIPROCITY_DB_USER="${RECIPROCITY_DB_USER:-reciprocity}" RECIPROCITY_DB_PASSWORD="${RECIPROCITY_DB_PASSWORD:-bench}"
# the same key on every instance of one database (a fixed bench key, not a secret)
export RECIPROCITY_SECRET_KEY="${RECIPROCITY_SECRET_KEY:-bench-bench-bench-bench-bench-bench-0123456789abcdef}"
export RECIPROCITY_BIND_ADDRESS=127.0.0.1 PORT="$port" RECIPROCITY_DATA_DIR="$data"
export RECIPROCITY_BASE_URL="http://127.0.0.1:$port"
export RECIPROCITY_LIMITS_SIGNUPS_PER_HOUR_PER_ADDRESS=1000
export RECIPROCITY_LIMITS_API_READS_PER_MINUTE=10000000 RECIPROCITY_LIMITS_API_WRITES_PER_MINUTE=10000000
export RECIPROCITY_LIMITS_API_ADDRESS_READS_PER_MINUTE=10000000 RECIPROCITY_LIMITS_API_ADDRESS_WRITES_PER_MINUTE=10000000
exec timeout --signal=TERM --kill-after=30s "${minutes}m" java -Xmx4g ${BENCH_JAVA_OPTS:-} \
    -jar "${BENCH_JAR:-$here/server/target/reciprocity.jar}"
