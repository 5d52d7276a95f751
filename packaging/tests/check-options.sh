#!/bin/sh
# check-options.sh BINARY SOURCE_DIR - every option that `racelint --help`
# prints is described in the man page and offered by the bash and zsh
# completions, and the man page formats without warnings.
set -eu
bin=$1 src=$2 pkg=$2/packaging
opts=$("$bin" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
[ "$(printf '%s\n' "$opts" | wc -l)" -ge 20 ] || { echo "FAIL: too few options in --help"; exit 1; }
fail=0
for o in $opts; do
  roff=$(printf '%s' "$o" | sed 's/-/\\\\-/g') # --x-y is written \-\-x\-y in roff
  grep -q -- "$roff" "$pkg/racelint.1.in" || { echo "man page lacks $o"; fail=1; }
  grep -q -- "$o\\b" "$pkg/completions/racelint.bash" || { echo "bash completion lacks $o"; fail=1; }
  grep -qE -- "$o[]=[}']" "$pkg/completions/_racelint" || { echo "zsh completion lacks $o"; fail=1; }
done
if command -v groff >/dev/null; then
  w=$(sed 's/@RACELINT_VERSION@/0/' "$pkg/racelint.1.in" | groff -t -man -Tutf8 -ww -z 2>&1)
  [ -z "$w" ] || { echo "groff: $w"; fail=1; }
fi
bash -n "$pkg/completions/racelint.bash" || fail=1
exit $fail
