// @racelint/runtime: updateWithVersion().
//
// Optimistic concurrency for read-modify-write across an await (racelint
// rules `check-then-act`, `shared-mutable-state`): instead of
// `const v = await read(); await write(f(v))`, which silently overwrites
// a concurrent update, write only if the version is still the one read,
// and retry on conflict.

/** Thrown by updateWithVersion() when every attempt hit a conflict. */
export class VersionConflictError extends Error {
  constructor(attempts, lastVersion) {
    super(
      `updateWithVersion: gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}: ` +
        `the value kept changing between read() and write() (last version read: ${String(lastVersion)}); ` +
        'raise `retries`, add `backoff`, or serialise the writers',
    );
    this.name = 'VersionConflictError';
    this.code = 'ERR_VERSION_CONFLICT';
    this.attempts = attempts;
    this.lastVersion = lastVersion;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Optimistic compare-and-set loop.
 *
 *   const saved = await updateWithVersion(
 *     () => db.get(id),                                  // -> { value, version }
 *     (next, version) => db.putIfVersion(id, next, version), // -> true | false
 *     { update: (cur) => ({ ...cur, visits: cur.visits + 1 }), retries: 5 },
 *   );
 *
 * Contract (each callback may be sync or async):
 *   read()                      -> { value, version } (current state)
 *   options.update(value, info) -> the new value, computed from `value`
 *                                  only (info = { attempt, version }); it
 *                                  may run several times, so no side effects
 *   write(newValue, version)    -> true if stored *because* the current
 *                                  version still equals `version` (the
 *                                  check and the store must be one atomic
 *                                  step on the storage side), false on a
 *                                  version conflict.  Anything else is a
 *                                  TypeError.
 * On `false` it starts over with a fresh read(), up to `retries` times
 * (default 3; total attempts = retries + 1), waiting a random
 * 0..backoff*attempt ms in between when `backoff` (ms, default 0) is set.
 * Resolves with the value written.  Rejects with VersionConflictError when
 * the retries are used up; errors thrown by read/update/write propagate
 * at once (no retry).
 */
export async function updateWithVersion(read, write, options = {}) {
  if (typeof read !== 'function') throw new TypeError('updateWithVersion: read must be a function');
  if (typeof write !== 'function') throw new TypeError('updateWithVersion: write must be a function');
  const { update, retries = 3, backoff = 0 } = options ?? {};
  if (typeof update !== 'function') {
    throw new TypeError('updateWithVersion: options.update(value) -> newValue is required');
  }
  if (!Number.isInteger(retries) || retries < 0) {
    throw new TypeError(`updateWithVersion: retries must be a non-negative integer, got ${String(retries)}`);
  }
  if (typeof backoff !== 'number' || !(backoff >= 0) || !Number.isFinite(backoff)) {
    throw new TypeError(`updateWithVersion: backoff must be a non-negative number of ms, got ${String(backoff)}`);
  }
  let version;
  for (let attempt = 1; ; attempt++) {
    const snapshot = await read();
    if (snapshot === null || typeof snapshot !== 'object' || !('version' in snapshot)) {
      throw new TypeError('updateWithVersion: read() must return { value, version }');
    }
    version = snapshot.version;
    const next = await update(snapshot.value, { attempt, version });
    const ok = await write(next, version);
    if (ok === true) return next;
    if (ok !== false) {
      throw new TypeError(`updateWithVersion: write() must return true (stored) or false (version conflict), got ${String(ok)}`);
    }
    if (attempt > retries) throw new VersionConflictError(attempt, version);
    if (backoff > 0) await sleep(Math.random() * backoff * attempt);
  }
}
