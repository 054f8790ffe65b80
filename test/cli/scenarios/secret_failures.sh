# Secrets with an API key (a token is needed), and usage errors.
for args in "list --tenant acme" "get --tenant acme k" "delete --tenant acme k" \
            "create --tenant acme k v" "edit --tenant acme k --description d"; do
  # shellcheck disable=SC2086
  run 2 secret $args
  stdout_empty
  stderr_has "needs a bearer token"
done
unset FLOWCORE_API_KEY
export FLOWCORE_TOKEN="tok${secret}"
run 2 secret
stderr_has "subcommand"
run 2 secret create k
stderr_has "--tenant is required"
run 2 secret get --tenant acme
stderr_has "KEY is required"
run 2 secret edit --tenant acme k
stderr_has "nothing to change"
got=0
printf 'v\n' | "$cli" --base-url "$url" secret create --tenant acme k v --value-stdin >"$out" 2>"$err" || got=$?
[ "$got" -eq 2 ] || fail "a value and --value-stdin exited $got, expected 2"
stderr_has "not both"
got=0
"$cli" --base-url "$url" secret create --tenant acme k </dev/null >"$out" 2>"$err" || got=$?
[ "$got" -eq 2 ] || fail "an empty stdin exited $got, expected 2"
stderr_has "secret value: nothing on stdin"
for verb in list get create edit delete; do
  run 0 secret "$verb" --help
  stdout_has "Examples:"
done
run 0 secret get --help
stdout_has "never returns"
