#!/bin/sh
# check-version.sh BINARY SOURCE_DIR - the one version number (VERSION) is
# what --version prints and what every copy that cannot read the file
# carries (packaging/bump-version.sh writes them).
set -eu
bin=$1 src=$2
want=$(head -n1 "$src/VERSION")
fail=0
got=$("$bin" --version)
[ "$got" = "racelint $want" ] || { echo "--version: '$got', VERSION: '$want'"; fail=1; }
js=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$src/runtime/js/package.json")
[ "$js" = "$want" ] || { echo "runtime/js/package.json: '$js', VERSION: '$want'"; fail=1; }
if [ -f "$src/editors/vscode/package.json" ]; then
  vs=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$src/editors/vscode/package.json")
  [ "$vs" = "$want" ] || { echo "editors/vscode/package.json: '$vs', VERSION: '$want'"; fail=1; }
fi
rt=$(sed -n 's/^#define RL_RT_VERSION_STRING "\(.*\)"$/\1/p' "$src/runtime/c/include/racelint/rt_common.h")
[ "$rt" = "$want" ] || { echo "RL_RT_VERSION_STRING: '$rt', VERSION: '$want'"; fail=1; }
mmp=$(sed -n 's/^#define RL_RT_VERSION_\(MAJOR\|MINOR\|PATCH\) //p' "$src/runtime/c/include/racelint/rt_common.h" | paste -sd.)
[ "$mmp" = "$want" ] || { echo "RL_RT_VERSION_MAJOR.MINOR.PATCH: '$mmp', VERSION: '$want'"; fail=1; }
if [ -n "${3:-}" ]; then # the rlrt.pc of a build tree
  pc=$(sed -n 's/^Version: //p' "$3")
  [ "$pc" = "$want" ] || { echo "rlrt.pc: '$pc', VERSION: '$want'"; fail=1; }
fi
exit $fail
