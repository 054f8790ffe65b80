#!/usr/bin/env bash
# Regenerates the TLS test material used by the integration tests and the stub (peer,
# host-name and SNI checks: docs/protocol.md section 8.1). Run from anywhere; writes next
# to this script. Needs the openssl CLI.
#
#   ca.pem, ca.key                 a test CA, trusted by tests through client_options::ca_file
#   localhost.pem, localhost.key   server certificate signed by that CA, SAN DNS:localhost only;
#                                  deliberately no IP:127.0.0.1, so dialling https://127.0.0.1
#                                  must fail host-name verification
#   untrusted.pem, untrusted.key   self-signed certificate for localhost, trusted by no one
#
# Validity is 36500 days so the checked-in files never expire under the tests. EC P-256
# keeps handshakes cheap under the sanitizers.
set -euo pipefail
cd "$(dirname "$0")"

days=36500
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

new_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; }

# The CA.
new_key ca.key
openssl req -x509 -new -key ca.key -sha256 -days "$days" -subj "/CN=flowcore test CA" \
  -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -addext "subjectKeyIdentifier=hash" \
  -out ca.pem

# The localhost server certificate, signed by the CA.
new_key localhost.key
openssl req -new -key localhost.key -subj "/CN=localhost" -out "$work/localhost.csr"
cat > "$work/localhost.ext" <<'EXT'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid,issuer
EXT
openssl x509 -req -in "$work/localhost.csr" -CA ca.pem -CAkey ca.key -CAcreateserial \
  -CAserial "$work/ca.srl" -sha256 -days "$days" -extfile "$work/localhost.ext" \
  -out localhost.pem

# A self-signed localhost certificate that no test trusts.
new_key untrusted.key
openssl req -x509 -new -key untrusted.key -sha256 -days "$days" -subj "/CN=localhost" \
  -addext "basicConstraints=critical,CA:FALSE" \
  -addext "keyUsage=critical,digitalSignature" \
  -addext "extendedKeyUsage=serverAuth" \
  -addext "subjectAltName=DNS:localhost" \
  -out untrusted.pem

chmod 644 ./*.pem ./*.key
openssl verify -CAfile ca.pem localhost.pem
