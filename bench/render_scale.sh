#!/usr/bin/env bash
# Scale benchmark for `clearpath render` (issue 6): every view of the generated 1e5-step graph
# and the org view of a 5,000-person organisation under 10 s, and the dot layout time of a
# dependency diagram drawn in full, with and without the transitive reduction, that sets the
# default node budget.
#
#   bench/render_scale.sh [BUILD_DIR]      (default: build-release)
#
# Models (generated if missing, in /tmp/clearpath-bench as for the other scale benchmarks):
#   steps-100000.json   clearpath generate --steps 100000 --people 20000 --seed 42
#   org-5000.json       clearpath generate --steps 1000 --people 5000 --seed 42
#   chain-N.json        clearpath generate --steps N --people 50 --seed 7 (one initiative)
# Whole processes are measured with /usr/bin/time -v, RUNS (default 3) times each, SVG to a
# file. `validate` is the baseline (loading alone). Prints Markdown tables.
set -euo pipefail
shopt -s inherit_errexit

die() { echo "render_scale.sh: $*" >&2; exit 1; }
BUILD_DIR=${1:-build-release}
RUNS=${RUNS:-3}
OUT_DIR=${CLEARPATH_BENCH_DIR:-/tmp/clearpath-bench}
CLEARPATH=$BUILD_DIR/clearpath
LAYOUT_TIMEOUT=${LAYOUT_TIMEOUT:-60}
[[ -x $CLEARPATH ]] || die "'$CLEARPATH' not found (build the clearpath_exe target in $BUILD_DIR)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (GNU time: apt-get install time)"
mkdir -p "$OUT_DIR"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

model() {  # model FILE GENERATE-ARGS...: generates FILE if missing
  local file=$1
  shift
  [[ -s $file ]] || "$CLEARPATH" generate "$@" -o "$file"
}
seconds() { read -r wall _ <<<"$1"; printf '%.2f' "$wall"; }
megabytes() { read -r _ rss <<<"$1"; echo $((rss / 1024)); }

big=$OUT_DIR/steps-100000.json
org=$OUT_DIR/org-5000.json
model "$big" --steps 100000 --people 20000 --seed 42
model "$org" --steps 1000 --people 5000 --seed 42

echo "## clearpath render at scale"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo); nproc: $(nproc)"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg); runs per command: $RUNS (median wall, peak RSS)"
echo
echo "| model | command | wall s | RSS MB |"
echo "|---|---|---:|---:|"
r=$(bench "$CLEARPATH" validate "$big")
echo "| 1e5 steps, 20,000 people | validate (baseline) | $(seconds "$r") | $(megabytes "$r") |"
for view in org approvals deps conflicts; do
  r=$(bench "$CLEARPATH" render "$big" --view "$view" -o "$TMP/out.svg")
  echo "| 1e5 steps, 20,000 people | render --view $view (svg) | $(seconds "$r") | $(megabytes "$r") |"
done
r=$(bench "$CLEARPATH" render "$big" --view deps -o "$TMP/out.png")
echo "| 1e5 steps, 20,000 people | render --view deps (png) | $(seconds "$r") | $(megabytes "$r") |"
r=$(bench "$CLEARPATH" render "$big" --view deps --focus s50000 --depth 3 -o "$TMP/out.svg")
echo "| 1e5 steps, 20,000 people | render --view deps --focus s50000 --depth 3 | $(seconds "$r") | $(megabytes "$r") |"
r=$(bench "$CLEARPATH" validate "$org")
echo "| 5,000 people | validate (baseline) | $(seconds "$r") | $(megabytes "$r") |"
r=$(bench "$CLEARPATH" render "$org" --view org -o "$TMP/out.svg")
echo "| 5,000 people | render --view org (collapsed below a depth) | $(seconds "$r") | $(megabytes "$r") |"
r=$(bench "$CLEARPATH" render "$org" --view org --depth 4 -o "$TMP/out.svg")
echo "| 5,000 people | render --view org --depth 4 (straight edges after a routing failure) | $(seconds "$r") | $(megabytes "$r") |"
r=$(bench "$CLEARPATH" render "$org" --view org --max-nodes 6000 -o "$TMP/out.svg")
echo "| 5,000 people | render --view org --max-nodes 6000 (everyone) | $(seconds "$r") | $(megabytes "$r") |"

echo
echo "Dependency diagrams drawn in full (--max-nodes 100000): dot's layout time against the number of"
echo "steps, with the transitive reduction (default) and with --all-edges; one run each, given up"
echo "after $LAYOUT_TIMEOUT s."
echo
echo "| steps and gates | edges drawn (default) | default s | edges drawn (--all-edges) | --all-edges s |"
echo "|---:|---:|---:|---:|---:|"
for n in 100 300 500 1000; do
  file=$OUT_DIR/chain-$n.json
  model "$file" --steps "$n" --people 50 --seed 7
  row="| $n"
  for flag in "" --all-edges; do
    # shellcheck disable=SC2086  # $flag is one word or none
    "$CLEARPATH" render "$file" --view deps --max-nodes 100000 $flag --format dot -o "$TMP/g.dot"
    edges=$(grep -c -- '->' "$TMP/g.dot")
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    if timeout "$LAYOUT_TIMEOUT" "$CLEARPATH" render "$file" --view deps --max-nodes 100000 $flag -o "$TMP/g.svg"; then
      took=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    else
      took="over $LAYOUT_TIMEOUT"
    fi
    row="$row | $edges | $took"
  done
  echo "$row |"
done
