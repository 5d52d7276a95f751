#!/usr/bin/env bash
# C parsing runs in a bounded worker process (analyzer/c/cworker.h): a file that
# crashes libclang, hangs, exhausts memory or makes the worker send garbage
# costs that file only (a notice and a parse-error finding), never the run;
# the next file gets a new worker. No outcome here depends on timing: the
# hang never ends, the crash and the memory blow-up are deterministic, and
# every other run has no time limit (--parse-timeout 0).
. "$(dirname "$0")/lib.sh"
ulimit -s 8192 # the stack overflow below needs the usual 8 MiB stack
sanitized=0
if readelf -d "$RACELINT" | grep -qE 'lib(asan|tsan)'; then sanitized=1; fi

mkdir -p "$T/p"
bad_js "$T/p/app.js"
cp "$SRC_DIR/testdata/c/lock-order/abba.c" "$T/p/b_abba.c"
# C lock-order is in racelint:strict only (rules/lock-order.md): turn it on
printf '%s\n' '{ "rules": { "lock-order": "error" } }' >"$T/p/.racelint.json"
# A 10,000-branch else-if: libclang 14 overflows its stack (SIGSEGV).
python3 -c "open('$T/p/a_gen.c','w').write('void f(int v){\n if (v==0) {}\n' + ''.join(' else if (v==%d) {}\n' % i for i in range(1,10000)) + '}\n')"

# --jobs 1: a_gen.c kills the first worker, b_abba.c needs the second.
run --no-cache --parse-timeout 0 --jobs 1 "$T/p"
expect_rc 1 "a crashed file does not change the exit status (the JS and C findings do)"
expect_err "a_gen.c: not analysed: the C parser process crashed" "crash notice"
expect_out "a_gen.c:1:1: note: not analysed: the C parser process crashed" "parse-error finding for the crashed file"
expect_out "[parse-error]" "as a parse-error"
expect_out "b_abba.c:10:3: error:" "the next C file is analysed by a new worker"
expect_out "[callback-promise-mix]" "JS findings intact"
run --no-cache --parse-timeout 0 --jobs 2 --format sarif -o "$T/out.sarif" "$T/p"
expect_rc 1 "SARIF run completes"
if grep -q '"lock-order"' "$T/out.sarif" && grep -q 'not analysed' "$T/out.sarif"; then ok; else
  fail "SARIF report lacks the C finding or the crash"; fi

# Test hooks (RACELINT_TEST_C_WORKER_FAULT=kind:suffix): a worker that hangs,
# sends a malformed answer, or claims a 1 TiB answer.
mkdir -p "$T/h"
printf 'int h;\n' >"$T/h/hang.c"
# only the hanging file: nothing else may race the 300 ms
RACELINT_TEST_C_WORKER_FAULT=hang:/hang.c run --no-cache --parse-timeout 300 "$T/h/hang.c"
expect_rc 0 "hang: the run ends (a parse-error note only)"
expect_err "hang.c: not analysed: parsing took longer than --parse-timeout (300 ms)" "hang notice"
expect_out "hang.c:1:1: note: not analysed" "hang finding"
for k in garbage huge; do
  RACELINT_TEST_C_WORKER_FAULT=$k:/a_gen.c run --no-cache --parse-timeout 0 --jobs 1 "$T/p/b_abba.c" "$T/p/app.js"
  expect_rc 1 "$k: other files unaffected"
  expect_out "b_abba.c:10:3: error:" "$k: C finding of a good file"
  cp "$SRC_DIR/testdata/c/lock-order/abba.c" "$T/p/a_gen.c"
  RACELINT_TEST_C_WORKER_FAULT=$k:/a_gen.c run --no-cache --parse-timeout 0 --jobs 1 "$T/p/a_gen.c" "$T/p/b_abba.c"
  expect_err "a_gen.c: not analysed: the C parser process sent a malformed answer" "$k: refused"
  expect_out "b_abba.c:10:3: error:" "$k: the next file gets a new worker"
  expect_no_out "a_gen.c:10:3: error:" "$k: nothing from the bad answer"
done
RACELINT_TEST_C_WORKER_FAULT=crash:/a_gen.c run --no-cache --parse-timeout 0 --jobs 1 "$T/p/a_gen.c" "$T/p/b_abba.c"
expect_err "a_gen.c: not analysed: the C parser process crashed" "injected crash"
expect_out "b_abba.c:10:3: error:" "injected crash: next file analysed"
# RACELINT_C_WORKER_STDERR=1 with our stderr in a file (run's $T/.err): what
# the worker writes before it dies (a sanitizer's report, here the fault's
# line) reaches that file through racelint, and the worker still dies of its
# crash, not of RLIMIT_FSIZE 0 ("tried to write a file", the report lost)
RACELINT_C_WORKER_STDERR=1 RACELINT_TEST_C_WORKER_FAULT=crash:/a_gen.c \
  run --no-cache --parse-timeout 0 --jobs 1 "$T/p/a_gen.c" "$T/p/b_abba.c"
expect_err "racelint --c-worker: test fault: crash" "worker stderr kept: its last words reach ours"
expect_err "a_gen.c: not analysed: the C parser process crashed" "worker stderr kept: still a crash"
expect_out "b_abba.c:10:3: error:" "worker stderr kept: next file analysed"

# /dev/stdin: the worker's stdin is /dev/null, never the analyzer's (here a
# pipe that never ends: reading it would hang until the time limit).
printf '#include "/dev/stdin"\nint s;\n' >"$T/h/stdin.c"
mkfifo "$T/pipe"
exec 7<>"$T/pipe"
set +e
OUT=$("$RACELINT" --no-cache "$T/h/stdin.c" <&7 2>&1)
RC=$?
set -e
exec 7>&-
expect_rc 0 "include of /dev/stdin with an open pipe on stdin"
expect_no_out "took longer" "no hang on /dev/stdin"

# Includes of devices, FIFOs and /proc files are refused at once (the worker's
# open() checks what it opened): no endless read, no wait for a writer.
mkdir -p "$T/s"
printf '#include "/dev/zero"\nint z;\n' >"$T/s/zero.c"
printf '#include "/dev/urandom"\nint z;\n' >"$T/s/urandom.c"
mkfifo "$T/s/fifo.h"
printf '#include "fifo.h"\nint q;\n' >"$T/s/fifo.c"
printf '#include "/proc/self/environ"\nint q;\n' >"$T/s/proc.c"
printf '#include "/sys/kernel/mm/transparent_hugepage/enabled"\nint q;\n' >"$T/s/sys.c"
# a database that adds -include /dev/zero and tries to lift the bracket limit
printf 'int a[] = %s1%s;\n' "$(printf '{%.0s' $(seq 300))" "$(printf '}%.0s' $(seq 300))" >"$T/s/deep.c"
cat >"$T/s/compile_commands.json" <<JSON
[{"directory": "$T/s", "file": "$T/s/deep.c",
  "arguments": ["cc", "-include", "/dev/zero", "-fbracket-depth=100000", "-c", "deep.c"]}]
JSON
run --no-cache --parse-timeout 0 "$T/s"
expect_rc 0 "special includes: the run ends (no time limit needed)"
for f in zero urandom fifo proc sys; do
  expect_out "$f.c:1:10: note: syntax error: cannot open file" "$f.c refused"
done
expect_out "Operation not permitted" "refusal reason"
expect_out "bracket nesting level exceeded maximum of 256" "compiler limits stay bounded"
expect_no_out "not analysed" "nothing killed"

# Memory: a macro bomb against a small --c-memory-limit. RLIMIT_AS cannot be
# used under ASan/TSan (their shadow memory): only the plain build checks it.
if [ $sanitized = 0 ]; then
  { echo '#define A0 1+'; for i in $(seq 1 40); do echo "#define A$i A$((i-1)) A$((i-1))"; done
    echo 'int y = A40 1;'; } >"$T/p/a_gen.c"
  run --no-cache --parse-timeout 0 --jobs 1 --c-memory-limit 512M "$T/p/a_gen.c" "$T/p/b_abba.c" "$T/p/app.js"
  expect_rc 1 "memory: the run ends"
  expect_err "a_gen.c: not analysed: the C parser process ran out of memory (limit 512 MiB" "memory notice"
  expect_out "b_abba.c:10:3: error:" "memory: next file analysed"
  expect_out "[callback-promise-mix]" "memory: JS findings intact"
fi
run --c-memory-limit 1K "$T/p/app.js"
expect_rc 2 "--c-memory-limit below the minimum"
finish
