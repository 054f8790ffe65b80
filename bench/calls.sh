#!/usr/bin/env bash
# bench/calls.sh [CALLS=20000] [IN_FLIGHT=1,8,32,128,512]: the call path against its floor.
# Starts flowcore-stub pinned to one core and runs bench/call_bench pinned to another (on
# a one-core machine both share it): the closed-loop table, then the heap per call in
# flight (one process per client and number, so both start from the same heap), then
# system calls per call with strace (each client runs N and 2N calls; the difference over
# N is what one call costs, set-up excluded). Prints Markdown. Expects the release preset
# built (build.sh bench does that).
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-20000}
in_flight=${2:-1,8,32,128,512}
bin=build/release/bin

stub_core=1 client_core=0
[ "$(nproc)" -ge 2 ] || stub_core=0
log=$(mktemp)
taskset -c "$stub_core" "$bin/flowcore-stub" --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log" "$log".strace' EXIT
url=
for _ in $(seq 1 200); do
  url=$(sed -n 's/^listening on \(http[^ ]*\).*/\1/p' "$log" | head -n 1)
  [ -n "$url" ] && break
  sleep 0.05
done
[ -n "$url" ] || { cat "$log"; echo "calls.sh: the stub did not start" >&2; exit 1; }

taskset -c "$client_core" "$bin/call_bench" "$url" "$calls" "$in_flight"

# System calls of a whole run of `call_bench` for one client, one concurrency, N calls.
syscalls() {
  strace -f -c -o "$log.strace" taskset -c "$client_core" \
    "$bin/call_bench" "$url" "$3" "$2" "$1" >/dev/null
  awk '$NF == "total" { print $4 }' "$log.strace"  # % time, seconds, usecs/call, calls
}
IFS=, read -ra levels <<<"$in_flight"
echo
echo "Heap per call in flight, in bytes (calls held by a stalled stub):"
echo
echo "| in flight | floor | flowcore |"
echo "|------:|------:|------:|"
for c in "${levels[@]}"; do
  # Asio keeps two blocks of each kind per thread for reuse: with fewer than 8 calls, those
  # left by the set-up hold much of them, and the figure says little.
  [ "$c" -ge 8 ] || continue
  row="| $c |"
  for impl in floor flowcore; do
    # Without glibc's per-thread cache: mallinfo2 counts the blocks it holds as in use,
    # which at a few calls in flight blurs the figure by a kilobyte per call.
    row+=" $(GLIBC_TUNABLES=glibc.malloc.tcache_count=0 taskset -c "$client_core" \
      "$bin/call_bench" "$url" 0 "$c" "$impl" --heap | awk '{ print $3 }') |"
  done
  echo "$row"
done

echo
if ! command -v strace >/dev/null; then
  echo "(system calls per call: strace is not installed)"
  exit 0
fi
n=2000
echo "System calls per call (strace: runs of $n and $((2 * n)) calls, difference over $n):"
echo
echo "| in flight | floor | flowcore |"
echo "|------:|------:|------:|"
for c in "${levels[@]}"; do
  row="| $c |"
  for impl in floor flowcore; do
    # Whole rounds per worker, so both runs make exactly the calls they name.
    per=$(( (n + c - 1) / c * c ))
    a=$(syscalls "$impl" "$c" "$per")
    b=$(syscalls "$impl" "$c" $((2 * per)))
    row+=" $(awk -v a="$a" -v b="$b" -v n="$per" 'BEGIN { printf "%.2f", (b - a) / n }') |"
  done
  echo "$row"
done
