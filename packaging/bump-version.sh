#!/bin/sh
# bump-version.sh X.Y.Z - sets the version. VERSION is the one source; the
# copies that cannot read it (the JS runtime's package.json, the C runtime's
# version macros, the config schema's $id, which names the release tag) are
# rewritten from it here, and the test packaging/version fails if any of
# them disagrees. See docs/release.md.
set -eu
new=$1
case $new in [0-9]*.[0-9]*.[0-9]*) ;; *) echo "usage: $0 X.Y.Z" >&2; exit 2;; esac
src=$(cd "$(dirname "$0")/.." && pwd)
major=${new%%.*} rest=${new#*.}; minor=${rest%%.*} patch=${rest#*.}
echo "$new" > "$src/VERSION"
sed -i "s/^  \"version\": \".*\",$/  \"version\": \"$new\",/" "$src/runtime/js/package.json" \
  "$src/editors/vscode/package.json"
sed -i -e "s/^#define RL_RT_VERSION_MAJOR .*/#define RL_RT_VERSION_MAJOR $major/" \
  -e "s/^#define RL_RT_VERSION_MINOR .*/#define RL_RT_VERSION_MINOR $minor/" \
  -e "s/^#define RL_RT_VERSION_PATCH .*/#define RL_RT_VERSION_PATCH $patch/" \
  -e "s/^#define RL_RT_VERSION_STRING .*/#define RL_RT_VERSION_STRING \"$new\"/" \
  "$src/runtime/c/include/racelint/rt_common.h"
sed -i "s|\(\"\$id\": \"https://raw.githubusercontent.com/[^/]*/[^/]*/\)v[^/]*/|\1v$new/|" \
  "$src/docs/racelint.schema.json"
sed -i "s|\(/blob/\)v[0-9][0-9.]*[0-9]\(/\)|\1v$new\2|g; s|\(/raw/\)v[0-9][0-9.]*\(/\)|\1v$new\2|g; s|rev: v[0-9][0-9.]*[0-9]|rev: v$new|g; s|racelint@v[0-9][0-9.]*[0-9]|racelint@v$new|g" \
  "$src/README.md" "$src/docs/ci.md" "$src/docs/release.md" "$src/docs/ci/github-actions.yml" \
  "$src/editors/vscode/README.md" "$src/editors/vscode/package.json" 2>/dev/null || true
# the VS Code extension's own version (make vscode stamps VERSION anyway)
sed -i "s/^  \"version\": \".*\",$/  \"version\": \"$new\",/" "$src/editors/vscode/package.json"
echo "version $new: VERSION, runtime/js/package.json, rt_common.h, the schema \$id, doc links"
