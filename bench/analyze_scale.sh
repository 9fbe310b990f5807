#!/usr/bin/env bash
# Scale benchmark for `clearpath analyze` (issue 7): the generated 1e5-step graph analysed with
# every diagram drawn (collapsed to the default budget of 300 nodes) in under 20 s.
#
#   bench/analyze_scale.sh [BUILD_DIR]      (default: build-release)
#
# Model (generated if missing, in /tmp/clearpath-bench as for the other scale benchmarks):
#   steps-100000.json   clearpath generate --steps 100000 --people 20000 --seed 42
# Whole processes are measured with /usr/bin/time -v, RUNS (default 3) times each. `validate`
# is the baseline (loading alone); `path`, `copilots` and `conflicts` are the analyses that
# analyze runs. Prints a Markdown table.
set -euo pipefail
shopt -s inherit_errexit

die() { echo "analyze_scale.sh: $*" >&2; exit 1; }
BUILD_DIR=${1:-build-release}
RUNS=${RUNS:-3}
OUT_DIR=${CLEARPATH_BENCH_DIR:-/tmp/clearpath-bench}
CLEARPATH=$BUILD_DIR/clearpath
[[ -x $CLEARPATH ]] || die "'$CLEARPATH' not found (build the clearpath_exe target in $BUILD_DIR)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (GNU time: apt-get install time)"
mkdir -p "$OUT_DIR"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

seconds() { read -r wall _ <<<"$1"; printf '%.2f' "$wall"; }
megabytes() { read -r _ rss <<<"$1"; echo $((rss / 1024)); }

big=$OUT_DIR/steps-100000.json
[[ -s $big ]] || "$CLEARPATH" generate --steps 100000 --people 20000 --seed 42 -o "$big"

echo "## clearpath analyze at scale"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo); nproc: $(nproc)"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg); runs per command: $RUNS (median wall, peak RSS)"
echo
echo "| model | command | wall s | RSS MB |"
echo "|---|---|---:|---:|"
row() {  # row LABEL ARGS...
  local label=$1
  shift
  local r
  r=$(bench "$CLEARPATH" "$@")
  echo "| 1e5 steps, 20,000 people | $label | $(seconds "$r") | $(megabytes "$r") |"
}
row "validate (baseline)" validate "$big"
row "path" path "$big" --fail-on never -o "$TMP/path.txt"
row "copilots" copilots "$big" --fail-on never -o "$TMP/copilots.txt"
row "conflicts" conflicts "$big" --fail-on never -o "$TMP/conflicts.txt"
row "analyze (text, no diagrams)" analyze "$big" --fail-on never -o "$TMP/report.txt"
row "analyze --format json (no diagrams)" analyze "$big" --fail-on never --format json -o "$TMP/report.json"
row "analyze --format html -o DIR (4 diagrams)" analyze "$big" --fail-on never --format html -o "$TMP/report"
row "analyze --format md -o DIR --simulate 1000" analyze "$big" --fail-on never --format md --simulate 1000 -o "$TMP/report-sim"
