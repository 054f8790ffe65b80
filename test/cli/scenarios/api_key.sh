# API keys: create (the full key, once), list (masked), validate, delete. All but validate
# need a bearer token.
unset FLOWCORE_API_KEY
export FLOWCORE_TOKEN="tok${secret}"
run 0 api-key create --tenant acme --name ci --description "CI runner"
stdout_has '"name":"ci"'
stdout_has '"description":"CI runner"'
stdout_has '"api_key":"fc_'
new_key=$(sed -n 's/.*"api_key":"\([^"]*\)".*/\1/p' "$out")
id=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$out")
[ -n "$new_key" ] && [ -n "$id" ] || fail "no key or id in the create output"
# The table shows the key too (it is the point of the command), and says to save it.
run 0 -o table api-key create --tenant acme --name ci2
stdout_has '^api_key  *fc_'
stderr_has "not shown again"
# A taken name: 409.
run 5 api-key create --tenant acme --name ci
stderr_has "409"

run 0 api-key list --tenant acme
stdout_has "^\[.*\"id\":\"$id\""
stdout_has '"masked_api_key"'
if grep -q -- "$new_key" "$out"; then fail "list printed a full key"; fi
run 0 -o table api-key list --tenant acme
stdout_has '^ID  *NAME  *KEY  *CREATED  *LAST_USED  *DESCRIPTION$'
stdout_has "^$id  *ci  *"
run 3 api-key list --tenant no-such-tenant
stdout_empty

# validate: from stdin (nothing, or -), then as an argument; valid, then for a tenant.
got=0
printf '%s\n' "$new_key" | "$cli" --base-url "$url" api-key validate >"$out" 2>"$err" || got=$?
[ "$got" -eq 0 ] || fail "validate from stdin exited $got"
stdout_has "\"valid\":true,\"api_key_id\":\"$id\""
if grep -q -- "$new_key" "$out" "$err"; then fail "validate printed the key"; fi
got=0
printf '%s\n' "$new_key" | "$cli" --base-url "$url" api-key validate - --tenant acme >"$out" 2>"$err" || got=$?
[ "$got" -eq 0 ] || fail "validate - --tenant exited $got"
stdout_has '"valid":true'
run 0 api-key validate "$new_key"
stdout_has '"valid":true'

# delete by id, then by name with --tenant; a deleted key no longer validates.
run 0 api-key delete "$id"
stdout_has "{\"id\":\"$id\",\"deleted\":true}"
run 4 api-key validate "$new_key"
stdout_has '^{"valid":false}$'
stderr_has "not valid"
run 3 api-key delete "$id"
stdout_empty
run 0 -o table api-key delete --tenant acme ci2
stdout_has '^deleted  *true$'
run 3 api-key delete --tenant acme ci2
stderr_has "no API key named 'ci2'"
