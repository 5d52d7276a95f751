// V8 natives syntax is not JavaScript: reported.
function same(a, b) {
  return %HaveSameMap(a, b); // expect: [parse-error]
}
same({}, {});
