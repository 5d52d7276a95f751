/* Near-miss from libuv's uv__fs_work (src/unix/fs.c): one switch dispatches
 * a request to exactly one file-system call; the stat case and the unlink
 * case never run in the same pass, even inside the EINTR retry loop, which
 * does not change the request type. */
/* expect-none */
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

enum fs_type { FS_ACCESS, FS_STAT, FS_LSTAT, FS_CHMOD, FS_UNLINK, FS_LINK };

struct fs_req {
  enum fs_type type;
  const char *path, *new_path;
  int flags;
  mode_t mode;
  struct stat statbuf;
};

#define X(type, action) \
  case FS_##type:       \
    r = action;         \
    break;

int fs_work(struct fs_req *req) {
  int r;
  do {
    errno = 0;
    switch (req->type) {
      X(ACCESS, access(req->path, req->flags));
      X(CHMOD, chmod(req->path, req->mode));
      X(LSTAT, lstat(req->path, &req->statbuf));
      X(LINK, link(req->path, req->new_path));
      X(STAT, stat(req->path, &req->statbuf));
      X(UNLINK, unlink(req->path));
    default:
      return -1;
    }
  } while (r == -1 && errno == EINTR);
  return r;
}

int fs_plain(int op, const char *path) {
  struct stat st;
  switch (op) {
  case 0:
    return stat(path, &st);
  case 1:
    if (access(path, F_OK) != 0) return -1;
    break;
  case 2:
    return unlink(path);
  }
  return 0;
}
