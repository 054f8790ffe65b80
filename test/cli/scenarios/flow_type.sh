# flow-type list|get|create|update|delete, addressed by names or by id.
# stub flags: --delete-delay-ms 2000
# (A deletion takes 2 s, so that the `get` right after `--no-wait` still finds it under
# way on a loaded machine; the stub's default of 300 ms is shorter than a CLI start there.)
run 0 data-core create --tenant acme --name orders
run 0 flow-type create --tenant acme --data-core orders --name order --description "Orders"
stdout_has '"name":"order"'
stdout_has '"description":"Orders"'
id=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$out")
[ -n "$id" ] || fail "no id in the create output"
run 0 flow-type list --tenant acme --data-core orders
stdout_has "^\[{\"id\":\"$id\",.*\"name\":\"order\""
run 0 -o table flow-type list --tenant acme --data-core orders
stdout_has '^ID  *NAME  *DESCRIPTION$'
stdout_has "^$id  *order  *Orders$"
run 0 flow-type get "$id"
stdout_has "\"id\":\"$id\""
run 0 -o table flow-type get --tenant acme --data-core orders order
stdout_has "^id  *$id$"
stdout_has '^name  *order$'
run 0 flow-type update --tenant acme --data-core orders order --description "All orders"
stdout_has '"description":"All orders"'
run 0 flow-type update "$id" --description ""
stdout_has '"description":""'

# Not found: the flow type, its data core, its tenant.
run 3 flow-type get --tenant acme --data-core orders no-such-type
stdout_empty
run 3 flow-type get no-such-id
run 3 flow-type list --tenant acme --data-core no-such-core
run 3 flow-type create --tenant no-such-tenant --data-core orders --name x
run 3 flow-type update no-such-id --description x
run 3 flow-type delete --tenant acme --data-core orders no-such-type

# Usage.
run 2 flow-type list --tenant acme
stderr_has "--data-core is required"
run 2 flow-type list --data-core orders
stderr_has "--tenant is required"
run 2 flow-type get --tenant acme order
stderr_has "requires --data-core"
run 2 flow-type get --data-core orders order
stderr_has "requires --tenant"
run 2 flow-type update "$id"
stderr_has "--description is required"
run 2 flow-type create --tenant acme --data-core orders
stderr_has "--name is required"

# Delete: --no-wait returns while the deletion is under way; a waited one once it is gone.
run 0 flow-type create --tenant acme --data-core orders --name refund
id2=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$out")
run 0 flow-type delete "$id2" --no-wait
stdout_has "^{\"id\":\"$id2\",\"name\":\"refund\",\"deleted\":false,\"is_deleting\":true}$"
run 0 flow-type get "$id2"
stdout_has '"is_deleting":true'
run 0 flow-type delete --tenant acme --data-core orders order
stdout_has "^{\"id\":\"$id\",\"name\":\"order\",\"deleted\":true}$"
run 3 flow-type get "$id"
run 0 flow-type create --tenant acme --data-core orders --name audit
run 0 -o table flow-type delete --tenant acme --data-core orders audit
stdout_has '^deleted  *true$'

# A wait past --wait-timeout.
run 0 flow-type create --tenant acme --data-core orders --name slow
id3=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$out")
post_fault "{\"method\":\"GET\",\"path_prefix\":\"/api/v1/flow-types/$id3/exists\",\"delay_ms\":3000}"
run 6 flow-type delete "$id3" --wait-timeout 0.5
stdout_empty
stderr_has "still in progress"
run 2 flow-type delete "$id3" --no-wait --wait-timeout 1

for verb in list get create update delete; do
  run 0 flow-type "$verb" --help
  stdout_has "Examples:"
done
