#!/usr/bin/env bash
# bench/run.sh [BENCH] [ARGS...]: builds the release preset, then runs BENCH, a program of
# bench/ (notification_bench when the first argument does not name one), with ARGS (see
# its header) against a flowcore-stub of its own process, so that only the client's
# memory and CPU are measured.
#   bench/run.sh 1000 200                  # notification_bench 1000 200
#   bench/run.sh tail_bench 100000 2000
set -euo pipefail
cd "$(dirname "$0")/.."
bench=notification_bench
case "${1:-}" in *_bench) bench=$1; shift ;; esac
# Build output on stderr: stdout is the measurement (bench/all.sh records it).
[ -f build/release/build.ninja ] || cmake --preset release >&2
cmake --build --preset release --target flowcore-stub "$bench" >&2
exec test/run_example.sh build/release/bin/flowcore-stub "build/release/bin/$bench" "$@"
