# stub: the bundled stub server in the foreground; the CLI works against it; SIGINT and
# SIGTERM stop it with 0; its flags are flowcore-stub's.
run 0 stub --help
for word in Examples --port --seed --state-file; do stdout_has "$word"; done
run 2 stub --port nope
stderr_has "bad argument: --port"
run 2 stub --frobnicate 1
stderr_has "bad argument: --frobnicate"
run 2 stub --tls-cert only.pem
stderr_has "go together"
# A server that cannot start (the scenario's own stub holds the port): 1, said on stderr.
run 1 stub --port "${url##*:}"
stderr_has "^flowcore-cli stub: "

log=$(mktemp)
state=$(mktemp -u)
trap 'rm -f "$log" "$state" "$state.lock"; cleanup' EXIT
for sig in INT TERM; do
  # Emptied here, not by the background job's redirection, which may come after the loop
  # below has read the previous run's URL.
  : >"$log"
  # No credentials needed to run a stub.
  env -u FLOWCORE_API_KEY "$cli" stub --port 0 --seed 7 --state-file "$state" >"$log" 2>"$err" &
  cli_pid=$!
  stub_url=
  for _ in $(seq 1 100); do
    stub_url=$(sed -n 's/^listening on \(http:[^ ]*\)$/\1/p' "$log")
    [ -n "$stub_url" ] && break
    sleep 0.05
  done
  [ -n "$stub_url" ] || fail "no URL printed: $(cat "$log")"
  "$cli" --base-url "$stub_url" tenant get acme >"$out" 2>"$err" || fail "SIG$sig run: tenant get acme failed"
  stdout_has '"name":"acme"'
  kill -s "$sig" "$cli_pid"
  got=0
  wait "$cli_pid" || got=$?
  cli_pid=
  [ "$got" -eq 0 ] || fail "SIG$sig: exited $got, expected 0"
done
# Same seed and state file: the second run served the first one's tenant.
[ -s "$state" ] || fail "no state file"
