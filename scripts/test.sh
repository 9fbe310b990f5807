#!/usr/bin/env bash
# Set up, build, and run the whole test suite twice: plain (Release) and under
# AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"

"$root/scripts/build.sh" build-release -DCMAKE_BUILD_TYPE=Release
(cd "$root/build-release" && ctest --output-on-failure -j "$(nproc)")
# clang-tidy on the C++ files the last commit changed (about 15 s of CPU each; at most 40).
"$root/scripts/tidy.sh" -j "$(nproc)" --build "$root/build-release" --max 40

"$root/scripts/build.sh" build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLEARPATH_SANITIZE=ON
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Graphviz 2.42 and the libraries under it lose memory of their own; see the file.
export LSAN_OPTIONS=suppressions=$root/tests/lsan-graphviz.supp:print_suppressions=0
(cd "$root/build-asan" && ctest --output-on-failure -j "$(nproc)")
# The fuzz targets' seeds, corpus and past crashes were replayed in both suites above
# (fuzz_replay_*); with clang (scripts/setup.sh installs it), a short libFuzzer round of each too.
if command -v clang++-14 >/dev/null || command -v clang++ >/dev/null; then
  CLEARPATH_FUZZ_SEED=1 "$root/scripts/fuzz.sh" 20
fi
