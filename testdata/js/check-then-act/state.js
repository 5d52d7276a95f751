// Read, test, await, write: another call runs in between and the test no
// longer holds when the write happens.
const { getBalance, setBalance, fetchQuota, updateQuota } = require('./accounts');

let seats = 10;
const reservations = new Map();

async function withdraw(id, amount) {
  const balance = await getBalance(id);
  if (balance < amount) throw new Error('insufficient funds');
  await setBalance(id, balance - amount); // racelint:strict only (state_strict/): a store's get/set pair
}

async function consume(user, n) {
  const quota = await fetchQuota(user);
  if (quota.remaining >= n) {
    await updateQuota(user, { remaining: quota.remaining - n }); // racelint:strict only (state_strict/): a store's get/set pair
  }
}

class Inventory {
  async reserve(sku, qty) {
    const stock = this.stock.get(sku) ?? 0;
    if (stock < qty) return false;
    await this.payments.hold(sku, qty);
    this.stock.set(sku, stock - qty); // expect: [check-then-act]
    return true;
  }

  async spend(amount) {
    if (this.balance >= amount) {
      await this.audit.log('spend', amount);
      this.balance -= amount; // expect: [check-then-act] "'this.balance' is changed after an await"
    }
  }

  async enqueue(job) {
    if (this.queue.length < this.limit) {
      await this.validate(job);
      this.queue.push(job); // expect: [check-then-act] "'this.queue'"
    }
  }


  async take() {
    if (this.free <= 0) throw new Error('no free slot');
    await this.warmUp();
    this.free--; // expect: [check-then-act]
  }
}

async function book(n) {
  if (seats >= n) {
    await chargeCard(n);
    seats -= n; // expect: [check-then-act] "'seats'"
  }
}

async function bookCounted(id) {
  const current = reservations.get(id) ?? 0;
  if (current < 3) reservations.set(id, current + (await extraFor(id))); // expect: [check-then-act]
}

async function dbStock(db, sku, qty) {
  const row = await db.get('stock', sku);
  if (row.qty >= qty) {
    await db.put('stock', sku, { qty: row.qty - qty }); // racelint:strict only (state_strict/): a store's get/set pair
  }
}

async function guarded(id, amount) {
  const b = await getBalance(id);
  return b >= amount && (await setBalance(id, b - amount)); // racelint:strict only (state_strict/): a store's get/set pair
}

async function useCredit(User, id) {
  const doc = await User.findById(id);
  if (doc.credits <= 0) throw new Error('no credits left');
  doc.credits -= 1;
  await doc.save(); // racelint:strict only (state_strict/): a store's get/set pair
}

module.exports = { useCredit, withdraw, consume, Inventory, book, bookCounted, dbStock, guarded };
