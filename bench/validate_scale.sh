#!/usr/bin/env bash
# Scale benchmark for `clearpath validate` (issue 2, section 7).
#
#   bench/validate_scale.sh [BUILD_DIR] [SIZES...]
#
# BUILD_DIR defaults to build-release and must hold the `clearpath` and `bare_parse` binaries;
# SIZES (number of steps) default to 1000 10000 100000 1000000, with people = steps / 5.
# For each size it generates /tmp/clearpath-bench/steps-N.json (seed 42, deterministic) and
# measures the whole process with /usr/bin/time -v, RUNS (default 3) times each, for
#   cat FILE > /dev/null          (reading the file: the floor)
#   BUILD_DIR/bare_parse FILE     (nlohmann::json::parse of the same bytes: the baseline)
#   BUILD_DIR/clearpath validate FILE
#   BUILD_DIR/clearpath stats FILE   (also builds the relation graph: full memory)
# and prints a Markdown table: median wall seconds, MB/s (file size / median wall), peak RSS
# (largest of the runs) and the validate / bare parse ratio of median wall times.
# MB = 10^6 bytes throughout (file sizes and RSS alike). Progress goes to stderr.
set -euo pipefail

usage() { echo "usage: $0 [BUILD_DIR] [SIZES...]   (default: build-release 1000 10000 100000 1000000)" >&2; }
die() { echo "validate_scale.sh: $*" >&2; exit 1; }

case "${1:-}" in -h|--help) usage; exit 0 ;; esac
BUILD_DIR=${1:-build-release}
if (($# > 0)); then shift; fi
SIZES=("$@")
((${#SIZES[@]} > 0)) || SIZES=(1000 10000 100000 1000000)
RUNS=${RUNS:-3}
OUT_DIR=${CLEARPATH_BENCH_DIR:-/tmp/clearpath-bench}
CLEARPATH=$BUILD_DIR/clearpath
BARE_PARSE=$BUILD_DIR/bare_parse

[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (GNU time: apt-get install time)"
/usr/bin/time -v true >/dev/null 2>&1 || die "/usr/bin/time does not support -v (GNU time is needed)"
[[ -d $BUILD_DIR ]] || die "build directory '$BUILD_DIR' not found (build first: cmake -S . -B $BUILD_DIR -DCMAKE_BUILD_TYPE=Release && cmake --build $BUILD_DIR)"
[[ -x $CLEARPATH ]] || die "'$CLEARPATH' not found or not executable (build the clearpath target in $BUILD_DIR)"
[[ -x $BARE_PARSE ]] || die "'$BARE_PARSE' not found or not executable (build the bare_parse target in $BUILD_DIR; it needs CLEARPATH_BUILD_BENCH=ON)"
for n in "${SIZES[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "size '$n' is not a positive integer"
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS='$RUNS' is not a positive integer"
mkdir -p "$OUT_DIR"


# measure and bench come from bench/lib.sh.
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

echo "## clearpath validate at scale"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "- cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)"
echo "- nproc: $(nproc)"
echo "- memory: $(awk '/^MemTotal/ { printf "%.1f GB", $2 * 1024 / 1e9 }' /proc/meminfo 2>/dev/null || echo unknown)"
echo "- clearpath: $("$CLEARPATH" --version 2>/dev/null | head -n 1 || echo unknown)"
echo "- runs per command: $RUNS (median wall time, peak RSS); files under 20 MB are run repeatedly in each"
echo "  measurement (about 20 MB of input) and the time divided; MB = 10^6 bytes; people = steps / 5, seed 42"
echo
echo "| steps | file MB | cat s | bare parse s | validate s | validate MB/s | bare parse RSS MB | validate RSS MB | validate / bare parse | stats s | stats RSS MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"

for n in "${SIZES[@]}"; do
  file=$OUT_DIR/steps-$n.json
  echo "generating $file ..." >&2
  "$CLEARPATH" generate --steps "$n" --people "$((n / 5))" --seed 42 -o "$file" >&2 ||
    die "'$CLEARPATH generate' failed for $n steps"
  [[ -s $file ]] || die "'$CLEARPATH generate' did not write $file"
  bytes=$(stat -c %s "$file")
  REPS=$(( bytes >= 20000000 ? 1 : 20000000 / bytes ))  # about 20 MB of input per measurement
  cat "$file" >/dev/null  # warm the page cache so every command reads from memory

  echo "measuring $n steps ($bytes bytes): cat ..." >&2
  out=$(bench cat "$file")
  read -r cat_wall _ <<<"$out"
  echo "measuring $n steps: bare_parse ..." >&2
  out=$(bench "$BARE_PARSE" "$file")
  read -r bare_wall bare_rss <<<"$out"
  echo "measuring $n steps: clearpath validate ..." >&2
  out=$(bench "$CLEARPATH" validate "$file")
  read -r val_wall val_rss <<<"$out"
  # stats also builds the whole Boost.Graph of relations: the model's full memory.
  echo "measuring $n steps: clearpath stats ..." >&2
  out=$(bench "$CLEARPATH" stats "$file")
  read -r stats_wall stats_rss <<<"$out"

  awk -v n="$n" -v bytes="$bytes" -v cw="$cat_wall" -v bw="$bare_wall" -v vw="$val_wall" \
      -v brss="$bare_rss" -v vrss="$val_rss" -v sw="$stats_wall" -v srss="$stats_rss" '
    function rate(b, s) { return s > 0 ? sprintf("%.0f", b / 1e6 / s) : "n/a" }
    function ratio(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "n/a" }
    BEGIN {
      printf "| %d | %.1f | %.3f | %.3f | %.3f | %s | %.0f | %.0f | %s | %.3f | %.0f |\n",
        n, bytes / 1e6, cw, bw, vw, rate(bytes, vw), brss * 1024 / 1e6, vrss * 1024 / 1e6, ratio(vw, bw),
        sw, srss * 1024 / 1e6
    }'
done
