#!/usr/bin/env bash
# A file the walk cannot even stat (its path is over PATH_MAX, or a
# directory denies search) is reported and makes the run an error, never
# dropped silently (issue 14, 14).
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/r"
cd "$T/r"
seg=$(printf 'd%.0s' $(seq 1 200))
for i in $(seq 1 25); do mkdir "$seg" && cd "$seg"; done
bad_js deep.js
cd "$T"
bad_js "$T/r/shallow.js"
run --no-cache r
expect_rc 2 "a path over PATH_MAX makes the run an error"
expect_err "not scanned: File name too long" "and it is said"
expect_out "shallow.js:2:8: error:" "the rest is still scanned"
if [ "$(id -u)" != 0 ]; then # root can search any directory
  mkdir -p "$T/s/locked/inner" && bad_js "$T/s/locked/inner/a.js" && chmod 600 "$T/s/locked"
  run --no-cache s
  expect_rc 2 "an unsearchable directory makes the run an error"
  chmod 700 "$T/s/locked"
fi
finish
