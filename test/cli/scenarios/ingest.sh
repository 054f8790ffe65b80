# ingest: one event from the argument, NDJSON from stdin, and the ways input goes wrong.
source "$here/fixture.sh"
input=$(mktemp)
trap 'rm -f "$input"; cleanup' EXIT

# One event from the argument: its id.
run 0 ingest "${where[@]}" --event-type created --metadata source=test '{"orderId":"o-1"}'
stdout_has '^{"event_id":"[^"]\+"}$'
run 0 -o table ingest "${where[@]}" --event-type created '{"orderId":"o-2"}'
stdout_has '^event_id  [^ ]\+$'

# --event-time picks the time bucket; --valid-time and --metadata are stored with it.
run 0 ingest "${where[@]}" --event-type created --event-time 2025-01-01T12:34:00.000Z \
  --valid-time 2025-01-01T12:35:00Z --metadata k=v '{"old":true}'
run 0 events read "${where[@]}" --event-type created --to 20250101120000
stdout_has '"time_bucket":"20250101120000",.*"valid_time":"2025-01-01T12:35:00Z","metadata":{"k":"v"},"payload":{"old":true}}$'
[ "$(wc -l <"$out")" -eq 1 ] || fail "expected only the event of 2025-01-01 12:00"

# NDJSON from stdin, empty lines skipped, a last line without a newline counted.
printf '{"orderId":"o-3"}\n\n  \n{"orderId":"o-4"}\n{"orderId":"o-5"}' >"$input"
run_stdin 0 "$input" ingest "${where[@]}" --event-type created --batch-size 2
[ "$(cat "$out")" = '{"ingested":3}' ] || fail "summary: $(cat "$out")"
# "-" is stdin too; --ids prints one id per stored event instead of the summary.
printf '{"orderId":"o-6"}\n{"orderId":"o-7"}\n' >"$input"
run_stdin 0 "$input" ingest "${where[@]}" --event-type shipped --ids -
[ "$(grep -c '^{"event_id":"[^"]*"}$' "$out")" -eq 2 ] || fail "--ids: $(cat "$out")"
# Empty input stores nothing and says so.
run_stdin 0 /dev/null ingest "${where[@]}" --event-type created
[ "$(cat "$out")" = '{"ingested":0}' ] || fail "empty input: $(cat "$out")"

# A malformed line: exit 2 naming it; the events before it are stored, nothing after.
printf '{"orderId":"b-1"}\n{"orderId":"b-2"}\n{"orderId":\n{"orderId":"b-4"}\n' >"$input"
run_stdin 2 "$input" ingest "${where[@]}" --event-type shipped --batch-size 1
stderr_has 'stdin line 3: not JSON'
stderr_has '2 events before it are stored'
printf '{"a":1}\n[1,2]\n' >"$input"
run_stdin 2 "$input" ingest "${where[@]}" --event-type shipped
stderr_has 'stdin line 2: not a JSON object'
# A line over 16 MiB is refused like a malformed one, without holding it all.
{ printf '{"c":1}\n{"x":"'; head -c 17000000 /dev/zero | tr '\0' x; printf '"}\n'; } >"$input"
run_stdin 2 "$input" ingest "${where[@]}" --event-type shipped
stderr_has 'stdin line 2: longer than 16 MiB; 1 event before it is stored'
run 0 events read "${where[@]}" --event-type shipped
[ "$(wc -l <"$out")" -eq 6 ] || fail "expected o-6, o-7, b-1, b-2, {\"a\":1} and {\"c\":1}: $(cat "$out")"
if grep -q '"orderId":"b-4"' "$out"; then fail "an event after the malformed line was stored"; fi

# Bad arguments: exit 2 before any call.
run 2 ingest "${where[@]}" --event-type created '{"orderId":'
stderr_has 'EVENT_JSON: not JSON'
run 2 ingest "${where[@]}" --event-type created '"text"'
stderr_has 'not a JSON object'
run 2 ingest --tenant acme --data-core orders --event-type created '{}'
stderr_has '--flow-type is required'
run 2 ingest "${where[@]}" '{}'
stderr_has '--event-type is required'
run 2 ingest "${where[@]}" --event-type created --metadata novalue '{}'
stderr_has 'expected KEY=VALUE'
run 2 ingest "${where[@]}" --event-type created --metadata a=1 --metadata a=2 '{}'
stderr_has "key 'a' given twice"
run 2 ingest "${where[@]}" --event-type created --event-time yesterday '{}'
stderr_has "--event-time: expected an ISO-8601 time"
run 2 ingest "${where[@]}" --event-type created --valid-time 2025-01-01 '{}'
stderr_has "--valid-time: expected an ISO-8601 time"
run 2 ingest "${where[@]}" --event-type created <&-
stderr_has 'stdin is closed'
run 2 ingest "${where[@]}" --event-type created --batch-size 0 - </dev/null
stderr_has '--batch-size'
run 2 ingest "${where[@]}" --event-type created --batch-size 1001 - </dev/null

# Unknown names: exit 3.
run 3 ingest --tenant acme --data-core nosuchcore --flow-type order --event-type created '{}'
stderr_has 'not found'
run 3 ingest "${where[@]}" --event-type nosuchtype '{}'
stderr_has 'EventType not found'
run 3 ingest --tenant nosuchtenant --data-core orders --flow-type order --event-type created '{}'

# The server refuses a batch: exit 5, and stderr says what was stored before it.
printf '{"n":1}\n{"n":2}\n{"n":3}\n' >"$input"
post_fault '{"method":"POST","path_prefix":"/events/","count":1,"delay_ms":1}'
post_fault '{"method":"POST","path_prefix":"/events/","status":500}'
run_stdin 5 "$input" ingest "${where[@]}" --event-type created --batch-size 2
stderr_has '2 events stored; the batch from stdin line 3 to 3 may or may not have been stored'

run 0 ingest --help
stdout_has '^Examples:'
stdout_has '--batch-size'
