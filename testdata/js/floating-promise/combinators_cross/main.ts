// Promise.all whose elements call an import: the project phase checks
// that the import cannot reject (one import per combinator).
import { settle, quietly, loud } from './timing';

type Job = { run(): Promise<void> };

export function start(gaps: number[], jobs: Job[]): void {
  Promise.all([settle(1), settle(2)]);
  Promise.all(gaps.map(settle));
  Promise.all(jobs.map((j) => quietly(j))).then(() => { console.log('all done'); });
  const waits: Promise<void>[] = [];
  for (const g of gaps) waits.push(settle(g));
  Promise.race(waits).finally(() => { console.log('first gap over'); });
}

export function risky(jobs: Job[]): void {
  // expect: [floating-promise] "Promise.all()"
  Promise.all(jobs.map((j) => loud(j)));
  // expect: [floating-promise] ".finally() chain"
  Promise.all([loud(jobs[0])]).finally(() => { console.log('over'); });
  // two different imports: only one is checked per combinator
  // expect: [floating-promise] "Promise.all()"
  Promise.all([settle(1), quietly(jobs[0])]);
  // expect: [floating-promise] ".then() chain"
  Promise.all([settle(1)]).then(() => { throw new Error('late'); });
}
