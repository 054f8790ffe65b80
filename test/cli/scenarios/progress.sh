# The progress line of long work: on stderr, from the first second on, only when stderr is
# a terminal; never on stdout, and the command's result is unchanged by it. A terminal is
# given by util-linux `script` (in Debian's base: package bsdutils), whose own output is
# what the command wrote to the terminal, so here stderr (stdout goes to a file).
source "$here/fixture.sh"
input=$(mktemp)
trap 'rm -f "$input"; cleanup' EXIT
printf '{"n":1}\n{"n":2}\n{"n":3}\n' >"$input"
command -v script >/dev/null || fail "script (util-linux) is missing"

# Answers 2 s late, once: the line is first drawn at 1 s, well before the answer.
delay_ingest() { post_fault '{"method":"POST","path_prefix":"/events/","count":1,"delay_ms":2000}'; }
delay_read() { post_fault '{"method":"POST","path_prefix":"/api/v1/events","count":1,"delay_ms":2000}'; }

# on_terminal STATUS ARGS...: `run` with stderr a terminal and stdin from $input; what the
# terminal showed ends up in $err.
on_terminal() {
  local want=$1; shift
  local cmd got=0
  printf -v cmd '%q ' "$cli" --base-url "$url" "$@"
  cmd+="<$(printf %q "$input") >$(printf %q "$out")"
  # bash runs the command: %q may quote in a way only bash reads.
  SHELL=/bin/bash script -qec "$cmd" /dev/null </dev/null >"$err" || got=$?
  [ "$got" -eq "$want" ] || fail "flowcore-cli $* on a terminal exited $got, expected $want"
  if grep -q "$secret" "$out" "$err"; then fail "the API key's secret was printed"; fi
}

# no_progress_on_stdout: stdout holds the result only (d).
no_progress_on_stdout() {
  if grep -q 'flowcore-cli:\|ingesting\|reading events' "$out"; then fail "progress text on stdout"; fi
  if grep -q $'\r' "$out"; then fail "a carriage return on stdout"; fi
}

# (a) ingest from stdin on a terminal: the line, then the usual summary.
delay_ingest
on_terminal 0 ingest "${where[@]}" --event-type created
stderr_has 'flowcore-cli: ingesting ([0-9]* s)'
[ "$(cat "$out")" = '{"ingested":3}' ] || fail "summary: $(cat "$out")"
no_progress_on_stdout

# (b) events read on a terminal: the line, then every event.
delay_read
on_terminal 0 events read "${where[@]}" --event-type created
stderr_has 'flowcore-cli: reading events ([0-9]* s)'
[ "$(numbers | tr '\n' ' ')" = "1 2 3 " ] || fail "events read: $(cat "$out")"
no_progress_on_stdout

# (c) the same work, as long, with stderr a file: no progress text, no carriage return.
no_progress_on_stderr() {
  if grep -q 'ingesting\|reading events' "$err"; then fail "progress text on a non-terminal"; fi
  if grep -q $'\r' "$err"; then fail "a carriage return on a non-terminal"; fi
}
delay_ingest
run_stdin 0 "$input" ingest "${where[@]}" --event-type shipped
[ "$(cat "$out")" = '{"ingested":3}' ] || fail "summary: $(cat "$out")"
no_progress_on_stderr
no_progress_on_stdout
delay_read
run 0 events read "${where[@]}" --event-type shipped
[ "$(numbers | tr '\n' ' ')" = "1 2 3 " ] || fail "events read: $(cat "$out")"
no_progress_on_stderr
no_progress_on_stdout
