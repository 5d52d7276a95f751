/* Documentation of the syntax, inside a block comment:
 *   // racelint-disable-next-line check-then-act -- reason
 * is prose, not a directive. */
/* expect-none */
#include <stdio.h>

static const char *usage =
    "write // racelint-disable-next-line check-then-act -- reason above the line";

void print_usage(void) { puts(usage); }
