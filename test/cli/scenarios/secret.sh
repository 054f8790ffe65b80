# Secrets: every verb with a token; the value goes in from stdin and never comes out, not
# even in the -v log.
unset FLOWCORE_API_KEY
export FLOWCORE_TOKEN="tok${secret}"
value="s3cr3t-VALUE-$$"
# stdin_run STATUS INPUT ARGS...: run with INPUT on stdin; checks the value never shows.
stdin_run() {
  local want=$1 input=$2; shift 2
  local got=0
  printf '%s\n' "$input" | "$cli" --base-url "$url" "$@" >"$out" 2>"$err" || got=$?
  [ "$got" -eq "$want" ] || fail "flowcore-cli $* exited $got, expected $want"
  if grep -q -- "$value" "$out" "$err"; then fail "the secret value was printed"; fi
  if grep -q -- "$secret" "$out" "$err"; then fail "the token was printed"; fi
}
stdin_run 0 "$value" -v secret create --tenant acme db-password --description "Main DB"
stdout_has '"key":"db-password"'
stdout_has '"description":"Main DB"'
stdout_has '"updated_at":null'
[ -s "$err" ] || fail "-v wrote no log"
# - and --value-stdin read stdin too; a taken key is a conflict.
stdin_run 0 "$value" secret create --tenant acme api-token -
stdin_run 0 "$value" secret create --tenant acme other --value-stdin
stdin_run 5 "$value" secret create --tenant acme db-password
stderr_has "409"
# An argument works too (discouraged in the help: it shows in ps).
run 0 secret create --tenant acme from-arg plain-value
stdout_has '"key":"from-arg"'

run 0 secret list --tenant acme
stdout_has '^\[.*"key":"db-password"'
run 0 -o table secret list --tenant acme
stdout_has '^KEY  *CREATED  *UPDATED  *DESCRIPTION$'
stdout_has '^db-password  *[0-9T:.Z-]*  *Main DB$'
if grep -q -- plain-value "$out"; then fail "list printed a value"; fi
run 0 secret get --tenant acme db-password
stdout_has '"key":"db-password"'
if grep -q '"value"' "$out"; then fail "get printed a value field"; fi

stdin_run 0 "$value-2" -v secret edit --tenant acme db-password --value-stdin
stdout_has '"updated_at":"'
run 0 secret edit --tenant acme db-password --description "Replica"
stdout_has '"description":"Replica"'

run 0 secret delete --tenant acme db-password
stdout_has '{"key":"db-password","deleted":true}'
run 3 secret get --tenant acme db-password
stdout_empty
run 3 secret delete --tenant acme db-password
run 3 secret edit --tenant acme db-password --description x
run 3 secret list --tenant no-such-tenant
stdout_empty
