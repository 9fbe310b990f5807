#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] [TARGET...]: builds clearpath's libFuzzer targets with clang (in
# build-fuzz/, instrumented with ASan and UBSan) and runs each TARGET (default: all of
# tests/fuzz/targets.txt) for SECONDS (default 60). Each starts from its seeds (targets.txt),
# tests/fuzz/corpus/<target> and tests/fuzz/regressions/<target>, with its dictionary, and
# grows a working corpus in build-fuzz/corpus/<target>. Limits: 2 s an input, 2 GB of memory.
# A crash, leak, timeout or out-of-memory is saved as build-fuzz/crashes/<target>-*, to keep as
# a regression (tests/fuzz/regressions/<target>/); for `labels`, whose leaks are looked for only
# at each process's exit, a leak is reported in the log with no input saved. Prints each
# target's executions (new inputs tried, not counting the replay of the corpus) and coverage.
# CLEARPATH_FUZZ_SEED=N fixes libFuzzer's random seed (scripts/test.sh does, so that CI explores
# the same inputs each time); by default each run differs. CLEARPATH_FUZZ_RUNS=N stops a target
# after N executions when that comes before SECONDS (a campaign: SECONDS large, N 10000000).
# A campaign runs each target in processes of 1,000,000 executions (`labels`: 30,000, always),
# so that an interrupted campaign loses at most one process's work. Exits 1 when a target found
# something, 2 when clang is missing. Each process adds a line to build-fuzz/fuzz-runs.tsv:
# date, target, executions, seconds, coverage, outcome (ok, interrupted, found (exit N)), and
# campaign or round; sum a campaign's lines by target. A campaign's lines also go to
# tests/fuzz/campaign.tsv, which is kept in the tree.
# With CLEARPATH_FUZZ_SEED and no CLEARPATH_FUZZ_RUNS (a seeded round, as in CI) the working corpus
# is build-fuzz/seeded/<target>, emptied first, so that the round starts from the tree's inputs
# alone, whatever earlier campaigns left.
# scripts/fuzz.sh --keep [TARGET...] runs nothing new: it adds to tests/fuzz/corpus/<target> the
# inputs of the working corpus that reach code nothing kept in the tree reaches.
# CLEARPATH_FUZZ_JOBS=N runs N processes of each target side by side (one a core) on the same
# working corpus, the executions asked for shared out among them; each adds its own lines to the
# tsv files, and its log is build-fuzz/<target>.log (the first) or <target>.K.log.
# Two fuzz.sh may run at once on different targets; a target already being fuzzed is refused.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
whole() { case $1 in ''|*[!0-9]*) return 1;; esac; [ $((10#$1)) -gt 0 ]; }
keep=0
args=()
for a in "$@"; do
  if [ "$a" = --keep ]; then keep=1; else args+=("$a"); fi
done
set -- "${args[@]}"
seconds=60
if [ "$keep" -eq 1 ]; then
  seconds=1
  if [ $# -gt 0 ] && whole "$1"; then
    echo "fuzz.sh: --keep runs nothing new and takes no SECONDS, only targets" >&2
    exit 2
  fi
elif [ $# -gt 0 ]; then
  whole "$1" || { echo "fuzz.sh: SECONDS must be a whole number of seconds, 1 or more (got '$1')" >&2; exit 2; }
  seconds=$1
  shift
fi
seconds=$((10#$seconds))
want=0
if [ -n "${CLEARPATH_FUZZ_RUNS:-}" ]; then
  whole "$CLEARPATH_FUZZ_RUNS" || { echo "fuzz.sh: CLEARPATH_FUZZ_RUNS must be a whole number (10000000, not 1e7)" >&2; exit 2; }
  want=$((10#$CLEARPATH_FUZZ_RUNS))
fi
njobs=1
if [ -n "${CLEARPATH_FUZZ_JOBS:-}" ]; then
  whole "$CLEARPATH_FUZZ_JOBS" || { echo "fuzz.sh: CLEARPATH_FUZZ_JOBS must be a whole number, 1 or more" >&2; exit 2; }
  njobs=$((10#$CLEARPATH_FUZZ_JOBS))
fi
seed0=
if [ -n "${CLEARPATH_FUZZ_SEED:-}" ]; then
  # (libFuzzer takes -seed=0 for "pick one at random": 0 would not fix anything.)
  whole "$CLEARPATH_FUZZ_SEED" || { echo "fuzz.sh: CLEARPATH_FUZZ_SEED must be a whole number, 1 or more" >&2; exit 2; }
  seed0=$((10#$CLEARPATH_FUZZ_SEED))
fi
cxx=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$cxx" ]; then
  echo "fuzz.sh: clang is not installed (Debian: clang, libclang-rt-14-dev; scripts/setup.sh installs them)" >&2
  exit 2
fi
mapfile -t known < <(sed -n 's/^\([a-z_]*\):.*/\1/p' "$root/tests/fuzz/targets.txt")
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=("${known[@]}")
fi
for t in "${targets[@]}"; do
  case " ${known[*]} " in
    *" $t "*) ;;
    *) echo "fuzz.sh: no target '$t'; the targets are: ${known[*]}" >&2; exit 2;;
  esac
done

build=$root/build-fuzz
mkdir -p "$build/locks"
# One fuzz.sh per target at a time (its log, working corpus and tsv lines would mix), and one
# build at a time in build-fuzz/.
for t in "${targets[@]}"; do
  exec {lock}>"$build/locks/$t"
  flock -n "$lock" || { echo "fuzz.sh: $t is being fuzzed by another fuzz.sh (build-fuzz/locks/$t)" >&2; exit 2; }
done
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
(
  flock 8
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLEARPATH_FUZZ=ON -DCLEARPATH_BUILD_TESTS=OFF \
    -DCLEARPATH_BUILD_BENCH=OFF -DCMAKE_CXX_COMPILER="$cxx" "${launcher[@]}" >/dev/null
  cmake --build "$build" -j "$(nproc)" --target "${targets[@]/%/_fuzzer}" >/dev/null
) 8>"$build/locks/build"

# copy_seeds T DIR: T's seeds (targets.txt), copied flat into DIR as seed-NAME (libFuzzer reads
# folders).
copy_seeds() {
  local s
  for s in $(sed -n "s/^$1:[ ]*//p" "$root/tests/fuzz/targets.txt"); do
    if [ -d "$root/$s" ]; then
      find "$root/$s" -type f ! -name README.md -exec sh -c 'for f; do cp "$f" "$0/seed-$(basename "$f")"; done' "$2" {} +
    elif [ -f "$root/$s" ]; then
      cp "$root/$s" "$2/seed-$(basename "$s")"
    else
      echo "fuzz.sh: $1: the seed $s (tests/fuzz/targets.txt) is not in the tree" >&2
      exit 2
    fi
  done
}
# kept T: T's folders in the tree besides its seeds (kept corpus, regressions), those that exist.
kept() {
  local d
  for d in "$root/tests/fuzz/corpus/$1" "$root/tests/fuzz/regressions/$1"; do
    if [ -d "$d" ]; then echo "$d"; fi
  done
}
# run_job T K QUOTA: job K (1 ...) of target T: processes one after another on T's working
# corpus until QUOTA new inputs (0: no limit) or the time is up, each adding a line to the tsv
# files. Writes "executions status coverage interrupted" to build-fuzz/T.jobK.
run_job() {
  local t=$1 job=$2 quota=$3
  # Graphviz loses memory on every layout (suppressed, see the file above), so libFuzzer's check
  # for a leak after each input runs LeakSanitizer over the whole heap after each `labels` input:
  # 35 inputs a second instead of about 600. For that target leaks are looked for once, at exit.
  # What Graphviz loses also adds up, about 25 KB an input: one process would pass the 2 GB
  # limit after some 70,000 inputs, so that target runs in processes of 30,000 inputs each, one
  # after another on the same growing corpus.
  local chunk=0 leaks=() log=$build/$t.log
  [ "$quota" -gt 0 ] && chunk=1000000
  case $t in labels) leaks=(-detect_leaks=0); chunk=30000;; esac
  [ "$job" -eq 1 ] || log=$build/$t.$job.log
  : >"$log"
  # Executions are counted without the replay of the corpus each process starts with (libFuzzer
  # counts both, in -runs too): what is recorded is inputs newly tried.
  local status=0 total=0 part=0 left n rest limit replay seed began ran inited fresh cov outcome line
  while :; do
    left=$((seconds - (SECONDS - start)))
    [ "$left" -gt 0 ] || break
    n=$chunk
    if [ "$quota" -gt 0 ]; then
      rest=$((quota - total))
      [ "$rest" -gt 0 ] || break
      if [ "$n" -eq 0 ] || [ "$rest" -lt "$n" ]; then n=$rest; fi
    fi
    limit=()
    if [ "$n" -gt 0 ]; then
      replay=$(find "$corpus" "${tree[@]}" -type f | wc -l)
      # libFuzzer counts the replay in -runs, and a few inputs more than the files (the empty
      # input first): a margin, so that a process does not stop short of N new inputs.
      limit=(-runs=$((n + replay + 16)))
    fi
    seed=()
    [ -n "$seed0" ] && seed=(-seed=$((seed0 + part + (job - 1) * 100000)))
    began=$SECONDS
    "$build/tests/fuzz/${t}_fuzzer" "$corpus" "${tree[@]}" \
      "${dict[@]}" "${leaks[@]}" "${seed[@]}" "${limit[@]}" -max_total_time="$left" -timeout=2 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$build/crashes/$t-" >"$log.part" 2>&1 || status=$?
    cat "$log.part" >>"$log"
    ran=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log.part" | tail -1)
    # A process killed outright (SIGKILL, the kernel's out-of-memory killer) prints no figures:
    # its last progress line says how far it got.
    [ -n "$ran" ] || ran=$(sed -n 's/^#\([0-9]*\)[[:space:]].*/\1/p' "$log.part" | tail -1)
    inited=$(sed -n 's/^#\([0-9]*\)[[:space:]]*INITED.*/\1/p' "$log.part" | head -1)
    fresh=$((${ran:-0} - ${inited:-0}))
    [ "$fresh" -gt 0 ] || fresh=0
    total=$((total + fresh))
    part=$((part + 1))
    # One line per process, so that a campaign over several sessions adds up (awk on the file).
    cov=$(grep -o 'cov: [0-9]*' "$log.part" | tail -1 | cut -d' ' -f2 || true)
    outcome=ok
    # (72 is libFuzzer's exit status when interrupted, which it does not always say in the log.)
    if [ "$interrupted" -eq 1 ] || [ "$status" -eq 72 ] || grep -q 'libFuzzer: run interrupted' "$log.part"; then
      outcome=interrupted  # Ctrl-C or kill: what ran was tried, and found nothing
      interrupted=1
      status=0
    elif [ "$status" -ne 0 ]; then
      outcome="found (exit $status)"
    fi
    line=$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s' "$(date -u +%FT%TZ)" "$t" "$fresh" "$((SECONDS - began))" "${cov:-?}" \
      "$outcome" "$mode")
    echo "$line" >>"$build/fuzz-runs.tsv"
    # A campaign's lines are also kept in the tree, to be committed: build-fuzz/ does not outlive
    # its machine, and a campaign may span several.
    if [ "$mode" = campaign ]; then echo "$line" >>"$root/tests/fuzz/campaign.tsv"; fi
    [ "$interrupted" -eq 0 ] || break
    [ "$status" -eq 0 ] && [ "$chunk" -gt 0 ] || break
    if [ "$fresh" -eq 0 ]; then
      echo "fuzz.sh: $t: a process tried no new input (only the corpus); stopping" >&2
      break
    fi
  done
  rm -f "$log.part"
  echo "$total $status ${cov:-?} $interrupted" >"$build/$t.job$job"
}

base=
trap '[ -z "$base" ] || rm -rf "$base" "$base.before"' EXIT

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Graphviz 2.42 and the libraries under it lose memory of their own (see the file).
export LSAN_OPTIONS="suppressions=$root/tests/lsan-graphviz.supp:print_suppressions=0"
mkdir -p "$build/crashes"
found=0
# Ctrl-C (or kill) reaches libFuzzer too, which stops, prints its figures and exits 72: the run
# is recorded as interrupted, and no further target starts.
interrupted=0
trap 'interrupted=1' INT TERM
# The tsv's last column: a campaign's lines (CLEARPATH_FUZZ_RUNS given) add up to its totals;
# short rounds (scripts/test.sh, trying the script) do not.
mode=round
[ "$want" -gt 0 ] && mode=campaign
for t in "${targets[@]}"; do
  corpus=$build/corpus/$t
  if [ -n "$seed0" ] && [ "$want" -eq 0 ] && [ "$keep" -eq 0 ]; then
    corpus=$build/seeded/$t
    rm -rf "$corpus"
  fi
  mkdir -p "$corpus"
  copy_seeds "$t" "$corpus"
  mapfile -t tree < <(kept "$t")
  # Its dictionary; a line "#include NAME.dict" there brings in another's entries (libFuzzer
  # reads one file, and takes the line for a comment).
  dict=()
  if [ -f "$root/tests/fuzz/dict/$t.dict" ]; then
    awk -v dir="$root/tests/fuzz/dict" '/^#include / {while ((getline l < (dir "/" $2)) > 0) print l; next} {print}' \
      "$root/tests/fuzz/dict/$t.dict" >"$build/$t.dict"
    dict=(-dict="$build/$t.dict")
  fi
  if [ "$keep" -eq 1 ]; then
    # --keep: the inputs of the working corpus that reach code the seeds, the kept corpus and
    # the regressions do not, added to tests/fuzz/corpus/<target> (libFuzzer's -set_cover_merge=1:
    # the fewest inputs that reach as much, into
    # a folder that starts with those, under the names it gives: each input's SHA-1).
    kept=$root/tests/fuzz/corpus/$t
    mkdir -p "$kept"
    base=$(mktemp -d)
    # What the tree holds: today's seeds (not the working corpus's copies, which may be of seeds
    # since removed), the kept corpus and the regressions.
    copy_seeds "$t" "$base"
    if [ ${#tree[@]} -gt 0 ]; then find "${tree[@]}" -type f ! -name README.md -exec cp {} "$base"/ \;; fi
    ls "$base" | sort >"$base.before"
    leaks=()
    [ "$t" = labels ] && leaks=(-detect_leaks=0)
    "$build/tests/fuzz/${t}_fuzzer" -set_cover_merge=1 -use_counters=0 "${leaks[@]}" -timeout=2 -rss_limit_mb=2048 "$base" "$corpus" \
      >"$build/$t.keep.log" 2>&1 || { echo "fuzz.sh: --keep: $t: the merge failed; see $build/$t.keep.log" >&2; found=1; }
    added=0
    while read -r f; do
      cp "$base/$f" "$kept/$f"
      added=$((added + 1))
    done < <(ls "$base" | sort | comm -13 "$base.before" -)
    rm -rf "$base" "$base.before"
    base=
    echo "fuzz.sh: --keep: $t: $added inputs added to tests/fuzz/corpus/$t"
    continue
  fi
  rm -f "$build/$t".job*
  start=$SECONDS
  if [ "$njobs" -eq 1 ]; then
    # In this shell, so that its trap of Ctrl-C marks the process interrupted as it ends.
    run_job "$t" 1 "$want"
  else
    # Processes side by side on the same working corpus: libFuzzer reads in, every second, what
    # the others added to it. The executions asked for are shared out among them.
    pids=()
    for k in $(seq 1 "$njobs"); do
      quota=$((want / njobs))
      [ "$k" -eq 1 ] && quota=$((quota + want % njobs))
      if [ "$want" -gt 0 ] && [ "$quota" -eq 0 ]; then continue; fi
      run_job "$t" "$k" "$quota" &
      pids+=($!)
    done
    # (A signal the script traps ends `wait` early: wait again until each job is over.)
    for p in "${pids[@]}"; do
      while kill -0 "$p" 2>/dev/null; do wait "$p" || true; done
    done
  fi
  # What the processes did, added up.
  runs=0 status=0 cov=
  for k in $(seq 1 "$njobs"); do
    r=$build/$t.job$k
    [ -f "$r" ] || continue
    read -r j_runs j_status j_cov j_interrupted <"$r"
    rm -f "$r"
    runs=$((runs + j_runs))
    [ "$status" -ne 0 ] || status=$j_status
    if [ "$j_cov" != "?" ] && { [ -z "$cov" ] || [ "$j_cov" -gt "$cov" ]; }; then cov=$j_cov; fi
    [ "$j_interrupted" -eq 0 ] || interrupted=1
  done
  took=$((SECONDS - start))
  if [ "$interrupted" -eq 1 ]; then
    echo "fuzz.sh: $t: interrupted after ${runs} runs in ${took} s, no crash" >&2
    exit 130
  fi
  if [ "$status" -ne 0 ]; then
    found=1
    logs=("$build/$t.log")
    for k in $(seq 2 "$njobs"); do logs+=("$build/$t.$k.log"); done
    echo "fuzz.sh: $t FOUND A PROBLEM after ${runs:-?} runs (exit $status); see ${logs[*]} and $build/crashes/" >&2
    grep -hE "ERROR|fuzz invariant|SUMMARY|Test unit written" "${logs[@]}" 2>/dev/null | head -5 >&2 || true
  else
    echo "fuzz.sh: $t: ${runs} runs in ${took} s, coverage ${cov:-?} edges, no crash"
  fi
done
exit $found
