// An async function that catches every failure of its work, with only a
// timer (sleep/delay) awaited outside the try, cannot reject: calling it
// without await is fine. Any other await outside the try can reject.
import sleep from './sleep.js';

export function waitFor(check, { every = 50 } = {}) {
  return new Promise((resolve, reject) => {
    const poll = async () => {
      await sleep(every);
      try {
        if (await check()) return resolve();
        poll();
      } catch (e) {
        reject(e);
      }
    };
    poll();
  });
}

export function waitForLoaded(check, load) {
  return new Promise((resolve, reject) => {
    const poll = async () => {
      await load(); // can reject, outside the try
      try {
        if (await check()) return resolve();
        poll(); // expect: [floating-promise] "'poll'"
      } catch (e) {
        reject(e);
      }
    };
    poll(); // expect: [floating-promise] "'poll'"
  });
}
