/* A truncating create or a rename onto the checked name, where the check
 * found the file there (or where the rule cannot tell): reported by the
 * default preset. The create follows a symlink swapped in since the check
 * and truncates whatever it points to (a daemon reopening its pid file by
 * name); ok_no_clobber.c has the other side. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int reopen_truncated(const char *pidfile) {
  struct stat sb;
  int fd;
  if (lstat(pidfile, &sb) < 0) {
    return open(pidfile, O_RDWR | O_CREAT | O_EXCL, 0600);
  } else {
    fd = open(pidfile, O_RDWR);
    if (fd < 0) return -1;
    close(fd);
    return open(pidfile, O_RDWR | O_CREAT | O_TRUNC, 0600); /* expect: [check-then-act] "'lstat' checked" */
  }
}

FILE *overwrite(const char *path) {
  struct stat sb;
  if (stat(path, &sb) == 0) return fopen(path, "w"); /* expect: [check-then-act] */
  return NULL;
}

int reset_regular(const char *path) {
  struct stat sb;
  if (!stat(path, &sb) && S_ISREG(sb.st_mode)) return creat(path, 0600); /* expect: [check-then-act] */
  return -1;
}

int reset_after(const char *path) {
  struct stat sb;
  if (stat(path, &sb) == -1) return -1;
  return creat(path, 0644); /* expect: [check-then-act] */
}

int swap_in(const char *tmp, const char *dest) {
  if (access(dest, F_OK) == 0) {
    return rename(tmp, dest); /* expect: [check-then-act] */
  }
  return -1;
}

/* The result is kept and tested later: which way it went is not read. */
FILE *stored_result(const char *path) {
  struct stat sb;
  int rc = stat(path, &sb);
  if (rc != 0) return NULL;
  return fopen(path, "w"); /* expect: [check-then-act] */
}

/* A directory test joins the check with &&: the else of the if is
 * not known to be the missing side. */
int not_a_dir(const char *path) {
  struct stat sb;
  if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) return -1;
  return creat(path, 0644); /* expect: [check-then-act] */
}
