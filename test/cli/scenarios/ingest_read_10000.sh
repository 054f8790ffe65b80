# The round trip: 10,000 NDJSON events piped into `ingest`, then `events read` gives back
# all of them, in order, with their payloads, across pages.
source "$here/fixture.sh"
input=$(mktemp)
payloads=$(mktemp)
trap 'rm -f "$input" "$payloads"; cleanup' EXIT

seq 1 10000 | sed 's/.*/{"n":&,"text":"event number &","nested":{"even":[&,"\\u00e9"]}}/' >"$input"
# Payloads come back as the library's JSON serializer writes them: \u00e9 as UTF-8.
sed 's/\\u00e9/é/' "$input" >"$payloads"

start=$(date +%s%N)
cat "$input" | "$cli" --base-url "$url" ingest "${where[@]}" --event-type created >"$out" 2>"$err" ||
  fail "ingest exited $?"
[ "$(cat "$out")" = '{"ingested":10000}' ] || fail "ingest summary: $(cat "$out")"
ingested=$(date +%s%N)

run 0 events read "${where[@]}" --event-type created --page-size 1000
read_done=$(date +%s%N)
[ "$(wc -l <"$out")" -eq 10000 ] || fail "read $(wc -l <"$out") events, expected 10000"
sed 's/.*"payload":\(.*\)}$/\1/' "$out" | diff -q - "$payloads" >/dev/null ||
  fail "payloads differ from the input (or are out of order)"
[ "$(cut -d, -f1 "$out" | sort -u | wc -l)" -eq 10000 ] || fail "event ids are not unique"
echo "ingest_read_10000: ingest $(( (ingested - start) / 1000000 )) ms," \
  "read $(( (read_done - ingested) / 1000000 )) ms" >&2
