# Nothing listens on port 1; no retries keeps the test short.
got=0
"$cli" --base-url http://127.0.0.1:1 --retries 0 tenant get acme >"$out" 2>"$err" || got=$?
[ "$got" -eq 6 ] || fail "exited $got, expected 6"
stdout_empty
