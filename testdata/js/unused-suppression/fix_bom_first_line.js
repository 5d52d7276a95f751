// racelint-disable-next-line floating-promise -- reviewed
console.log("first line: the BOM stays, the comment goes");
// expect@-2: [unused-suppression]
// fix-behaviour: same
