#!/bin/sh
# uninstall.sh MANIFEST [DESTDIR] - remove what `cmake --install` recorded in
# MANIFEST (build/install_manifest.txt, paths without DESTDIR), then the directories that are
# racelint's own once empty.
# `make uninstall` runs it.
set -eu
manifest=$1 destdir=${2:-}
[ -f "$manifest" ] || { echo "uninstall: no $manifest (run make install first)" >&2; exit 1; }
dirs=
while IFS= read -r f || [ -n "$f" ]; do # the manifest has no final newline
  [ -n "$f" ] || continue
  f=$destdir$f
  if [ -e "$f" ] || [ -L "$f" ]; then rm -f "$f"; fi
  dirs="$dirs
$(dirname "$f")"
done < "$manifest"
# Then the directories that are racelint's own (share/doc/racelint/rules,
# include/racelint, lib/cmake/rlrt), deepest first; never bin/ or lib/.
printf '%s\n' "$dirs" | sort -u -r | while IFS= read -r d; do
  while :; do
    case $d in */racelint | */racelint/* | */rlrt) rmdir "$d" 2>/dev/null || break ;; *) break ;; esac
    d=$(dirname "$d")
  done
done
