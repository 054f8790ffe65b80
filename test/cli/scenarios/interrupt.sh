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
