#!/usr/bin/env bash
# File discovery: extensions, node_modules/.git skipped, .gitignore honoured
# (nested ones and negations too, through libgit2), declaration files skipped,
# explicitly named files always scanned.
. "$(dirname "$0")/lib.sh"
G="$T/repo"
mkdir -p "$G/src/gen" "$G/node_modules/dep" "$G/dist" "$G/docs" "$G/pkg/build"
cd "$G"
git init -q .
for f in src/a.js src/b.mjs src/c.cjs src/d.jsx src/e.ts src/f.mts src/g.cts src/h.tsx \
         node_modules/dep/index.js dist/bundle.js src/gen/out.js src/gen/keep.js \
         pkg/build/x.js src/x.gen.js docs/notes.txt; do
  bad_js "$f"
done
printf 'int f(void) { return 0; }\n' >src/ok.c
printf '#define X 1\n' >src/ok.h
printf 'export declare function f(): Promise<void>;\n' >src/types.d.ts
printf 'dist/\n*.gen.js\nsrc/gen/*\n!src/gen/keep.js\n' >.gitignore
printf 'build/\n' >pkg/.gitignore
run --format json .
for f in src/a.js src/b.mjs src/c.cjs src/d.jsx src/e.ts src/f.mts src/g.cts src/h.tsx src/gen/keep.js; do
  expect_out "\"path\": \"$f\"" "$f is scanned"
done
for f in node_modules/dep/index.js dist/bundle.js src/gen/out.js pkg/build/x.js src/x.gen.js docs/notes.txt; do
  expect_no_out "\"path\": \"$f\"" "$f is skipped"
done
expect_out '"files": 11' "11 files: 9 JS/TS, ok.c, ok.h (types.d.ts skipped)"
# named explicitly: scanned even though ignored
run dist/bundle.js
expect_out "bundle.js:2:8" "an explicitly named file is scanned"
run docs/notes.txt
expect_err "not a C or JavaScript/TypeScript file" "explicit non-source file"
# outside a git work tree: no ignore rules, node_modules still skipped
mkdir -p "$T/plain/node_modules" "$T/plain/out"
bad_js "$T/plain/node_modules/a.js"
bad_js "$T/plain/out/b.js"
printf 'out/\n' >"$T/plain/.gitignore"
run "$T/plain"
expect_out "out/b.js:2:8" ".gitignore outside a repository is not read"
expect_no_out "node_modules" "node_modules skipped everywhere"
finish
