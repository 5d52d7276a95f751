// Which racelint the extension starts (editors/vscode/src/locate.ts, as
// compiled by make vscode into editors/vscode/out/locate.js): racelint.path,
// then the bundled one for this platform, then PATH, then the install
// locations. Plain node, no VS Code.
//
// usage: node locate.test.js EXTENSION_OUT_DIR
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const { bundledRacelint, locateRacelint } = require(path.resolve(process.argv[2], 'locate.js'));
let passes = 0;
let fails = 0;
function check(cond, what) {
  if (cond) passes++;
  else fails++;
  console.log(`${cond ? 'ok  ' : 'FAIL'} locate: ${what}`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'racelint-locate-'));
try {
  const exe = (p, mode = 0o755) => {
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, '#!/bin/sh\n');
    fs.chmodSync(p, mode);
    return p;
  };
  const ext = path.join(tmp, 'ext');
  const inExt = exe(path.join(ext, 'bin', 'linux-x64', 'racelint'));
  const onPath = exe(path.join(tmp, 'pathdir', 'racelint'));
  const set = exe(path.join(tmp, 'set', 'racelint'));
  const PATH = [path.join(tmp, 'empty'), path.dirname(onPath)].join(path.delimiter);

  const b = bundledRacelint(ext, 'linux', 'x64');
  check(b === inExt, `bundled for linux-x64 is bin/linux-x64/racelint (${b})`);
  check(bundledRacelint(ext, 'darwin', 'arm64') === undefined, 'no bundled racelint for another platform');
  check(bundledRacelint(path.join(tmp, 'no-ext'), 'linux', 'x64') === undefined, 'none in a .vsix without bin/');

  let r = locateRacelint('', tmp, PATH, b);
  check(r.ok && r.command === inExt && r.how === 'bundled with the extension', `racelint.path empty: the bundled one before PATH (${JSON.stringify(r)})`);
  r = locateRacelint(set, tmp, PATH, b);
  check(r.ok && r.command === set && r.how === 'racelint.path', 'racelint.path set: it wins over the bundled one');
  r = locateRacelint('', tmp, PATH, undefined);
  check(r.ok && r.command === onPath && r.how === 'PATH', 'no bundled racelint (other platforms): PATH');
  r = locateRacelint('', tmp, path.join(tmp, 'empty'), undefined);
  check(!r.ok || r.how === 'install location', 'nothing bundled, nothing on PATH: not found or an install location');

  // a zip extractor that dropped the executable bit: given back
  const noX = exe(path.join(tmp, 'ext2', 'bin', 'linux-x64', 'racelint'), 0o644);
  check(bundledRacelint(path.join(tmp, 'ext2'), 'linux', 'x64') === noX && (fs.statSync(noX).mode & 0o111) !== 0,
    'a bundled racelint without the executable bit gets it back');
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`locate: ${passes} passed, ${fails} failed`);
process.exit(fails ? 1 : 0);
