/* expect-none */
/* The default preset leaves out chmod, chown and exec after a check (they
 * are in racelint:strict, attr_strict/attr.c): in the triaged code they
 * were root's changes in directories only root writes, or a skip of a
 * change that would do nothing. Written here as a daemon would. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

struct dir_conf {
  const char *path;
  uid_t user;
  mode_t mode;
};

/* The temp directories are made, then given to the worker user. */
int prepare_dir(struct dir_conf *d) {
  struct stat fi;
  if (stat(d->path, &fi) == -1) return -1;
  if (fi.st_uid != d->user) {
    if (chown(d->path, d->user, -1) == -1) return -1;
  }
  if ((fi.st_mode & S_IRWXU) != S_IRWXU) {
    fi.st_mode |= S_IRWXU;
    if (chmod(d->path, fi.st_mode) == -1) return -1;
  }
  return 0;
}

/* The group is set again only when the create did not set it. */
int fix_group(const char *path, gid_t gid) {
  struct stat st;
  if (stat(path, &st) == -1) return -1;
  if ((st.st_gid != gid) && (chown(path, (uid_t)-1, gid) < 0)) return -1;
  return 0;
}

/* A helper re-executes itself after checking it is there. */
int reexec(const char *self, char *const argv[], char *const envp[]) {
  if (access(self, X_OK) != 0) {
    perror("access");
    return -1;
  }
  return execve(self, argv, envp);
}

/* A directory is made, then given away; it is removed again when that
 * fails. The chown takes the check (racelint:strict reports it there):
 * the rmdir on the failure path is not a finding of its own. */
int make_owned_dir(const char *path, uid_t uid, gid_t gid) {
  struct stat st;
  if (mkdir(path, 0750) < 0) return -1;
  if (stat(path, &st) == -1) goto fail;
  if ((st.st_uid != uid || st.st_gid != gid) && chown(path, uid, gid) < 0) goto fail;
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
