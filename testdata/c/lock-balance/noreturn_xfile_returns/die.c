/* This die() only logs: it returns when logging is quiet, so the early
 * unlock's path goes on to the second unlock. */
/* expect-none */
#include <stdio.h>
#include <stdlib.h>

extern int quiet;

void die(const char *why) {
  if (quiet) {
    fputs(why, stderr);
    return;
  }
  abort();
}
