#!/usr/bin/env bash
# Scale benchmark for `clearpath conflicts` and `clearpath level` (issue 5: under 10 s on the
# generated 1e5-step graph).
#
#   bench/conflicts_scale.sh [BUILD_DIR] [STEPS...]      (default: build-release 100000)
#
# For each size it generates, if missing, /tmp/clearpath-bench/steps-N.json with
# `clearpath generate --steps N --people N/5 --seed 42` (the models of the other scale
# benchmarks) and measures whole processes with /usr/bin/time -v, RUNS (default 3) times each,
# reports to /dev/null: `validate` (loading, the baseline), `path` (CPM), `conflicts --format
# json` (everything, levelling included) and `level --format json`. Prints a Markdown table of
# median wall seconds and peak RSS.
set -euo pipefail
shopt -s inherit_errexit

die() { echo "conflicts_scale.sh: $*" >&2; exit 1; }
BUILD_DIR=${1:-build-release}
if (($# > 0)); then shift; fi
SIZES=("$@")
((${#SIZES[@]} > 0)) || SIZES=(100000)
RUNS=${RUNS:-3}
OUT_DIR=${CLEARPATH_BENCH_DIR:-/tmp/clearpath-bench}
CLEARPATH=$BUILD_DIR/clearpath
[[ -x $CLEARPATH ]] || die "'$CLEARPATH' not found (build the clearpath_exe target in $BUILD_DIR)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (GNU time: apt-get install time)"
mkdir -p "$OUT_DIR"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
MAX_OK=1  # findings set exit status 1

echo "## clearpath conflicts at scale"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo); nproc: $(nproc)"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg); runs per command: $RUNS (median wall, peak RSS)"
echo
echo "| steps | file MB | validate s | path s | conflicts s | conflicts RSS MB | level s | levelled / CPM duration |"
echo "|---:|---:|---:|---:|---:|---:|---:|---|"
for n in "${SIZES[@]}"; do
  file=$OUT_DIR/steps-$n.json
  if [[ ! -s $file ]]; then
    echo "generating $file ..." >&2
    "$CLEARPATH" generate --steps "$n" --people "$((n / 5))" --seed 42 -o "$file"
  fi
  cat "$file" >/dev/null
  echo "measuring $n steps ..." >&2
  read -r validate _ <<<"$(bench "$CLEARPATH" validate "$file")"
  read -r path _ <<<"$(bench "$CLEARPATH" path "$file" --format json)"
  read -r conflicts rss <<<"$(bench "$CLEARPATH" conflicts "$file" --format json)"
  read -r level _ <<<"$(bench "$CLEARPATH" level "$file" --format json)"
  "$CLEARPATH" level "$file" --format json -o "$TMP/level.json"
  ratio=$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%.1f / %.1f" % (d["duration"], d["cpm_duration"]))' "$TMP/level.json")
  printf '| %d | %.1f | %.2f | %.2f | %.2f | %d | %.2f | %s |\n' "$n" "$(awk -v b="$(stat -c %s "$file")" 'BEGIN { print b / 1e6 }')" \
    "$validate" "$path" "$conflicts" "$((rss / 1000))" "$level" "$ratio"
done
