// Near-misses a naive rule would flag: each of these is safe.
// expect-none
const { Mutex, updateWithVersion } = require('@racelint/runtime');
const { getBalance, setBalance, getUser, setTheme } = require('./accounts');

const mutex = new Mutex();
let seats = 10;

async function underMutex(id, amount) {
  await mutex.runExclusive(async () => {
    const b = await getBalance(id);
    if (b >= amount) await setBalance(id, b - amount);
  });
}

async function acquireRelease(id, amount) {
  const release = await mutex.acquire();
  try {
    const b = await getBalance(id);
    if (b >= amount) await setBalance(id, b - amount);
  } finally {
    release();
  }
}

async function inTransaction(db, id, amount) {
  await db.transaction(async (tx) => {
    const acct = await tx.getAccount(id);
    if (acct.balance >= amount) await tx.updateAccount(id, { balance: acct.balance - amount });
  });
}

async function versioned(db, id, amount) {
  const acct = await db.getAccount(id);
  if (acct.balance < amount) throw new Error('insufficient');
  await db.updateAccount(id, { balance: acct.balance - amount }, { expectedVersion: acct.version });
}

async function withVersionHelper(db, id) {
  await updateWithVersion(
    () => db.get(id),
    (next, version) => db.putIfVersion(id, next, version),
    { update: (cur) => ({ ...cur, visits: cur.visits + 1 }) },
  );
}

async function otherKey(from, to, amount) {
  const a = await getBalance(from);
  const b = await getBalance(to);
  // only `a` is checked; the write to `to` uses an unchecked read
  if (a >= amount) {
    await setBalance(to, b + amount);
  }
}

async function differentResource(id, prefs) {
  const user = await getUser(id);
  if (user.admin) await setTheme(id, prefs.theme);
}

async function noCheck(id, delta) {
  // a read-modify-write, but nothing is tested (not check-then-act)
  const b = await getBalance(id);
  await setBalance(id, b + delta);
}

class Worker {
  async run() {
    // claimed synchronously before the first await
    if (this.busy) return;
    this.busy = true;
    try {
      await this.work();
    } finally {
      this.busy = false;
    }
  }

  async reserve(sku, qty) {
    // no await between the read and the write: atomic in JS
    const stock = this.stock.get(sku) ?? 0;
    if (stock < qty) return false;
    this.stock.set(sku, stock - qty);
    await this.payments.hold(sku, qty);
    return true;
  }

  async recheck(sku, qty) {
    if ((this.stock.get(sku) ?? 0) >= qty) {
      await this.payments.hold(sku, qty);
      // checked again after the await, then written at once
      const now = this.stock.get(sku) ?? 0;
      if (now >= qty) this.stock.set(sku, now - qty);
    }
  }

  async acquireSlot(fn) {
    // the loop re-checks after every await; the increment follows the last check
    while (this.active >= this.limit) await this.slotFreed();
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
    }
  }

  sync(amount) {
    // no await at all
    if (this.balance >= amount) this.balance -= amount;
  }

  async local(items) {
    const seen = new Map();
    for (const it of items) {
      if (!seen.has(it.id)) {
        await this.check(it);
        seen.set(it.id, it);
      }
    }
    return seen;
  }

  async stream(reader, writer) {
    // a port's read() and write() are not one resource
    const chunk = await this.port.read();
    if (chunk) await this.port.write(ack(chunk));
  }
}

async function lazyIsOtherRule() {
  // lazy initialisation after an emptiness test: left to the lazy-init rule
  if (!this.client) this.client = await connect();
}

async function unguarded(id, amount) {
  // the condition does not decide whether the write runs
  const b = await getBalance(id);
  if (b < amount) console.warn('balance low', id);
  await setBalance(id, b - amount);
}

async function defaultValue(id, extra) {
  // `a || b` as a default value, not a guard
  const acct = await getUser(id);
  const tags = acct.tags || [];
  await setTheme(id, { tags: [...tags, extra] });
}

class Cache {
  async load(path) {
    // a cache fill: the write does not use what was read, it only fills a
    // miss (duplicate loads belong to the lazy-init rule)
    const cached = this.cache.get(path);
    if (cached) return cached;
    const node = await this.readNode(path);
    this.cache.set(path, node);
    return node;
  }

  async loadReal(path) {
    const cached = this.cache.get(path);
    if (cached && !cached.placeholder) {
      return cached;
    }
    const node = await this.readNode(path);
    this.cache.set(path, node);
    return node;
  }

  async remote(redis, key) {
    const hit = await redis.get(key);
    if (hit) return JSON.parse(hit);
    const fresh = await this.compute(key);
    await redis.set(key, JSON.stringify(fresh), 'EX', 60);
    return fresh;
  }

  async validate(dir) {
    if (this.validated.has(dir)) return;
    await this.checkDir(dir);
    this.validated.add(dir);
  }

  async readdir() {
    // a claim in the other branch still counts: the await is in the branch
    // that does not write
    if (this.inFlight) {
      await this.inFlight;
    } else {
      this.inFlight = this.startReading();
      try {
        await this.inFlight;
      } finally {
        this.inFlight = undefined;
      }
    }
  }
}

async function asyncLockCallback(lock, id, amount) {
  // async-lock: lock.acquire(key, fn) runs fn exclusively per key
  await lock.acquire(id, async () => {
    const b = await getBalance(id);
    if (b >= amount) await setBalance(id, b - amount);
  });
}

async function redlockUsing(redlock, id, amount) {
  await redlock.using([`acct:${id}`], 5000, async () => {
    const b = await getBalance(id);
    if (b >= amount) await setBalance(id, b - amount);
  });
}

async function knexTransaction(knex, id, amount) {
  const trx = await knex.transaction();
  const row = await trx.getAccount(id);
  if (row.balance >= amount) await trx.updateAccount(id, { balance: row.balance - amount });
  await trx.commit();
}

async function movedOn(ids, amount) {
  let id = ids[0];
  const b = await getBalance(id);
  id = ids[1];
  if (b >= amount) await setBalance(id, amount); // the other account
}

class Tokens {
  async token() {
    // a refreshed cache entry: the lazy-init rule's business, not a decision
    // on stale data
    if (this.tok && this.tok.expires > Date.now()) return this.tok.value;
    const fresh = await refreshToken();
    this.tok = fresh;
    return fresh.value;
  }
}

async function paramState(acct, amount) {
  // a parameter's fields: not known to be shared
  if (acct.balance >= amount) {
    await audit(acct);
    acct.balance -= amount;
  }
}

async function localCounter(n) {
  let left = n;
  if (left > 0) {
    await tick();
    left--;
  }
  return left + seats;
}

async function atomicStore(redis, key) {
  const cur = await redis.get(key);
  if (!cur) await redis.set(key, 'owner', 'NX', 'PX', 30000);
}

async function lockedRead(db, id) {
  // SELECT ... FOR UPDATE: the row stays locked until the transaction ends
  const row = await db.getRow(id, { lock: true });
  if (row.qty > 0) await db.updateRow(id, { qty: row.qty - 1 });
}

async function touch(User, id) {
  // only tests that the document exists; no field of it is checked
  const user = await User.findById(id);
  if (!user) throw new Error('not found');
  user.lastSeen = new Date();
  await user.save();
}

module.exports = { underMutex, acquireRelease, inTransaction, versioned, withVersionHelper,
  otherKey, differentResource, noCheck, Worker, lazyIsOtherRule, paramState, localCounter,
  atomicStore, lockedRead, touch, unguarded, defaultValue, Cache, asyncLockCallback,
  redlockUsing, knexTransaction, movedOn, Tokens };
