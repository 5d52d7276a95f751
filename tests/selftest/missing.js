// The runner must fail: this marker expects a finding that is not there.
const x = [1].map((v) => v + 1); // expect: [callback-promise-mix]
