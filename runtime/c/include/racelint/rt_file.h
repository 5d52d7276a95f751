/*
 * racelint runtime: file operations without time-of-check/time-of-use gaps.
 *
 * Fixes the `check-then-act` rule for files: `stat(path)` / `access(path)`
 * followed by `open(path)` checks one file and opens another if the path
 * is swapped in between (classically for a symlink).  These helpers open
 * first and check the *descriptor* (fstat), refuse symlinks with
 * O_NOFOLLOW, create with O_CREAT|O_EXCL instead of "exists? then create",
 * and resolve relative to a directory descriptor so the directory cannot
 * be swapped either.  Every descriptor is opened O_CLOEXEC.
 *
 * All functions returning a descriptor return it (>= 0) on success, and
 * the caller owns it and must close() it; on failure they return -1 and
 * set errno.  A `struct stat *st` out-parameter may be NULL; when given it
 * receives the fstat() of the returned descriptor -- the file actually
 * opened, so later checks on it (owner, size, mode) have no gap either.
 */
#ifndef RACELINT_RT_FILE_H
#define RACELINT_RT_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "rt_common.h"

/**
 * Open an existing regular file.  `flags` are open(2) flags: an access
 * mode plus optionally O_APPEND, O_TRUNC, O_NONBLOCK, O_SYNC, O_DSYNC,
 * O_NOATIME; O_CREAT/O_EXCL/O_DIRECTORY/O_PATH are refused with EINVAL
 * (use rl_rt_create_exclusive()).  O_NOFOLLOW|O_CLOEXEC|O_NOCTTY are always
 * added, and the open is done non-blocking so a FIFO swapped in cannot
 * hang the caller (O_NONBLOCK is cleared afterwards unless requested).
 *
 * Fails with ELOOP if the last path component is a symlink, EISDIR for a
 * directory, EINVAL for any other non-regular file (FIFO, device, socket),
 * or any open(2)/fstat(2) error.  Symlinks in *earlier* components are
 * still followed; use rl_rt_open_beneath() to refuse those too.
 * (O_TRUNC, if given, is applied by open(2) before the type check; it has
 * no effect on the non-regular files that are then refused.)
 */
RL_RT_API int rl_rt_open_regular(const char *path, int flags, struct stat *st);

/**
 * rl_rt_open_regular() relative to the directory descriptor `dirfd`
 * (or AT_FDCWD).  `name` must be a single path component: no '/', not
 * "", "." or ".." (EINVAL otherwise).
 */
RL_RT_API int rl_rt_openat_regular(int dirfd, const char *name, int flags,
                                   struct stat *st);

/**
 * Open a directory read-only for use as a `dirfd` (O_DIRECTORY |
 * O_NOFOLLOW | O_CLOEXEC).  Fails with ENOTDIR or ELOOP if `path` (its
 * last component) is not a real directory.
 */
RL_RT_API int rl_rt_open_dir(const char *path, struct stat *st);

/** rl_rt_open_dir() for the single component `name` inside `dirfd`. */
RL_RT_API int rl_rt_openat_dir(int dirfd, const char *name, struct stat *st);

/**
 * Open the regular file at relative path `relpath` beneath `dirfd`,
 * walking one component at a time with O_NOFOLLOW: fails with ELOOP (or
 * ENOTDIR) if *any* component is a symlink, and with EXDEV if `relpath`
 * is absolute or contains "..".  `flags` as for rl_rt_open_regular().
 */
RL_RT_API int rl_rt_open_beneath(int dirfd, const char *relpath, int flags,
                                 struct stat *st);

/**
 * Create a new file that must not exist yet (O_CREAT|O_EXCL|O_NOFOLLOW|
 * O_CLOEXEC), instead of "if (access(path) != 0) open(path, O_CREAT)".
 * `flags` supplies the access mode (O_WRONLY or O_RDWR; O_RDONLY is
 * turned into O_WRONLY) plus optional O_APPEND/O_SYNC/O_DSYNC; `mode` is
 * filtered by the umask as usual.  Fails with EEXIST if anything --
 * including a dangling symlink -- is already there.
 */
RL_RT_API int rl_rt_create_exclusive(const char *path, int flags, mode_t mode);

/** rl_rt_create_exclusive() for the single component `name` inside `dirfd`. */
RL_RT_API int rl_rt_createat_exclusive(int dirfd, const char *name, int flags,
                                       mode_t mode);

/**
 * Replace (or create) `name` inside `dirfd` with exactly `len` bytes from
 * `data`: they are written to a fresh temporary file in the same
 * directory (created exclusively), fsync()ed, given `mode` (exactly, via
 * fchmod, not filtered by the umask) and renamed over `name`, so
 * concurrent readers see either the old or the new content, never a
 * mixture, and a symlink planted at `name` is replaced, not followed.
 * Returns 0, or -1 with errno; on failure the temporary is removed.
 */
RL_RT_API int rl_rt_write_file_atomic(int dirfd, const char *name,
                                      const void *data, size_t len,
                                      mode_t mode);

/**
 * Check an already-open descriptor: 0 if it is a regular file (filling
 * *st if non-NULL), else -1 with errno EISDIR / EINVAL / fstat's error.
 */
RL_RT_API int rl_rt_fd_check_regular(int fd, struct stat *st);

/** True if two stat results describe the same file (st_dev and st_ino);
 *  e.g. to confirm that a descriptor is still the file a path names. */
RL_RT_API bool rl_rt_same_file(const struct stat *a, const struct stat *b);

#endif /* RACELINT_RT_FILE_H */
