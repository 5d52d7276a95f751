// Fix: a BOM and CRLF line endings are kept outside the edits.
// fix-behaviour: same
// expect@+1: [unused-suppression]
// racelint-disable-next-line check-then-act -- reviewed
console.log("kept");
// expect@+1: [unused-suppression]
// racelint-disable-next-line check-then-act -- reviewed