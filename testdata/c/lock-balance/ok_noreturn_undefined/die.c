/* die() ends in platform_abort(), whose only definition sits under a
 * platform #ifdef that only the build sets: with no definition in sight,
 * its name says it ends the process. */
/* expect-none */
#include <stdio.h>

void platform_abort(void);

void die(const char *why) {
  fputs(why, stderr);
  platform_abort();
}

#ifdef RL_TESTDATA_PLATFORM_NOT_SET
#include <stdlib.h>
void platform_abort(void) { abort(); }
#endif
