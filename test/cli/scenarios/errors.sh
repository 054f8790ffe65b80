# Each class of server failure has its own status. A fault serves one request.
post_fault '{"method":"GET","path_prefix":"/api/v1/tenants","status":401}'
run 4 --retries 0 tenant get acme
stdout_empty
stderr_has "401"
post_fault '{"method":"POST","path_prefix":"/api/v1/data-cores","status":409}'
run 5 data-core create --tenant acme --name orders
stderr_has "409"
post_fault '{"method":"GET","path_prefix":"/api/v1/tenants","status":500}'
run 5 --retries 0 tenant get acme
post_fault '{"method":"GET","path_prefix":"/api/v1/tenants","body":"not json"}'
run 7 tenant get acme
stdout_empty
