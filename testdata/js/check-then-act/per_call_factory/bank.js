// expect-none
const Transfer = require('./transfer');
const Wallet = require('./wallet');

function transfer(amount) {
  return new Transfer(amount);
}

const wallets = new Map();
function wallet(id) {
  const w = new Wallet();
  wallets.set(id, w);
  return w;
}

module.exports = { transfer, wallet };
