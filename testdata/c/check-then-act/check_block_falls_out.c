/* Checks in a block that does not return on every path: the use after it
 * can follow the check. */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

FILE *rotate(const char *path, int force) {
  struct stat sb;
  if (!force) {
    if (stat(path, &sb) != 0) return NULL;
    if (sb.st_uid != getuid()) return NULL;
  }
  return fopen(path, "r"); // expect: [check-then-act] "checked at line 10"
}

int retry_open(const char *path) {
  for (int tries = 0; tries < 3; tries++) {
    if (access(path, W_OK) != 0) {
      if (tries < 2) continue;
      return -1;
    }
    FILE *f = fopen(path, "a"); // expect: [check-then-act] "checked at line 18"
    if (f) return fclose(f);
  }
  return -1;
}
