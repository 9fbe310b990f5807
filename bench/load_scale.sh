#!/usr/bin/env bash
# Loading benchmark of issue 15 on the generated 1e6-step model (`generate --steps 1000000
# --seed 42`, 202.7 MB): clearpath against simdjson On-Demand visiting every value of the
# same file (bench/ondemand_walk.cpp, the floor for any loader), and against an older
# clearpath when BASE names its binary.
#
#   bench/load_scale.sh [BUILD_DIR] [STEPS]     (default: build-release 1000000)
#   BASE=/path/to/old/clearpath bench/load_scale.sh
#
# Whole processes under /usr/bin/time -v, RUNS (default 3) times each; prints a Markdown
# table of median wall seconds, MB/s (file size / median wall), peak RSS and its ratio to the
# file size, and each row's time over On-Demand's. Rows: the On-Demand walk, `validate`,
# `path`, and `validate` of the file cut at 75 % (rejected, exit status 2).
set -euo pipefail

die() { echo "load_scale.sh: $*" >&2; exit 1; }
BUILD_DIR=${1:-build-release}
STEPS=${2:-1000000}
RUNS=${RUNS:-3}
OUT_DIR=${CLEARPATH_BENCH_DIR:-/tmp/clearpath-bench}
CLEARPATH=$BUILD_DIR/clearpath
WALK=$BUILD_DIR/ondemand_walk
[[ -x $CLEARPATH ]] || die "'$CLEARPATH' not found (build the clearpath_exe target in $BUILD_DIR)"
[[ -x $WALK ]] || die "'$WALK' not found (build the ondemand_walk target; it needs CLEARPATH_BUILD_BENCH=ON)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (GNU time: apt-get install time)"
mkdir -p "$OUT_DIR"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

file=$OUT_DIR/steps-$STEPS.json
[[ -s $file ]] || "$CLEARPATH" generate --steps "$STEPS" --people $((STEPS / 5)) --seed 42 -o "$file"
cut=$OUT_DIR/steps-$STEPS-cut.json
size=$(stat -c %s "$file")
head -c $((size * 3 / 4)) "$file" >"$cut"
mb=$(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1e6 }')

echo "| what | median s | MB/s | peak MB | peak / file | / On-Demand |"
echo "| --- | --- | --- | --- | --- | --- |"
walk_s=
row() {  # row LABEL MAX_OK CMD...
  local label=$1 out wall rss
  MAX_OK=$2
  shift 2
  echo "load_scale.sh: $label ..." >&2
  out=$(bench "$@")
  read -r wall rss <<<"$out"
  [[ -n $walk_s ]] || walk_s=$wall
  awk -v l="$label" -v w="$wall" -v r="$rss" -v s="$size" -v base="$walk_s" 'BEGIN {
    printf "| %s | %.2f | %.0f | %.0f | %.2f | %.2f |\n", l, w, s / 1e6 / w, r * 1024 / 1e6, r * 1024 / s, w / base }'
}
row "simdjson On-Demand, every value ($mb MB)" 0 "$WALK" "$file"
row "clearpath validate" 0 "$CLEARPATH" validate "$file"
row "clearpath path" 1 "$CLEARPATH" path "$file"
row "clearpath validate, file cut at 75 %" 2 "$CLEARPATH" validate "$cut"
if [[ -n ${BASE:-} ]]; then
  row "older clearpath validate ($BASE)" 0 "$BASE" validate "$file"
  row "older clearpath path" 1 "$BASE" path "$file"
  row "older clearpath validate, file cut at 75 %" 2 "$BASE" validate "$cut"
fi
