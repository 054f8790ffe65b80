run 0 --help
for word in tenant data-core --base-url --output --timeout --retries FLOWCORE_API_KEY; do
  stdout_has "$word"
done
run 0 data-core --help
for word in list get create Examples; do stdout_has "$word"; done
run 0 tenant --help
stdout_has get
run 0 data-core create --help
for word in --tenant --name --description; do stdout_has "$word"; done
