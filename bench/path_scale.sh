#!/usr/bin/env bash
# Scale benchmark for `clearpath path` (issue 3, section 10).
#
#   bench/path_scale.sh [BUILD_DIR] [SIZES...]
#
# BUILD_DIR defaults to build-release and must hold the `clearpath` and `cpm_bench` binaries
# (CPM_BENCH=PATH overrides the latter); SIZES (number of steps) default to 10000 100000 1000000,
# with people = steps / 5. For each size it generates /tmp/clearpath-bench/steps-N.json (seed 42,
# deterministic) and measures, RUNS (default 3) times each:
#   clearpath path FILE --format json      whole process: median wall seconds and peak RSS
#                                          (/usr/bin/time -v); skipped, with a message, while
#                                          the subcommand does not exist
#   cpm_bench FILE CPM_REPEATS             loads once, then times build_network and
#                                          compute_schedule CPM_REPEATS (default 5) times in
#                                          one process: the CPM after loading, single thread
#   networkx_longest_path.py FILE          NetworkX 2.x on the same DAG (Debian python3-networkx):
#                                          graph construction and dag_longest_path_length alone
# and prints a Markdown table with the ratio NetworkX dag_longest_path_length time / clearpath
# CPM time (build_network + compute_schedule medians), and checks that the project durations of
# cpm_bench, NetworkX and `clearpath path --format json` agree to 1e-6.
#
# Then the Monte Carlo part, on a SIM_STEPS-step graph (default 10000): the whole process
# `clearpath path FILE --simulate SIM_RUNS --seed 1` (SIM_RUNS default 10000) with
# CLEARPATH_THREADS=1 and =2, median wall seconds, runs per second and the 1 -> 2 thread
# speed-up; and a check that both thread counts give the same `simulation` figures. Skipped,
# with a message, while --simulate does not exist.
#
# MB = 10^6 bytes throughout. Progress goes to stderr. Exit status 1 when a check fails.
set -euo pipefail
shopt -s inherit_errexit  # a failure inside $(...) stops the script too

usage() { echo "usage: $0 [BUILD_DIR] [SIZES...]   (default: build-release 10000 100000 1000000)" >&2; }
die() { echo "path_scale.sh: $*" >&2; exit 1; }

case "${1:-}" in -h|--help) usage; exit 0 ;; esac
BUILD_DIR=${1:-build-release}
if (($# > 0)); then shift; fi
SIZES=("$@")
((${#SIZES[@]} > 0)) || SIZES=(10000 100000 1000000)
RUNS=${RUNS:-3}
CPM_REPEATS=${CPM_REPEATS:-5}
SIM_STEPS=${SIM_STEPS:-10000}
SIM_RUNS=${SIM_RUNS:-10000}
OUT_DIR=${CLEARPATH_BENCH_DIR:-/tmp/clearpath-bench}
CLEARPATH=$BUILD_DIR/clearpath
CPM_BENCH=${CPM_BENCH:-$BUILD_DIR/cpm_bench}
PYTHON=${PYTHON:-/usr/bin/python3}
NX_SCRIPT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/networkx_longest_path.py

[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (GNU time: apt-get install time)"
/usr/bin/time -v true >/dev/null 2>&1 || die "/usr/bin/time does not support -v (GNU time is needed)"
[[ -d $BUILD_DIR ]] || die "build directory '$BUILD_DIR' not found (build first: cmake -S . -B $BUILD_DIR -DCMAKE_BUILD_TYPE=Release && cmake --build $BUILD_DIR)"
[[ -x $CLEARPATH ]] || die "'$CLEARPATH' not found or not executable (build the clearpath target in $BUILD_DIR)"
[[ -x $CPM_BENCH ]] || die "'$CPM_BENCH' not found or not executable (build the cpm_bench target in $BUILD_DIR, or set CPM_BENCH)"
[[ -x $PYTHON ]] || die "'$PYTHON' not found (set PYTHON to a python3 with networkx)"
[[ -f $NX_SCRIPT ]] || die "'$NX_SCRIPT' not found"
"$PYTHON" -c 'import networkx' 2>/dev/null || die "$PYTHON cannot import networkx (apt-get install python3-networkx)"
for n in "${SIZES[@]}" "$SIM_STEPS"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "size '$n' is not a positive integer"
done
for v in RUNS CPM_REPEATS SIM_RUNS; do
  [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v='${!v}' is not a positive integer"
done
mkdir -p "$OUT_DIR"


# Does this clearpath have the `path` subcommand, and does it take --simulate?
# (`clearpath path --help` without the subcommand prints the main help and exits 0.)
HAVE_PATH=0 HAVE_SIMULATE=0
if "$CLEARPATH" --help 2>/dev/null | grep -Eq '^[[:space:]]+path([[:space:]]|$)'; then
  HAVE_PATH=1
  if "$CLEARPATH" path --help 2>&1 | grep -q -- '--simulate'; then HAVE_SIMULATE=1; fi
fi

# measure, median and bench come from bench/lib.sh.
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

# jget FILE KEY...: the values of top-level KEYs of the JSON object in FILE, space-separated
# (numbers with full precision; "null" when absent).
jget() {
  "$PYTHON" - "$@" <<'EOF'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    doc = json.load(f)
def show(v):
    if v is None: return "null"
    if isinstance(v, bool): return "true" if v else "false"
    if isinstance(v, float): return repr(v)
    return str(v)
print(" ".join(show(doc.get(k)) for k in sys.argv[2:]))
EOF
}

# generate N: writes OUT_DIR/steps-N.json (seed 42) and prints its path.
generate() {
  local n=$1 file=$OUT_DIR/steps-$1.json
  echo "generating $file ..." >&2
  "$CLEARPATH" generate --steps "$n" --people "$((n / 5))" --seed 42 -o "$file" >&2 ||
    die "'$CLEARPATH generate' failed for $n steps"
  [[ -s $file ]] || die "'$CLEARPATH generate' did not write $file"
  cat "$file" >/dev/null  # warm the page cache so every command reads from memory
  echo "$file"
}

agree() {  # agree A B: true when both are numbers within 1e-6 of each other
  awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(a != "null" && b != "null" && d <= 1e-6) }'
}

FAILED=0

echo "## clearpath path at scale"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "- cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)"
echo "- nproc: $(nproc)"
echo "- memory: $(awk '/^MemTotal/ { printf "%.1f GB", $2 * 1024 / 1e9 }' /proc/meminfo 2>/dev/null || echo unknown)"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "- clearpath: $("$CLEARPATH" --version 2>/dev/null | head -n 1 || echo unknown)"
echo "- NetworkX: $("$PYTHON" -c 'import networkx, sys; print(networkx.__version__, "on Python", sys.version.split()[0])')"
echo "- runs per command: $RUNS (median wall time, peak RSS); cpm_bench: $CPM_REPEATS timed repeats in one"
echo "  process after one load (medians); files under 20 MB are run repeatedly in each \`path\` measurement"
echo "  (about 20 MB of input) and the time divided; MB = 10^6 bytes; people = steps / 5, seed 42"
echo "- CPM ms = build_network + compute_schedule; NX / CPM = NetworkX dag_longest_path_length s / CPM s"
if ((!HAVE_PATH)); then
  echo "- \`clearpath path\` is not in this build yet: its columns are n/a"
fi
echo
echo "| steps | activities | links | file MB | path s | path RSS MB | build_network ms | compute_schedule ms | CPM ms | forward pass ms | NX build graph s | NX dag_longest_path_length s | NX RSS MB | NX / CPM | duration | durations agree |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"

for n in "${SIZES[@]}"; do
  file=$(generate "$n")
  bytes=$(stat -c %s "$file")

  # The CPM alone, single-threaded, after one load.
  echo "measuring $n steps: cpm_bench ($CPM_REPEATS repeats) ..." >&2
  "$CPM_BENCH" "$file" "$CPM_REPEATS" >"$TMP/cpm.json" 2>"$ERR_LOG" || { cat "$ERR_LOG" >&2; die "cpm_bench failed on $file"; }
  out=$(jget "$TMP/cpm.json" activities links duration build_network_ms compute_schedule_ms cpm_ms forward_pass_ms)
  read -r activities links cpm_dur build_ms sched_ms cpm_ms fwd_ms <<<"$out"

  # NetworkX on the same DAG.
  nx_build=() nx_longest=() nx_rss=0 nx_dur=null
  for ((i = 0; i < RUNS; i++)); do
    echo "measuring $n steps: NetworkX (run $((i + 1)) of $RUNS) ..." >&2
    REPS=1 OUT=$TMP/nx.json
    out=$(measure "$PYTHON" "$NX_SCRIPT" "$file")
    OUT=/dev/null
    read -r _ rss <<<"$out"
    if ((rss > nx_rss)); then nx_rss=$rss; fi
    out=$(jget "$TMP/nx.json" build_graph_s dag_longest_path_length_s duration)
    read -r nb nl nx_dur <<<"$out"
    nx_build+=("$nb") nx_longest+=("$nl")
  done
  nx_build_med=$(printf '%s\n' "${nx_build[@]}" | median)
  nx_longest_med=$(printf '%s\n' "${nx_longest[@]}" | median)

  # The whole `clearpath path` process.
  path_wall=n/a path_rss=n/a path_dur=null
  if ((HAVE_PATH)); then
    REPS=$(( bytes >= 20000000 ? 1 : 20000000 / bytes ))  # about 20 MB of input per measurement
    MAX_OK=1
    echo "measuring $n steps: clearpath path --format json (x$REPS per run) ..." >&2
    out=$(bench "$CLEARPATH" path "$file" --format json)
    read -r path_wall path_rss <<<"$out"
    path_rss=$(awk -v k="$path_rss" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }')
    echo "checking $n steps: clearpath path --format json duration ..." >&2
    REPS=1 OUT=$TMP/path.json
    measure "$CLEARPATH" path "$file" --format json >/dev/null
    OUT=/dev/null MAX_OK=0
    path_dur=$(jget "$TMP/path.json" duration)
  fi

  agreement="yes"
  if ! agree "$cpm_dur" "$nx_dur"; then agreement="NO: NetworkX $nx_dur"; FAILED=1; fi
  if ((HAVE_PATH)) && ! agree "$cpm_dur" "$path_dur"; then
    agreement="NO: path --format json $path_dur${agreement#yes}"; FAILED=1
  fi
  ((HAVE_PATH)) || agreement+=" (cpm_bench, NetworkX)"

  awk -v n="$n" -v act="$activities" -v links="$links" -v bytes="$bytes" -v pw="$path_wall" -v prss="$path_rss" \
      -v bm="$build_ms" -v sm="$sched_ms" -v cm="$cpm_ms" -v fm="$fwd_ms" -v nb="$nx_build_med" \
      -v nl="$nx_longest_med" -v nrss="$nx_rss" -v dur="$cpm_dur" -v agr="$agreement" '
    BEGIN {
      printf "| %d | %d | %d | %.1f | %s | %s | %.1f | %.1f | %.1f | %.2f | %.2f | %.3f | %.0f | %s | %.6f | %s |\n",
        n, act, links, bytes / 1e6, (pw == "n/a" ? pw : sprintf("%.3f", pw)), prss, bm, sm, cm, fm, nb, nl,
        nrss * 1024 / 1e6, (cm > 0 ? sprintf("%.1f", nl * 1000 / cm) : "n/a"), dur, agr
    }'
done

echo
echo "### Monte Carlo: \`clearpath path FILE --simulate $SIM_RUNS --seed 1\` on $SIM_STEPS steps"
echo
if ((!HAVE_SIMULATE)); then
  if ((HAVE_PATH)); then
    echo "\`clearpath path\` has no --simulate option in this build yet: skipped."
  else
    echo "\`clearpath path\` is not in this build yet: skipped."
  fi
  echo "path_scale.sh: Monte Carlo part skipped (no 'clearpath path --simulate' in $CLEARPATH)" >&2
else
  file=$(generate "$SIM_STEPS")
  REPS=1 MAX_OK=1
  echo "measuring $SIM_STEPS steps: clearpath path without --simulate (the fixed cost) ..." >&2
  out=$(bench "$CLEARPATH" path "$file" --seed 1)
  read -r base_wall _ <<<"$out"
  declare -A sim_wall
  for t in 1 2; do
    echo "measuring $SIM_STEPS steps: --simulate $SIM_RUNS with CLEARPATH_THREADS=$t ..." >&2
    out=$(bench env CLEARPATH_THREADS="$t" "$CLEARPATH" path "$file" --simulate "$SIM_RUNS" --seed 1)
    read -r wall _ <<<"$out"
    sim_wall[$t]=$wall
  done
  # The same seed must give the same figures whatever the number of threads.
  echo "checking $SIM_STEPS steps: the simulation figures with 1 and 2 threads ..." >&2
  for t in 1 2; do
    OUT=$TMP/sim-$t.json
    measure env CLEARPATH_THREADS="$t" "$CLEARPATH" path "$file" --simulate "$SIM_RUNS" --seed 1 --format json >/dev/null
    OUT=/dev/null
  done
  if "$PYTHON" - "$TMP/sim-1.json" "$TMP/sim-2.json" <<'EOF'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")).get("simulation") for p in sys.argv[1:3])
sys.exit(0 if a is not None and a == b else 1)
EOF
  then same="yes"; else same="NO"; FAILED=1; fi

  printf '| threads | wall s | runs/s (whole process) | runs/s (net of the %.3f s path run without --simulate) | speed-up vs 1 thread | same figures as 1 thread |\n' "$base_wall"
  echo "|---:|---:|---:|---:|---:|---|"
  for t in 1 2; do
    awk -v t="$t" -v w="${sim_wall[$t]}" -v w1="${sim_wall[1]}" -v b="$base_wall" -v runs="$SIM_RUNS" -v same="$same" '
      BEGIN {
        net = w - b
        printf "| %d | %.3f | %.0f | %s | %.2f | %s |\n", t, w, runs / w, (net > 0 ? sprintf("%.0f", runs / net) : "n/a"),
          w1 / w, (t == 1 ? "-" : same)
      }'
  done
  if ((SIM_STEPS == 10000 && SIM_RUNS == 10000)); then
    awk -v w="${sim_wall[2]}" 'BEGIN { printf "\nTarget: 10,000 runs on a 1e4-step graph in under 5 s on 2 cores: %.2f s (%s)\n", w, (w < 5 ? "met" : "NOT met") }'
  fi
fi

if ((FAILED)); then
  echo "path_scale.sh: a check failed (durations or simulation figures disagree); see the table" >&2
  exit 1
fi
