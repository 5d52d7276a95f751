// Look like a retry loop's next round, but can lose a real rejection.
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function poll(url, onData) {
  const again = () => {
    // the base is a request: its failure is lost
    fetch(url).then(() => { // expect: [floating-promise] ".then() chain"
      again();
    });
  };
  const later = () => {
    // a callback throws
    sleep(10).then(() => { // expect: [floating-promise] ".then() chain"
      if (!url) throw new Error('no url');
      later();
    });
  };
  const once = () => {
    // the last callback does not start another round
    sleep(10).then(() => onData(url)); // expect: [floating-promise] ".then() chain"
  };
  const step = () => {
    if (!url) throw new Error('no url');
    onData(url);
  };
  // `step` is not a retry loop, and it throws
  sleep(10).then(step); // expect: [floating-promise] ".then() chain"
  again();
  later();
  once();
}
