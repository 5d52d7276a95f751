// The runner must fail: a callback-promise-mix finding with no marker (the file says none).
// expect-none
[1].forEach(async (v) => { await v; });
