// Test support for @racelint/runtime (not part of the package, and kept
// out of test/ so that `node --test` does not run it as a test file):
// a seeded PRNG so "random" interleavings are reproducible, and helpers
// that yield to the event loop in assorted ways.

/** mulberry32: tiny seeded PRNG returning floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const immediate = () => new Promise((resolve) => setImmediate(resolve));
export const microtask = () => Promise.resolve();

/** Yield in a random way: a microtask, setImmediate, or a 0..maxMs timer. */
export function randomDelay(random, maxMs = 3) {
  const r = random();
  if (r < 0.2) return microtask();
  if (r < 0.5) return immediate();
  return sleep(Math.floor(random() * (maxMs + 1)));
}

/** Yield briefly without timers: a microtask or setImmediate. */
export function quickDelay(random) {
  return random() < 0.5 ? microtask() : immediate();
}

/** Fisher-Yates shuffle (copy). */
export function shuffled(random, items) {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** A promise plus its resolve/reject. */
export function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Replace the timers named in `apis` with node:test's fake clock for test
 * `t` (advanced by t.mock.timers.tick(ms)).  Node >= 20.11 takes
 * { apis }, earlier releases with mock timers take the array.
 */
export function fakeTimers(t, apis) {
  try {
    t.mock.timers.enable({ apis });
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    t.mock.timers.enable(apis);
  }
}
