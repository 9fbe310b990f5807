#!/usr/bin/env bash
# The main job on the bundled example: set up, build (Release), check the churn model and
# print what stands between it and production (its critical path, legacy chain, blockers, risk,
# and its approval gates: missing co-pilots, single points of failure, the approval path), and
# draw its dependency diagram.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
BUILD_TARGET=clearpath_exe "$root/scripts/build.sh" build-release -DCMAKE_BUILD_TYPE=Release
cd "$root"
./build-release/clearpath validate graphs/churn-model.json
./build-release/clearpath path graphs/churn-model.json --fail-on never
./build-release/clearpath copilots graphs/churn-model.json --initiative churn-model --fail-on never
./build-release/clearpath render graphs/churn-model.json --view deps -o build-release/churn-model.deps.svg
echo "diagram of the critical path: build-release/churn-model.deps.svg (clearpath render; see README)"
