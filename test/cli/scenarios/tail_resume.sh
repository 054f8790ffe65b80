# tail --position-file: a restarted tail goes on where the last one stopped, whether it
# stopped by --count, Ctrl-C or kill -9; no event is lost, and none is repeated when the
# stop came after the position was saved.
source "$here/fixture.sh"
pos=$(mktemp -u)
all=$(mktemp)
trap 'rm -f "$pos" "$all"; cleanup' EXIT
follow() { echo tail --tenant acme --data-core orders --flow-type order --event-type created --position-file "$pos" "$@"; }

# A missing file: start from the beginning (the library's default), and create it.
ingest created 1 2 3
run 0 $(follow --count 2)
[ "$(numbers | tr '\n' ' ')" = "1 2 " ] || fail "first run: $(numbers | tr '\n' ' ')"
[ -s "$pos" ] || fail "no position file"
numbers >>"$all"

# Killed without warning, after its position was saved.
start_cli $(follow)
wait_lines 1
sleep 0.3
stop_cli KILL 137
numbers >>"$all"
ingest created 4 5

# Ctrl-C: exit 0, everything printed saved.
start_cli $(follow)
wait_lines 2
stop_cli INT 0
numbers >>"$all"
ingest created 6

run 0 $(follow --count 1)
numbers >>"$all"
[ "$(tr '\n' ' ' <"$all")" = "1 2 3 4 5 6 " ] || fail "across restarts: $(tr '\n' ' ' <"$all")"
