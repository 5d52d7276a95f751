#!/usr/bin/env bash
# Variants of issue 14/02 beyond cli/output_symlinks, written by a second
# session: a hard link to a victim at the report, baseline and pruned
# baseline paths (replaced: the victim's inode keeps its bytes); a dangling
# link and a link to a directory at --write-baseline; a directory at the
# output path (an error, the directory kept, no temporary file left); a
# linked directory in the middle of the path: followed (the path's
# directories are the caller's), but a link planted at the final component
# inside it is still replaced, not followed.
. "$(dirname "$0")/lib.sh"
V="$T/victims"
R="$T/repo"
mkdir -p "$V/dir" "$V/linked" "$R"
echo precious >"$V/file"
bad_js "$R/a.js"
cd "$R"
untouched() {
  if [ "$(cat "$V/file")" = precious ] && [ -z "$(ls -A "$V/dir")" ]; then ok; else
    OUT=$(cd "$V" && find . -type f); fail "$1"; fi
}
replaced() { if [ -f "$1" ] && [ ! -L "$1" ] && [ -s "$1" ]; then ok; else fail "$2: $1 is not the new file"; fi; }
nlinks() { stat -c %h "$1"; }

# hard links (same file system: the repository and the victim are in $T)
ln "$V/file" out.sarif
run --no-cache --format sarif --output out.sarif --exit-zero .
expect_rc 0 "--output over a hard link"
replaced out.sarif "--output over a hard link"
untouched "--output wrote into a hard-linked file"
if [ "$(nlinks "$V/file")" = 1 ]; then ok; else fail "--output: the victim is still linked"; fi

ln "$V/file" .racelint-baseline.json
run --no-cache -q --write-baseline .racelint-baseline.json .
expect_rc 0 "--write-baseline over a hard link"
replaced .racelint-baseline.json "--write-baseline over a hard link"
untouched "--write-baseline wrote into a hard-linked file"

cp .racelint-baseline.json "$V/real-baseline.json"
cp "$V/real-baseline.json" "$T/want.json"
ln -f "$V/real-baseline.json" pruned.json
run --no-cache -q --baseline pruned.json --prune-baseline .
replaced pruned.json "--prune-baseline over a hard link"
if cmp -s "$T/want.json" "$V/real-baseline.json"; then ok; else fail "--prune-baseline wrote into a hard-linked file"; fi

# dangling link and link to a directory at --write-baseline
ln -sf "$V/created-by-racelint.json" bl1.json
run --no-cache -q --write-baseline bl1.json .
replaced bl1.json "--write-baseline over a dangling link"
if [ ! -e "$V/created-by-racelint.json" ]; then ok; else fail "--write-baseline created a dangling link's target"; fi
ln -sfn "$V/dir" bl2.json
run --no-cache -q --write-baseline bl2.json .
replaced bl2.json "--write-baseline over a link to a directory"
untouched "--write-baseline wrote into a linked directory"

# a directory at the output path: an error; the directory and its content stay
mkdir -p outdir && echo keep >outdir/keep
run --no-cache --output outdir --exit-zero .
expect_rc 2 "--output naming a directory"
if [ "$(cat outdir/keep)" = keep ]; then ok; else fail "--output replaced a directory"; fi

# a linked directory in the middle of the path, and a link at the final
# component inside it: the report goes in the linked directory, the link
# there is replaced
ln -sfn "$V/linked" reports
ln -sf "$V/file" "$V/linked/out.txt"
run --no-cache --output reports/out.txt --exit-zero .
expect_rc 0 "--output through a linked directory"
replaced "$V/linked/out.txt" "--output through a linked directory"
untouched "--output followed a link at the final component inside a linked directory"

left=$(find . "$V" -name '*.tmp')
if [ -z "$left" ]; then ok; else fail "temporary files left: $left"; fi
finish
