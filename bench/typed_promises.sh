#!/usr/bin/env bash
# typed_promises.sh - racelint next to type-aware typescript-eslint
# (no-floating-promises, no-misused-promises, default options) on real
# TypeScript code bases from npm, with their dependencies installed
# (issue 19). Rerunnable; every version is pinned here or in
# bench/package-lock.json.
#
#   bench/typed_promises.sh [WORKDIR]     (default /work/bench-h19)
#   REUSE_TSE=1 bench/typed_promises.sh   (racelint again, eslint's last output)
#   STRICT=1 bench/typed_promises.sh      (racelint under racelint:strict)
#
# For each code base: `npm pack` the pinned version (its tarball ships the
# TypeScript sources under src/), unpack it in WORKDIR/cb/<name>, `npm
# install --omit=dev --ignore-scripts` its dependencies plus the pinned
# @types/node, write a tsconfig for src/, then run
#   - racelint --no-cache --format json src   (cold, package types read)
#   - racelint on a copy of src/ with no node_modules above it (cold)
#   - eslint with typescript-eslint's two rules, type-aware
# each under /usr/bin/time -v (CPU = user + sys, peak RSS), and
# bench/typed_promises.py compares the findings node by node.
# Nothing here is committed: WORKDIR holds the tarballs, node_modules and
# outputs. Writes WORKDIR/typed_promises.json and prints a Markdown table.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/.." && pwd)
W=${1:-/work/bench-h19}
RACELINT=${RACELINT:-$SRC/build/racelint}
TYPES_NODE=@types/node@22.10.2
# name@version of each code base: packages whose npm tarball ships src/*.ts
# (not the precision held-out set of tests/realworld).
CODEBASES=(
  "@tanstack/query-core@5.108.4"
  "@apollo/server@5.5.1"
  "puppeteer-core@25.19.0"
  "mqtt@5.10.3"
  "telegraf@4.16.3"
  "@grpc/grpc-js@1.14.7"
  "@microsoft/signalr@8.0.7"
  "@supabase/realtime-js@2.119.2"
  "matrix-js-sdk@37.5.0"
)
mkdir -p "$W/packs" "$W/cb" "$W/out" "$W/tools"

# the peer linters, as bench/package-lock.json pins them
if [ ! -x "$W/tools/node_modules/.bin/eslint" ]; then
  cp "$HERE/package.json" "$HERE/package-lock.json" "$W/tools/"
  (cd "$W/tools" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
fi
ESLINT="$W/tools/node_modules/eslint/bin/eslint.js"

# time_run OUT_PREFIX CMD...: runs CMD with /usr/bin/time -v; writes
# OUT_PREFIX.time (cpu_s peak_kib wall_s) and keeps its stdout.
time_run() {
  local pre=$1
  shift
  /usr/bin/time -v -o "$pre.timev" "$@" >"$pre.stdout" 2>"$pre.stderr" || true
  awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {m=$2}
    /Elapsed \(wall/ {w=$2} END {print u+s, m, w}' "$pre.timev" >"$pre.time"
}

for spec in "${CODEBASES[@]}"; do
  name=${spec%@*}
  slug=$(tr '@/' '_-' <<<"${name#@}")
  cb="$W/cb/$slug"
  if [ ! -d "$cb/node_modules" ]; then
    rm -rf "$cb"
    mkdir -p "$cb"
    tgz=$(cd "$W/packs" && npm pack "$spec" --silent | tail -1)
    tar xzf "$W/packs/$tgz" -C "$cb" --strip-components=1
    # the sources are what is linted; dev tooling is not installed
    (cd "$cb" && npm pkg delete devDependencies scripts >/dev/null 2>&1 || true)
    (cd "$cb" && npm install --omit=dev --ignore-scripts --no-audit --no-fund \
      --no-package-lock >/dev/null && npm install --no-save --ignore-scripts --no-audit \
      --no-fund "$TYPES_NODE" >/dev/null)
  fi
  cat >"$cb/tsconfig.bench.json" <<'EOF'
{
  "compilerOptions": {
    "target": "ES2022", "module": "ESNext", "moduleResolution": "Bundler",
    "lib": ["ES2023", "DOM", "DOM.Iterable"], "types": ["node"],
    "strict": true, "skipLibCheck": true, "noEmit": true, "jsx": "react-jsx",
    "experimentalDecorators": true, "resolveJsonModule": true
  },
  "include": ["src/**/*.ts", "src/**/*.tsx"]
}
EOF
  cat >"$cb/eslint.bench.mjs" <<EOF
import tseslint from "$W/tools/node_modules/typescript-eslint/dist/index.js";
export default [
  { ignores: ["**/node_modules/**", "**/*.d.ts"] },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: "./tsconfig.bench.json", tsconfigRootDir: "$cb" },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "warn",
      "@typescript-eslint/no-misused-promises": "warn",
    },
  },
];
EOF
  o="$W/out/$slug"
  # the preset: racelint:recommended (default), or racelint:strict
  if [ "${STRICT:-0}" = 1 ]; then
    echo '{ "extends": "racelint:strict" }' >"$cb/.racelint.json"
  else
    rm -f "$cb/.racelint.json"
  fi
  # racelint cold, with node_modules (package types read)
  (cd "$cb" && time_run "$o.rl" "$RACELINT" --no-cache --exit-zero --root . --format json src)
  # the same sources with no node_modules above them
  rm -rf "$W/bare/$slug"
  mkdir -p "$W/bare/$slug"
  cp -r "$cb/src" "$W/bare/$slug/src"
  if [ -f "$cb/.racelint.json" ]; then cp "$cb/.racelint.json" "$W/bare/$slug/"; fi
  (cd "$W/bare/$slug" && time_run "$o.rlbare" "$RACELINT" --no-cache --exit-zero --root . --format json src)
  # typescript-eslint, type-aware (REUSE_TSE=1 keeps a previous run's output)
  if [ "${REUSE_TSE:-0}" != 1 ] || [ ! -s "$o.tse.stdout" ]; then
    (cd "$cb" && time_run "$o.tse" node "$ESLINT" --no-config-lookup -c eslint.bench.mjs \
      --format json src)
  fi
  nfiles=$(find "$cb/src" -name '*.ts' -o -name '*.tsx' | grep -vc '\.d\.ts$' || true)
  echo "$spec $nfiles" >"$o.meta"
done
python3 "$HERE/typed_promises.py" "$W" "${CODEBASES[@]}"
