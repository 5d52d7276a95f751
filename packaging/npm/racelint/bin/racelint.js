#!/usr/bin/env node
// racelint.js - the `racelint` command of the npm package `racelint`
// (`npx racelint`): runs the native binary that the platform package for
// this machine carries. The platform packages are optionalDependencies of
// `racelint` with "os"/"cpu"/"libc" fields, so npm installs only the one
// that fits (the layout of esbuild and oxlint). Passes the arguments,
// standard streams and exit status through unchanged. RACELINT_BINARY
// overrides the binary (a build of your own). No state.
'use strict';

const { spawnSync } = require('child_process');

// process.platform + ' ' + process.arch -> the package with that binary
const PLATFORM_PACKAGES = {
  'linux x64': '@racelint/linux-x64-gnu',
};

function fail(message) {
  process.stderr.write(`racelint: ${message}\n`);
  process.exit(2);
}

function binaryPath() {
  if (process.env.RACELINT_BINARY) return process.env.RACELINT_BINARY;
  const key = `${process.platform} ${process.arch}`;
  const pkg = PLATFORM_PACKAGES[key];
  if (!pkg) {
    fail(`no prebuilt binary for ${key} (only ${Object.keys(PLATFORM_PACKAGES).join(', ')}); ` +
      'build racelint from source (README.md, "From source") and set RACELINT_BINARY to it');
  }
  try {
    return require.resolve(`${pkg}/bin/racelint`);
  } catch (e) {
    fail(`the package ${pkg} that holds the binary for ${key} is not installed: ` +
      'it is an optional dependency of racelint; install without --omit=optional / --no-optional, ' +
      `or \`npm install ${pkg}\` (it needs glibc 2.31 or newer; musl systems are not supported)`);
  }
  return null;
}

const bin = binaryPath();
const r = spawnSync(bin, process.argv.slice(2), { stdio: 'inherit' });
if (r.error) fail(`cannot run ${bin}: ${r.error.message}`);
if (r.signal) process.kill(process.pid, r.signal);
process.exit(r.status === null ? 2 : r.status);
