#!/usr/bin/env bash
# build.sh DIR [cmake options...]: configure once, then build incrementally.
# BUILD_TARGET=name builds one target only (default: all).
set -euo pipefail
dir=$1; shift
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$root/$dir/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$root/$dir" "$@" >/dev/null
fi
cmake --build "$root/$dir" -j "$(nproc)" ${BUILD_TARGET:+--target "$BUILD_TARGET"}
