#!/usr/bin/env bash
# bench/compile_time.sh [RUNS=3]: how long a user's file with one call takes to compile.
# The file is example/quickstart.cpp (one client, one `co_await client.execute(...)`),
# compiled with the release preset's own command line (from compile_commands.json), RUNS
# times; beside it, with the same command line, bench/compile_reference.cpp: one
# coroutine awaiting one Asio timer, no flowcore. Prints each time and the medians. What
# it measures is the weight of the public headers: they must stay free of Beast, OpenSSL
# and Boost.JSON. Expects the release preset configured (build.sh bench does that).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
db=build/release/compile_commands.json
[ -f "$db" ] || { echo "compile_time.sh: configure the release preset first" >&2; exit 1; }
# The entry's "directory" and "command" come before its "file" (one field per line, as
# CMake writes the file).
cmd=$(awk '
  function value(line) {
    sub(/^[^:]*: "/, "", line); sub(/",?$/, "", line)
    gsub(/\\"/, "\"", line); gsub(/\\\\/, "\\", line)
    return line
  }
  /^ *"directory":/ { directory = value($0) }
  /^ *"command":/ { command = value($0) }
  /^ *"file":/ && /example\/quickstart\.cpp"/ { print directory; print command; exit }
' "$db")
[ -n "$cmd" ] || { echo "compile_time.sh: example/quickstart.cpp is not in $db" >&2; exit 1; }
dir=$(sed -n 1p <<<"$cmd")
line=$(sed -n 2p <<<"$cmd")
out=$(mktemp --suffix=.o)
trap 'rm -f "$out"' EXIT
# The object goes to a temporary file, so the build tree is left as it was.
line=$(sed -E "s# -o [^ ]+# -o $out#" <<<"$line")

# Compiles `source` with the quickstart's command line RUNS times; prints the times and
# the median.
measure() {
  local source=$1 compile times=() start end
  compile=$(sed -E "s# [^ ]*example/quickstart\.cpp\$# $source#" <<<"$line")
  for _ in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    (cd "$dir" && eval "$compile")
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')")
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-36s median %s s   (runs: %s)\n' "$2" "$median" "${times[*]}"
}

echo "release flags, $runs runs each:"
measure "$PWD/example/quickstart.cpp" "quickstart.cpp (flowcore, one call)"
measure "$PWD/bench/compile_reference.cpp" "compile_reference.cpp (Asio alone)"
