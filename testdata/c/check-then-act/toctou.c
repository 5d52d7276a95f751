/* File TOCTOU: a path is checked, then used; the file can change between. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

struct config {
  const char *log_path;
  const char *tmp_path;
};

int open_if_writable(const char *path) {
  if (access(path, W_OK) != 0) /* expect-note: "checked here" */
    return -1;
  return open(path, O_WRONLY | O_APPEND); /* expect: 10 [check-then-act] "'access' checked at line 13" */
}

FILE *open_if_regular(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != getuid())
    return NULL;
  return fopen(path, "r"); /* expect: [check-then-act] */
}

int remove_if_not_link(const char *path) {
  struct stat st;
  if (lstat(path, &st) == 0 && !S_ISLNK(st.st_mode))
    return unlink(path); /* expect: [check-then-act] */
  return -1;
}

FILE *open_literal(void) {
  if (access("/tmp/app.lock", F_OK) != 0) {
    /* expect-next-line: check-then-act */
    return fopen("/tmp/app.lock", "w");
  }
  return NULL;
}

int rotate(const char *from, const char *to) {
  struct stat st;
  if (stat(from, &st) != 0) return -1;
  return rename(from, to); /* not reported: rename moves the name, follows nothing */
}

int open_in_dir(int dirfd, const char *name) {
  if (faccessat(dirfd, name, W_OK, 0) != 0) return -1;
  return openat(dirfd, name, O_WRONLY); /* expect: [check-then-act] */
}

int open_log(struct config *cfg) {
  struct stat st;
  if (stat(cfg->log_path, &st) == 0 && st.st_size > 1024 * 1024)
    truncate(cfg->log_path, 0); /* not reported: a size check, no privilege */
  return open(cfg->log_path, O_WRONLY | O_APPEND);
}

int ensure_dir(const char *dir) {
  struct stat st;
  if (stat(dir, &st) != 0)
    return mkdir(dir, 0700); /* not reported: mkdir fails on any existing name */
  return 0;
}
