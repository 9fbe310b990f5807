#!/bin/sh
# Standard output that cannot be written, in a real process (issue 20, row 2): exit 2 and
# "cannot write standard output: REASON" for a full disk (/dev/full) and a closed descriptor
# (>&-); a pipe closed by its reader ends clearpath quietly with 128 + SIGPIPE, whether SIGPIPE
# kills it (the default) or is ignored (EPIPE).
# Usage: check_stdout_errors.sh CLEARPATH SOURCE_DIR
set -u
exe=$1
minimal=$2/graphs/minimal.json
err=$(mktemp)
trap 'rm -f "$err"' EXIT
failed=0

expect() {  # expect STATUS MESSAGE DESCRIPTION (the status and stderr of the last command)
  if [ "$status" != "$1" ] || [ "$(cat "$err")" != "$2" ]; then
    echo "FAIL: $3: status $status, stderr: $(cat "$err")"
    failed=1
  fi
}

for args in "path $minimal" "render $minimal --view org" "export $minimal --format graphml" "validate $minimal --format json"; do
  # shellcheck disable=SC2086
  "$exe" $args > /dev/full 2> "$err"; status=$?
  expect 2 "clearpath: error: cannot write standard output: No space left on device" "$args > /dev/full"
  # shellcheck disable=SC2086
  "$exe" $args >&- 2> "$err"; status=$?
  expect 2 "clearpath: error: cannot write standard output: Bad file descriptor" "$args >&-"
done

# Megabytes of output into `head`, which stops reading after 100 bytes.
status=$( { { "$exe" generate --steps 50000 --seed 1 2> "$err"; echo $? >&3; } | head -c 100 > /dev/null; } 3>&1)
expect 141 "" "generate | head (SIGPIPE)"
status=$( { { trap '' PIPE; "$exe" generate --steps 50000 --seed 1 2> "$err"; echo $? >&3; } | head -c 100 > /dev/null; } 3>&1)
expect 141 "" "generate | head (SIGPIPE ignored: EPIPE)"
exit $failed
