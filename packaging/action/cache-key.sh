#!/usr/bin/env bash
# cache-key.sh - the Action's first step: where racelint is installed and
# the cache key of that directory: the runner's OS image and a hash of the
# Action's own files (so a branch ref that moves rebuilds, a tag does not).
# Writes key= and prefix= to $GITHUB_OUTPUT.
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
hash=$(cd "$src" && find . -type f ! -path './.git/*' ! -path '*/node_modules/*' ! -path './build*' -print0 |
  LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
os=$(. /etc/os-release && echo "$ID-$VERSION_ID")
version=$(head -n1 "$src/VERSION")
prefix=${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}}/racelint/$version-$hash
echo "key=racelint-${RL_METHOD:-source}-$os-$(uname -m)-$version-$hash" >> "${GITHUB_OUTPUT:-/dev/stdout}"
echo "prefix=$prefix" >> "${GITHUB_OUTPUT:-/dev/stdout}"
