// Read, test, await, write: another call runs in between and the test no
// longer holds when the write happens.
const { getBalance, setBalance, fetchQuota, updateQuota } = require('./accounts');

let seats = 10;
const reservations = new Map();

async function withdraw(id, amount) {
  const balance = await getBalance(id); // expect-note: "read here"
  if (balance < amount) throw new Error('insufficient funds'); // expect-note: "checked here"
  await setBalance(id, balance - amount); // expect: [check-then-act] "another call can run between the read at line 9 and the write at line 11"
}

async function consume(user, n) {
  const quota = await fetchQuota(user);
  if (quota.remaining >= n) {
    await updateQuota(user, { remaining: quota.remaining - n }); // expect: [check-then-act] "'updateQuota' writes what 'fetchQuota' read"
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
    await db.put('stock', sku, { qty: row.qty - qty }); // expect: [check-then-act]
  }
}

async function guarded(id, amount) {
  const b = await getBalance(id);
  return b >= amount && (await setBalance(id, b - amount)); // expect: [check-then-act]
}

async function useCredit(User, id) {
  const doc = await User.findById(id);
  if (doc.credits <= 0) throw new Error('no credits left');
  doc.credits -= 1;
  await doc.save(); // expect: [check-then-act] "'doc.save' writes what 'User.findById' read"
}

module.exports = { useCredit, withdraw, consume, Inventory, book, bookCounted, dbStock, guarded };
