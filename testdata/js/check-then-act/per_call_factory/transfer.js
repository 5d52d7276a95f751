// A Transfer is made per request by bank.js (returned at once by a
// factory), so its own fields are not shared between concurrent calls.
// expect-none
class Transfer {
  constructor(amount) {
    this.amount = amount;
    this.left = amount;
  }

  async step(ledger) {
    if (this.left >= this.amount) {
      await ledger.record(this.amount);
      this.left -= this.amount;
    }
  }
}

module.exports = Transfer;
