#!/usr/bin/env bash
# scripts/tidy.sh [-j N] [--build DIR] [--max N] [--all | FILE...]
# Runs clang-tidy (the checks of .clang-tidy) with the build's compile_commands.json on the C++
# files given, or by default on those the last commit changed; --all runs it on every source of
# the build (slow: about 15 s of CPU per file). A changed header is checked through one source
# that includes it (a .cpp of the same name when there is one). --max N: with more than N files to
# check, check none and say so (CI's time limit). Exits 1 if clang-tidy finds anything.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-release jobs=1 all=0 max=0 files=()
while [ $# -gt 0 ]; do
  case $1 in
    -j) jobs=$2; shift 2;;
    -j*) jobs=${1#-j}; shift;;
    --build) build=$(cd "$2" && pwd); shift 2;;
    --all) all=1; shift;;
    --max) max=$2; shift 2;;
    -h|--help) sed -n '2,8s/^# \{0,1\}//p' "$0"; exit 0;;
    *) files+=("$(realpath -m "$1")"); shift;;
  esac
done
tidy=$(command -v clang-tidy-14 || command -v clang-tidy) || { echo "tidy.sh: clang-tidy not found (Debian: clang-tidy)" >&2; exit 2; }
db=$build/compile_commands.json
[ -f "$db" ] || { echo "tidy.sh: no $db: configure the build first (scripts/build.sh build-release)" >&2; exit 2; }

# The sources the build compiles, as absolute paths, one a line.
sources=$(python3 -c 'import json, sys; print("\n".join(sorted({e["file"] for e in json.load(open(sys.argv[1]))})))' "$db")
in_build() { grep -qxF "$1" <<<"$sources"; }

if [ "$all" = 1 ]; then
  mapfile -t files <<<"$sources"
elif [ ${#files[@]} -eq 0 ]; then
  while IFS= read -r f; do files+=("$root/$f"); done < <(git -C "$root" diff --name-only --diff-filter=d HEAD~1 HEAD -- '*.cpp' '*.hpp')
fi

# Headers are checked through a source that includes them.
targets=()
for f in "${files[@]}"; do
  case $f in
    *.cpp) if in_build "$f"; then targets+=("$f"); else echo "tidy.sh: skipped, not in the build: ${f#"$root"/}" >&2; fi;;
    *.hpp)
      name=$(basename "$f")
      own=$(grep -m1 "/${name%.hpp}\.cpp$" <<<"$sources" || true)  # include/clearpath/x.hpp -> src/*/x.cpp
      if [ -n "$own" ]; then targets+=("$own"); continue; fi
      user=$(grep -lF "/$name\"" $sources 2>/dev/null | head -1 || true)
      if [ -n "$user" ]; then targets+=("$user"); else echo "tidy.sh: skipped, no source includes ${f#"$root"/}" >&2; fi;;
  esac
done
[ ${#targets[@]} -gt 0 ] || { echo "tidy.sh: no C++ file to check"; exit 0; }
mapfile -t targets < <(printf '%s\n' "${targets[@]}" | sort -u)

if [ "$max" -gt 0 ] && [ ${#targets[@]} -gt "$max" ]; then
  echo "tidy.sh: ${#targets[@]} files changed, more than --max $max: not checked (run scripts/tidy.sh -j N by hand)" >&2
  exit 0
fi
echo "tidy.sh: ${#targets[@]} file(s), $jobs at a time" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
printf '%s\n' "${targets[@]}" | xargs -d '\n' -P "$jobs" -n 1 "$tidy" -p "$build" --quiet 2>/dev/null | tee "$log" || true
# A finding in a header is reported by every file that includes it: count each once.
findings=$(grep -E '(warning|error): .* \[[a-z0-9.,-]+\]$' "$log" | sort -u || true)
if [ -n "$findings" ]; then
  echo "tidy.sh: $(wc -l <<<"$findings") finding(s), by check:" >&2
  grep -oE '\[[a-z0-9.,-]+\]$' <<<"$findings" | sort | uniq -c | sort -rn >&2
  exit 1
fi
echo "tidy.sh: no findings" >&2
