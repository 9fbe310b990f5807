#!/usr/bin/env bash
# PSPLIB benchmark for resource levelling (issue 5): level_resources on every instance of the
# single-mode RCPSP sets, checked with check_levelled and compared with the published optima
# (j30) or best known upper bounds (j60, j120; see the data's SOURCE.md).
#
#   bench/levelling_psplib.sh [--all | --sets "j30 j60 ..."] [--effort N] [--seed S] [--build-dir DIR]
#
# Builds the levelling_bench target (Release; BUILD_DIR defaults to build-release and must be a
# Release build) and runs it on j30, or on j30, j60 and j120 with --all. The data folder is
# PSPLIB_DIR, default ../shared/data/psplib next to the repository (sets in j30/, j60/, j120/,
# tables in bounds/). --effort defaults to the library's default (LevellingOptions::effort),
# --seed to 1. The j120 figure of issue 16 (point 6) is `--sets j120 --effort 20000`.
#
# Per set it prints: the average and maximum % deviation from the optimum / best known makespan,
# how many instances reach it, the average % above the critical-path lower bound, and the mean
# and maximum time per instance (in-process steady_clock around level_resources only: no
# parsing, conversion or checking; one thread). Exit status 1 on a build or usage error, 2 when a
# schedule is infeasible or an instance does not parse.
set -euo pipefail
shopt -s inherit_errexit

usage() { echo "usage: $0 [--all | --sets \"j30 j60 ...\"] [--effort N] [--seed S] [--build-dir DIR]" >&2; }
die() { echo "levelling_psplib.sh: $*" >&2; exit 1; }

root=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=build-release
SETS=(j30)
EFFORT=
SEED=1
while (($# > 0)); do
  case $1 in
    --all) SETS=(j30 j60 j120) ;;
    --sets) (($# > 1)) || { usage; exit 1; }; read -r -a SETS <<<"$2"; shift ;;
    --effort) (($# > 1)) || { usage; exit 1; }; EFFORT=$2; shift ;;
    --seed) (($# > 1)) || { usage; exit 1; }; SEED=$2; shift ;;
    --build-dir) (($# > 1)) || { usage; exit 1; }; BUILD_DIR=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage; exit 1 ;;
  esac
  shift
done

DATA=${PSPLIB_DIR:-$root/../shared/data/psplib}
[[ -d $DATA ]] || die "no PSPLIB data in '$DATA' (set PSPLIB_DIR)"
for set in "${SETS[@]}"; do
  [[ -d $DATA/$set ]] || die "no set '$set' in '$DATA'"
done

echo "building levelling_bench in $BUILD_DIR (Release)..." >&2
BUILD_TARGET=levelling_bench "$root/scripts/build.sh" "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null ||
  die "build failed"
grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$root/$BUILD_DIR/CMakeCache.txt" ||
  die "$BUILD_DIR is not a Release build"
BENCH=$root/$BUILD_DIR/levelling_bench

status=0
for set in "${SETS[@]}"; do
  args=("$DATA/$set" --seed "$SEED")
  [[ -n $EFFORT ]] && args+=(--effort "$EFFORT")
  "$BENCH" "${args[@]}" || status=$?
done
exit "$status"
