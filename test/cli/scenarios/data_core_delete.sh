# data-core delete: refused while delete protected (5), --no-wait returns while the
# deletion is under way, a waited delete returns once the data core is gone, and a wait
# past --wait-timeout exits 6.
# stub flags: --delete-delay-ms 2000
# (A deletion takes 2 s, so that the `get` right after `--no-wait` still finds it under
# way on a loaded machine; the stub's default of 300 ms is shorter than a CLI start there.)
run 0 data-core create --tenant acme --name orders --delete-protection
id=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$out")
[ -n "$id" ] || fail "no id in the create output"
run 5 data-core delete --tenant acme orders
stdout_empty
stderr_has "409"
run 0 data-core get "$id"
stdout_has '"is_deleting":false'

run 0 data-core update "$id" --no-delete-protection
run 0 data-core delete "$id" --no-wait
stdout_has "^{\"id\":\"$id\",\"name\":\"orders\",\"deleted\":false,\"is_deleting\":true}$"
run 0 data-core get "$id"
stdout_has '"is_deleting":true'

run 0 data-core create --tenant acme --name events
id2=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$out")
run 0 data-core delete --tenant acme events
stdout_has "^{\"id\":\"$id2\",\"name\":\"events\",\"deleted\":true}$"
# No status line when stderr is not a terminal.
[ ! -s "$err" ] || fail "stderr is not empty"
run 3 data-core get "$id2"

run 0 data-core create --tenant acme --name audit
run 0 -o table data-core delete --tenant acme audit
stdout_has '^name  *audit$'
stdout_has '^deleted  *true$'

# The exists checks answer late: the wait hits its cap first.
run 0 data-core create --tenant acme --name slow
id3=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$out")
post_fault "{\"method\":\"GET\",\"path_prefix\":\"/api/v1/data-cores/$id3/exists\",\"delay_ms\":3000}"
run 6 data-core delete "$id3" --wait-timeout 0.5
stdout_empty
stderr_has "still in progress"

run 3 data-core delete --tenant acme no-such-core
stdout_empty
run 3 data-core delete no-such-id
run 3 data-core delete --tenant no-such-tenant orders
run 2 data-core delete
stderr_has "ID is required"
run 2 data-core delete "$id" --no-wait --wait-timeout 5
stderr_has "excludes"
run 2 data-core delete "$id" --wait-timeout 0
stderr_has "not a number of seconds"
run 2 data-core delete "$id" --wait-timeout soon
run 0 data-core delete --help
for word in --no-wait --wait-timeout --tenant Examples; do stdout_has "$word"; done

# Ctrl-C stops the wait at once: exit 130, nothing on stdout.
run 0 data-core create --tenant acme --name interrupted
id4=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$out")
post_fault "{\"method\":\"GET\",\"path_prefix\":\"/api/v1/data-cores/$id4/exists\",\"delay_ms\":5000}"
"$cli" --base-url "$url" data-core delete "$id4" >"$out" 2>"$err" &
cli_pid=$!
# Signal once its handlers are in place (SigCgt has SIGINT's bit), then give the request
# and the first check time to go out.
for _ in $(seq 1 100); do
  caught=$(sed -n 's/^SigCgt:\t//p' "/proc/$cli_pid/status" 2>/dev/null || true)
  [ -n "$caught" ] && (( (16#$caught & 0x2) == 0x2 )) && break
  sleep 0.05
done
sleep 0.5
kill -s INT "$cli_pid"
got=0
wait "$cli_pid" || got=$?
cli_pid=
[ "$got" -eq 130 ] || fail "interrupted wait: exited $got, expected 130"
stdout_empty
stderr_has "interrupted"
