// A real syntax error is still reported.
export type * from; // expect: [parse-error] "syntax error"
const total = 1 +;
