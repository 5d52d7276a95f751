// expect-none
/* Checks whose swap gains an attacker nothing: the use handles a missing
 * or replaced file itself, and nothing shows a privilege boundary. Each is
 * a near-miss of a case in cwe367_exploitable.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Existence check, then a read whose error is handled. */
int read_pid(const char *pidfile) {
  struct stat sb;
  char buf[16] = {0};
  if (stat(pidfile, &sb)) return 0;
  FILE *f = fopen(pidfile, "r");
  if (!f) return 0;
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  return (int)n;
}

/* Type check, then read: no owner or permission was checked. */
int open_device(const char *node) {
  struct stat st;
  if (stat(node, &st) || !S_ISCHR(st.st_mode)) return -1;
  return open(node, O_RDONLY);
}

/* Stale socket: lstat + S_ISSOCK, then unlink. unlink removes the name
 * without following it; whoever can swap the entry could remove it. */
void remove_stale_socket(const char *path) {
  struct stat st;
  if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode)) unlink(path);
}

/* Trigger file: existence check, then unlink with the error logged. */
int consume_trigger(const char *trigger) {
  struct stat sb;
  if (stat(trigger, &sb)) return 0;
  if (unlink(trigger) < 0) perror("unlink");
  return 1;
}

/* mtime check, then read. */
int fresh(const char *file, time_t max_age) {
  struct stat st;
  if (stat(file, &st) != 0) return 0;
  if (time(NULL) - st.st_mtime > max_age) return 0;
  FILE *f = fopen(file, "rb");
  if (!f) return 0;
  fclose(f);
  return 1;
}

/* mkdir after stat, EEXIST handled: mkdir fails on any existing name. */
int make_dir(const char *dir) {
  struct stat sb;
  if (stat(dir, &sb) == 0) return S_ISDIR(sb.st_mode) ? 0 : -1;
  if (mkdir(dir, 0755) != 0 && errno != EEXIST) return -1;
  return 0;
}

/* stat only copies the old file's mode; rename happens either way, so the
 * check decides nothing. */
int replace_keep_mode(const char *tmp, const char *out) {
  struct stat sb;
  mode_t mode = 0644;
  if (stat(out, &sb) == 0) {
    mode = sb.st_mode & 0777;
  }
  chmod(tmp, mode);
  return rename(tmp, out);
}

/* Existence decides only a flag; the create happens either way. */
int map_file(const char *path, int *keep) {
  if (access(path, F_OK) == 0) *keep = 1;
  return open(path, O_RDWR | O_CREAT, 0644);
}

/* Create after an existence check in an unprivileged program, path not in
 * a shared directory. */
void write_cache(const char *name) {
  struct stat sb;
  if (!stat(name, &sb)) return;
  int fd = open(name, O_WRONLY | O_CREAT, 0644);
  if (fd >= 0) close(fd);
}

/* Permission check, then a read, unprivileged program. */
FILE *open_list(const char *arg) {
  if (access(arg, R_OK) != 0) return NULL;
  return fopen(arg, "r");
}

/* Permission check, then an open that does not follow symlinks. */
int open_nofollow(const char *path) {
  if (access(path, W_OK) != 0) return -1;
  return open(path, O_WRONLY | O_NOFOLLOW);
}

/* symlink fails on an existing name: no clobber. */
int make_alias(const char *target, const char *alias) {
  struct stat sb;
  if (lstat(alias, &sb) == 0 && S_ISLNK(sb.st_mode)) return 0;
  return symlink(target, alias);
}

/* The stat result only picks a mode; the chmod's failure is a call
 * argument, not a test of what the check set. */
int copy_mode(const char *tmp, const char *out) {
  struct stat sb;
  if (stat(out, &sb) != 0) {
    sb.st_mode = S_IRUSR | S_IWUSR;
  }
  if (chmod(tmp, sb.st_mode) != 0) return -1;
  return rename(tmp, out);
}
