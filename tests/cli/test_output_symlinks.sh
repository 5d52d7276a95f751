#!/usr/bin/env bash
# Reports and baselines are never written through a symbolic link that a
# scanned repository planted at the output path (or at a temporary name next
# to it): the link is replaced by the new file, whatever it points at: an
# existing file, a missing one, a directory, a link chain (issue 14, 02).
. "$(dirname "$0")/lib.sh"
V="$T/victims"
R="$T/repo"
mkdir -p "$V/dir" "$R"
echo precious >"$V/file"
echo precious >"$V/chained"
bad_js "$R/a.js"
cd "$R"
# untouched VICTIM: still "precious"; nothing new in $V
untouched() {
  if [ "$(cat "$V/file")" = precious ] && [ "$(cat "$V/chained")" = precious ] &&
     [ -z "$(cd "$V" && find . -mindepth 1 ! -name file ! -name chained ! -name dir)" ] &&
     [ -z "$(ls -A "$V/dir")" ]; then ok; else
    OUT=$(cd "$V" && find . -type f | xargs -I{} sh -c 'echo {}: $(head -c 60 {})'); fail "$1"; fi
}
# replaced PATH: PATH is now a regular file holding a report
replaced() { if [ -f "$1" ] && [ ! -L "$1" ] && [ -s "$1" ]; then ok; else fail "$2: $1 is not the new file"; fi; }

ln -sf "$V/file" out.sarif
run --no-cache --format sarif --output out.sarif --exit-zero .
expect_rc 0 "--output over a link to a file"
replaced out.sarif "--output over a link to a file"
untouched "--output wrote through a link to a file"

ln -sf "$V/missing.txt" out.json
run --no-cache --format json --output out.json --exit-zero .
replaced out.json "--output over a dangling link"
untouched "--output created the target of a dangling link"

ln -sfn "$V/dir" out.txt
run --no-cache --output out.txt --exit-zero .
replaced out.txt "--output over a link to a directory"
untouched "--output wrote into a linked directory"

ln -sf "$V/chained" link1 && ln -sf link1 out2.txt
run --no-cache --output out2.txt --exit-zero .
replaced out2.txt "--output over a chain of links"
untouched "--output wrote through a chain of links"

# baselines: the target and the old fixed temporary name, planted as links
ln -sf "$V/file" .racelint-baseline.json
ln -sf "$V/chained" .racelint-baseline.json.tmp
run --no-cache -q --write-baseline .racelint-baseline.json .
expect_rc 0 "--write-baseline over a link"
replaced .racelint-baseline.json "--write-baseline over a link"
untouched "--write-baseline wrote through a link"
cp .racelint-baseline.json "$T/b.json"
# prune rewrites the file it read: a link to a real baseline elsewhere is
# replaced by the pruned copy, and the linked file stays as it was
cp "$T/b.json" "$T/real-baseline.json"
ln -sf "$T/real-baseline.json" pruned.json
run --no-cache -q --baseline pruned.json --prune-baseline .
replaced pruned.json "--prune-baseline over a link"
if cmp -s "$T/b.json" "$T/real-baseline.json"; then ok; else fail "--prune-baseline wrote through a link"; fi
untouched "--prune-baseline"

# streams stay streams: /dev/null and /dev/stdout are written in place
run --no-cache --output /dev/null --exit-zero .
expect_rc 0 "--output /dev/null"
run --no-cache --output /dev/stdout --exit-zero .
expect_out "[callback-promise-mix]" "--output /dev/stdout"
# no temporary file is left behind
left=$(find . -name '*.tmp' ! -name .racelint-baseline.json.tmp)
if [ -z "$left" ]; then ok; else fail "temporary files left: $left"; fi
finish
