#!/usr/bin/env bash
# A real editor: headless Neovim (Debian's 0.7.2) with its built-in LSP
# client attached to `racelint lsp` opens files, receives the diagnostics,
# asks for code actions on the first one, edits, and shuts the server down.
set -u
: "${RACELINT:?}"
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v nvim >/dev/null; then
  echo "nvim not installed (apt-get install neovim)"
  [ "${RACELINT_REQUIRE_SHARED:-0}" = 1 ] && exit 1
  exit 77
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
printf '%s\n' '[1, 2].forEach(async (id) => { await fetch(id); });' 'export const x = 1;' >a.js
printf '%s\n' '#include <fcntl.h>' '#include <unistd.h>' 'int f(const char *p) {' \
  '  if (access(p, W_OK)) return -1;' '  return open(p, O_WRONLY);' '}' >c.c
fails=0 passes=0
run() { # TARGET EXPECT [EDIT]  (the driver replaces line 1 with EDIT when it is set)
  local edit=()
  [ $# -ge 3 ] && edit=(EDIT="$3")
  out=$(env HOME="$T" XDG_STATE_HOME="$T" LSP_CMD="$RACELINT lsp" TARGET="$1" EXPECT="$2" \
        "${edit[@]}" TIMEOUT_MS=0 nvim --headless --clean \
        -u "$here/nvim-diagnostics.lua" 2>&1)
  rc=$?
  echo "$out"
  [ $rc = 0 ] || { echo "FAIL: nvim on $1 exited $rc"; fails=$((fails + 1)); return; }
  passes=$((passes + 1))
}
run a.js 1
grep -q "a.js:1:8: error: \[callback-promise-mix\]" <<<"$out" && passes=$((passes + 1)) || { echo "FAIL: JS diagnostic"; fails=$((fails + 1)); }
grep -q "codeAction: Suppress callback-promise-mix" <<<"$out" && passes=$((passes + 1)) || { echo "FAIL: code action"; fails=$((fails + 1)); }
run c.c 1
grep -q "c.c:5:10: error: \[check-then-act\]" <<<"$out" && passes=$((passes + 1)) || { echo "FAIL: C diagnostic"; fails=$((fails + 1)); }
# an edit through didChange that fixes the bug: the finding goes away
run a.js 0 '[1, 2].forEach((id) => console.log(id));'
echo "$passes passed, $fails failed"
[ $fails = 0 ]
