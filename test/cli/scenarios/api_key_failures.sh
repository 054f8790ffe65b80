# API-key commands with the wrong credentials, a key that is not valid, and usage errors.
# The session's own API key (FLOWCORE_API_KEY) cannot manage keys: a token is needed.
for args in "create --tenant acme --name ci" "list --tenant acme" "delete some-id"; do
  # shellcheck disable=SC2086
  run 2 api-key $args
  stdout_empty
  stderr_has "needs a bearer token"
  stderr_has "FLOWCORE_TOKEN"
done
# validate works with an API key; the stub knows only the keys it created, so this
# well-formed one is not valid: {"valid":false}, a message, exit 4.
bad="fc_nosuchkey_${secret}"
got=0
printf '%s\n' "$bad" | "$cli" --base-url "$url" api-key validate >"$out" 2>"$err" || got=$?
[ "$got" -eq 4 ] || fail "validate of a bad key exited $got, expected 4"
stdout_has '^{"valid":false}$'
stderr_has "the API key is not valid"
if grep -q -- "$secret" "$out" "$err"; then fail "the validated key was printed"; fi
# Nothing on stdin.
got=0
"$cli" --base-url "$url" api-key validate </dev/null >"$out" 2>"$err" || got=$?
[ "$got" -eq 2 ] || fail "validate with an empty stdin exited $got, expected 2"
stderr_has "API key: nothing on stdin"
stdout_empty
# Usage errors.
run 2 api-key
stderr_has "subcommand"
run 2 api-key create --tenant acme
stderr_has "--name is required"
run 2 api-key list
stderr_has "--tenant is required"
run 2 api-key delete
stderr_has "ID is required"
run 2 api-key validate a b
stdout_empty
# Help: every verb, with examples and what it needs.
for verb in create list delete validate; do
  run 0 api-key "$verb" --help
  stdout_has "Examples:"
done
run 0 api-key create --help
stdout_has "once"
run 0 api-key validate --help
stdout_has "exit 4"
# The families are listed at the top level.
run 0 --help
for family in api-key secret variable; do stdout_has "^  $family "; done
