/* A function defined through a macro of the build whose header this run
 * lacks: `DEFINE_HANDLER(on_read, int, ...)` at the start of a line reads
 * as an old-style declaration, and clang stops at `int` ("expected
 * identifier"), inside the macro's arguments. The run's setup, not the
 * file: no parse-error finding (the run notice says the file was analysed
 * without some of its build's macros). */
// expect-none
#include <stddef.h>

struct conn {
  int fd;
  size_t pending;
};

DEFINE_HANDLER(on_read, int,
	struct conn *c, size_t n)
{
	c->pending += n;
	return 0;
}

int drain(struct conn *c) { return c->pending == 0; }
