#!/usr/bin/env bash
# Nothing from the scanned repository reaches a CI log or a terminal raw:
# --format github escapes every value it prints (annotations and the plain
# lines past GitHub's per-level limit), and stderr notices escape file names
# and messages like the text format, so no file name, message or baseline
# entry can start a workflow command line or send terminal escapes
# (issue 14, 07 and 08).
. "$(dirname "$0")/lib.sh"
nl=$'\n' esc=$'\e'
P="$T/p"
mkdir -p "$P"
for i in $(seq -w 1 11); do bad_js "$P/f$i.js"; done
bad_js "$P/zz${nl}::error file=SECURITY.md,line=1,title=Approved::LGTM${nl}.js"
bad_js "$P/zz ${nl}  ::warning::indented${nl}.js"
printf 'a\0' >"$P/zz-bin${nl}::notice::from a notice${esc}[2J.js"
# lines that GitHub would run as workflow commands: "::" after optional blanks
commands() { grep -E '^[[:space:]]*::' | grep -vE '^::(error|warning|notice) (file=|title=racelint::)' || true; }
run --no-cache --format github "$P"
expect_rc 1 "github format"
injected=$( (echo "$OUT"; echo "$ERR") | commands)
if [ -z "$injected" ]; then ok; else fail "workflow commands injected: $injected"; fi
if grep -q "$esc" <<<"$OUT$ERR"; then fail "raw ESC in the github log"; else ok; fi
n=$(grep -c '^::error file=' <<<"$OUT" || true)
if [ "$n" = 10 ]; then ok; else fail "10 annotations still shown (got $n)"; fi
expect_out "zz%0A%3A%3Aerror file=SECURITY.md" "the plain line names the file, escaped"

# text format: the same names on stderr (the binary file's notice)
run --no-cache "$P"
if grep -q "$esc" <<<"$ERR"; then fail "raw ESC on stderr"; else ok; fi
if [ -z "$(commands <<<"$ERR")" ]; then ok; else fail "a notice starts a new line"; fi
expect_err 'zz-bin\x0a::notice::from a notice\x1b[2J.js' "notice file name escaped"

# a baseline's strings (the repository's) listed with -v
mkdir -p "$T/b"
bad_js "$T/b/a.js"
printf '{"version": 1, "findings": [{"ruleId": "x%s::error::b", "path": "p%s[2J", "key": "k", "count": 1, "message": "m%s::warning::c"}]}\n' \
  '\n' '\u001b' '\r\n' >"$T/b/base.json"
run --no-cache -v --baseline "$T/b/base.json" "$T/b"
if grep -q "$esc" <<<"$ERR"; then fail "raw ESC from a baseline entry"; else ok; fi
if [ -z "$(commands <<<"$ERR")" ]; then ok; else fail "a baseline entry starts a new line"; fi
expect_err "no longer found" "absent entries listed"
finish
