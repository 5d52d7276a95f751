/* Text that only looks like a suppression is not one: these must neither
 * silence a finding nor be reported as unused.
 *
 *   // racelint-disable-next-line callback-promise-mix -- (a syntax example in prose)
 */
// expect-none

const help = "// racelint-disable-next-line callback-promise-mix -- in a string";
const tpl = `
  // racelint-disable-next-line callback-promise-mix -- in a template literal
`;
const quote = '/* racelint-disable callback-promise-mix */';
// a comment that mentions racelint-disable-next-line later on is prose, too

module.exports = { help, tpl, quote };
