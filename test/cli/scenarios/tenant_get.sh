run 0 tenant get acme
stdout_has '"name":"acme"'
[ "$(wc -l <"$out")" -eq 1 ] || fail "json output is not one line"
run 0 -o table tenant get acme
stdout_has '^name  *acme$'
# Global options after the sub-command too.
run 0 tenant get acme --output table
stdout_has '^name  *acme$'
