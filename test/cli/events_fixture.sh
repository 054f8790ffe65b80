# Sourced by the ingest and events scenarios (not a scenario itself: it lives outside
# scenarios/). Creates what ingestion needs: the data core `orders` of tenant acme (through
# the CLI), its flow type `order` and event types `created` and `shipped` (straight against
# the stub, as the CLI has no command for them here). Sets $core_id.

# api_post PATH JSON: a management API call to the stub; prints the answer's body.
api_post() {
  local host=${url#http://}
  local port=${host##*:}
  exec 4<>"/dev/tcp/127.0.0.1/$port"
  printf 'POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ApiKey cli:%s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "$1" "$secret" "${#2}" "$2" >&4
  local answer
  answer=$(cat <&4)
  exec 4>&-
  case "$answer" in
    "HTTP/1.1 20"*) ;;
    *) fail "POST $1 failed: ${answer%%$'\r'*}" ;;
  esac
  printf '%s\n' "${answer##*$'\r\n\r\n'}"
}

# The "id" of the JSON object on stdin.
json_id() { sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -n 1; }

run 0 data-core create --tenant acme --name orders
core_id=$(json_id <"$out")
[ -n "$core_id" ] || fail "no data core id"
flow_id=$(api_post /api/v1/flow-types "{\"dataCoreId\":\"$core_id\",\"name\":\"order\",\"description\":\"\"}" | json_id)
[ -n "$flow_id" ] || fail "no flow type id"
for type in created shipped; do
  type_id=$(api_post /api/v1/event-types "{\"flowTypeId\":\"$flow_id\",\"name\":\"$type\",\"description\":\"\"}" | json_id)
  [ -n "$type_id" ] || fail "no event type id for $type"
done

# The flags naming the destination, for both commands.
where=(--tenant acme --data-core orders --flow-type order)

# run_stdin STATUS FILE ARGS...: `run` with stdin from FILE.
run_stdin() {
  local want=$1 input=$2; shift 2
  local got=0
  "$cli" --base-url "$url" "$@" <"$input" >"$out" 2>"$err" || got=$?
  [ "$got" -eq "$want" ] || fail "flowcore-cli $* <$input exited $got, expected $want"
  if grep -q "$secret" "$out" "$err"; then fail "the API key's secret was printed"; fi
}
