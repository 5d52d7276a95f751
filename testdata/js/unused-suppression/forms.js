// Each suppression form silences its finding; the reason is kept.

function nextLine(ids) {
  // racelint-disable-next-line callback-promise-mix -- fire-and-forget by design
  ids.forEach(async (id) => { await id; });
}

function sameLine(ids) {
  ids.forEach(async (id) => { await id; }); // racelint-disable-line callback-promise-mix
}

function twoIds(ids) {
  // racelint-disable-next-line check-then-act, callback-promise-mix -- reviewed
  ids.forEach(async (id) => { await id; }); // expect@-1: [unused-suppression] "no 'check-then-act' finding"
}

/* racelint-disable callback-promise-mix */
function inRange(ids) {
  ids.forEach(async (id) => { await id; });
  ids.forEach(async (id) => { await id; });
}
/* racelint-enable callback-promise-mix */

function afterRange(ids) {
  ids.forEach(async (id) => { await id; }); // expect: [callback-promise-mix]
}

function wrongLine(ids) {
  // racelint-disable-next-line callback-promise-mix -- expect@+0: [unused-suppression] "on the next line"

  ids.forEach(async (id) => { await id; }); // expect: [callback-promise-mix]
}

// racelint-disable-next-line callback-promise-mixx -- expect@+0: [unused-suppression] "did you mean 'callback-promise-mix'"
const a = 1;

// racelint-disable-next-line -- expect@+0: [unused-suppression] "names no rule"
const b = 2;

// Not suppression comments: strings and words that only look alike.
const s = "racelint-disable-next-line callback-promise-mix";
const racelintDisabled = true;

module.exports = { nextLine, sameLine, twoIds, inRange, afterRange, wrongLine, a, b, s, racelintDisabled };
