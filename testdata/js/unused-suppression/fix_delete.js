// Fix: unused suppression comments are deleted (safe: comments have no
// behaviour; the output of running the file is the same before and after).
// fix-behaviour: same
const seen = [];
// expect@+1: [unused-suppression] "unused suppression"
// racelint-disable-next-line check-then-act -- reviewed: the call used to be async
seen.push('a');
// expect@+1: [unused-suppression]
seen.push('b'); // racelint-disable-line check-then-act -- reviewed: old
const c = 1 + /* racelint-disable-line check-then-act */ 2; // expect: [unused-suppression]
// expect@+1: [unused-suppression]
/* racelint-disable check-then-act */
seen.push(c);
/* racelint-enable check-then-act */
// expect@+1: [unused-suppression] "unknown rule"
// racelint-disable-next-line floating-promis -- a typo: no fix, the user must choose
seen.push('d');
console.log(seen.join(','));
