/* This die() ends in platform_report(), declared but not defined in
 * sight: nothing says it never returns, so the early unlock's path goes
 * on to the second unlock. */
/* expect-none */
#include <stdio.h>

void platform_report(const char *why);

void die(const char *why) {
  fputs("fatal\n", stderr);
  platform_report(why);
}
