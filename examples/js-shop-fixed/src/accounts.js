// accounts.js - store-credit accounts: balances, transfers, loyalty points.
import { Mutex, withLocks, singleFlight } from '@racelint/runtime';
import * as db from './db.js';
import { fetch } from './net.js';

// One lock for the account table, one for the ledger. Code that needs both
// takes them with withLocks(), which always acquires in one global order.
const accountsLock = new Mutex();
const ledgerLock = new Mutex();

let pointsIssued = 0;
let nextStatementNo = 1;
const fxRates = new Map(); // currency -> { rate, at }

export function openAccount(id) {
  return { id, balance: 0, mutex: new Mutex() };
}

export async function transfer(from, to, amount) {
  // FIXED: withLocks() takes both account locks in ascending Mutex id order
  // whatever the argument order, so transfer(a, b) and transfer(b, a) cannot
  // each hold one lock and wait for the other; both are released when the
  // callback settles.
  await withLocks([from.mutex, to.mutex], async () => {
    if (from.balance < amount) throw new Error('insufficient credit');
    from.balance -= amount;
    to.balance += amount;
    await db.put('accounts', from.id, from);
    await db.put('accounts', to.id, to);
  });
}

export async function closeAccount(account) {
  await withLocks([accountsLock, ledgerLock], async () => {
    await db.put('ledger', `close-${account.id}`, { balance: account.balance });
    await db.put('accounts', account.id, null);
  });
}

export async function postInterest(accounts, rate) {
  // FIXED: takes accountsLock and ledgerLock through withLocks(), like
  // closeAccount(): both functions acquire them in the same order.
  await withLocks([ledgerLock, accountsLock], async () => {
    for (const a of accounts) a.balance += a.balance * rate;
    await db.put('ledger', `interest-${Date.now()}`, { rate });
  });
}

export async function awardPoints(order) {
  // FIXED: the points are computed first; the addition happens after the
  // await, with no await between reading and writing pointsIssued.
  const points = await pointsFor(order);
  pointsIssued += points;
  return points;
}

export function totalPointsIssued() {
  return pointsIssued;
}

export async function nextStatement(account) {
  // FIXED: the number is taken (read and incremented) before the await, so
  // two statements created at once get different numbers.
  const no = nextStatementNo++;
  await db.put('statements', `${account.id}-${no}`, { balance: account.balance });
  return no;
}

export async function rateFor(currency) {
  const hit = fxRates.get(currency);
  if (hit && hit.at > Date.now() - 60_000) return hit.rate;
  // FIXED: singleFlight() shares one pending fetch among all the callers that
  // find the rate stale, and only one fetch per currency is in flight at a
  // time, so an older response cannot overwrite a newer one.
  return singleFlight(`fx:${currency}`, async () => {
    const rate = await fetchRate(currency);
    fxRates.set(currency, { rate, at: Date.now() });
    return rate;
  });
}

async function pointsFor(order) {
  const row = await db.get('orders', order.id);
  return Math.floor((row?.total ?? 0) / 10);
}

async function fetchRate(currency) {
  const res = await fetch(`https://fx.invalid/${currency}`);
  if (!res.ok) throw new Error(`rate for ${currency} unavailable: ${res.status}`);
  return (await res.json()).rate;
}
