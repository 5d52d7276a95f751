#!/usr/bin/env node
// registry.js PORT_FILE TGZ... - a minimal npm registry on 127.0.0.1 for
// packaging/npm/test.sh: serves the packuments and tarballs of the given
// npm pack tarballs, so that a plain `npm install racelint` resolves the
// platform package through optionalDependencies (with its os/cpu/libc
// filters) exactly as from registry.npmjs.org, without publishing anything.
// Listens on a free port, written to PORT_FILE; runs until killed. Reads
// each tarball's package/package.json with `tar`. State: the map of
// packages, built once at start.
'use strict';

const http = require('http');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');

const [portFile, ...tarballs] = process.argv.slice(2);
const packages = new Map(); // name -> { manifest, file, integrity, shasum }
for (const file of tarballs) {
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', file, 'package/package.json']));
  const data = fs.readFileSync(file);
  packages.set(manifest.name, {
    manifest,
    file,
    integrity: 'sha512-' + crypto.createHash('sha512').update(data).digest('base64'),
    shasum: crypto.createHash('sha1').update(data).digest('hex'),
  });
}

const server = http.createServer((req, res) => {
  const url = decodeURIComponent(req.url.split('?')[0]).replace(/^\//, '');
  const tgz = url.match(/^(.+)\/-\/[^/]+\.tgz$/);
  const pkg = packages.get(tgz ? tgz[1] : url);
  if (!pkg) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":"not found"}');
    return;
  }
  if (tgz) {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    fs.createReadStream(pkg.file).pipe(res);
    return;
  }
  const { port } = server.address();
  const m = pkg.manifest;
  const version = Object.assign({}, m, {
    _id: `${m.name}@${m.version}`,
    dist: {
      tarball: `http://127.0.0.1:${port}/${m.name}/-/${path.basename(pkg.file)}`,
      integrity: pkg.integrity,
      shasum: pkg.shasum,
    },
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({
    _id: m.name,
    name: m.name,
    'dist-tags': { latest: m.version },
    versions: { [m.version]: version },
  }));
});
server.listen(0, '127.0.0.1', () => {
  fs.writeFileSync(portFile, String(server.address().port));
});
