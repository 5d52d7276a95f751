// Library code shaped like a planned tap test: the test exemptions apply
// only in test files.
export function serve(t, app) {
  t.plan(1);
  app.request('/').then((res) => { t.equal(res.statusCode, 200); }); // expect: [floating-promise]
}
