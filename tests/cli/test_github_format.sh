#!/usr/bin/env bash
# --format github: workflow-command escaping as @actions/core does it,
# errors before warnings, and GitHub's per-step limit.
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/p"
bad_js "$T/p/a,b:c%d.js"
run --format github --root "$T/p" "$T/p"
expect_rc 1 "github format exit status"
expect_out "::error file=a%2Cb%3Ac%25d.js,line=2,col=8,endLine=2,endColumn=15,title=callback-promise-mix::" "property escaping"
expect_out "unhandled%0A%0AFix: Use" "newlines escaped in the message"
if grep -q $'\r' <<<"$OUT"; then fail "raw CR in output"; else ok; fi
# ordering and the limit: 12 errors (callback-promise-mix) + 2 notes (parse-error)
mkdir -p "$T/many"
for i in $(seq 1 12); do bad_js "$T/many/f$i.js"; done
printf 'function broken( {\n' >"$T/many/broken1.js"
printf 'function broken( {\n' >"$T/many/broken2.js"
run --format github --root "$T/many" "$T/many"
n_err=$(grep -c '^::error ' <<<"$OUT" || true)
n_note=$(grep -c '^::notice file=' <<<"$OUT" || true)
if [ "$n_err" = 10 ]; then ok; else fail "10 error annotations, got $n_err"; fi
if [ "$n_note" = 2 ]; then ok; else fail "2 notice annotations, got $n_note"; fi
expect_out "::notice title=racelint::2 more findings not shown as annotations" "says how many were left out"
first=$(head -1 <<<"$OUT")
if [[ "$first" == "::error "* ]]; then ok; else fail "errors come first"; fi
if [ "$(grep -c 'callback-promise-mix\]$' <<<"$OUT")" = 2 ]; then ok; else fail "left-out findings listed as log lines"; fi
finish
