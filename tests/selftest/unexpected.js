// The runner must fail: a finding with no marker (and the file says none).
// expect-none
[1].forEach(async (v) => { await v; });
