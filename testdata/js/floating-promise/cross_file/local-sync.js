// A synchronous function with the same name as the async one in jobs.js.
// expect-none
export function sync(account) { console.log('local sync', account); }
