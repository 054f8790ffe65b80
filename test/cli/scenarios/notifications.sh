# notifications: one NDJSON line per stored event, --count, Ctrl-C exits 0, failures.
source "$here/fixture.sh"

run 0 notifications --help
for word in Examples --tenant --data-core --count; do stdout_has "$word"; done

run 2 notifications --tenant acme
stderr_has "--data-core is required"
run 2 notifications --tenant acme --data-core orders --event-type created
stderr_has "requires --flow-type"
run 2 notifications --tenant acme --data-core orders --count 0
run 3 notifications --tenant acme --data-core missing --count 1
stderr_has "not found"
stdout_empty

# Events stored before the subscription reaches the stub are not announced (by design):
# probe with one event at a time until the first line comes, then store the rest.
start_cli notifications --tenant acme --data-core orders --flow-type order --count 3
for _ in $(seq 1 100); do
  ingest created 0
  sleep 0.05
  [ -s "$out" ] && break
done
[ -s "$out" ] || fail "no notification arrived"
sleep 0.2
seen=$(wc -l <"$out")
mapfile -t ids < <(ingest_ids shipped $(seq 1 $((3 - seen))))
stop_cli "" 0
[ "$(wc -l <"$out")" -eq 3 ] || fail "expected 3 lines"
for id in "${ids[@]}"; do stdout_has "\"event_id\":\"$id\""; done
stdout_has '^{"pattern":"[^"]*","data":{"tenant":"[^"]*","event_id":"[^"]*","data_core_id":"'"$core_id"'","flow_type":"order","event_type":"created"'

# Ctrl-C (or SIGTERM) is how a live stream ends: exit 0, nothing half-written.
for sig in INT TERM; do
  start_cli notifications --tenant acme --data-core orders
  sleep 0.3
  stop_cli "$sig" 0
  stdout_empty
done

# A stream the server refuses for good: its class's exit status.
post_fault '{"method":"GET","path_prefix":"/api/v1/data-cores","status":401,"count":0}'
run 4 notifications --tenant acme --data-core orders --count 1
stdout_empty
