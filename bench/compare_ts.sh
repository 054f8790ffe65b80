#!/usr/bin/env bash
# bench/compare_ts.sh TS_CHECK_DIR [N] [CONCURRENCY]: one flowcore-stub, then the same
# REST workload from bench/rest_bench (C++) and tools/ts-sdk-check/bench.ts (the TypeScript
# SDK 4.2.4), printed side by side. TS_CHECK_DIR is the directory set up as
# tools/ts-sdk-check/README.md describes (manual: it needs npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$1; shift
[ -f build/release/build.ninja ] || cmake --preset release
cmake --build --preset release --target flowcore-stub rest_bench
cp tools/ts-sdk-check/bench.ts "$dir/"
log=$(mktemp)
build/release/bin/flowcore-stub --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
url=
for _ in $(seq 1 200); do
  url=$(sed -n 's/^listening on \(http[^ ]*\).*/\1/p' "$log" | head -n 1)
  [ -n "$url" ] && break
  sleep 0.05
done
[ -n "$url" ] || { cat "$log"; echo "compare_ts.sh: stub did not start" >&2; exit 1; }
build/release/bin/rest_bench "$url" "$@"
(cd "$dir" && npx tsx bench.ts "$url" "$@")
