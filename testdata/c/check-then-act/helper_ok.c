/* Near-misses: helpers that check a different argument, or a path the
 * caller does not use afterwards; a helper that opens and fstats. */
/* expect-none */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static int dir_ok(const char *dir, const char *name) {
  (void)name;
  return access(dir, W_OK) == 0;
}

static int open_checked(const char *p) {
  int fd = open(p, O_RDONLY | O_NOFOLLOW);
  struct stat st;
  if (fd >= 0 && fstat(fd, &st) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

static int exists(const char *p) { return access(p, F_OK) == 0; }

int create_in(const char *dir, const char *name) {
  if (!dir_ok(dir, name))
    return -1;
  return open(name, O_WRONLY | O_CREAT | O_EXCL, 0600);
}

int open_twice(const char *p) { return open_checked(p); }

int report(const char *a, const char *b) {
  if (exists(a))
    return open(b, O_RDONLY);
  return -1;
}
