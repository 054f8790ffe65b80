unset FLOWCORE_API_KEY
run 2 tenant get acme
stderr_has "no credentials"
stderr_has "FLOWCORE_API_KEY"
export FLOWCORE_API_KEY="fc_cli_${secret}" FLOWCORE_TOKEN="tok${secret}"
run 2 tenant get acme
stderr_has "both FLOWCORE_API_KEY and FLOWCORE_TOKEN"
# A token alone: bearer credentials.
unset FLOWCORE_API_KEY
run 0 tenant get acme
stdout_has '"name":"acme"'
# A malformed key is refused before anything is sent, as a usage error.
export FLOWCORE_API_KEY="not-a-key${secret}"
unset FLOWCORE_TOKEN
run 2 tenant get acme
stderr_has "invalid api key"
export FLOWCORE_TOKEN="tok${secret}"
# A flag wins over the environment.
run 0 --api-key "fc_cli_${secret}" tenant get acme
unset FLOWCORE_TOKEN
export FLOWCORE_API_KEY="fc_cli_${secret}"
# The debug log names requests, never the key.
run 0 -v tenant get acme
[ -s "$err" ] || fail "-v wrote no log"
