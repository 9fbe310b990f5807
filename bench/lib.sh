# Shared by the benchmark scripts in bench/: whole-process measurement with /usr/bin/time -v.
# The sourcing script sets RUNS and defines die(). Sourcing makes a temporary directory TMP,
# removed on exit, with the measurement logs TIME_LOG and ERR_LOG in it.
# shellcheck shell=bash

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
TIME_LOG=$TMP/time.log
ERR_LOG=$TMP/err.log

# measure CMD...: runs CMD REPS times in a row under one /usr/bin/time -v, its stdout going to
# $OUT (default /dev/null), and prints "WALL_SECONDS_PER_RUN MAX_RSS_KBYTES". An exit status up
# to MAX_OK (0; 1 for `clearpath path`, whose findings may set it) counts as success; anything
# else fails loudly.
REPS=1
OUT=/dev/null
MAX_OK=0
measure() {
  # shellcheck disable=SC2016  # the inner script's $0, $1 and $@ are its own
  if ! /usr/bin/time -v -o "$TIME_LOG" bash -c \
      'for ((r = 0; r < $0; r++)); do "${@:2}"; s=$?; if ((s > $1)); then exit "$s"; fi; done' \
      "$REPS" "$MAX_OK" "$@" >"$OUT" 2>"$ERR_LOG"; then
    echo "$(basename "$0"): command failed: $*" >&2
    head -n 20 "$ERR_LOG" >&2
    grep -i 'exit status\|signal' "$TIME_LOG" >&2 || true
    exit 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\) time/ {
      n = split($NF, part, ":"); wall = 0
      for (i = 1; i <= n; i++) wall = wall * 60 + part[i]
    }
    /Maximum resident set size/ { rss = $NF }
    END {
      if (wall == "" || rss == "") exit 1
      printf "%.4f %d\n", wall / reps, rss
    }' reps="$REPS" "$TIME_LOG" || die "could not read /usr/bin/time output for: $*"
}

# median: the median of the numbers on standard input, one a line.
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; printf "%.6f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# bench CMD...: RUNS measurements; prints "MEDIAN_WALL_SECONDS PEAK_RSS_KBYTES".
bench() {
  local walls=() rss_max=0 out wall rss i
  for ((i = 0; i < RUNS; i++)); do
    out=$(measure "$@")
    read -r wall rss <<<"$out"
    walls+=("$wall")
    if ((rss > rss_max)); then rss_max=$rss; fi
  done
  printf '%s %d\n' "$(printf '%s\n' "${walls[@]}" | median)" "$rss_max"
}

