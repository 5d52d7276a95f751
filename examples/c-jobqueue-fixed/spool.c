/* spool.c - writes finished jobs to a spool directory. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "racelint/rt.h"
#include "queue.h"

int spool_write(const char *dir, const job *j) {
  char path[512];
  snprintf(path, sizeof path, "%s/job-%d.out", dir, j->id);
  /* FIXED: no access() check before open(): rl_rt_create_exclusive() creates
   * the file with O_CREAT|O_EXCL|O_NOFOLLOW in one step, so it still refuses
   * to overwrite a result that is already there (EEXIST), and a symlink
   * planted at `path` -- even a dangling one -- is never followed. */
  int fd = rl_rt_create_exclusive(path, O_WRONLY, 0600);
  if (fd < 0) return -1;
  size_t len = strlen(j->payload);
  ssize_t n;
  do n = write(fd, j->payload, len);
  while (n < 0 && errno == EINTR);
  if (close(fd) != 0) return -1;
  return n == (ssize_t)len ? 0 : -1;
}
