#!/usr/bin/env bash
# --exclude GLOB: the "ignore" syntax of .racelint.json, relative to the
# current directory, repeatable, combined with the config's own ignores.
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/p/src/gen" "$T/p/test" "$T/p/extlib/lib"
bad_js "$T/p/src/a.js"
bad_js "$T/p/src/a.spec.ts"
bad_js "$T/p/src/gen/b.js"
bad_js "$T/p/test/c.js"
bad_js "$T/p/extlib/lib/d.js"
cd "$T/p"

run --format json .; expect_rc 1 "baseline scan"
for f in src/a.js src/a.spec.ts src/gen/b.js test/c.js extlib/lib/d.js; do
  expect_out "\"$f\"" "all files scanned without --exclude ($f)"
done

run --format json --exclude test --exclude '**/*.spec.ts' --exclude 'extlib/' .
expect_rc 1 "excluded scan still finds the rest"
expect_out '"src/a.js"' "kept file"
expect_out '"src/gen/b.js"' "kept file in a subdirectory"
expect_no_out '"test/c.js"' "a bare directory name excludes it anywhere"
expect_no_out '"src/a.spec.ts"' "double-star glob"
expect_no_out '"extlib/lib/d.js"' "trailing slash: everything under it"

# relative to the current directory, not to the scanned path (the report
# paths stay relative to the root, here the scanned directory)
cd "$T"
run --format json --exclude 'p/src/gen/*' p
expect_out '"src/a.js"' "cwd-relative glob keeps other files"
expect_no_out 'gen/b.js' "cwd-relative glob"
run --format json --exclude 'src/gen/*' p
expect_out 'gen/b.js' "a glob relative to another directory does not match"

# an absolute glob is matched against absolute paths
run --format json --exclude "$T/p/src/" p
expect_no_out '"src/a.js"' "absolute directory glob"
expect_out '"test/c.js"' "absolute glob keeps the rest"

# everything excluded: nothing to analyse is an error, as in ESLint ("All
# files matched by 'p' are ignored", exit 2)
run --exclude '*.js' --exclude '*.ts' p; expect_rc 2 "all excluded"
expect_err "No files matching 'p' were found" "message when everything is excluded"

# with the config's ignore: both apply
printf '{ "ignore": ["src/gen/"] }\n' >"$T/p/.racelint.json"
run --format json --exclude test p
expect_no_out 'gen/b.js' "config ignore still applies"
expect_no_out 'test/c.js' "--exclude applies too"
expect_out '"src/a.js"' "the rest is scanned"

run --exclude '' p; expect_rc 2 "empty glob"
expect_err "--exclude takes a glob" "empty glob message"
finish
