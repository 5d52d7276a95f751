/* Near-misses: lazy initialisation in a program without threads, and in
 * main before the threads start. */
/* expect-none */
#include <stdlib.h>

static char *home;

const char *home_dir(void) {
  if (!home) home = getenv("HOME");
  return home;
}

int main(void) { return home_dir() != NULL; }
