/* Near miss: a real syntax error inside the arguments of a call that
 * starts its line, where the callee is a function (lowercase), not a
 * macro-like name: the file's own error, reported. */
#include <stddef.h>

static int register_hook(int (*fn)(void), size_t n) { return fn ? (int)n : 0; }

static int on_read(void) { return 0; }

int setup(void) {
  register_hook(on_read, int); // expect: [parse-error] "expected expression"
  return 0;
}
