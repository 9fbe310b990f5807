#!/usr/bin/env bash
# Regenerates samples/ from graphs/ with a Release build: the outputs a new user can look at
# without building anything. Deterministic: the same sources give the same bytes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
BUILD_TARGET=clearpath_exe scripts/build.sh build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
cp=./build-release/clearpath
mkdir -p samples
for g in graphs/*.json; do
  name=$(basename "$g" .json)
  "$cp" stats "$g" -o "samples/$name.stats.txt"
  "$cp" path "$g" --simulate 10000 --seed 1 --fail-on never -o "samples/$name.path.txt"
  "$cp" path "$g" --simulate 10000 --seed 1 --fail-on never --format json -o "samples/$name.path.json"
  "$cp" copilots "$g" --all --fail-on never -o "samples/$name.copilots.txt"
  "$cp" copilots "$g" --all --fail-on never --format json -o "samples/$name.copilots.json"
  "$cp" conflicts "$g" --fail-on never -o "samples/$name.conflicts.txt"
  "$cp" conflicts "$g" --fail-on never --format json -o "samples/$name.conflicts.json"
  for view in org approvals deps conflicts; do
    for format in dot svg png; do
      "$cp" render "$g" --view "$view" -o "samples/$name.$view.$format"
    done
  done
done
echo "samples/ regenerated:" >&2
ls samples >&2
