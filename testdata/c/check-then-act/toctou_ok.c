/* Near-misses: checks that are not followed by a use of the same path,
 * and the safe idioms the fix hint recommends. */
/* expect-none */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

struct config {
  const char *log_path;
  const char *tmp_path;
};

/* The fix: open first, then check the descriptor. */
int open_regular(const char *path) {
  int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st;
  if (fd < 0) return -1;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return -1;
  }
  return fd;
}

/* Exclusive creation is atomic: the access() is redundant, not racy. */
int create_new(const char *path) {
  if (access(path, F_OK) == 0) return -1;
  return open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
}

/* lstat, open, then fstat and compare: the classic safe pattern. */
int open_checked(const char *path) {
  struct stat before, after;
  if (lstat(path, &before) != 0 || S_ISLNK(before.st_mode)) return -1;
  int fd = open(path, O_RDONLY | O_NOFOLLOW);
  if (fd < 0) return -1;
  if (fstat(fd, &after) != 0 || before.st_ino != after.st_ino) {
    close(fd);
    return -1;
  }
  return fd;
}

/* Different paths. */
int copy_if_exists(const char *src, const char *dst) {
  if (access(src, R_OK) != 0) return -1;
  return open(dst, O_WRONLY | O_TRUNC);
}

/* Different fields of the same struct. */
int open_tmp(struct config *cfg) {
  struct stat st;
  if (stat(cfg->log_path, &st) != 0) return -1;
  return open(cfg->tmp_path, O_WRONLY);
}

/* The variable is reassigned between check and use. */
int fallback(const char *primary, const char *secondary) {
  const char *path = primary;
  if (access(path, R_OK) != 0) return -1;
  path = secondary;
  return open(path, O_RDONLY);
}

/* The buffer is rewritten between check and use. */
int rewritten(const char *dir) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s/a", dir);
  if (access(buf, R_OK) != 0) return -1;
  snprintf(buf, sizeof buf, "%s/b", dir);
  return open(buf, O_RDONLY);
}

/* A check only used to report a message. */
void report_missing(const char *path) {
  if (access(path, F_OK) != 0) fprintf(stderr, "missing: %s\n", path);
}

/* Check in one function, use in another: not (yet) followed across calls. */
int is_present(const char *path) { return access(path, F_OK) == 0; }
int open_it(const char *path) { return open(path, O_RDONLY); }
