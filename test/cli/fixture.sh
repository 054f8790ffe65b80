# Sourced by the scenarios that store and read events (not a scenario itself: it lives
# outside scenarios/). Creates, through the CLI itself, the data core `orders` of tenant
# acme, its flow type `order` and event types `created` and `shipped`; sets $core_id and
# $where, and defines the helpers those scenarios share. Needs cli_test.sh's $cli, $url,
# $secret, $out, $err, $cli_pid, run and fail.

run 0 data-core create --tenant acme --name orders
core_id=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$out")
[ -n "$core_id" ] || fail "no data core id"
run 0 flow-type create --tenant acme --data-core orders --name order
for type in created shipped; do
  run 0 event-type create --tenant acme --data-core orders --flow-type order --name "$type"
done

# The flags naming the destination, for ingest, events read and tail.
where=(--tenant acme --data-core orders --flow-type order)

# run_stdin STATUS FILE ARGS...: `run` with stdin from FILE.
run_stdin() {
  local want=$1 input=$2; shift 2
  local got=0
  "$cli" --base-url "$url" "$@" <"$input" >"$out" 2>"$err" || got=$?
  [ "$got" -eq "$want" ] || fail "flowcore-cli $* <$input exited $got, expected $want"
  if grep -q "$secret" "$out" "$err"; then fail "the API key's secret was printed"; fi
}

# ingest_ids EVENT_TYPE N...: stores one event {"n":N} of flow type `order` per N with
# `flowcore-cli ingest`, printing each event's id on a line. Its output is kept off $out
# and $err, which a CLI started by start_cli may be writing meanwhile.
ingest_ids() {
  local type=$1; shift
  local n answer got
  for n in "$@"; do
    got=0
    answer=$("$cli" --base-url "$url" ingest "${where[@]}" --event-type "$type" "{\"n\":$n}" 2>&1) ||
      got=$?
    [ "$got" -eq 0 ] || fail "ingest $type {\"n\":$n} exited $got: $answer"
    case $answer in *"$secret"*) fail "the API key's secret was printed" ;; esac
    sed -n 's/^{"event_id":"\([^"]*\)"}$/\1/p' <<<"$answer"
  done
}

# ingest EVENT_TYPE N...: as ingest_ids, without the ids.
ingest() { ingest_ids "$@" >/dev/null; }

# start_cli ARGS...: runs the CLI against the stub in the background (stdout in $out,
# stderr in $err, its pid in $cli_pid) and returns once its signal handlers are in place
# (SigCgt holds SIGINT's and SIGTERM's bits), so a signal sent then is handled.
start_cli() {
  # Emptied here: the background job's own redirection may come after a first look.
  : >"$out"
  : >"$err"
  "$cli" --base-url "$url" "$@" >"$out" 2>"$err" &
  cli_pid=$!
  wait_handlers "flowcore-cli $*"
}

# wait_handlers WHAT: waits (up to 5 s) until the background CLI ($cli_pid) catches SIGINT
# and SIGTERM; fails naming WHAT otherwise.
wait_handlers() {
  local caught
  for _ in $(seq 1 100); do
    caught=$(sed -n 's/^SigCgt:\t//p' "/proc/$cli_pid/status" 2>/dev/null || true)
    [ -n "$caught" ] && (( (16#$caught & 0x4002) == 0x4002 )) && return 0
    sleep 0.05
  done
  fail "$1 did not start"
}

# wait_lines N: waits (up to 5 s) until stdout holds at least N lines.
wait_lines() {
  for _ in $(seq 1 100); do
    [ "$(wc -l <"$out")" -ge "$1" ] && return 0
    sleep 0.05
  done
  fail "stdout has fewer than $1 lines"
}

# stop_cli SIGNAL STATUS: sends SIGNAL (empty: none, the CLI ends by itself) to the
# background CLI and expects it to exit with STATUS within 5 s.
stop_cli() {
  [ -n "$1" ] && kill -s "$1" "$cli_pid"
  for _ in $(seq 1 100); do
    kill -0 "$cli_pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -0 "$cli_pid" 2>/dev/null && fail "flowcore-cli did not exit"
  local got=0
  wait "$cli_pid" || got=$?
  cli_pid=
  [ "$got" -eq "$2" ] || fail "exited $got, expected $2"
  if grep -q "$secret" "$out" "$err"; then fail "the API key's secret was printed"; fi
}

# numbers: the "n" of each line of stdout, one per line.
numbers() { sed -n 's/.*"payload":{"n":\([0-9]*\)}.*/\1/p' "$out"; }
