#!/usr/bin/env bash
# Package types (analyzer/scan/pkgtypes.c): the .d.ts under a project's
# node_modules tell floating-promise which package APIs return promises;
# without node_modules the run still works and says so once, not per file.
. "$(dirname "$0")/lib.sh"
CASE="$SRC_DIR/testdata/js/floating-promise/package_types"
# floating-promise is in racelint:strict: each run turns it on

mkdir -p "$T/with"
cp -r "$CASE/fake_modules" "$T/with/node_modules"
cp "$CASE/app.ts" "$T/with/"
cd "$T/with"
run --enable floating-promise --format json .
expect_rc 1 "findings from package types"
n=$(grep -c '"ruleId": "floating-promise"\|"rule": "floating-promise"' <<<"$OUT" || true)
if [ "$n" -ge 9 ]; then ok; else fail "9 floating-promise findings wanted, got $n"; fi
expect_out "declared to return a promise here" "the .d.ts declaration is the related location"
expect_out "not found for 1 of 6 imported packages ('not-installed')" "the one missing package is named"
expect_no_out "no node_modules directory" "node_modules is there"

# the same sources in two files, no node_modules anywhere above: no
# findings from packages, and one notice for the run
mkdir -p "$T/without/src"
cp "$CASE/app.ts" "$T/without/src/a.ts"
cp "$CASE/app.ts" "$T/without/src/b.ts"
cd "$T/without"
run --enable floating-promise --format json .
expect_no_out '"floating-promise"' "nothing is known of the packages"
c=$(grep -o "no node_modules directory above the scanned files" <<<"$OUT$ERR" | wc -l)
if [ "$c" -ge 1 ] && [ "$c" -le 2 ]; then ok; else fail "the notice once per output stream, got $c"; fi
run .
c=$(grep -c "package types not found" <<<"$ERR" || true)
if [ "$c" = 1 ]; then ok; else fail "text: one notice for the run, got $c"; fi

finish
