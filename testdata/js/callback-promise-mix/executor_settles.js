// Async Promise executors that cannot reject: every await hands its
// failure to the executor's own resolve/reject by name, or the arrow's
// expression body has no await and its value is no promise. The `async`
// is useless but loses nothing (the rule's FALSE class on held-out code).
// expect-none
function openLedger(db) {
  return new Promise(async (resolve, reject) => {
    await db.begin((tx) => tx.lock('ledger')).catch(reject);
  });
}

function onceReady(queue) {
  let finish;
  const ready = new Promise(async (r) => finish = r);
  queue.on('drain', () => finish());
  return ready;
}

function settleAll(jobs) {
  return new Promise(async (resolve, reject) => {
    for (const job of jobs) {
      await job.run().catch(reject);
    }
    await jobs.flush().catch(resolve);
    resolve();
  });
}

function withFlag(state) {
  return new Promise(async (done) => state.waiting = state.pending = done);
}

module.exports = { openLedger, onceReady, settleAll, withFlag };
