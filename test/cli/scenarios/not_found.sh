run 3 tenant get no-such-tenant
stdout_empty
stderr_has "not found"
run 3 data-core get no-such-id
stdout_empty
