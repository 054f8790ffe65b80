# SIGINT or SIGTERM while `events read` waits for a page: exit 130, and stdout holds the
# earlier pages' events as whole lines only.
source "$here/fixture.sh"
input=$(mktemp)
trap 'rm -f "$input"; cleanup' EXIT
seq 1 30 | sed 's/.*/{"n":&}/' >"$input"
run_stdin 0 "$input" ingest "${where[@]}" --event-type created

for sig in INT TERM; do
  # The first page is served (a 1 ms delay uses up the first fault), the second stalls.
  post_fault '{"method":"POST","path_prefix":"/api/v1/events","count":1,"delay_ms":1}'
  post_fault '{"method":"POST","path_prefix":"/api/v1/events","stall":true}'
  "$cli" --base-url "$url" events read "${where[@]}" --event-type created --page-size 10 \
    >"$out" 2>"$err" &
  cli_pid=$!
  # Signal once the first page is out: the second request is then on its way.
  for _ in $(seq 1 100); do
    [ "$(wc -l <"$out")" -ge 10 ] && break
    sleep 0.05
  done
  sleep 0.3
  kill -s "$sig" "$cli_pid"
  got=0
  wait "$cli_pid" || got=$?
  cli_pid=
  [ "$got" -eq 130 ] || fail "SIG$sig: exited $got, expected 130"
  stderr_has "interrupted"
  [ "$(wc -l <"$out")" -eq 10 ] || fail "SIG$sig: expected the first page's 10 lines"
  [ -z "$(tail -c 1 "$out")" ] || fail "SIG$sig: the last line is cut"
  if grep -qv '^{"event_id":.*"payload":{"n":[0-9]*}}$' "$out"; then
    fail "SIG$sig: a line is not whole"
  fi
done
