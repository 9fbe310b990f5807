#!/usr/bin/env bash
# The README's recipes for `clearpath diff`, run as written in a repository made here:
#  1. CI on a pull request: diff the plan against the base branch, a Markdown report for the
#     pull-request comment, exit 1 when the date slips by more than 5 days or a new error appears;
#  2. git textconv: `git diff` on a plan file shows clearpath's view of it;
#  3. git difftool: `git difftool -t clearpath` runs clearpath diff on the two versions.
# Usage: check_diff_recipes.sh CLEARPATH SOURCE_DIR
set -euo pipefail
clearpath=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATH="$(dirname "$clearpath"):$PATH"
cd "$work"
git init -q -b main repo
cd repo
git config user.name ci
git config user.email ci@example.com
mkdir plans
cp "$src/graphs/churn-model.json" plans/plan.json
git add plans/plan.json
git commit -q -m base
git checkout -q -b feature
cp "$src/tests/data/diff/churn-longer-extract.json" plans/plan.json
git commit -q -am "billing extract takes 10 days more"

fail() { echo "check_diff_recipes: $*" >&2; exit 1; }

# 1. The CI step (as in the README), with the base branch as CI checks it out.
status=0
clearpath diff --git main plans/plan.json --format md -o diff.md --fail-on slip:5 --fail-on new-error || status=$?
[ "$status" -eq 1 ] || fail "CI recipe: exit $status, expected 1 (a 10-day slip)"
grep -q '^## Summary' diff.md || fail "CI recipe: diff.md has no summary"
grep -qF '| churn-model | 187.0 (2027-11-19) | 197.0 (2027-12-07) | **+10.0** | **83,077** |' diff.md ||
  fail "CI recipe: diff.md lacks the slip of churn-model"
status=0
clearpath diff --git main plans/plan.json --format md -o diff.md --fail-on slip:10 --fail-on new-error || status=$?
[ "$status" -eq 0 ] || fail "CI recipe: exit $status with slip:10, expected 0"

# 2. textconv: git diff shows the production date moving.
echo 'plans/*.json diff=clearpath' > .gitattributes
git config diff.clearpath.textconv 'clearpath path --quiet --fail-on never'
git diff main -- plans/plan.json > textconv.out
grep -q '^-  production expected: working day 187.0 (2027-11-19)' textconv.out || fail "textconv: no old date"
grep -q '^+  production expected: working day 197.0 (2027-12-07)' textconv.out || fail "textconv: no new date"

# 3. difftool.
git config difftool.clearpath.cmd 'clearpath diff "$LOCAL" "$REMOTE"'
git difftool -y -t clearpath main -- plans/plan.json > difftool.out
grep -q 'later by up to 10.0 working days' difftool.out || fail "difftool: no slip in the report"
echo "check_diff_recipes: the CI, textconv and difftool recipes work"
