#!/usr/bin/env bash
# cli_test.sh STUB CLI SCENARIO: runs flowcore-cli, the program, against a fresh
# flowcore-stub and checks one scenario's output and exit status (docs/cli.md). The
# scenario is scenarios/SCENARIO.sh, run in this shell with the helpers below.
set -euo pipefail
stub=$1
cli=$2
scenario=$3
here=$(cd "$(dirname "$0")" && pwd)
[ -f "$here/scenarios/$scenario.sh" ] || { echo "cli_test: unknown scenario $scenario" >&2; exit 1; }

log=$(mktemp)
out=$(mktemp)
err=$(mktemp)
# A scenario may ask for stub flags on a line of its own: "# stub flags: --delete-delay-ms 2000".
read -r -a stub_flags <<<"$(sed -n 's/^# stub flags: //p' "$here/scenarios/$scenario.sh")"
"$stub" --port 0 "${stub_flags[@]}" >"$log" 2>&1 &
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


# shellcheck source=/dev/null
source "$here/scenarios/$scenario.sh"
