run 0 data-core create --tenant acme --name orders --description "Web shop"
stdout_has '"name":"orders"'
stdout_has '"description":"Web shop"'
id=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$out")
[ -n "$id" ] || fail "no id in the create output"
run 0 data-core list --tenant acme
stdout_has '^\[.*"name":"orders"'
run 0 -o table data-core list --tenant acme
stdout_has '^ID  *NAME  *ACCESS  *DESCRIPTION$'
stdout_has "^$id  *orders  *private  *Web shop$"
run 0 data-core get "$id"
stdout_has "\"id\":\"$id\""
run 0 data-core get --tenant acme orders
stdout_has "\"id\":\"$id\""
