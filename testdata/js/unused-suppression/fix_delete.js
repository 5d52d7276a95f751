// Fix: unused suppression comments are deleted (safe: comments have no
// behaviour; the output of running the file is the same before and after).
// fix-behaviour: same
const seen = [];
// expect@+1: [unused-suppression] "unused suppression"
// racelint-disable-next-line floating-promise -- reviewed: the call used to be async
seen.push('a');
// expect@+1: [unused-suppression]
seen.push('b'); // racelint-disable-line floating-promise -- reviewed: old
const c = 1 + /* racelint-disable-line floating-promise */ 2; // expect: [unused-suppression]
// expect@+1: [unused-suppression]
/* racelint-disable floating-promise */
seen.push(c);
/* racelint-enable floating-promise */
// expect@+1: [unused-suppression] "unknown rule"
// racelint-disable-next-line floating-promis -- a typo: no fix, the user must choose
seen.push('d');
console.log(seen.join(','));
