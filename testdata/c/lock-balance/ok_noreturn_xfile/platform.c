/* The platform layer: abort() ends the process. */
/* expect-none */
#include <stdio.h>
#include <stdlib.h>

void platform_print(const char *msg) { fputs(msg, stderr); }

void platform_abort(void) { abort(); }
