#!/bin/sh
# pack.sh TARBALL OUT_DIR - the npm packages of the self-contained binary
# (TARBALL: racelint-<VERSION>-linux-x64.tar.gz of make dist-binary), in the
# per-platform layout of esbuild and oxlint:
#   racelint                  the `racelint` command (bin/racelint.js), which
#                             runs the binary of the platform package; that
#                             package is an optionalDependency pinned to
#                             the same version
#   @racelint/linux-x64-gnu   bin/racelint; "os", "cpu" and "libc" make npm
#                             install it only on x86-64 Linux with glibc
# `npm pack` writes OUT_DIR/racelint-<VERSION>.tgz and
# OUT_DIR/racelint-linux-x64-gnu-<VERSION>.tgz. The package.json files are
# written here from VERSION (no copy of the version to keep in step).
# Publishing (npm publish of both, the platform package first) is a release
# step, never done by a script of this repository.
set -eu
tarball=$1 out=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
version=$(head -n1 "$src/VERSION")
repo_url=${RACELINT_REPO_URL:-https://github.com/racelint/racelint}
work=$(mktemp -d "${TMPDIR:-/tmp}/racelint-npm.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"; out=$(cd "$out" && pwd)

# the platform package: the binary of the tarball
plat=$work/linux-x64-gnu
mkdir -p "$plat/bin" "$work/x"
tar -xzf "$tarball" -C "$work/x" --strip-components=1
[ -x "$work/x/bin/racelint" ] || { echo "npm pack: no bin/racelint in $tarball"; exit 1; }
got=$("$work/x/bin/racelint" --version)
[ "$got" = "racelint $version" ] || { echo "npm pack: $tarball is '$got', VERSION is $version"; exit 1; }
cp "$work/x/bin/racelint" "$plat/bin/racelint"
chmod 755 "$plat/bin/racelint"
cp "$src/LICENSE" "$plat/"
cat > "$plat/README.md" <<EOF
# @racelint/linux-x64-gnu

The racelint $version binary for x86-64 Linux with glibc 2.31 or newer.
Install \`racelint\` (\`npx racelint\`), which depends on this package.
EOF
cat > "$plat/package.json" <<EOF
{
  "name": "@racelint/linux-x64-gnu",
  "version": "$version",
  "description": "The racelint binary for x86-64 Linux (glibc). Install racelint, not this.",
  "license": "MIT",
  "repository": { "type": "git", "url": "git+$repo_url.git" },
  "os": ["linux"],
  "cpu": ["x64"],
  "libc": ["glibc"],
  "files": ["bin/racelint", "LICENSE", "README.md"],
  "preferUnplugged": true
}
EOF

# the main package: the launcher
main=$work/racelint
mkdir -p "$main/bin"
cp "$src/packaging/npm/racelint/bin/racelint.js" "$main/bin/"
cp "$src/packaging/npm/racelint/README.md" "$src/LICENSE" "$main/"
cat > "$main/package.json" <<EOF
{
  "name": "racelint",
  "version": "$version",
  "description": "Finds concurrency bugs in JavaScript, TypeScript and C: lock-order cycles, check-then-act, async callbacks given to forEach, floating promises.",
  "license": "MIT",
  "homepage": "$repo_url/blob/v$version/README.md",
  "repository": { "type": "git", "url": "git+$repo_url.git" },
  "keywords": ["concurrency", "race-condition", "deadlock", "lint", "static-analysis", "promise"],
  "bin": { "racelint": "bin/racelint.js" },
  "files": ["bin/racelint.js", "LICENSE", "README.md"],
  "engines": { "node": ">=18" },
  "optionalDependencies": {
    "@racelint/linux-x64-gnu": "$version"
  }
}
EOF

for d in "$plat" "$main"; do
  (cd "$d" && npm pack --silent --pack-destination "$out" >/dev/null)
done
ls "$out/racelint-$version.tgz" "$out/racelint-linux-x64-gnu-$version.tgz"
