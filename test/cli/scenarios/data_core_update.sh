# data-core update by name and by id: description, access and delete protection.
run 0 data-core create --tenant acme --name orders
id=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$out")
[ -n "$id" ] || fail "no id in the create output"
run 0 data-core update --tenant acme orders --description "Web shop" --public --delete-protection
stdout_has "\"id\":\"$id\""
stdout_has '"description":"Web shop"'
stdout_has '"access_control":"public"'
stdout_has '"delete_protection":true'
run 0 -o table data-core update "$id" --private --no-delete-protection
stdout_has '^access_control  *private$'
stdout_has '^delete_protection  *false$'
stdout_has '^description  *Web shop$'
run 0 data-core update "$id" --description ""
stdout_has '"description":""'
# Not found, by name and by id.
run 3 data-core update --tenant acme no-such-core --public
stdout_empty
run 3 data-core update no-such-id --public
stdout_empty
# Usage: nothing to change, contradictions, no data core.
run 2 data-core update --tenant acme orders
stderr_has "nothing to update"
run 2 data-core update "$id" --public --private
stderr_has "excludes"
run 2 data-core update "$id" --delete-protection --no-delete-protection
run 2 data-core update --public
stderr_has "ID is required"
run 0 data-core update --help
for word in --description --public --private --delete-protection --no-delete-protection Examples; do
  stdout_has "$word"
done
