/* chmod, chown and exec after a check of the same path: racelint:strict
 * only. Over the triaged findings these were mostly a change root makes
 * in a directory only root writes, or one the check skips because it
 * would change nothing (rules/check-then-act.md, "Presets");
 * ../ok_default_attr.c has their default-preset twins. */
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

int make_private(const char *path) {
  if (access(path, F_OK) == 0)
    return chmod(path, 0600); /* expect: [check-then-act] "'chmod'" */
  return -1;
}

int run_tool(const char *path, char *const argv[]) {
  if (access(path, F_OK) != 0) return -1;
  return execv(path, argv); /* expect: [check-then-act] "'execv'" */
}

/* Only skips a chown that would change nothing. */
int own_spool(const char *dir, uid_t owner) {
  struct stat st;
  if (stat(dir, &st) != 0) return -1;
  if (st.st_uid != owner && chown(dir, owner, (gid_t)-1) != 0) /* expect: [check-then-act] "'chown'" */
    return -1;
  return 0;
}

/* The new mode is computed from the checked file's mode. */
int widen(const char *sock) {
  struct stat st;
  if (stat(sock, &st) != 0) return -1;
  return chmod(sock, st.st_mode | S_IRGRP | S_IWGRP); /* expect: [check-then-act] "'chmod'" */
}

/* A stale socket is removed, a new one bound, then handed over. */
int listen_at(const char *name, uid_t uid, gid_t gid) {
  struct sockaddr_un sa = {0};
  struct stat st;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sa.sun_family = AF_UNIX;
  if (lstat(name, &st) == 0) {
    if (!S_ISSOCK(st.st_mode)) return -1;
    unlink(name);
  }
  if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0) return -1;
  if (chown(name, uid, gid) != 0) return -1; /* expect: [check-then-act] "'chown'" */
  return fd;
}

/* A size check, then a chmod. */
int freeze_big(const char *path) {
  struct stat sb;
  if (stat(path, &sb) != 0) return -1;
  if (sb.st_size < 4096) return 0;
  return chmod(path, 0400); /* expect: [check-then-act] */
}

/* One finding per check: the chown, not the rmdir after it as well. */
int make_owned_dir(const char *path, uid_t uid, gid_t gid) {
  struct stat st;
  if (mkdir(path, 0750) < 0) return -1;
  if (stat(path, &st) == -1) goto fail;
  if ((st.st_uid != uid || st.st_gid != gid) && chown(path, uid, gid) < 0) goto fail; /* expect: [check-then-act] "'chown'" */
  return 0;
fail:
  rmdir(path);
  return -1;
}

/* The open-then-fstat idiom after a chmod: racelint:strict reports
 * nothing in this function (the fstat), and neither does the default
 * preset, for the access/open pair after it. */
int tighten_then_write(const char *cfg, const char *state) {
  struct stat st, fst;
  if (stat(cfg, &st) != 0) return -1;
  chmod(cfg, 0600);
  int fd = open(cfg, O_RDONLY);
  if (fd < 0 || fstat(fd, &fst) != 0) return -1;
  close(fd);
  if (access(state, W_OK) != 0) return -1;
  return open(state, O_WRONLY);
}
