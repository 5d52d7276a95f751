/* spool_smoke.c - drives examples/c-jobqueue's spool_write() alone (the
 * whole program still has the lock-order and lock-balance bugs that no fix
 * removes, so running it can deadlock). Built against a copy fixed with
 * `racelint --fix --unsafe-fixes` by tests/cli/test_fix_examples.sh, and
 * against the original: both must print the same, except that the fixed one
 * refuses a symlink planted at the result path and leaves its target alone.
 * Usage: spool_smoke DIR (an empty directory). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "queue.h"

static int same_text(const char *path, const char *want) {
  char buf[256] = "";
  FILE *f = fopen(path, "r");
  if (!f) return 0;
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  return strcmp(buf, want) == 0;
}

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  const char *dir = argv[1];
  char path[512], target[512];
  job j = {.id = 1};
  snprintf(j.payload, sizeof j.payload, "first\n");
  printf("new result: %d\n", spool_write(dir, &j));
  snprintf(j.payload, sizeof j.payload, "second\n");
  printf("existing result: %d\n", spool_write(dir, &j));
  snprintf(path, sizeof path, "%s/job-1.out", dir);
  printf("kept: %d\n", same_text(path, "first\n"));
  /* a dangling symlink planted where the next result goes */
  snprintf(target, sizeof target, "%s/planted-target", dir);
  snprintf(path, sizeof path, "%s/job-2.out", dir);
  if (symlink(target, path) != 0) return 2;
  j.id = 2;
  printf("symlink: %d\n", spool_write(dir, &j));
  printf("target created: %d\n", access(target, F_OK) == 0);
  return 0;
}
