/* spool.c - writes finished jobs to a spool directory. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "queue.h"

int spool_write(const char *dir, const job *j) {
  char path[512];
  snprintf(path, sizeof path, "%s/job-%d.out", dir, j->id);
  /* Refuse to overwrite a result that is already there... */
  if (access(path, F_OK) == 0) return -1;
  /* BUG: ...but between access() and open() another user of the shared
   * spool directory can create `path` as a symlink to a file we may write
   * (say ~/.bashrc); open() follows it. Use O_CREAT|O_EXCL|O_NOFOLLOW. */
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return -1;
  ssize_t n = write(fd, j->payload, strlen(j->payload));
  close(fd);
  return n < 0 ? -1 : 0;
}
