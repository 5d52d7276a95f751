// Package surface: the package resolves by its own name through
// package.json "exports", every runtime export is declared in index.d.ts
// and vice versa, and there are no default exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as direct from '../src/index.js';

const EXPECTED = [
  'Mutex',
  'MutexTimeoutError',
  'SettleAllError',
  'VersionConflictError',
  'createSingleFlight',
  'forEachAsync',
  'lazy',
  'mapConcurrent',
  'once',
  'runInBackground',
  'settleAll',
  'singleFlight',
  'updateWithVersion',
  'withLocks',
];

test('self-reference through package.json exports', async () => {
  const pkg = await import('@racelint/runtime');
  assert.deepEqual(Object.keys(pkg).sort(), EXPECTED);
  assert.equal(pkg.Mutex, direct.Mutex);
  assert.equal('default' in pkg, false);
  const meta = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(meta.name, '@racelint/runtime');
  assert.equal(meta.version, '0.1.0');
  assert.equal(meta.type, 'module');
  assert.equal(meta.exports['.'].types, './index.d.ts');
  assert.equal(Object.keys(meta.dependencies ?? {}).length, 0);
});

test('index.d.ts declares exactly the runtime exports', () => {
  const dts = readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8');
  const declared = new Set(
    [...dts.matchAll(/^export (?:declare )?(?:function|class|const) (\w+)/gm)].map((m) => m[1]),
  );
  assert.deepEqual([...declared].sort(), EXPECTED);
});
