/* The check is in a helper of the same file: file_exists() calls access()
 * on its parameter, so its caller's open() is still check-then-act. The
 * file runs privileged (hand_over() gives files away with fchown), so a
 * write after an existence check is exploitable. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static int file_exists(const char *path) { return access(path, F_OK) == 0; }

static int is_regular(const char *dir, const char *name) {
  struct stat st;
  (void)dir;
  return stat(name, &st) == 0 && S_ISREG(st.st_mode);
}

int open_existing(const char *p) {
  if (!file_exists(p)) /* expect-note: "'p' checked here" */
    return -1;
  return open(p, O_WRONLY | O_APPEND); /* expect: [check-then-act] "'open' acts on 'p', which 'file_exists' checked at line 19" */
}

FILE *open_regular(const char *dir, const char *name) {
  if (!is_regular(dir, name))
    return NULL;
  return fopen(name, "a"); /* expect: [check-then-act] "'is_regular' checked" */
}

int remove_if_present(const char *p) {
  if (file_exists(p))
    return unlink(p); /* not reported: unlink removes the name, follows nothing */
  return 0;
}

int hand_over(int fd, uid_t owner) { return fchown(fd, owner, (gid_t)-1); }
