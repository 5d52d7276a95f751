/*
 * racelint runtime: TOCTOU-free file helpers (rt_file.h).
 * Open-then-fstat for regular files, O_NOFOLLOW/O_CLOEXEC everywhere,
 * exclusive creation, component-by-component resolution beneath a
 * directory descriptor, and write-to-temp-then-rename replacement.
 */
#define _GNU_SOURCE /* O_NOATIME, O_PATH, O_TMPFILE (Linux); harmless elsewhere */

#include "racelint/rt_file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef O_NOCTTY
#define O_NOCTTY 0
#endif
#ifndef NAME_MAX
#define NAME_MAX 255
#endif

/* Close fd without clobbering the errno we are about to report. */
static int fail_close(int fd)
{
    int saved = errno;
    (void)close(fd);
    errno = saved;
    return -1;
}

static bool valid_component(const char *name)
{
    return name != NULL && name[0] != '\0' && strchr(name, '/') == NULL &&
           strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static bool open_flags_ok(int flags)
{
    int forbidden = O_CREAT | O_EXCL | O_DIRECTORY;
#ifdef O_PATH
    forbidden |= O_PATH;
#endif
    return (flags & forbidden) == 0;
}

static int finish_regular(int fd, int flags, struct stat *st)
{
    struct stat local;

    if (st == NULL)
        st = &local;
    if (fstat(fd, st) != 0)
        return fail_close(fd);
    if (!S_ISREG(st->st_mode)) {
        errno = S_ISDIR(st->st_mode) ? EISDIR : EINVAL;
        return fail_close(fd);
    }
    if ((flags & O_NONBLOCK) == 0) {
        int fl = fcntl(fd, F_GETFL);
        if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0)
            return fail_close(fd);
    }
    return fd;
}

int rl_rt_openat_regular(int dirfd, const char *name, int flags,
                         struct stat *st)
{
    int fd;

    if (!valid_component(name) || !open_flags_ok(flags)) {
        errno = EINVAL;
        return -1;
    }
    fd = openat(dirfd, name,
                flags | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return -1;
    return finish_regular(fd, flags, st);
}

int rl_rt_open_regular(const char *path, int flags, struct stat *st)
{
    int fd;

    if (path == NULL || path[0] == '\0' || !open_flags_ok(flags)) {
        errno = path != NULL && path[0] == '\0' ? ENOENT : EINVAL;
        return -1;
    }
    fd = open(path, flags | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return -1;
    return finish_regular(fd, flags, st);
}

static int finish_dir(int fd, struct stat *st)
{
    struct stat local;

    if (st == NULL)
        st = &local;
    if (fstat(fd, st) != 0)
        return fail_close(fd);
    if (!S_ISDIR(st->st_mode)) { /* cannot happen with O_DIRECTORY */
        errno = ENOTDIR;
        return fail_close(fd);
    }
    return fd;
}

int rl_rt_open_dir(const char *path, struct stat *st)
{
    int fd;

    if (path == NULL) {
        errno = EINVAL;
        return -1;
    }
    fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return -1;
    return finish_dir(fd, st);
}

int rl_rt_openat_dir(int dirfd, const char *name, struct stat *st)
{
    int fd;

    if (!valid_component(name)) {
        errno = EINVAL;
        return -1;
    }
    fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return -1;
    return finish_dir(fd, st);
}

int rl_rt_open_beneath(int dirfd, const char *relpath, int flags,
                       struct stat *st)
{
    char comp[NAME_MAX + 1];
    const char *p = relpath;
    int cur = dirfd;

    if (relpath == NULL || relpath[0] == '\0' || !open_flags_ok(flags)) {
        errno = EINVAL;
        return -1;
    }
    if (relpath[0] == '/') {
        errno = EXDEV;
        return -1;
    }
    for (;;) {
        size_t len;
        const char *next;

        while (*p == '/')
            p++;
        if (*p == '\0') { /* "a/b/" : no file component left */
            errno = EISDIR;
            break;
        }
        len = strcspn(p, "/");
        if (len > NAME_MAX) {
            errno = ENAMETOOLONG;
            break;
        }
        memcpy(comp, p, len);
        comp[len] = '\0';
        next = p + len;
        while (*next == '/')
            next++;
        if (strcmp(comp, "..") == 0) {
            errno = EXDEV;
            break;
        }
        if (*next == '\0') { /* last component: the file itself */
            int fd = rl_rt_openat_regular(cur, comp, flags, st);
            if (cur != dirfd) {
                int saved = errno;
                (void)close(cur);
                errno = saved;
            }
            return fd;
        }
        if (strcmp(comp, ".") != 0) {
            int fd = openat(cur, comp,
                            O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (fd < 0)
                break;
            if (cur != dirfd)
                (void)close(cur);
            cur = fd;
        }
        p = next;
    }
    if (cur != dirfd)
        (void)fail_close(cur);
    return -1;
}

static int create_flags(int flags, int *out)
{
    int acc = flags & O_ACCMODE;
    int extra = flags & ~O_ACCMODE;
    int allowed = O_APPEND | O_SYNC | O_DSYNC | O_CREAT | O_EXCL | O_CLOEXEC |
                  O_NOFOLLOW;

    if ((extra & ~allowed) != 0 || (acc != O_RDONLY && acc != O_WRONLY &&
                                    acc != O_RDWR))
        return -1;
    if (acc == O_RDONLY)
        acc = O_WRONLY;
    *out = acc | (extra & (O_APPEND | O_SYNC | O_DSYNC)) | O_CREAT | O_EXCL |
           O_NOFOLLOW | O_CLOEXEC | O_NOCTTY;
    return 0;
}

int rl_rt_create_exclusive(const char *path, int flags, mode_t mode)
{
    int oflags;

    if (path == NULL || create_flags(flags, &oflags) != 0) {
        errno = EINVAL;
        return -1;
    }
    return open(path, oflags, mode);
}

int rl_rt_createat_exclusive(int dirfd, const char *name, int flags,
                             mode_t mode)
{
    int oflags;

    if (!valid_component(name) || create_flags(flags, &oflags) != 0) {
        errno = EINVAL;
        return -1;
    }
    return openat(dirfd, name, oflags, mode);
}

static uint32_t tmp_suffix(void)
{
    static atomic_uint_fast32_t counter = 0;
    struct timespec ts;
    uint32_t x;

    (void)clock_gettime(CLOCK_MONOTONIC, &ts);
    x = (uint32_t)atomic_fetch_add(&counter, 1) * 0x9e3779b1u;
    x ^= (uint32_t)ts.tv_nsec ^ ((uint32_t)getpid() << 16);
    x ^= x >> 15;
    x *= 0x2c1b3c6du;
    x ^= x >> 12;
    return x;
}

static int write_all(int fd, const void *data, size_t len)
{
    const unsigned char *p = data;

    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int rl_rt_write_file_atomic(int dirfd, const char *name, const void *data,
                            size_t len, mode_t mode)
{
    char tmp[NAME_MAX + 1];
    int fd = -1;
    int saved;

    if (!valid_component(name) || (data == NULL && len > 0)) {
        errno = EINVAL;
        return -1;
    }
    for (int attempt = 0; attempt < 100; attempt++) {
        int n = snprintf(tmp, sizeof tmp, ".%s.rlrt-%08x", name,
                         (unsigned)tmp_suffix());
        if (n < 0 || (size_t)n >= sizeof tmp)
            (void)snprintf(tmp, sizeof tmp, ".rlrt-tmp-%08x",
                           (unsigned)tmp_suffix());
        fd = rl_rt_createat_exclusive(dirfd, tmp, O_WRONLY, 0600);
        if (fd >= 0 || errno != EEXIST)
            break;
    }
    if (fd < 0)
        return -1;
    if (write_all(fd, data, len) != 0 || fchmod(fd, mode) != 0 ||
        fsync(fd) != 0)
        goto fail_fd;
    if (close(fd) != 0) {
        fd = -1;
        goto fail_tmp;
    }
    fd = -1;
    if (renameat(dirfd, tmp, dirfd, name) != 0)
        goto fail_tmp;
    if (dirfd != AT_FDCWD)
        (void)fsync(dirfd); /* best effort: make the rename durable */
    return 0;

fail_fd:
    saved = errno;
    (void)close(fd);
    errno = saved;
fail_tmp:
    saved = errno;
    (void)unlinkat(dirfd, tmp, 0);
    errno = saved;
    return -1;
}

int rl_rt_fd_check_regular(int fd, struct stat *st)
{
    struct stat local;

    if (st == NULL)
        st = &local;
    if (fstat(fd, st) != 0)
        return -1;
    if (!S_ISREG(st->st_mode)) {
        errno = S_ISDIR(st->st_mode) ? EISDIR : EINVAL;
        return -1;
    }
    return 0;
}

bool rl_rt_same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}
