/* cworker_guard.c - what libclang may open in the C worker process.
 *
 * An include (or -include) naming a device, FIFO, socket or a /proc or /sys
 * file would make libclang read forever (/dev/zero, /dev/urandom), wait for
 * a writer that never comes (a FIFO), or read the process's own state. The
 * worker refuses to open those: this file defines open(), open64(),
 * openat() and openat64() in the executable, and the dynamic linker binds
 * libclang's and LLVM's calls (dlopened after us) to them. They open with
 * O_NONBLOCK (a FIFO's open does not wait), check the file with fstat and
 * fstatfs, and fail with EPERM for anything but a regular file or a
 * directory. In every other process (and in the worker before
 * rl_cworker_guard_on) they are plain openat system calls.
 *
 * The switch below is the one piece of process-wide mutable state outside
 * the scheduler: written once, in the worker process only, before libclang
 * is loaded. Compiled without _FORTIFY_SOURCE, whose inline open() wrapper
 * would clash with these definitions. */
#undef _FORTIFY_SOURCE
#include "cworker.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

static atomic_bool rl_cworker__guarded;

void rl_cworker_guard_on(void) { atomic_store(&rl_cworker__guarded, true); }

static int rl_cworker__open(int dir, const char *path, int flags, mode_t mode) {
  if (!atomic_load_explicit(&rl_cworker__guarded, memory_order_relaxed))
    return (int)syscall(SYS_openat, dir, path, flags, mode);
  int fd = (int)syscall(SYS_openat, dir, path, flags | O_NONBLOCK, mode);
  if (fd < 0) return fd;
  struct stat st;
  struct statfs fs;
  bool refuse = fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode));
  if (!refuse && fstatfs(fd, &fs) == 0)
    refuse = fs.f_type == PROC_SUPER_MAGIC || fs.f_type == SYSFS_MAGIC ||
             fs.f_type == DEBUGFS_MAGIC || fs.f_type == TRACEFS_MAGIC;
  if (refuse) {
    close(fd);
    errno = EPERM;
    return -1;
  }
  if (!(flags & O_NONBLOCK)) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

static mode_t rl_cworker__mode(int flags, va_list ap) {
  return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? (mode_t)va_arg(ap, int) : 0;
}

int open(const char *path, int flags, ...) {
  va_list ap;
  va_start(ap, flags);
  mode_t mode = rl_cworker__mode(flags, ap);
  va_end(ap);
  return rl_cworker__open(AT_FDCWD, path, flags, mode);
}

int open64(const char *path, int flags, ...) {
  va_list ap;
  va_start(ap, flags);
  mode_t mode = rl_cworker__mode(flags, ap);
  va_end(ap);
  return rl_cworker__open(AT_FDCWD, path, flags, mode);
}

int openat(int dir, const char *path, int flags, ...) {
  va_list ap;
  va_start(ap, flags);
  mode_t mode = rl_cworker__mode(flags, ap);
  va_end(ap);
  return rl_cworker__open(dir, path, flags, mode);
}

int openat64(int dir, const char *path, int flags, ...) {
  va_list ap;
  va_start(ap, flags);
  mode_t mode = rl_cworker__mode(flags, ap);
  va_end(ap);
  return rl_cworker__open(dir, path, flags, mode);
}
