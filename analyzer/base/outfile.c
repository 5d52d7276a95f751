/* outfile.c - atomic, symlink-safe replacement of output files (see
 * outfile.h). The only place the analyzer creates files. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

struct RlOutFile {
  FILE *stream;
  char *path; /* the target */
  char *tmp;  /* the temporary file; NULL when writing a stream in place */
};

/* A stream rather than a file to replace: /dev/..., /proc/..., or an
 * existing FIFO, socket or device (not a symbolic link: lstat). */
static bool rl_outfile__is_stream(const char *path) {
  if (rl_str_starts_with(path, "/dev/") || rl_str_starts_with(path, "/proc/")) return true;
  struct stat sb;
  return lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISLNK(sb.st_mode) &&
         !S_ISDIR(sb.st_mode);
}

/* 64 unpredictable bits for a temporary name. */
static uint64_t rl_outfile__nonce(void) {
  uint64_t v = 0;
  if (getrandom(&v, sizeof v, GRND_NONBLOCK) != (ssize_t)sizeof v) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    v ^= (uint64_t)ts.tv_nsec * 0x9E3779B97F4A7C15ull ^ (uint64_t)getpid() << 32 ^
         (uint64_t)(uintptr_t)&ts;
  }
  return v;
}

RlOutFile *rl_outfile_open(const char *path, unsigned mode, int *err) {
  *err = 0;
  if (!path || !*path) {
    *err = EINVAL;
    return NULL;
  }
  RlOutFile *o = rl_calloc(1, sizeof *o);
  o->path = rl_strdup(path);
  int fd = -1;
  if (rl_outfile__is_stream(path)) {
    fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
  } else {
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    if (!*base) { /* "dir/": not a file name */
      errno = EISDIR;
    } else {
      for (int attempt = 0; attempt < 16 && fd < 0; attempt++) {
        free(o->tmp);
        o->tmp = rl_asprintf("%.*s.%.40s.%016llx.tmp", dirlen, path, base,
                             (unsigned long long)rl_outfile__nonce());
        fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
        if (fd < 0 && errno != EEXIST) break;
      }
    }
  }
  if (fd >= 0) o->stream = fdopen(fd, "w");
  if (!o->stream) {
    *err = errno ? errno : EIO;
    if (fd >= 0) close(fd);
    if (fd >= 0 && o->tmp) unlink(o->tmp);
    free(o->tmp);
    free(o->path);
    free(o);
    return NULL;
  }
  return o;
}

FILE *rl_outfile_stream(RlOutFile *self) { return self->stream; }

int rl_outfile_commit(RlOutFile *self) {
  int rc = 0;
  if (fflush(self->stream) != 0 || ferror(self->stream)) rc = errno ? errno : EIO;
  if (fclose(self->stream) != 0 && !rc) rc = errno ? errno : EIO;
  if (self->tmp) {
    if (!rc && rename(self->tmp, self->path) != 0) rc = errno;
    if (rc) unlink(self->tmp);
  }
  free(self->tmp);
  free(self->path);
  free(self);
  return rc;
}

void rl_outfile_abort(RlOutFile *self) {
  if (!self) return;
  fclose(self->stream);
  if (self->tmp) unlink(self->tmp);
  free(self->tmp);
  free(self->path);
  free(self);
}

int rl_outfile_write(const char *path, const void *data, size_t len, unsigned mode) {
  int err;
  RlOutFile *o = rl_outfile_open(path, mode, &err);
  if (!o) return err;
  if (len && fwrite(data, 1, len, o->stream) != len) {
    err = errno ? errno : EIO;
    rl_outfile_abort(o);
    return err;
  }
  return rl_outfile_commit(o);
}
