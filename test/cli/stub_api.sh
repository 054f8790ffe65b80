# Sourced by the stream scenarios (notifications, tail, tail_resume): what the CLI cannot
# do yet, done with the stub's HTTP API over bash's /dev/tcp (curl is not among the
# build's packages). Needs cli_test.sh's $url, $secret, $FLOWCORE_API_KEY and fail.

# stub_call METHOD PATH AUTHORIZATION BODY: prints the answer's body; fails unless 2xx.
stub_call() {
  local host=${url#http://}
  local port=${host##*:}
  exec 4<>"/dev/tcp/127.0.0.1/$port"
  printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "$1" "$2" "$3" "${#4}" "$4" >&4
  local answer
  answer=$(cat <&4)
  exec 4>&-
  local status
  status=$(printf '%s' "$answer" | sed -n '1s/^HTTP\/1.1 \([0-9]*\).*/\1/p')
  case $status in 2??) ;; *) fail "$1 $2 answered $status" ;; esac
  printf '%s' "${answer#*$'\r\n\r\n'}"
}

# json_id JSON: the first "id" field's value.
json_id() { sed -n 's/^{"id":"\([^"]*\)".*/\1/p' <<<"$1"; }

# make_event_types: data core "orders" of acme, flow type "order", event types "created"
# and "shipped"; sets $data_core_id.
make_event_types() {
  local rest="ApiKey cli:$secret"
  data_core_id=$(json_id "$("$cli" --base-url "$url" data-core create --tenant acme --name orders)")
  [ -n "$data_core_id" ] || fail "no data core"
  local flow_type_id
  flow_type_id=$(json_id "$(stub_call POST /api/v1/flow-types "$rest" \
    "{\"dataCoreId\":\"$data_core_id\",\"name\":\"order\",\"description\":\"\"}")")
  [ -n "$flow_type_id" ] || fail "no flow type"
  for type in created shipped; do
    stub_call POST /api/v1/event-types "$rest" \
      "{\"flowTypeId\":\"$flow_type_id\",\"name\":\"$type\",\"description\":\"\"}" >/dev/null
  done
}

# ingest EVENT_TYPE N...: stores one event {"n":N} of flow type "order" per N.
ingest() {
  local type=$1; shift
  for n in "$@"; do
    stub_call POST "/event/acme/$data_core_id/order/$type" "$FLOWCORE_API_KEY" "{\"n\":$n}" >/dev/null
  done
}

# ingest_ids EVENT_TYPE N...: as ingest, printing each stored event's id on a line.
ingest_ids() {
  local type=$1; shift
  for n in "$@"; do
    # The answer has no final newline: echo gives each id its own line.
    echo "$(stub_call POST "/event/acme/$data_core_id/order/$type" "$FLOWCORE_API_KEY" "{\"n\":$n}" |
      sed -n 's/.*"eventId":"\([^"]*\)".*/\1/p')"
  done
}

# start_cli ARGS...: runs the CLI against the stub in the background (stdout in $out,
# stderr in $err, its pid in $cli_pid) and returns once its signal handlers are in place
# (SigCgt holds SIGINT's and SIGTERM's bits), so a signal sent then is handled.
start_cli() {
  # Emptied here: the background job's own redirection may come after a first look.
  : >"$out"
  : >"$err"
  "$cli" --base-url "$url" "$@" >"$out" 2>"$err" &
  cli_pid=$!
  local caught
  for _ in $(seq 1 100); do
    caught=$(sed -n 's/^SigCgt:\t//p' "/proc/$cli_pid/status" 2>/dev/null || true)
    [ -n "$caught" ] && (( (16#$caught & 0x4002) == 0x4002 )) && return 0
    sleep 0.05
  done
  fail "flowcore-cli $* did not start"
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
