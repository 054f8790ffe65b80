#!/usr/bin/env bash
# cli_test.sh STUB CLI SCENARIO: runs flowcore-cli, the program, against a fresh
# flowcore-stub and checks one scenario's output and exit status (docs/cli.md).
set -euo pipefail
stub=$1
cli=$2
scenario=$3

log=$(mktemp)
out=$(mktemp)
err=$(mktemp)
"$stub" --port 0 >"$log" 2>&1 &
pid=$!
cli_pid=
cleanup() {
  [ -n "$cli_pid" ] && kill -9 "$cli_pid" 2>/dev/null || true
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$log" "$out" "$err"
}
trap cleanup EXIT
url=
for _ in $(seq 1 200); do
  url=$(sed -n 's/^listening on \(http[^ ]*\).*/\1/p' "$log" | head -n 1)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "cli_test: stub exited" >&2; exit 1; }
  sleep 0.05
done
[ -n "$url" ] || { echo "cli_test: stub did not start" >&2; exit 1; }

# The stub accepts any well-formed key. The secret part is looked for in every output.
secret=0123456789abcdefSECRET
export FLOWCORE_API_KEY="fc_cli_${secret}"
unset FLOWCORE_TOKEN

fail() {
  echo "cli_test[$scenario]: $*" >&2
  echo "--- stdout" >&2; cat "$out" >&2
  echo "--- stderr" >&2; cat "$err" >&2
  exit 1
}

# run STATUS ARGS...: runs the CLI against the stub with json output, expects STATUS.
run() {
  local want=$1; shift
  local got=0
  "$cli" --base-url "$url" "$@" >"$out" 2>"$err" || got=$?
  [ "$got" -eq "$want" ] || fail "flowcore-cli $* exited $got, expected $want"
  if grep -q "$secret" "$out" "$err"; then fail "the API key's secret was printed"; fi
}
stdout_has() { grep -q -- "$1" "$out" || fail "stdout lacks '$1'"; }
stderr_has() { grep -q -- "$1" "$err" || fail "stderr lacks '$1'"; }
stdout_empty() { [ ! -s "$out" ] || fail "stdout is not empty"; }

# post_fault JSON: installs a stub fault, without curl (not among the build's packages).
post_fault() {
  local host=${url#http://}
  local port=${host##*:}
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'POST /__stub/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "${#1}" "$1" >&3
  local status
  read -r _ status _ <&3
  exec 3>&-
  [ "$status" = 200 ] || [ "$status" = 201 ] || [ "$status" = 204 ] || fail "fault not installed: $status"
}

case "$scenario" in
  help)
    run 0 --help
    for word in tenant data-core --base-url --output --timeout --retries FLOWCORE_API_KEY; do
      stdout_has "$word"
    done
    run 0 data-core --help
    for word in list get create Examples; do stdout_has "$word"; done
    run 0 tenant --help
    stdout_has get
    run 0 data-core create --help
    for word in --tenant --name --description; do stdout_has "$word"; done
    ;;
  tenant_get)
    run 0 tenant get acme
    stdout_has '"name":"acme"'
    [ "$(wc -l <"$out")" -eq 1 ] || fail "json output is not one line"
    run 0 -o table tenant get acme
    stdout_has '^name  *acme$'
    # Global options after the sub-command too.
    run 0 tenant get acme --output table
    stdout_has '^name  *acme$'
    ;;
  data_core)
    run 0 data-core create --tenant acme --name orders --description "Web shop"
    stdout_has '"name":"orders"'
    stdout_has '"description":"Web shop"'
    id=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$out")
    [ -n "$id" ] || fail "no id in the create output"
    run 0 data-core list --tenant acme
    stdout_has '^\[.*"name":"orders"'
    run 0 -o table data-core list --tenant acme
    stdout_has '^ID  *NAME  *ACCESS  *DESCRIPTION$'
    stdout_has "^$id  *orders  *private  *Web shop$"
    run 0 data-core get "$id"
    stdout_has "\"id\":\"$id\""
    run 0 data-core get --tenant acme orders
    stdout_has "\"id\":\"$id\""
    ;;
  not_found)
    run 3 tenant get no-such-tenant
    stdout_empty
    stderr_has "not found"
    run 3 data-core get no-such-id
    stdout_empty
    ;;
  usage)
    run 2
    stderr_has "subcommand"
    run 2 tenant get
    stderr_has "NAME is required"
    run 2 --output xml tenant get acme
    stderr_has "--output: xml not in"
    run 2 frobnicate
    run 2 data-core create --tenant acme
    stderr_has "--name is required"
    run 2 --timeout -1 tenant get acme
    stderr_has "not a number of seconds"
    run 2 --timeout 1e300 tenant get acme
    stdout_empty
    ;;
  credentials)
    unset FLOWCORE_API_KEY
    run 2 tenant get acme
    stderr_has "no credentials"
    stderr_has "FLOWCORE_API_KEY"
    export FLOWCORE_API_KEY="fc_cli_${secret}" FLOWCORE_TOKEN="tok${secret}"
    run 2 tenant get acme
    stderr_has "both FLOWCORE_API_KEY and FLOWCORE_TOKEN"
    # A token alone: bearer credentials.
    unset FLOWCORE_API_KEY
    run 0 tenant get acme
    stdout_has '"name":"acme"'
    # A malformed key is refused before anything is sent, as a usage error.
    export FLOWCORE_API_KEY="not-a-key${secret}"
    unset FLOWCORE_TOKEN
    run 2 tenant get acme
    stderr_has "invalid api key"
    export FLOWCORE_TOKEN="tok${secret}"
    # A flag wins over the environment.
    run 0 --api-key "fc_cli_${secret}" tenant get acme
    unset FLOWCORE_TOKEN
    export FLOWCORE_API_KEY="fc_cli_${secret}"
    # The debug log names requests, never the key.
    run 0 -v tenant get acme
    [ -s "$err" ] || fail "-v wrote no log"
    ;;
  network)
    # Nothing listens on port 1; no retries keeps the test short.
    got=0
    "$cli" --base-url http://127.0.0.1:1 --retries 0 tenant get acme >"$out" 2>"$err" || got=$?
    [ "$got" -eq 6 ] || fail "exited $got, expected 6"
    stdout_empty
    ;;
  errors)
    # Each class of server failure has its own status. A fault serves one request.
    post_fault '{"method":"GET","path_prefix":"/api/v1/tenants","status":401}'
    run 4 --retries 0 tenant get acme
    stdout_empty
    stderr_has "401"
    post_fault '{"method":"POST","path_prefix":"/api/v1/data-cores","status":409}'
    run 5 data-core create --tenant acme --name orders
    stderr_has "409"
    post_fault '{"method":"GET","path_prefix":"/api/v1/tenants","status":500}'
    run 5 --retries 0 tenant get acme
    post_fault '{"method":"GET","path_prefix":"/api/v1/tenants","body":"not json"}'
    run 7 tenant get acme
    stdout_empty
    ;;
  interrupt)
    # A call that never gets an answer, stopped by SIGINT then SIGTERM. A fault serves one
    # request, so each run gets its own.
    for sig in INT TERM; do
      post_fault '{"method":"GET","path_prefix":"/api/v1/tenants","stall":true}'
      "$cli" --base-url "$url" tenant get acme >"$out" 2>"$err" &
      cli_pid=$!
      # Signal once its handlers are in place (SigCgt has SIGINT's and SIGTERM's bits),
      # which is just before the call starts; then give the request time to reach the stub.
      for _ in $(seq 1 100); do
        caught=$(sed -n 's/^SigCgt:\t//p' "/proc/$cli_pid/status" 2>/dev/null || true)
        [ -n "$caught" ] && (( (16#$caught & 0x4002) == 0x4002 )) && break
        sleep 0.05
      done
      sleep 0.3
      kill -s "$sig" "$cli_pid"
      got=0
      wait "$cli_pid" || got=$?
      cli_pid=
      [ "$got" -eq 130 ] || fail "SIG$sig: exited $got, expected 130"
      stdout_empty
      stderr_has "interrupted"
    done
    ;;
  *)
    echo "cli_test: unknown scenario $scenario" >&2
    exit 1
    ;;
esac
