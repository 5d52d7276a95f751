// racelint:strict reports a retry loop's steps too
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function retrying(fn, retries, done) {
  let attempt = 0;
  const run = () => {
    Promise.resolve()
      .then(fn)
      .then(done, (err) => {
        if (attempt++ >= retries) return done(err);
        sleep(100).then(() => { // expect: [floating-promise] ".then() chain"
          run();
        });
      });
  };
  sleep(0).then(run); // expect: [floating-promise] ".then() chain"
}
