// expect-none
// A hand-written retry loop: each round's chain starts the next round,
// and the loop's outcome goes out through the promise it settles.
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function retrying(fn, retries) {
  let attempt = 0;
  let done = false;
  let wake;
  let settle;
  let fail;
  const result = new Promise((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  result.catch(() => {});

  const waitOnline = () =>
    new Promise((resolve) => {
      wake = resolve;
    }).then(() => {
      wake = undefined;
    });

  const run = () => {
    if (done) return;
    Promise.resolve()
      .then(fn)
      .then((v) => {
        done = true;
        settle(v);
      })
      .catch((err) => {
        if (attempt++ >= retries) {
          done = true;
          fail(err);
          return;
        }
        sleep(100 * attempt)
          .then(() => (navigator.onLine ? undefined : waitOnline()))
          .then(() => {
            run();
          });
      });
  };

  if (navigator.onLine) run();
  else waitOnline().then(run);
  return { result, continue: () => wake && wake() };
}
