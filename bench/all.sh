#!/usr/bin/env bash
# bench/all.sh: runs every benchmark and writes its output into BENCHMARKS.md, between the
# markers `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`, with the date and the commit;
# the prose around the markers is left as it is. Expects the release preset built
# (build.sh bench does that). Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
doc=BENCHMARKS.md
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || commit="$commit + local changes"

# Replaces the block NAME of $doc with the output of the command that follows.
record() {
  local name=$1 out
  shift
  echo "== $name: $*" >&2
  out=$(mktemp)
  {
    echo '```'
    echo "\$ $*    # $(date -u +%Y-%m-%d), commit $commit"
    "$@"
    echo '```'
  } >"$out"
  cat "$out" >&2
  awk -v start="<!-- bench:$name -->" -v end="<!-- /bench:$name -->" -v file="$out" '
    $0 == start { print; while ((getline line < file) > 0) print line; skipping = 1; next }
    $0 == end { skipping = 0 }
    !skipping { print }
  ' "$doc" >"$doc.new"
  mv "$doc.new" "$doc"
  rm -f "$out"
}

# First, while nothing else runs: compile times are wall-clock times.
record compile bench/compile_time.sh 3
record calls bench/calls.sh 20000 1,8,32,128,512
record notifications bench/run.sh notification_bench 1000 200
record tail bench/run.sh tail_bench 100000 2000
record producer bench/run.sh producer_bench 20000
