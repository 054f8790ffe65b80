# events read: NDJSON output, several event types, paging, --limit, table output, buckets,
# and the ways it goes wrong.
source "$here/fixture.sh"
input=$(mktemp)
trap 'rm -f "$input"; cleanup' EXIT

# Nothing stored yet: no output, success.
run 0 events read "${where[@]}" --event-type created
stdout_empty

printf '{"n":1}\n{"n":2}\n{"n":3}\n{"n":4}\n{"n":5}\n' >"$input"
run_stdin 0 "$input" ingest "${where[@]}" --event-type created
run 0 ingest "${where[@]}" --event-type shipped --metadata source=test '{"n":6,"s":"x y"}'

# Every event, one JSON object per line, with the library's field names, in order.
run 0 events read "${where[@]}" --event-type created --event-type shipped --page-size 2
[ "$(wc -l <"$out")" -eq 6 ] || fail "expected 6 lines"
stdout_has "^{\"event_id\":\"[^\"]*\",\"time_bucket\":\"[0-9]\{10\}0000\",\"tenant\":\"acme\",\"data_core_id\":\"$core_id\",\"flow_type\":\"order\",\"event_type\":\"created\",\"valid_time\":\"[^\"]*\",\"metadata\":{.*},\"payload\":{\"n\":1}}$"
stdout_has '"event_type":"shipped",.*"metadata":{[^}]*"source":"test".*"payload":{"n":6,"s":"x y"}}$'
[ "$(sed 's/.*"payload"://' "$out" | tr -d '\n')" = '{"n":1}}{"n":2}}{"n":3}}{"n":4}}{"n":5}}{"n":6,"s":"x y"}}' ] ||
  fail "payloads out of order"
# One event type only; --limit stops early.
run 0 events read "${where[@]}" --event-type shipped
[ "$(wc -l <"$out")" -eq 1 ] || fail "expected the shipped event only"
run 0 events read "${where[@]}" --event-type created --limit 2 --page-size 1
[ "$(wc -l <"$out")" -eq 2 ] || fail "--limit 2 gave $(wc -l <"$out") lines"
# Time buckets: a range holding the events, and one before them.
bucket=$(sed -n '1s/.*"time_bucket":"\([0-9]*\)".*/\1/p' "$out")
run 0 events read "${where[@]}" --event-type created --from "$bucket" --to "$bucket"
[ "$(wc -l <"$out")" -eq 5 ] || fail "--from/--to the events' bucket"
run 0 events read "${where[@]}" --event-type created --to 20000101000000
stdout_empty
run 0 -o table events read "${where[@]}" --event-type created --to 20000101000000
[ "$(cat "$out")" = "$(printf 'EVENT_ID%30sEVENT_TYPE  VALID_TIME%16sPAYLOAD' '' '')" ] ||
  fail "an empty table is its header: $(cat "$out")"
# A table: a header, then id, type, time and payload.
run 0 -o table events read "${where[@]}" --event-type created --event-type shipped
stdout_has '^EVENT_ID  *EVENT_TYPE  *VALID_TIME  *PAYLOAD$'
stdout_has '^[^ ]\+  *shipped  *[^ ]\+  *{"n":6,"s":"x y"}$'
[ "$(wc -l <"$out")" -eq 7 ] || fail "table: expected a header and 6 rows"

# Bad arguments: exit 2 before any call.
run 2 events read "${where[@]}"
stderr_has '--event-type is required'
run 2 events read --tenant acme --flow-type order --event-type created
stderr_has '--data-core is required'
run 2 events read "${where[@]}" --event-type created --from 2025
stderr_has 'YYYYMMDDhh0000'
run 2 events read "${where[@]}" --event-type created --from 20250102000000 --to 20250101000000
stderr_has 'is after --to'
run 2 events read "${where[@]}" --event-type created --page-size 0
run 2 events read "${where[@]}" --event-type created --limit -1
run 2 events
stderr_has 'subcommand'

# Unknown names: exit 3.
run 3 events read --tenant acme --data-core nosuchcore --flow-type order --event-type created
run 3 events read "${where[@]}" --event-type nosuchtype
stdout_empty
run 3 -o table events read "${where[@]}" --event-type nosuchtype
stdout_empty
run 3 events read --tenant acme --data-core orders --flow-type nosuchflow --event-type created

# A failing page: its exit status, after the lines of the pages before it.
post_fault '{"method":"POST","path_prefix":"/api/v1/events","count":1,"delay_ms":1}'
post_fault '{"method":"POST","path_prefix":"/api/v1/events","status":503}'
run 5 --retries 0 events read "${where[@]}" --event-type created --page-size 2
[ "$(wc -l <"$out")" -eq 2 ] || fail "expected the first page's 2 events before the failure"

run 0 events read --help
stdout_has '^Examples:'
