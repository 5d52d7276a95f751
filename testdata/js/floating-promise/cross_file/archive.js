// expect-none
async function archive(account) { await fetch(`/archive/${account}`); }
module.exports = { archive };
