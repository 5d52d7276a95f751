/* Fix: `if (access(p, F_OK) == 0) return ...;` before `open(p, ...O_CREAT...)`
 * is dropped, and open() refuses an existing file or a symlink itself
 * (O_EXCL|O_NOFOLLOW in place of O_TRUNC). Unsafe: an existing file now
 * takes open()'s failure path, which here returns the same -1. Shapes it
 * does not rewrite (an else branch, another mode of access()) get no fix. */
#include <fcntl.h>
#include <unistd.h>

int save_result(const char *path, const char *text, int len) {
  if (access(path, F_OK) == 0) return -1;
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600); // expect: [check-then-act] "'access' checked"
  if (fd < 0) return -1;
  int n = (int)write(fd, text, (size_t)len);
  close(fd);
  return n == len ? 0 : -1;
}

int save_new(const char *path) {
  if (!access(path, F_OK)) return 1;
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600); // expect: [check-then-act]
  if (fd < 0) return -1;
  return close(fd);
}

int save_or_log(const char *path) {
  int fd;
  if (access(path, F_OK) == 0) {
    return 2;
  } else {
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600); // expect: [check-then-act]
  }
  return fd < 0 ? -1 : close(fd);
}
