#!/usr/bin/env bash
# Variants of issue 14/11 and 07 written by a second session. A config
# "extends", c.compileCommands, --compile-commands or --baseline naming a
# FIFO (no writer: a read would wait forever), a link in the repository to
# /dev/zero (endless), a directory: refused with a message naming it, exit
# 2, the other findings still reported, no hang. And --format github with
# a file name holding a percent-encoded newline or a CR, and a C message
# quoting a string literal that spans lines: no line the runner would take
# for a workflow command.
. "$(dirname "$0")/lib.sh"
R="$T/r"
mkdir -p "$R" "$T/adir"
bad_js "$R/a.js"
mkfifo "$T/fifo"
ln -s /dev/zero "$R/zero_link.json"
cd "$T"
for t in "$T/fifo" "$R/zero_link.json" "$T/adir"; do
  printf '{"extends": "%s"}\n' "$t" >"$R/.racelint.json"
  run --no-cache r </dev/null
  expect_rc 2 "extends $t"
  expect_err "cannot read: not a regular file" "extends $t refused"
  printf '{"c": {"compileCommands": "%s"}}\n' "$t" >"$R/.racelint.json"
  run --no-cache r </dev/null
  expect_rc 2 "c.compileCommands $t"
  expect_err "cannot read: not a regular file" "c.compileCommands $t refused"
  rm "$R/.racelint.json"
  run --no-cache --compile-commands "$t" r </dev/null
  expect_rc 2 "--compile-commands $t"
  expect_err "not a regular file" "--compile-commands $t refused"
  expect_out "[callback-promise-mix]" "--compile-commands $t: findings still reported"
  run --no-cache --baseline "$t" r </dev/null
  expect_rc 2 "--baseline $t"
  expect_err "not a regular file" "--baseline $t refused"
done

# --format github
G="$T/gh"
mkdir -p "$G"
bad_js "$G/a%0A::error file=SECURITY.md::pct.js"
bad_js "$G/b$(printf '\r')::error file=SECURITY.md::cr.js"
for i in $(seq -w 1 12); do
  cat >"$G/t$i.c" <<'C'
#include <fcntl.h>
#include <unistd.h>
int take(void) {
  if (access("/a\
::error file=SECURITY.md,line=1,title=Approved::LGTM\
", W_OK) != 0) return -1;
  return open("/a\
::error file=SECURITY.md,line=1,title=Approved::LGTM\
", O_WRONLY);
}
C
done
run --no-cache --format github gh
expect_rc 1 "github: findings"
# GitHub shows 10 annotations per level: 10 of the 14 errors, then a notice
n=$(grep -c '^::error ' <<<"$OUT" || true)
if [ "$n" = 10 ]; then ok; else fail "github: 10 error annotations (got $n)"; fi
n=$(grep -c '^t[0-9]*\.c:7:10: error: ' <<<"$OUT" || true)
if [ "$n" = 4 ]; then ok; else fail "github: the other 4 as plain lines (got $n)"; fi
# every :: line is one of those annotations or racelint's own notice
bad=$(grep '^::' <<<"$OUT" | grep -v '^::error file=t[0-9]*\.c,line=7,col=10,' |
  grep -v '^::error file=[ab][^:,]*,line=2,col=8,' | grep -v '^::notice title=racelint::' || true)
if [ -z "$bad" ]; then ok; else fail "github: injected command lines: $bad"; fi
if grep -q $'\r' <<<"$OUT"; then fail "github: a raw CR in the output"; else ok; fi
expect_out "a%250A%3A%3Aerror" "github: the percent sign of a name is escaped"
finish
