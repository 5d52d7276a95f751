#!/usr/bin/env bash
# Bad input never crashes the tool and never loses the other files' findings.
. "$(dirname "$0")/lib.sh"
P="$T/proj"
mkdir -p "$P/src"
bad_js "$P/src/real.js"                      # the finding that must survive

# binary file with a source extension
printf 'abc\0\0\0\1\2\3' >"$P/src/blob.js"
# invalid UTF-8, with a finding after it
printf '// caf\xe9 \xff\xfe\n[1].forEach(async (x) => { await x; });\n' >"$P/src/latin1.js"
# syntax errors; the finding after the broken part is still found
printf 'function broken( {\n  let = ;\n}\n[2].forEach(async (y) => { await y; });\n' >"$P/src/broken.js"
# UTF-16 with a BOM
printf '\xff\xfe/\x00/\x00\n\x00' >"$P/src/utf16.ts"
# CRLF and lone-CR line ends
printf 'const a = 1;\r\n[3].forEach(async (z) => { await z; });\r\n' >"$P/src/crlf.js"
# deeply nested code: 10,000 levels
python3 - "$P/src" <<'PY'
import sys
d = sys.argv[1]
open(d + "/deep.js", "w").write("const x = " + "[" * 10000 + "]" * 10000 + ";\n")
open(d + "/deep2.js", "w").write("function f() {" + "{" * 10000 + "}" * 10000 + "}\n")
open(d + "/deep.c", "w").write("int f(void) { return " + "(" * 10000 + "1" + ")" * 10000 + "; }\n")
open(d + "/deepblock.c", "w").write("void g(void) " + "{" * 10000 + "}" * 10000 + "\n")
PY
# a 5 MB file with a finding at the very end
python3 - "$P/src/big.js" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    line = "export const v%d = { a: [1, 2, 3], b: 'some text here to fill the line' };\n"
    i = 0
    while f.tell() < 5 * 1024 * 1024:
        f.write(line % i); i += 1
    f.write("[4].forEach(async (w) => { await w; });\n")
PY
# a directory symlink loop
ln -s .. "$P/src/loop"
ln -s "$P/src" "$P/src/sub_loop_abs"

# --parse-timeout 0: the test is about bad input, not the parse budget (the
# 5 MB file took longer than the default 10 s under TSan on a loaded machine)
run --parse-timeout 0 --jobs 2 "$P" "$T/does-not-exist"
expect_rc 2 "missing path is an error"
expect_err "does-not-exist: error: No such file or directory" "missing path message"
expect_out "real.js:2:8: error:" "other files still scanned"
expect_err "blob.js: skipped: binary file" "binary file message"
expect_out "latin1.js:2:5: error:" "invalid UTF-8 file analysed"
expect_out "broken.js:4:5: error:" "finding after a syntax error"
expect_out "broken.js:1:" "syntax error reported"
expect_out "[parse-error]" "parse-error rule"
expect_err "utf16.ts: skipped: UTF-16" "UTF-16 message"
expect_out "crlf.js:2:5: error:" "CRLF line numbers"
expect_out "big.js:" "5 MB file analysed"
expect_err "2 symbolic links not followed" "symlinks not followed by default"

# the 5 MB file over a smaller limit: skipped with a message
run --max-file-size 1M "$P/src/big.js" "$P/src/real.js"
expect_rc 1 "finding in the other file"
expect_err "big.js: skipped:" "too-big message"
expect_out "real.js:2:8" "other file still analysed"

# following symlinks: loops are detected, the scan ends
run --parse-timeout 0 --follow-symlinks "$P"
expect_out "real.js:2:8" "scan with --follow-symlinks completes"
expect_err "already scanned" "loop reported"

# JSON output stays valid UTF-8 whatever the input bytes were
run --format json "$P/src/latin1.js"
if /usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8", errors="strict"))' "$T/.out"; then ok; else fail "JSON is valid UTF-8"; fi

# unreadable file (as root, drop privileges to check the permission path)
mkdir -p "$T/perm" && bad_js "$T/perm/ok.js" && good_js "$T/perm/secret.js"
chmod 000 "$T/perm/secret.js"
chmod 755 "$T" "$T/perm"
if [ "$(id -u)" = 0 ]; then
  set +e
  setpriv --reuid=65534 --regid=65534 --clear-groups "$RACELINT" "$T/perm" >"$T/.out" 2>"$T/.err"
  RC=$?
  set -e
  OUT=$(cat "$T/.out"); ERR=$(cat "$T/.err")
else
  run "$T/perm"
fi
expect_rc 2 "unreadable file is an error"
expect_err "secret.js: error: cannot read: Permission denied" "unreadable message"
expect_out "ok.js:2:8" "readable neighbour still analysed"
finish
