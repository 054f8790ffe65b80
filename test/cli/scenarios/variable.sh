# Variables: every verb with a token, values shown; not found; an API key refused.
unset FLOWCORE_API_KEY
export FLOWCORE_TOKEN="tok${secret}"
run 0 variable create --tenant acme region eu-west-1 --description "AWS region"
stdout_has '"key":"region"'
stdout_has '"value":"eu-west-1"'
stdout_has '"description":"AWS region"'
run 5 variable create --tenant acme region eu-west-2
stderr_has "409"
# - reads stdin, all of it (less the final newline).
got=0
printf 'a: 1\nb: 2\n' | "$cli" --base-url "$url" variable create --tenant acme config - >"$out" 2>"$err" || got=$?
[ "$got" -eq 0 ] || fail "create from stdin exited $got"
stdout_has '"value":"a: 1\\nb: 2"'

run 0 variable list --tenant acme
stdout_has '^\[.*"key":"region"'
run 0 -o table variable list --tenant acme
stdout_has '^KEY  *VALUE  *CREATED  *UPDATED  *DESCRIPTION$'
stdout_has '^region  *eu-west-1  *'
run 0 variable get --tenant acme region
stdout_has '"value":"eu-west-1"'
run 0 variable edit --tenant acme region eu-central-1
stdout_has '"value":"eu-central-1"'
stdout_has '"description":"AWS region"'
run 0 variable edit --tenant acme region --description "Region"
stdout_has '"value":"eu-central-1"'
stdout_has '"description":"Region"'
run 0 variable delete --tenant acme region
stdout_has '{"key":"region","deleted":true}'
run 3 variable get --tenant acme region
stdout_empty
run 3 variable delete --tenant acme region
run 3 variable list --tenant no-such-tenant

# Usage errors.
run 2 variable
stderr_has "subcommand"
run 2 variable create --tenant acme region
stderr_has "VALUE is required"
run 2 variable edit --tenant acme region
stderr_has "nothing to change"
for verb in list get create edit delete; do
  run 0 variable "$verb" --help
  stdout_has "Examples:"
done

# An API key cannot manage variables.
unset FLOWCORE_TOKEN
export FLOWCORE_API_KEY="fc_cli_${secret}"
run 2 variable list --tenant acme
stderr_has "needs a bearer token"
