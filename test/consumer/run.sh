#!/usr/bin/env bash
# run.sh BUILD_DIR SOURCE_DIR CXX_FLAGS [MODE]: builds test/consumer against flowcore as a
# user gets it, runs it, and fails on any warning from CMake or the compiler.
#   MODE install (default): `cmake --install` into a scratch prefix, then find_package;
#   MODE deb: the Debian package (cpack) unpacked into a scratch root, then find_package;
#   MODE pkg-config: `cmake --install` into a scratch prefix, then a plain compiler command
#   with `pkg-config --cflags --libs flowcore`.
set -euo pipefail
build=$1 source=$2 flags=${3:-} mode=${4:-install}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a command; its output must not mention a warning.
quiet() {
  local out
  out=$("$@" 2>&1) || { echo "$out"; echo "run.sh: failed: $*" >&2; return 1; }
  if grep -qi "warning" <<<"$out"; then
    echo "$out"
    echo "run.sh: warnings from: $*" >&2
    return 1
  fi
}

case "$mode" in
  install | pkg-config)
    cmake --install "$build" --prefix "$work/prefix" >/dev/null
    prefix=$work/prefix
    ;;
  deb)
    (cd "$build" && cpack -G DEB -B "$work/package" >/dev/null)
    deb=$(ls "$work"/package/*.deb)
    dpkg-deb -x "$deb" "$work/root"
    prefix=$work/root/usr
    # What the package holds: the library, the stub and its program, both CMake packages'
    # files and the pkg-config file.
    for f in include/flowcore/flowcore.hpp include/flowcore/version.hpp \
             include/flowcore/stub/server.hpp bin/flowcore-stub; do
      [ -e "$prefix/$f" ] || { echo "run.sh: $deb lacks /usr/$f" >&2; exit 1; }
    done
    if [ -e "$build/bin/flowcore-cli" ] && [ ! -e "$prefix/bin/flowcore-cli" ]; then
      echo "run.sh: $deb lacks /usr/bin/flowcore-cli" >&2
      exit 1
    fi
    ;;
  *) echo "run.sh: unknown mode $mode" >&2; exit 2 ;;
esac

if [ "$mode" = pkg-config ]; then
  pc=$(dirname "$(find "$prefix" -name flowcore.pc)")
  export PKG_CONFIG_PATH=$pc
  # shellcheck disable=SC2046 # word splitting of the flags is intended
  quiet c++ -std=c++20 $flags "$source/test/consumer/main.cpp" -o "$work/consumer" \
    $(pkg-config --cflags --libs flowcore)
  "$work/consumer"
  exit 0
fi

quiet cmake -S "$source/test/consumer" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS="$flags"
quiet cmake --build "$work/build"
"$work/build/consumer"
"$work/build/stub_user"
"$prefix/bin/flowcore-stub" --help >/dev/null
# The command-line program, when this build has it (FLOWCORE_BUILD_CLI).
if [ -e "$build/bin/flowcore-cli" ]; then
  "$prefix/bin/flowcore-cli" --help >/dev/null
fi
