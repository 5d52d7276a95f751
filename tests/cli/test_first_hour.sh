#!/usr/bin/env bash
# What a new user meets in the first hour (issue 13): nothing to analyse is
# an error, a broken config / ref / baseline stops the run with the error
# last and no report, --write-baseline is quiet, vendored and minified code
# is skipped, .racelintignore, JSONC configs, --max-warnings, colour,
# --statistics, SARIF paths as documented.
. "$(dirname "$0")/lib.sh"
P="$T/p"
mkdir -p "$P/src" "$T/empty" "$T/docs-only"
bad_js "$P/src/a.js"
printf '# notes\n' >"$T/docs-only/README.md"
cd "$T"

# -- nothing to analyse: ESLint's "No files matching", exit 2
run empty
expect_rc 2 "an empty folder is an error"
expect_err "No files matching 'empty' were found" "no-files message"
expect_no_out "0 findings" "no report when nothing was analysed"
run docs-only
expect_rc 2 "a folder without sources is an error"
run p/srcc
expect_rc 2 "a mistyped path is an error"
expect_err "p/srcc: error: No such file or directory" "mistyped path message"
expect_no_out "0 findings" "no report for a mistyped path"
# ...but not for an explicitly named file (pre-commit passes files)
printf 'p/src/a.js\n' >"$T/.racelintignore"
run p/src/a.js
expect_rc 0 "an explicit file that is ignored: nothing to do, no error"
rm "$T/.racelintignore"

# -- a bad --changed-since ref: the error, last, and no report
G="$T/g"
mkdir -p "$G"
bad_js "$G/a.js"
(cd "$G" && git init -q . && git config user.email t@example.invalid && git config user.name t &&
 git add -A && git commit -qm base)
run --changed-since origin/main "$G"
expect_rc 2 "unknown ref"
expect_no_out "a.js" "no report after a bad ref"
if tail -n 1 <<<"$ERR" | grep -q "unknown revision 'origin/main'"; then ok; else fail "the ref error is the last line"; fi
# --changed-since that matches nothing is normal: exit 0, even in an empty folder
mkdir -p "$G/empty"
run --changed-since HEAD "$G/empty"
expect_rc 0 "--changed-since with nothing to analyse"

# -- baselines: a missing file says so; --write-baseline prints no report
run --baseline "$T/nosuch.json" p
expect_rc 2 "missing baseline"
expect_err "baseline $T/nosuch.json does not exist; create it with --write-baseline" "missing baseline message"
expect_no_out "a.js" "no report with a missing baseline"
if grep -q -- "-1:-1" <<<"$ERR"; then fail "no line:column for a missing file"; else ok; fi
run --write-baseline "$T/b.json" p
expect_rc 0 "--write-baseline"
expect_err "wrote 1 finding to baseline" "write message"
if [ -z "$OUT" ]; then ok; else fail "--write-baseline prints the report again"; fi
run --write-baseline "$T/b2.json" --format json -o "$T/r.json" p
if grep -q '"ruleId": "callback-promise-mix"' "$T/r.json"; then ok; else fail "--write-baseline with --output writes the report"; fi

# -- default skips: vendored, generated, minified; a named folder is searched
D="$T/d"
mkdir -p "$D/src" "$D/.yarn/releases" "$D/vendor/lib" "$D/third_party" "$D/dist" "$D/build" "$D/coverage"
for f in src/app.js .yarn/releases/yarn-4.cjs vendor/lib/x.js third_party/y.js dist/app.js \
         build/gen.js coverage/prettify.js src/lib.min.js src/app.bundle.js src/jq-min.js; do
  bad_js "$D/$f"
done
run --format json "$D"
expect_out '"src/app.js"' "the source is analysed"
for f in .yarn/releases/yarn-4.cjs vendor/lib/x.js third_party/y.js dist/app.js build/gen.js \
         coverage/prettify.js src/lib.min.js src/app.bundle.js src/jq-min.js; do
  expect_no_out "\"$f\"" "$f skipped by default"
done
run "$D/vendor"
expect_out "x.js:2:8" "a vendored folder named on the command line is searched"
run "$D/src/lib.min.js"
expect_out "lib.min.js:2:8" "a minified file named on the command line is analysed"

# -- .racelintignore (gitignore syntax), also in subfolders and above the path
I="$T/i"
mkdir -p "$I/src/gen" "$I/src/keep" "$I/lib"
for f in src/a.js src/gen/g.js src/gen/ok.js src/keep/k.js lib/l.js src/x.spec.js; do bad_js "$I/$f"; done
printf '# generated\nsrc/gen/*\n!src/gen/ok.js\n*.spec.js\n' >"$I/.racelintignore"
printf '/l.js\n' >"$I/lib/.racelintignore"
run --format json "$I"
expect_out '"src/a.js"' "not ignored"
expect_out '"src/keep/k.js"' "not ignored (subfolder)"
expect_out '"src/gen/ok.js"' "negation re-includes"
expect_no_out '"src/gen/g.js"' "folder pattern"
expect_no_out '"src/x.spec.js"' "name pattern at any depth"
expect_no_out '"lib/l.js"' "anchored pattern in a subfolder's file"
run --format json "$I/src"
expect_no_out '"src/gen/g.js"' "the root's .racelintignore applies to a subfolder scan"

# -- config: comments and trailing commas (JSONC), "warn"
C="$T/c"
mkdir -p "$C"
bad_js "$C/a.js"
cat >"$C/.racelint.json" <<'J'
{
  // JSONC, as oxlint reads its config
  "rules": {
    "callback-promise-mix": "warn", /* ESLint's spelling */
  },
  "ignore": ["gen/", "// not a comment inside a string"],
}
J
run "$C"
expect_rc 1 "a JSONC config loads"
expect_out "a.js:2:8: warning:" '"warn" is a warning'
printf '{\n  // a comment\n  "rules": { "x": \n}\n' >"$C/.racelint.json"
run "$C"
expect_err ".racelint.json:4:1: invalid JSON" "line numbers survive the comment removal"

# -- --max-warnings (ESLint): warnings fail only by their number
printf '{ "rules": { "callback-promise-mix": "warning" } }\n' >"$C/.racelint.json"
bad_js "$C/b.js"
run --max-warnings 2 "$C"
expect_rc 0 "2 warnings, --max-warnings 2"
run --max-warnings 1 "$C"
expect_rc 1 "2 warnings, --max-warnings 1"
expect_err "too many warnings: 2 (--max-warnings 1)" "max-warnings message"
printf '{ "rules": { "callback-promise-mix": "error" } }\n' >"$C/.racelint.json"
run --max-warnings 5 "$C"
expect_rc 1 "errors still fail with --max-warnings"
run --max-warnings x "$C"
expect_rc 2 "bad --max-warnings"

# -- colour: --color=WHEN, FORCE_COLOR, NO_COLOR (stdout is a file here)
esc=$'\033['
run --color=always p
if grep -qF "$esc" <<<"$OUT"; then ok; else fail "--color=always"; fi
run --color=never p
if grep -qF "$esc" <<<"$OUT"; then fail "--color=never"; else ok; fi
FORCE_COLOR=1 run p
if grep -qF "$esc" <<<"$OUT"; then ok; else fail "FORCE_COLOR=1 colours a pipe"; fi
FORCE_COLOR=0 run --color=auto p
if grep -qF "$esc" <<<"$OUT"; then fail "FORCE_COLOR=0"; else ok; fi
NO_COLOR=1 run p
if grep -qF "$esc" <<<"$OUT"; then fail "NO_COLOR"; else ok; fi
FORCE_COLOR=1 run --color=never p
if grep -qF "$esc" <<<"$OUT"; then fail "--color=never beats FORCE_COLOR"; else ok; fi
run --color=sometimes p
expect_rc 2 "bad --color value"

# -- --statistics: counts per rule and the time
bad_js "$P/src/b.js"
run --statistics --no-color p
expect_out "      2  error    callback-promise-mix" "per-rule count"
expect_out "2 findings in 2 files, analysed in " "timing line"
run --statistics --format json p
expect_err "callback-promise-mix" "statistics on stderr for machine formats"
if /usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/.out"; then ok; else fail "JSON stays valid with --statistics"; fi

# -- SARIF paths: relative to --root's default as --help says (outside git:
#    the path scanned), whatever the current folder
mkdir -p "$T/w/sub/src"
bad_js "$T/w/sub/src/a.js"
(cd "$T/w" && "$RACELINT" --format sarif sub >"$T/s1.sarif" 2>/dev/null) || true
(cd "$T/w/sub" && "$RACELINT" --format sarif . >"$T/s2.sarif" 2>/dev/null) || true
if grep -q '"uri": "src/a.js"' "$T/s1.sarif" && cmp -s "$T/s1.sarif" "$T/s2.sarif"; then ok; else
  OUT=$(grep '"uri"' "$T/s1.sarif" "$T/s2.sarif"); fail "SARIF uri relative to the scanned folder"; fi
(cd "$T/w" && "$RACELINT" --root . --format sarif sub >"$T/s3.sarif" 2>/dev/null) || true
if grep -q '"uri": "sub/src/a.js"' "$T/s3.sarif"; then ok; else fail "--root sets the SARIF base"; fi
"$RACELINT" --help >"$T/help.txt"
if grep -q "first path, else that path" "$T/help.txt" && grep -q "first path" "$SRC_DIR/README.md"; then ok; else
  fail "--help and README describe the default root the same way"; fi
# -- C: <racelint/rt.h> is found without -I (this source tree's runtime/c/include,
#    or the install prefix's include directory)
mkdir -p "$T/rt"
cat >"$T/rt/pair.c" <<'C'
#include <racelint/rt.h>
#include <pthread.h>
static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b = PTHREAD_MUTEX_INITIALIZER;
void both(void) {
  rl_rt_lock_pair(&a, &b);
  rl_rt_unlock_pair(&a, &b);
}
C
run --no-cache --fail-on note "$T/rt/pair.c"
expect_rc 0 "no parse-error for <racelint/rt.h>"
expect_no_out "file not found" "the runtime header is found"

# -- the C lock-order fix names the C runtime, never the JS withLocks
run --no-cache --enable lock-order "$SRC_DIR/testdata/c/lock-order/abba.c" # C: strict only
expect_out "rl_rt_lock_pair" "C lock-order hint names the C runtime"
expect_no_out "withLocks" "C lock-order hint does not suggest the JS withLocks"
finish
