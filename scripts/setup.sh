#!/usr/bin/env bash
# Installs the Debian 12 packages clearpath needs, and only those that are missing, so a
# second run does nothing. Run as root (or with sudo available).
set -euo pipefail

packages=(
  g++ cmake make pkg-config          # toolchain
  libboost-graph-dev                 # Boost.Graph 1.74
  libgraphviz-dev graphviz           # cgraph and gvc
  libcli11-dev                       # CLI11 2.1
  nlohmann-json3-dev                 # nlohmann::json 3.11
  catch2                             # Catch2 v2.13 (tests)
  python3 python3-jsonschema         # checks the JSON Schema in the tests
  time                               # /usr/bin/time -v for the benchmarks in bench/
  python3-networkx                   # bench/path_scale.sh compares the CPM with NetworkX
  libxml2-utils                      # xmllint: the render tests check SVG is well-formed XML
  fonts-dejavu-core                  # the font diagrams are laid out and drawn with
  fonts-wqy-microhei                 # its fallback for Chinese and Japanese names in PNG and PDF
  libcsv-dev                         # RFC 4180 CSV parser for `clearpath import hr`
  chromium                           # headless browser: the HTML report test loads the page
  python3-websocket                  # drives chromium over the DevTools protocol (the HTML report's clicks)
  clang-tidy                         # scripts/tidy.sh: the checks of .clang-tidy on changed files
  clang-format                       # .clang-format: the style the code is formatted in
  libsimdjson-dev                    # simdjson On-Demand: the fast path that reads model files
  libre2-dev                         # RE2: linear-time regular expressions for --roles-from-title
  libpugixml-dev                     # pugixml: reads MS Project XML (import mspdi); no DTD, no entity expansion
  clang libclang-rt-14-dev           # libFuzzer: scripts/fuzz.sh builds and runs the fuzz targets (tests/fuzz/)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root to install: ${missing[*]}" >&2; exit 2; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
