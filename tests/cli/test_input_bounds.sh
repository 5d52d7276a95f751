#!/usr/bin/env bash
# Issue 14, repro 17: stdin bounded like a file, no other file's contents
# echoed through "extends", --print-config whatever bytes the paths hold,
# and a glob that is not a string is an error, not silently ignored.
. "$(dirname "$0")/lib.sh"
cd "$T"

# stdin over --max-file-size: a clear error, exit 2, and it is not read
# whole (300 MB piped in; the run's peak RSS stays far below it).
head -c 2048 /dev/zero | tr '\0' ' ' >"$T/2k.js"
set +e
"$RACELINT" --no-cache --max-file-size 1K --stdin-filename x.js <"$T/2k.js" >"$T/.out" 2>"$T/.err"
RC=$?
set -e
OUT=$(cat "$T/.out") ERR=$(cat "$T/.err")
expect_rc 2 "stdin over the limit"
expect_err "more than --max-file-size" "stdin over the limit"
head -c 1024 /dev/zero | tr '\0' ' ' >"$T/1k.js"
set +e
"$RACELINT" --no-cache --max-file-size 1K --stdin-filename x.js <"$T/1k.js" >"$T/.out" 2>"$T/.err"
RC=$?
set -e
OUT=$(cat "$T/.out") ERR=$(cat "$T/.err")
expect_rc 0 "stdin at the limit is analysed"
bad_js "$T/one.js"
set +e
"$RACELINT" --no-cache --stdin-filename one.js <"$T/one.js" >"$T/.out" 2>"$T/.err"
RC=$?
set -e
OUT=$(cat "$T/.out") ERR=$(cat "$T/.err")
expect_rc 1 "stdin under the limit is analysed"
expect_out "callback-promise-mix" "stdin under the limit is analysed"
set +e
yes '                                                               ' | head -c 300M |
  /usr/bin/time -f %M -o "$T/rss" "$RACELINT" --no-cache --stdin-filename x.js >/dev/null 2>"$T/.err"
RC=${PIPESTATUS[2]}
set -e
rss=$(tail -1 "$T/rss")
if [ "$rss" -lt $((150 * 1024)) ]; then ok; else
  OUT="peak RSS ${rss} KB"; ERR=$(cat "$T/.err"); fail "300 MB on stdin is read whole"; fi
OUT="" ERR=$(cat "$T/.err")
expect_rc 2 "300 MB on stdin"

# "extends" naming a file that is not a config: where, never what.
mkdir -p r
printf 'SECRET_TOKEN_93a1 = value\n' >secret.txt
echo '{"extends": "../secret.txt"}' >r/.racelint.json
good_js r/a.js
run --no-cache r
expect_rc 2 "extends a non-JSON file"
expect_err "'extends' names a file that is not JSON" "extends a non-JSON file"
if grep -q SECRET <<<"$ERR"; then fail "extends echoes the other file's bytes"; else ok; fi
run --print-config r/a.js
expect_rc 2 "--print-config, extends a non-JSON file"
if grep -q SECRET <<<"$ERR"; then fail "--print-config echoes the other file's bytes"; else ok; fi
# ... and the value itself never reaches the terminal raw (--print-config too)
mkdir -p e
printf '{"extends": "racelint:\\u001b]0;pwned\\u0007\\u001b[2J"}\n' >e/.racelint.json
good_js e/a.js
for mode in scan print; do
  if [ $mode = scan ]; then run --no-cache e; else run --print-config e/a.js; fi
  expect_rc 2 "extends with escapes ($mode)"
  expect_err "unknown preset" "extends with escapes ($mode)"
  if printf '%s' "$ERR" | grep -q $'\e'; then fail "raw ESC on stderr ($mode)"; else ok; fi
done

# --print-config under a non-UTF-8 directory keeps every key (U+FFFD).
d="$T/caf$(printf '\xe9')"
mkdir "$d"
echo '{"c": {"includeDirs": ["inc"]}, "js": {"promiseFunctions": ["f"]}}' >"$d/.racelint.json"
touch "$d/a.c"
(cd "$d" && "$RACELINT" --print-config a.c >"$T/pc.json" 2>"$T/.err")
if python3 - "$T/pc.json" <<'PY'; then ok; else OUT=$(cat "$T/pc.json"); ERR=""; fail "--print-config drops non-UTF-8 paths"; fi
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["file"].endswith("caf\ufffd/a.c"), d.get("file")
assert d["configs"] and d["configs"][0].endswith("caf\ufffd/.racelint.json"), d["configs"]
assert any(a.startswith("-I") and a.endswith("caf\ufffd/inc") for a in d["c"]["args"]), d["c"]
assert d["js"]["promiseFunctions"] == ["f"]
PY

# overrides[].files entries that are not strings: an error naming them.
mkdir -p o
good_js o/a.js
echo '{"overrides": [{"files": ["*.js", 1, null], "rules": {}}]}' >o/.racelint.json
run --no-cache o
expect_rc 2 "overrides.files with non-strings"
expect_err "'overrides[0].files[1]' must be a string" "overrides.files[1]"
expect_err "'overrides[0].files[2]' must be a string" "overrides.files[2]"
echo '{"overrides": [{"files": ["*.js"], "rules": {}}]}' >o/.racelint.json
run --no-cache o
expect_rc 0 "overrides.files all strings"
finish
