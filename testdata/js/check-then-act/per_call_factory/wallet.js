// Near-miss: bank.js keeps every Wallet in a map, so two calls on one
// wallet can both pass the check.
class Wallet {
  async spend(ledger, amount) {
    if (this.balance >= amount) {
      await ledger.record(amount);
      this.balance -= amount; // expect: [check-then-act] "'this.balance'"
      // expect-note@-3: "read here"
    }
  }
}

module.exports = Wallet;
