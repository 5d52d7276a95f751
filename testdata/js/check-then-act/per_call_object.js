// State of an object made for one call is not shared with other calls.
import { audit } from './audit.js';

class Budget {
  constructor(limit) { this.left = limit; }
  async spend(amount) {
    if (this.left >= amount) {
      await audit(amount);
      this.left -= amount;
    }
  }
}

export async function plan(items, limit) {
  const budget = new Budget(limit);
  for (const i of items) await budget.spend(i.cost);
  return budget.left;
}

class Account {
  constructor(balance) { this.balance = balance; }
  async withdraw(amount) {
    if (this.balance >= amount) {
      await audit(amount);
      this.balance -= amount; // expect: [check-then-act] "'this.balance'"
    }
  }
}

export const account = new Account(100); // one instance at module level: shared
