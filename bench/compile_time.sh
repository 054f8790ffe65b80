#!/usr/bin/env bash
# bench/compile_time.sh [RUNS=3]: how long a user's file with one call takes to compile.
# The file is example/quickstart.cpp (one client, one `co_await client.execute(...)`),
# compiled with the release preset's own command line (from compile_commands.json), RUNS
# times; prints each time and the median. What it measures is the weight of the public
# headers: they must stay free of Beast, OpenSSL and Boost.JSON. Expects the release
# preset configured (build.sh bench does that).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
db=build/release/compile_commands.json
[ -f "$db" ] || { echo "compile_time.sh: configure the release preset first" >&2; exit 1; }
cmd=$(python3 - "$db" <<'PY'
import json, sys
for entry in json.load(open(sys.argv[1])):
    if entry["file"].endswith("example/quickstart.cpp"):
        print(entry["directory"])
        print(entry["command"])
        break
PY
)
[ -n "$cmd" ] || { echo "compile_time.sh: example/quickstart.cpp is not in $db" >&2; exit 1; }
dir=$(sed -n 1p <<<"$cmd")
line=$(sed -n 2p <<<"$cmd")
out=$(mktemp --suffix=.o)
trap 'rm -f "$out"' EXIT
# The object goes to a temporary file, so the build tree is left as it was.
line=$(sed -E "s# -o [^ ]+# -o $out#" <<<"$line")
times=()
for _ in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  (cd "$dir" && eval "$line")
  end=$(date +%s.%N)
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$sorted")
echo "example/quickstart.cpp (one call), release flags, $runs runs: ${times[*]} s"
echo "median ${median} s"
