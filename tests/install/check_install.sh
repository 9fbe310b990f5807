#!/bin/sh
# check_install.sh BUILD WORK LIBDIR GENERATOR CXX FLAGS VERSION MODEL EXPECTED INVALID
# Installs the build BUILD into WORK/prefix, checks what is installed (also the man page and
# the shell completions), then builds this directory's consumer against it three ways:
# find_package with clearpath::clearpath (shared) and clearpath::clearpath_static, and
# pkg-config. Each must print EXPECTED for MODEL, and exit with status 1 and print nothing for
# the INVALID model. FLAGS go to the consumer's compiler and linker (the sanitizers, when the
# library was built with them).
set -eu
build=$1 work=$2 libdir=$3 generator=$4 cxx=$5 flags=$6 version=$7 model=$8 expected=$9 invalid=${10}
here=$(cd "$(dirname "$0")" && pwd)
prefix=$work/prefix
fail() { echo "check_install: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install failed"; }

# The files a consumer needs, and the public headers exactly (synthetic.hpp and cli.hpp are not).
lib=$prefix/$libdir
for f in "$lib/libclearpath.a" "$lib/libclearpath.so" "$lib/cmake/clearpath/clearpathConfig.cmake" \
         "$lib/cmake/clearpath/clearpathConfigVersion.cmake" "$lib/cmake/clearpath/clearpathTargets.cmake" \
         "$lib/pkgconfig/clearpath.pc" "$prefix/include/clearpath/clearpath.hpp" "$prefix/bin/clearpath"; do
  [ -e "$f" ] || fail "not installed: $f"
done
(cd "$here/../../include/clearpath" && ls) >"$work/headers.expected"
(cd "$prefix/include/clearpath" && ls) >"$work/headers.installed"
cmp -s "$work/headers.expected" "$work/headers.installed" || fail "installed headers differ from include/clearpath"
# The man page and the completions (cmake/CliDocs.cmake), as the installed clearpath writes them.
for f in "man/man1/clearpath.1|man" "bash-completion/completions/clearpath|completion bash" \
         "zsh/site-functions/_clearpath|completion zsh" "fish/vendor_completions.d/clearpath.fish|completion fish"; do
  file=$prefix/share/${f%%|*}
  [ -e "$file" ] || fail "not installed: $file"
  # shellcheck disable=SC2086  # the arguments are words
  "$prefix/bin/clearpath" ${f#*|} -o "$work/cli-doc" || fail "clearpath ${f#*|} failed"
  cmp -s "$file" "$work/cli-doc" || fail "$file is not what clearpath ${f#*|} writes"
done

soname=$(objdump -p "$lib/libclearpath.so" | awk '$1 == "SONAME" { print $2 }')
case $soname in libclearpath.so.[0-9]*) ;; *) fail "soname of libclearpath.so is '$soname'";; esac
[ -e "$lib/$soname" ] || fail "no $soname next to libclearpath.so"

check_output() {  # check_output NAME COMMAND...
  name=$1; shift
  out=$("$@" "$model") || fail "$name: exit status $?"
  [ "$out" = "$expected" ] || fail "$name printed '$out', expected '$expected'"
  status=0
  out=$("$@" "$invalid") || status=$?
  [ "$status" = 1 ] && [ -z "$out" ] || fail "$name on $invalid: exit status $status, printed '$out'"
  echo "check_install: $name: $expected"
}

# find_package(clearpath), as docs/library.md shows it.
cmake -S "$here" -B "$work/consumer" -G "$generator" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_PREFIX_PATH="$prefix" >"$work/consumer.log" 2>&1 \
  || { cat "$work/consumer.log"; fail "configuring the consumer failed"; }
cmake --build "$work/consumer" >>"$work/consumer.log" 2>&1 || { cat "$work/consumer.log"; fail "building the consumer failed"; }
check_output "find_package, shared" "$work/consumer/consumer"
check_output "find_package, static" "$work/consumer/consumer_static"
ldd "$work/consumer/consumer" | grep -q "$soname => $lib/" || fail "consumer does not load $lib/$soname"
if ldd "$work/consumer/consumer_static" | grep -q libclearpath; then fail "consumer_static loads libclearpath.so"; fi

# pkg-config, as docs/library.md shows it.
export PKG_CONFIG_PATH=$lib/pkgconfig
[ "$(pkg-config --modversion clearpath)" = "$version" ] || fail "clearpath.pc: version $(pkg-config --modversion clearpath)"
# shellcheck disable=SC2046,SC2086  # the flags are words
"$cxx" -std=c++20 $flags "$here/main.cpp" -o "$work/consumer_pc" $(pkg-config --cflags --libs clearpath) \
  || fail "building the consumer with pkg-config failed"
check_output "pkg-config, shared" env LD_LIBRARY_PATH="$lib" "$work/consumer_pc"
