# SIGINT or SIGTERM while `ingest` waits for more input on stdin: exit 130 at once (stdin
# is read without blocking the signal handling), and stderr says the events read so far
# were not sent.
source "$here/fixture.sh"
fifo=$(mktemp -u)
mkfifo "$fifo"
trap 'exec 5>&- 2>/dev/null || true; rm -f "$fifo"; cleanup' EXIT

for sig in INT TERM; do
  "$cli" --base-url "$url" ingest "${where[@]}" --event-type created <"$fifo" >"$out" 2>"$err" &
  cli_pid=$!
  # The writer stays open: the CLI waits for a line that never comes.
  exec 5>"$fifo"
  printf '{"n":1}\n' >&5
  wait_handlers "ingest from a pipe"
  sleep 0.3
  kill -s "$sig" "$cli_pid"
  got=0
  wait "$cli_pid" || got=$?
  cli_pid=
  exec 5>&-
  [ "$got" -eq 130 ] || fail "SIG$sig: exited $got, expected 130"
  stdout_empty
  stderr_has "0 events stored; the batch from stdin line 1 to 1 was not sent"
  stderr_has "interrupted"
done
