#!/usr/bin/env bash
# Regenerates samples/ from graphs/ with a Release build: the outputs a new user can look at
# without building anything. Deterministic: the same sources give the same bytes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
BUILD_TARGET=clearpath_exe scripts/build.sh build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
cp=./build-release/clearpath
# The options the HR recipe uses (README; tests/cli/samples_test.cpp uses the same).
hr_import_options=(--side-of 'Information Technology=it' --side-of 'IT Operations=it' --side-of 'Data & Analytics=it'
  --default-side business --roles-from-title '^chief|^vp\b=executive' --roles-from-title 'director|^head of=director')
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
  for format in text md json; do
    ext=$format; [ "$format" = text ] && ext=txt
    "$cp" analyze "$g" --simulate 10000 --seed 1 --fail-on never --format "$format" -o "samples/$name.analyze.$ext"
  done
  "$cp" analyze "$g" --simulate 10000 --seed 1 --fail-on never -o "samples/$name.analyze.html"
  for view in org approvals deps conflicts timeline; do
    for format in dot svg png; do
      "$cp" render "$g" --view "$view" -o "samples/$name.$view.$format"
    done
  done
done
# The HR recipe of the README: an org diagram from an HR export.
"$cp" import hr graphs/hr-export.csv "${hr_import_options[@]}" -o samples/hr-export.json 2>/dev/null
"$cp" render samples/hr-export.json --view org -o samples/hr-export.org.png
# The top of the HTML report as the browser draws it (the README shows it).
profile=$(mktemp -d)
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --window-size=1280,1400 --screenshot="$root/samples/churn-model.analyze.png" \
  "file://$root/samples/churn-model.analyze.html" 2>/dev/null
rm -rf "$profile"
echo "samples/ regenerated:" >&2
ls samples >&2
