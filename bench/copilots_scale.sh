#!/usr/bin/env bash
# Scale benchmark for `clearpath copilots`.
#
#   bench/copilots_scale.sh [BUILD_DIR] [PEOPLE:GATES...]
#
# BUILD_DIR defaults to build-release and must hold the `clearpath` binary; the sizes default to
# 200000:10000 (the benchmark organisation: 200,000 people, 10,000 approval gates with up to 20
# approvers each); give a smaller one such as 20000:1000 for a quick check. For each size it
# generates, if missing, /tmp/clearpath-bench/org-PEOPLE-GATES.json with
#   clearpath generate --people PEOPLE --steps 2*GATES --gates GATES --max-approvers 20 --seed 1
# (deterministic; delete the file to regenerate it after the generator changes) and measures the
# whole process with /usr/bin/time -v, RUNS (default 5) times each:
#   clearpath validate FILE                                     (loading the model: the baseline)
#   clearpath copilots FILE --format json --fail-on never       (exit status 1 is accepted too)
# and prints a Markdown table: median wall seconds, peak RSS (largest of the runs) and the
# copilots / validate ratios. The copilots report goes to standard output, which the measurement
# sends to /dev/null.
# Files under 20 MB are run repeatedly in each measurement (about 20 MB of input) and the time
# divided. MB = 10^6 bytes throughout. Progress goes to stderr.
set -euo pipefail
shopt -s inherit_errexit  # a failure inside $(...) stops the script too

usage() { echo "usage: $0 [BUILD_DIR] [PEOPLE:GATES...]   (default: build-release 200000:10000)" >&2; }
die() { echo "copilots_scale.sh: $*" >&2; exit 1; }

case "${1:-}" in -h|--help) usage; exit 0 ;; esac
BUILD_DIR=${1:-build-release}
if (($# > 0)); then shift; fi
SIZES=("$@")
((${#SIZES[@]} > 0)) || SIZES=(200000:10000)
RUNS=${RUNS:-5}
MAX_APPROVERS=20
SEED=1
OUT_DIR=${CLEARPATH_BENCH_DIR:-/tmp/clearpath-bench}
CLEARPATH=$BUILD_DIR/clearpath

[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (GNU time: apt-get install time)"
/usr/bin/time -v true >/dev/null 2>&1 || die "/usr/bin/time does not support -v (GNU time is needed)"
[[ -d $BUILD_DIR ]] || die "build directory '$BUILD_DIR' not found (build first: cmake -S . -B $BUILD_DIR -DCMAKE_BUILD_TYPE=Release && cmake --build $BUILD_DIR)"
[[ -x $CLEARPATH ]] || die "'$CLEARPATH' not found or not executable (build the clearpath target in $BUILD_DIR)"
"$CLEARPATH" --help 2>/dev/null | grep -Eq '^[[:space:]]+copilots([[:space:]]|$)' ||
  die "'$CLEARPATH' has no 'copilots' subcommand (rebuild $BUILD_DIR)"
"$CLEARPATH" generate --help 2>&1 | grep -q -- '--gates' ||
  die "'$CLEARPATH generate' has no --gates option (rebuild $BUILD_DIR)"
for size in "${SIZES[@]}"; do
  [[ $size =~ ^[1-9][0-9]*:[1-9][0-9]*$ ]] || die "size '$size' is not PEOPLE:GATES (two positive integers)"
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS='$RUNS' is not a positive integer"
mkdir -p "$OUT_DIR"


# measure, median and bench come from bench/lib.sh.
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

echo "## clearpath copilots at scale"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "- cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)"
echo "- nproc: $(nproc)"
echo "- memory: $(awk '/^MemTotal/ { printf "%.1f GB", $2 * 1024 / 1e9 }' /proc/meminfo 2>/dev/null || echo unknown)"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "- clearpath: $("$CLEARPATH" --version 2>/dev/null | head -n 1 || echo unknown)"
echo "- runs per command: $RUNS (median wall time, peak RSS); files under 20 MB are run repeatedly in each"
echo "  measurement (about 20 MB of input) and the time divided; MB = 10^6 bytes"
echo "- models: \`clearpath generate --people P --steps 2G --gates G --max-approvers $MAX_APPROVERS --seed $SEED\`"
echo "- commands: \`clearpath validate FILE\`; \`clearpath copilots FILE --format json --fail-on never\` (report to /dev/null)"
echo
echo "| people | gates | steps | file MB | validate s | validate RSS MB | copilots s | copilots RSS MB | copilots / validate (wall) | copilots / validate (RSS) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"

for size in "${SIZES[@]}"; do
  people=${size%%:*} gates=${size##*:}
  steps=$((2 * gates))
  file=$OUT_DIR/org-$people-$gates.json
  if [[ ! -s $file ]]; then
    echo "generating $file ..." >&2
    "$CLEARPATH" generate --people "$people" --steps "$steps" --gates "$gates" \
        --max-approvers "$MAX_APPROVERS" --seed "$SEED" -o "$file" >&2 ||
      die "'$CLEARPATH generate' failed for $people people, $gates gates"
    [[ -s $file ]] || die "'$CLEARPATH generate' did not write $file"
  else
    echo "using the existing $file" >&2
  fi
  bytes=$(stat -c %s "$file")
  REPS=$(( bytes >= 20000000 ? 1 : 20000000 / bytes ))  # about 20 MB of input per measurement
  cat "$file" >/dev/null  # warm the page cache so every command reads from memory

  echo "measuring $people people, $gates gates: clearpath validate (x$REPS per run) ..." >&2
  MAX_OK=0
  out=$(bench "$CLEARPATH" validate "$file")
  read -r val_wall val_rss <<<"$out"
  echo "measuring $people people, $gates gates: clearpath copilots --format json (x$REPS per run) ..." >&2
  MAX_OK=1  # 1: findings at or above --fail-on (never, so not expected, but not a failure either)
  out=$(bench "$CLEARPATH" copilots "$file" --format json --fail-on never)
  read -r cop_wall cop_rss <<<"$out"
  MAX_OK=0

  awk -v p="$people" -v g="$gates" -v st="$steps" -v bytes="$bytes" -v vw="$val_wall" -v vrss="$val_rss" \
      -v cw="$cop_wall" -v crss="$cop_rss" '
    function ratio(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "n/a" }
    BEGIN {
      printf "| %d | %d | %d | %.1f | %.3f | %.0f | %.3f | %.0f | %s | %s |\n",
        p, g, st, bytes / 1e6, vw, vrss * 1024 / 1e6, cw, crss * 1024 / 1e6, ratio(cw, vw), ratio(crss, vrss)
    }'
done
