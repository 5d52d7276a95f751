// expect-none
async function purge(u) { await fetch(`/purge/${u.id}`); }
module.exports = { purge };
