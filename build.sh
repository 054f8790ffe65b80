#!/usr/bin/env bash
# build.sh demo | test | bench | package | mutants | docs
#   demo: build the release preset, start flowcore-stub on a free port, run the examples
#         (quickstart, lifecycle, notifications, tail, producer, errors, retry, bearer,
#         logger, read_events) against it, stop the stub.
#   test: build the test preset (AddressSanitizer + UBSan) and run the whole suite with ctest,
#         then build the tsan preset (ThreadSanitizer) and run the integration suites again.
#         Also needs doxygen (the docs.api_reference test fails on any warning) and python3
#         (docs.links checks the Markdown links).
#   bench: build the release preset and run every benchmark (bench/all.sh), client and stub
#         on separate cores; the results go into BENCHMARKS.md. Also needs strace.
#   package: build the release preset and make the Debian package (libflowcore-dev) in
#         build/release/package/: headers, the static library, the stub library and
#         flowcore-stub, the CMake package and the pkg-config file.
#   mutants [NAME ...]: plant each hand-written mutant of tools/mutants/ in turn (or those
#         whose names contain a NAME), rebuild the mutants preset and run the suites; prints
#         which were killed and which survived (tools/mutants/README.md). Not run by CI.
#   docs: the API reference, generated from the public headers by doxygen (docs/Doxyfile),
#         in build/docs/html/. Needs only doxygen; fails on any warning.
# Missing Debian packages are installed when run as root; otherwise the one apt-get line to
# run is printed. A second run does no extra work: packages are checked with dpkg, the
# build tree is configured once and rebuilt incrementally.
set -euo pipefail
cd "$(dirname "$0")"

packages=(g++ cmake ninja-build pkg-config ca-certificates libssl-dev
          libboost1.81-dev libboost-json1.81-dev libboost-test1.81-dev libboost-url1.81-dev
          libcli11-dev)

ensure_packages() {
  local missing=() p
  for p in "${packages[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "build.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "build.sh: missing packages; run:"
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
  fi
}

build_preset() {
  local preset=$1
  # Configure once; ninja re-runs CMake by itself when a CMakeLists.txt changes.
  [ -f "build/$preset/build.ninja" ] || cmake --preset "$preset"
  cmake --build --preset "$preset"
}

run_demo() {
  build_preset release
  local bin=build/release/bin url=
  # Globals, not locals: the EXIT trap runs after this function has returned.
  stub_log=$(mktemp)
  "$bin/flowcore-stub" --port 0 >"$stub_log" 2>&1 &
  stub_pid=$!
  trap 'kill "$stub_pid" 2>/dev/null || true; wait "$stub_pid" 2>/dev/null || true; rm -f "$stub_log"' EXIT
  for _ in $(seq 1 100); do
    url=$(sed -n 's/^listening on \(http[^ ]*\).*/\1/p' "$stub_log" | head -n 1)
    [ -n "$url" ] && break
    kill -0 "$stub_pid" 2>/dev/null || { cat "$stub_log"; echo "build.sh: flowcore-stub exited"; exit 1; }
    sleep 0.1
  done
  [ -n "$url" ] || { echo "build.sh: flowcore-stub did not start"; exit 1; }
  echo "build.sh: stub at $url"
  for example in quickstart lifecycle notifications tail producer errors retry bearer logger read_events http_server; do
    echo "== $example"
    "$bin/$example" "$url"
  done
}

run_docs() {
  local out=build/docs
  rm -rf "$out/html"  # no pages left over from a removed class
  mkdir -p "$out"
  FLOWCORE_DOCS_OUT="$out" doxygen docs/Doxyfile
  echo "build.sh: API reference in $out/html/index.html"
}

run_tests() {
  build_preset test
  ctest --preset test
  # ThreadSanitizer cannot share a build with ASan: its own tree, integration tests only.
  build_preset tsan
  # GCC 12's TSan runtime expects the address layout of at most 28 random mmap bits and
  # aborts with "unexpected memory mapping" on kernels that use more; run without address
  # randomisation there. Only there: containers often forbid that personality flag.
  local launcher=()
  if [ "$(cat /proc/sys/vm/mmap_rnd_bits 2>/dev/null || echo 0)" -gt 28 ]; then
    launcher=(setarch "$(uname -m)" -R)
  fi
  "${launcher[@]}" ctest --preset tsan
}

case "${1:-}" in
  demo) ensure_packages; run_demo ;;
  test) ensure_packages doxygen python3; run_tests ;;
  bench) ensure_packages strace; build_preset release; bench/all.sh ;;
  package)
    ensure_packages
    build_preset release
    (cd build/release && cpack -G DEB)
    ls build/release/package/*.deb
    ;;
  mutants) ensure_packages; tools/mutants/run "${@:2}" ;;
  # Only doxygen: the API reference needs no compiler or library.
  docs) packages=(); ensure_packages doxygen; run_docs ;;
  *) echo "usage: $0 demo|test|bench|package|mutants|docs" >&2; exit 2 ;;
esac
