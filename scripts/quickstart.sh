#!/usr/bin/env bash
# The main job on the bundled example: set up, build (Release), then one command that says what
# stands between the churn model and production: `clearpath analyze` writes the HTML report
# with the diagrams of every view into build-release/churn-report/, and prints the text report.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
BUILD_TARGET=clearpath_exe "$root/scripts/build.sh" build-release -DCMAKE_BUILD_TYPE=Release
cd "$root"
./build-release/clearpath analyze graphs/churn-model.json --simulate 10000 --fail-on never \
  --format html -o build-release/churn-report
./build-release/clearpath analyze graphs/churn-model.json --simulate 10000 --fail-on never
echo
echo "HTML report with diagrams: build-release/churn-report/report.html (open it in a browser)"
