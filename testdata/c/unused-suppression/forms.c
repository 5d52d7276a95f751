/* Suppressions in C comments. */
#include <fcntl.h>
#include <unistd.h>

int reviewed(const char *path) {
  if (access(path, W_OK) != 0) return -1;
  /* racelint-disable-next-line check-then-act -- path is in a root-owned 0700 dir */
  return open(path, O_WRONLY);
}

int stale(const char *path) {
  /* racelint-disable-next-line check-then-act -- expect@+0: [unused-suppression] */
  return open(path, O_WRONLY);
}

int not_suppressed(const char *path) {
  if (access(path, W_OK) != 0) return -1;
  return open(path, O_WRONLY); /* expect: [check-then-act] */
}
