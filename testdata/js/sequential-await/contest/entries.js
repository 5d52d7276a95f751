// A directory whose name only contains "test" is library code: reported.
import { getEntry, getJudges } from '../db.js';

export async function entryPage(id) {
  const entry = await getEntry(id);
  const judges = await getJudges(id); // expect: [sequential-await] "'getJudges'"
  return { entry, judges };
}
