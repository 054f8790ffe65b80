# event-type list|get|create|update|delete|truncate, addressed by names or by id.
# stub flags: --delete-delay-ms 2000
# (A deletion takes 2 s, so that the `get` right after `--no-wait` still finds it under
# way on a loaded machine; the stub's default of 300 ms is shorter than a CLI start there.)
run 0 data-core create --tenant acme --name orders
run 0 flow-type create --tenant acme --data-core orders --name order
parent=(--tenant acme --data-core orders --flow-type order)
run 0 event-type create "${parent[@]}" --name created --description "An order was placed"
stdout_has '"name":"created"'
stdout_has '"updated_at":null'
id=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$out")
[ -n "$id" ] || fail "no id in the create output"
run 0 event-type list "${parent[@]}"
stdout_has "^\[{\"id\":\"$id\",.*\"name\":\"created\""
run 0 -o table event-type list "${parent[@]}"
stdout_has '^ID  *NAME  *DESCRIPTION$'
stdout_has "^$id  *created  *An order was placed$"
run 0 event-type get "$id"
stdout_has "\"id\":\"$id\""
run 0 -o table event-type get "${parent[@]}" created
stdout_has "^id  *$id$"
stdout_has '^is_truncating  *false$'
run 0 event-type update "${parent[@]}" created --description "Placed"
stdout_has '"description":"Placed"'
run 0 event-type update "$id" --sensitive-data-key customerId \
  --sensitive-data-schema '{"email":"string"}' --sensitive-data
stdout_has '"sensitive_data_mask":{"key":"customerId","schema":{"email":"string"}}'
stdout_has '"sensitive_data_enabled":true'
run 0 event-type create "${parent[@]}" --name shipped --sensitive-data-key customerId \
  --sensitive-data-schema '{"name":true}'
stdout_has '"schema":{"name":true}'

# Not found: the event type, its flow type, its data core.
run 3 event-type get "${parent[@]}" no-such-type
stdout_empty
run 3 event-type get no-such-id
run 3 event-type list --tenant acme --data-core orders --flow-type no-such-flow
run 3 event-type list --tenant acme --data-core no-such-core --flow-type order
run 3 event-type truncate no-such-id
run 3 event-type delete "${parent[@]}" no-such-type

# Usage.
run 2 event-type list --tenant acme --data-core orders
stderr_has "--flow-type is required"
run 2 event-type list --tenant acme --flow-type order
stderr_has "--data-core is required"
run 2 event-type list --data-core orders --flow-type order
stderr_has "--tenant is required"
run 2 event-type get --tenant acme --data-core orders created
stderr_has "requires --flow-type"
run 2 event-type update "$id"
stderr_has "nothing to update"
run 2 event-type update "$id" --sensitive-data-key customerId
stderr_has "requires --sensitive-data-schema"
run 2 event-type update "$id" --sensitive-data-key customerId --sensitive-data-schema '[1]'
stderr_has "schema"
run 2 event-type update "$id" --sensitive-data --no-sensitive-data
run 2 event-type truncate "$id" --no-wait --wait-timeout 1

# Truncate: --no-wait returns while it is under way (the stub takes 1.5 s); a waited one
# returns when it has finished; a wait past --wait-timeout exits 6.
run 0 event-type truncate "$id" --no-wait
stdout_has "^{\"id\":\"$id\",\"name\":\"created\",\"truncated\":false,\"is_truncating\":true}$"
run 0 event-type get "$id"
stdout_has '"is_truncating":true'
run 6 event-type truncate "$id" --wait-timeout 0.3
stderr_has "still in progress"
run 0 event-type truncate "${parent[@]}" created
stdout_has "^{\"id\":\"$id\",\"name\":\"created\",\"truncated\":true}$"
[ ! -s "$err" ] || fail "stderr is not empty"
run 0 event-type get "$id"
stdout_has '"is_truncating":false'

# On a terminal the wait shows a status line after a second.
script -qec "$cli --base-url $url -o json event-type truncate $id" /dev/null >"$out" 2>&1 ||
  fail "truncate on a terminal failed"
stdout_has "waiting for the truncation"
stdout_has "\"truncated\":true"

# Delete.
run 0 event-type delete "$id" --no-wait
stdout_has "^{\"id\":\"$id\",\"name\":\"created\",\"deleted\":false,\"is_deleting\":true}$"
run 0 event-type get "$id"
stdout_has '"is_deleting":true'
run 0 -o table event-type delete "${parent[@]}" shipped
stdout_has '^name  *shipped$'
stdout_has '^deleted  *true$'
run 3 event-type get "${parent[@]}" shipped
run 0 event-type create "${parent[@]}" --name slow
id3=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$out")
post_fault "{\"method\":\"GET\",\"path_prefix\":\"/api/v1/event-types/$id3/exists\",\"delay_ms\":3000}"
run 6 event-type delete "$id3" --wait-timeout 0.5
stdout_empty

for verb in list get create update delete truncate; do
  run 0 event-type "$verb" --help
  stdout_has "Examples:"
done
