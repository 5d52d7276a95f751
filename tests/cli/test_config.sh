#!/usr/bin/env bash
# .racelint.json: discovery, extends, overrides, ignore, CLI precedence,
# --config, --print-config, and every kind of config error.
. "$(dirname "$0")/lib.sh"
P="$T/repo"
mkdir -p "$P/src" "$P/tests" "$P/extern" "$P/legacy/deep" "$P/csrc"
bad_js "$P/src/app.js"
bad_js "$P/tests/app.test.js"
bad_js "$P/extern/lib.js"
bad_js "$P/legacy/deep/old.js"
bad_js "$P/src/out.gen.js"
cat >"$P/.racelint.json" <<'J'
{
  "$schema": "../docs/racelint.schema.json",
  "rules": { "callback-promise-mix": "warning" },
  "ignore": ["extern/", "*.gen.js"],
  "overrides": [ { "files": ["tests/**"], "rules": { "callback-promise-mix": "off" } } ]
}
J
cat >"$P/legacy/.racelint.json" <<'J'
{ "extends": "../.racelint.json", "rules": { "callback-promise-mix": "note" } }
J
run "$P"
expect_rc 1 "warnings fail by default"
expect_out "src/app.js:2:8: warning:" "severity from the root config"
expect_no_out "tests/app.test.js" "override turns the rule off for tests/**"
expect_no_out "extern/lib.js" "ignored directory"
expect_no_out "out.gen.js" "ignored glob"
expect_out "legacy/deep/old.js:2:8: note:" "closest config (extends the root)"
run --enable callback-promise-mix "$P/tests"
expect_out "app.test.js:2:8:" "CLI --enable beats the config"
run --disable callback-promise-mix "$P"
expect_rc 0 "CLI --disable beats the config"
# --config: one file for everything
cat >"$T/strict.json" <<'J'
{ "rules": { "callback-promise-mix": "error" } }
J
run --config "$T/strict.json" "$P"
expect_out "extern/lib.js:2:8: error:" "--config replaces discovery (no ignore)"
expect_out "tests/app.test.js:2:8: error:" "--config: no override"
# --print-config
run --print-config "$P/legacy/deep/old.js"
expect_rc 0 "--print-config"
expect_out '"callback-promise-mix": "note"' "--print-config shows the effective severity"
expect_out "legacy/.racelint.json" "--print-config lists the config chain"
run --print-config "$P/tests/app.test.js"
expect_out '"callback-promise-mix": "off"' "--print-config applies overrides"
# C options reach libclang and the wrapper table
cat >"$P/csrc/.racelint.json" <<'J'
{ "c": { "includeDirs": ["inc"], "defines": ["LOCK_PATH=\"/tmp/x\""],
         "lockFunctions": [ { "name": "my_lock", "arg": 0 } ] } }
J
mkdir -p "$P/csrc/inc"
printf '#define OTHER 1\n' >"$P/csrc/inc/other.h"
cat >"$P/csrc/a.c" <<'C'
#include <fcntl.h>
#include <unistd.h>
#include "other.h"
int f(void) {
  if (access(LOCK_PATH, W_OK) == 0) return OTHER;
  return open(LOCK_PATH, O_WRONLY | O_CREAT, 0600);
}
C
run "$P/csrc"
expect_out "a.c:6:10: error:" "includeDirs and defines from the config"
expect_no_out "parse-error" "the header was found"
run --print-config "$P/csrc/a.c"
expect_out '"name": "my_lock"' "wrapper functions in --print-config"

# Errors: each names the file, the key and the nearest valid name; exit 2,
# and no report (the error is the last thing printed).
E="$T/errs"
mkdir -p "$E"
bad_js "$E/a.js"
printf '{ "rulez": {} }\n' >"$E/.racelint.json"
run "$E"; expect_rc 2 "unknown top-level key"
expect_err "$E/.racelint.json: unknown key 'rulez'; did you mean 'rules'?" "top-level key message"
expect_no_out "a.js:2:8:" "no report after a config error"
if [ "$(tail -n 1 <<<"$ERR")" = "racelint: error: $E/.racelint.json: unknown key 'rulez'; did you mean 'rules'?" ]; then ok; else fail "the config error is the last line"; fi
printf '{ "rules": { "callback-promise-mixx": "off" } }\n' >"$E/.racelint.json"
run "$E"; expect_rc 2 "unknown rule"
expect_err "unknown rule 'callback-promise-mixx'; did you mean 'callback-promise-mix'?" "rule message"
printf '{ "rules": { "callback-promise-mix": "warn" } }\n' >"$E/.racelint.json"
run "$E"; expect_rc 1 '"warn" is accepted (ESLint, oxlint)'
expect_out "a.js:2:8: warning:" '"warn" means warning'
printf '{ "rules": { "callback-promise-mix": "warnin" } }\n' >"$E/.racelint.json"
run "$E"; expect_rc 2 "bad severity"
expect_err "did you mean \"warning\"?" "severity message"
printf '{ "c": { "includeDir": ["x"] } }\n' >"$E/.racelint.json"
run "$E"; expect_rc 2 "unknown nested key"
expect_err "unknown key 'c.includeDir'; did you mean 'c.includeDirs'?" "nested key message"
printf '{ "overrides": [ { "file": ["*.js"] } ] }\n' >"$E/.racelint.json"
run "$E"; expect_rc 2 "override without files"
expect_err "overrides[0]" "override message"
printf '{ "rules": ' >"$E/.racelint.json"
run "$E"; expect_rc 2 "invalid JSON"
expect_err "invalid JSON" "JSON message"
printf '{ "extends": "missing.json" }\n' >"$E/.racelint.json"
run "$E"; expect_rc 2 "missing extends"
printf '{ "extends": "./.racelint.json" }\n' >"$E/.racelint.json"
run "$E"; expect_rc 2 "extends cycle"
expect_err "cycle" "cycle message"
printf '[1, 2]\n' >"$E/.racelint.json"
run "$E"; expect_rc 2 "not an object"
finish
