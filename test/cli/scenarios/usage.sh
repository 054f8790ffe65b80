run 2
stderr_has "subcommand"
run 2 tenant get
stderr_has "NAME is required"
run 2 --output xml tenant get acme
stderr_has "--output: xml not in"
run 2 frobnicate
run 2 data-core create --tenant acme
stderr_has "--name is required"
run 2 --timeout -1 tenant get acme
stderr_has "not a number of seconds"
run 2 --timeout 1e300 tenant get acme
stdout_empty
