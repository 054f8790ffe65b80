#!/usr/bin/env bash
# bench/run.sh [ARGS...]: builds the release preset, then runs bench/notification_bench
# with ARGS (see its header) against a flowcore-stub of its own process, so that only the
# client's memory is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/release/build.ninja ] || cmake --preset release
cmake --build --preset release --target flowcore-stub notification_bench
exec test/run_example.sh build/release/bin/flowcore-stub build/release/bin/notification_bench "$@"
