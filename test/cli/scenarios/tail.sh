# tail: every event of the event types, in order, NDJSON; usage and failure statuses.
source "$here/fixture.sh"

run 0 tail --help
for word in Examples --tenant --data-core --count; do stdout_has "$word"; done
ingest created 1 2 3
ingest shipped 10

run 2 tail --tenant acme --data-core orders --flow-type order
stderr_has "--event-type is required"
run 2 tail --tenant acme --data-core orders --flow-type order --event-type created --from yesterday
stderr_has "--from"
run 2 tail --tenant acme --data-core orders --flow-type order --event-type created --count 0
run 3 tail --tenant acme --data-core missing --flow-type order --event-type created --count 1
stdout_empty

run 0 tail --tenant acme --data-core orders --flow-type order --event-type created shipped --count 4
[ "$(wc -l <"$out")" -eq 4 ] || fail "expected 4 lines"
[ "$(numbers | grep -v 10 | tr '\n' ' ')" = "1 2 3 " ] || fail "created events out of order"
numbers | grep -qx 10 || fail "the shipped event is missing"
stdout_has '^{"event_id":"[^"]*","time_bucket":"[0-9]\{14\}","tenant":"acme","data_core_id":"'"$core_id"'","flow_type":"order","event_type":"created"'

# Started from a position (as a position file holds it): only what comes after it.
first=$(grep '"payload":{"n":1}' "$out")
position="t1;created=$(sed -n 's/.*"time_bucket":"\([0-9]*\)".*/\1/p' <<<"$first")/$(sed -n 's/^{"event_id":"\([^"]*\)".*/\1/p' <<<"$first")"
run 0 tail --tenant acme --data-core orders --flow-type order --event-type created --from "$position" --count 2
[ "$(numbers | tr '\n' ' ')" = "2 3 " ] || fail "--from a position: $(numbers | tr '\n' ' ')"

# --from now: nothing stored before the start, whatever comes after it.
start_cli tail --tenant acme --data-core orders --flow-type order --event-type created --from now --count 1
for i in $(seq 100 199); do
  ingest created "$i"
  sleep 0.05
  [ -s "$out" ] && break
done
stop_cli "" 0
[ "$(numbers)" -ge 100 ] || fail "--from now printed an older event: $(numbers)"

# A position file in a directory that does not exist: a usage error before any event.
run 2 tail --tenant acme --data-core orders --flow-type order --event-type created --position-file /nonexistent/dir/pos
stderr_has "/nonexistent/dir"
stdout_empty

# A position file that does not parse: exit 2 naming it, and it is left alone.
pos=$(mktemp)
echo "not a position" >"$pos"
run 2 tail --tenant acme --data-core orders --flow-type order --event-type created --position-file "$pos" --count 1
stderr_has "checkpoint file $pos"
stdout_empty
[ "$(cat "$pos")" = "not a position" ] || fail "the corrupt position file was changed"
rm -f "$pos"

# Ctrl-C ends a tail waiting for events with 0.
start_cli tail --tenant acme --data-core orders --flow-type order --event-type created
wait_lines 3
stop_cli INT 0
