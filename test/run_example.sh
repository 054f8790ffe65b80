#!/usr/bin/env bash
# run_example.sh STUB EXAMPLE [ARGS...]: starts flowcore-stub on a free port, runs the
# example against it, stops the stub. The example's exit status is the test's.
set -euo pipefail
stub=$1; shift
example=$1; shift
log=$(mktemp)
"$stub" --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
url=
for _ in $(seq 1 200); do
  url=$(sed -n 's/^listening on \(http[^ ]*\).*/\1/p' "$log" | head -n 1)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "run_example: stub exited" >&2; exit 1; }
  sleep 0.05
done
[ -n "$url" ] || { echo "run_example: stub did not start" >&2; exit 1; }
"$example" "$url" "$@"
