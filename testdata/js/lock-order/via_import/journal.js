// Writes the journal under its lock; called by the indexer with indexLock held.
import { journalLock, indexLock } from './locks';

export async function writeJournal(entry) {
  await journalLock.runExclusive(async () => {
    await indexLock.runExclusive(() => entry); // expect-note: "'indexLock' taken while holding 'journalLock' (line 5) in writeJournal"
  });
}
