// The runner must fail: right line, wrong rule id.
[1].forEach(async (v) => { await v; }); // expect: [check-then-act]
