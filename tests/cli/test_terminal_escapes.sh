#!/usr/bin/env bash
# A hostile file name or source line must not drive the user's terminal:
# text output shows control characters and escape sequences as \xNN, and
# JSON/SARIF stay valid UTF-8.
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/p"
esc=$'\e'
name="evil${esc}]0;pwned${esc}\\${esc}[2J.js"
printf '%s\n' "// ${esc}[31mred${esc}[0m" "[1].forEach(async (x) => { await x; }); // ${esc}[2J${esc}]8;;http://x${esc}\\ \x9b" >"$T/p/$name"
run --no-color "$T/p"
expect_rc 1 "the finding is reported"
if grep -q $'\e' <<<"$OUT$ERR"; then fail "a raw ESC reached the terminal"; else ok; fi
expect_out 'evil\x1b]0;pwned\x1b\' "file name escaped"
expect_out '\x1b[2J' "source line escaped"
if grep -qP '\xc2\x9b' <<<"$OUT"; then fail "a raw C1 control (CSI) reached the terminal"; else ok; fi
# colour on: only our own escape sequences
run --color "$T/p"
if grep -q $'\e\\[2J' <<<"$OUT"; then fail "hostile sequence with --color"; else ok; fi
for fmt in json sarif; do
  run --format "$fmt" "$T/p"
  if /usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8", errors="strict"))' "$T/.out"; then ok; else fail "$fmt is valid UTF-8 JSON"; fi
done
finish
