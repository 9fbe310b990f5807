#!/usr/bin/env bash
# Scale benchmark for everything after loading (issue 15): `conflicts`, `level`, `analyze`
# (text), every `render` view and `export --format graphml` on the generated 1e5- and 1e6-step
# models, against `validate` (loading alone) on the same file, and how each grows from 1e5 to
# 1e6 (linear is 10x).
#
#   bench/scale_after_load.sh [BUILD_DIR]      (default: build-release)
#
# Models (generated if missing, in /tmp/clearpath-bench as for the other scale benchmarks):
#   steps-100000.json, steps-1000000.json   clearpath generate --steps N --people N/5 --seed 42
# (the same files as `generate --steps N --seed 42`, whose default is N/5 people).
# Whole processes are measured with /usr/bin/time -v, RUNS (default 3) times each, output to
# /dev/null (renders: SVG, Graphviz layout included). Prints a Markdown table: median wall
# seconds and peak RSS at each size, the part after loading (median minus validate's median),
# and the 1e6/1e5 ratios of both.
set -euo pipefail
shopt -s inherit_errexit

die() { echo "scale_after_load.sh: $*" >&2; exit 1; }
BUILD_DIR=${1:-build-release}
RUNS=${RUNS:-3}
OUT_DIR=${CLEARPATH_BENCH_DIR:-/tmp/clearpath-bench}
CLEARPATH=$BUILD_DIR/clearpath
[[ -x $CLEARPATH ]] || die "'$CLEARPATH' not found (build the clearpath_exe target in $BUILD_DIR)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (GNU time: apt-get install time)"
mkdir -p "$OUT_DIR"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
MAX_OK=1  # findings set exit status 1

small=$OUT_DIR/steps-100000.json
large=$OUT_DIR/steps-1000000.json
for n in 100000 1000000; do
  file=$OUT_DIR/steps-$n.json
  [[ -s $file ]] || "$CLEARPATH" generate --steps "$n" --people $((n / 5)) --seed 42 -o "$file"
done

COMMANDS=(
  "validate"
  "conflicts"
  "level"
  "analyze"
  "render --view org --format svg"
  "render --view approvals --format svg"
  "render --view deps --format svg"
  "render --view conflicts --format svg"
  "export --format graphml"
)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.1f", b / a; else printf "-" }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (a > b ? a - b : 0) }'; }

echo "## clearpath after loading, 1e5 and 1e6 steps"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo); nproc: $(nproc)"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg); runs per command: $RUNS (median wall, peak RSS)"
echo
echo "| command | 1e5 s | 1e5 MB | 1e6 s | 1e6 MB | 1e6/1e5 | after load 1e5 s | after load 1e6 s | after load 1e6/1e5 |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
base_small=0
base_large=0
for command in "${COMMANDS[@]}"; do
  read -r -a args <<<"$command"
  read -r s_wall s_rss <<<"$(bench "$CLEARPATH" "${args[@]}" "$small")"
  read -r l_wall l_rss <<<"$(bench "$CLEARPATH" "${args[@]}" "$large")"
  if [[ $command == validate ]]; then
    base_small=$s_wall
    base_large=$l_wall
  fi
  after_small=$(minus "$s_wall" "$base_small")
  after_large=$(minus "$l_wall" "$base_large")
  printf '| %s | %.2f | %d | %.2f | %d | %s | %s | %s | %s |\n' "$command" "$s_wall" $((s_rss / 1024)) \
    "$l_wall" $((l_rss / 1024)) "$(ratio "$s_wall" "$l_wall")" "$after_small" "$after_large" \
    "$(ratio "$after_small" "$after_large")"
done
