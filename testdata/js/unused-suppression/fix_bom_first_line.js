// racelint-disable-next-line check-then-act -- reviewed
console.log("first line: the BOM stays, the comment goes");
// expect@-2: [unused-suppression]
// fix-behaviour: same
