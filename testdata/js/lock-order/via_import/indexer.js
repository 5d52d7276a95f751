// Holds indexLock and calls writeJournal(), which takes journalLock.
import { indexLock } from './locks';
import { writeJournal } from './journal.js';

export async function reindex(entries) {
  const release = await indexLock.acquire();
  try {
    for (const e of entries) {
      await writeJournal(e); // expect: [lock-order] "'indexLock' and 'journalLock' are taken in opposite orders: reindex takes 'indexLock' then 'journalLock' via writeJournal()"
      // expect-note@-1: "'journalLock' taken in writeJournal(), called while holding 'indexLock' (line 6) in reindex"
    }
  } finally {
    release();
  }
}

// The call runs after the lock is released: no order.
export async function later(entry) {
  await indexLock.runExclusive(() => entry);
  await writeJournal(entry);
}
