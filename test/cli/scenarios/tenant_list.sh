# tenant list: the seeded tenant, as JSON and as a table; refused credentials exit 4.
run 0 tenant list
stdout_has '^\[{"id":"[^"]*","name":"acme"'
stdout_has '"permissions":\['
run 0 -o table tenant list
stdout_has '^ID  *NAME  *DISPLAY NAME  *DEDICATED$'
stdout_has '^[^ ]*  *acme  .*false$'
post_fault '{"method":"GET","path_prefix":"/api/v1/tenants/list","status":401}'
run 4 --retries 0 tenant list
stdout_empty
stderr_has "401"
run 2 tenant list acme
stderr_has "acme"
run 0 tenant list --help
stdout_has "Examples:"
