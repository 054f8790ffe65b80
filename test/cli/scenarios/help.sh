# The top-level help names the global options and the credentials' variables.
run 0 --help
for word in --base-url --output --timeout --retries --verbose --version FLOWCORE_API_KEY \
  FLOWCORE_TOKEN Examples; do
  stdout_has "$word"
done

# Every sub-command's help, found by walking the help texts from the top, so that a new
# sub-command is checked without being listed here: each exits 0, shows examples that
# run that very sub-command, and points to the global options.
found=$(mktemp)
walk() {
  run 0 "$@" --help
  local subcommands
  subcommands=$(sed -n '/^Subcommands:$/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' "$out")
  if [ $# -gt 0 ]; then
    stdout_has "^Examples:$"
    stdout_has "flowcore-cli .*$*"
    stdout_has "see flowcore-cli --help"
  fi
  if [ -z "$subcommands" ]; then
    echo "$*" >>"$found"
    return
  fi
  local name
  for name in $subcommands; do walk "$@" "$name"; done
}
walk
[ "$(wc -l <"$found")" -ge 3 ] || fail "the walk found only: $(cat "$found")"

# The sub-commands docs/cli.md documents are exactly those the program has: the first
# column of its table names them in backquotes (`data-core get ID`, `flow-type
# get\|delete ID`); the words before the first argument are the sub-command, `a\|b`
# naming two.
documented=$(mktemp)
sed -n '/^## Sub-commands$/,/^## /p' "$here/../../docs/cli.md" | grep '^| `' |
  sed 's/\\|/@/g' | cut -d'|' -f2 | grep -o '`[^`]*`' | tr -d '`' |
  awk '{
    n = 1; paths[1] = ""
    for (i = 1; i <= NF && $i ~ /^[a-z][a-z-]*(@[a-z][a-z-]*)*$/; i++) {
      k = split($i, words, "@"); m = 0
      for (p = 1; p <= n; p++) for (w = 1; w <= k; w++) next_paths[++m] = paths[p] (paths[p] == "" ? "" : " ") words[w]
      n = m; for (p = 1; p <= n; p++) paths[p] = next_paths[p]
    }
    for (p = 1; p <= n; p++) print paths[p]
  }' |
  sort -u >"$documented"
sort -u "$found" -o "$found"
diff -u "$documented" "$found" >"$err" ||
  fail "docs/cli.md's sub-commands (-) differ from the program's (+)"
rm -f "$found" "$documented"
