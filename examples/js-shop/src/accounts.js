// accounts.js - store-credit accounts: balances, transfers, loyalty points.
import { Mutex } from 'async-mutex';
import * as db from './db.js';

// One lock for the account table, one for the ledger.
const accountsLock = new Mutex();
const ledgerLock = new Mutex();

let pointsIssued = 0;
let nextStatementNo = 1;
const fxRates = new Map(); // currency -> { rate, at }

export function openAccount(id) {
  return { id, balance: 0, mutex: new Mutex() };
}

export async function transfer(from, to, amount) {
  const releaseFrom = await from.mutex.acquire();
  try {
    // BUG: the two account locks are taken in argument order. transfer(a, b)
    // holds a.mutex and waits here for b.mutex while transfer(b, a) holds
    // b.mutex and waits for a.mutex: both hang forever. Sort the accounts by
    // id first, or use withLocks([from.mutex, to.mutex], fn) from the runtime.
    const releaseTo = await to.mutex.acquire();
    try {
      if (from.balance < amount) throw new Error('insufficient credit');
      from.balance -= amount;
      to.balance += amount;
      await db.put('accounts', from.id, from);
      await db.put('accounts', to.id, to);
    } finally {
      releaseTo();
    }
  } finally {
    releaseFrom();
  }
}

export async function closeAccount(account) {
  await accountsLock.runExclusive(async () => {
    // Takes accountsLock, then ledgerLock ...
    await ledgerLock.runExclusive(async () => {
      await db.put('ledger', `close-${account.id}`, { balance: account.balance });
      await db.put('accounts', account.id, null);
    });
  });
}

export async function postInterest(accounts, rate) {
  await ledgerLock.runExclusive(async () => {
    // BUG: ... while this takes ledgerLock, then accountsLock: the opposite
    // order. With closeAccount() running at the same time, each holds one
    // lock and waits for the other. Take accountsLock first everywhere.
    await accountsLock.runExclusive(async () => {
      for (const a of accounts) a.balance += a.balance * rate;
      await db.put('ledger', `interest-${Date.now()}`, { rate });
    });
  });
}

export async function awardPoints(order) {
  // BUG: pointsIssued is read, then the await lets other orders run, then
  // the sum is written back: concurrent orders overwrite each other's points
  // and the total comes out low. Compute the points first, then add them
  // with no await in between.
  pointsIssued += await pointsFor(order);
}

export async function nextStatement(account) {
  // BUG: the number is read before the await and written back after it, so
  // two statements created at once get the same number. Take it with
  // `const no = nextStatementNo++` before awaiting.
  const no = nextStatementNo;
  await db.put('statements', `${account.id}-${no}`, { balance: account.balance });
  nextStatementNo = no + 1;
  return no;
}

export async function rateFor(currency) {
  const hit = fxRates.get(currency);
  if (hit && hit.at > Date.now() - 60_000) return hit.rate;
  // BUG: every caller that finds the rate stale fetches it again, and a slow
  // old response can overwrite a newer one. Keep the pending promise in the
  // map (singleFlight from the runtime) so concurrent callers share one fetch.
  fxRates.set(currency, { rate: await fetchRate(currency), at: Date.now() });
  return fxRates.get(currency).rate;
}

async function pointsFor(order) {
  const row = await db.get('orders', order.id);
  return Math.floor((row?.total ?? 0) / 10);
}

async function fetchRate(currency) {
  const res = await fetch(`https://fx.invalid/${currency}`);
  return (await res.json()).rate;
}
