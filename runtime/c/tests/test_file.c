/*
 * librlrt test: TOCTOU-free file helpers (rt_file.h).
 *
 *   (no args)       refusals (symlink, directory, FIFO, bad flags, "..",
 *                   symlinked directory), exclusive creation, atomic
 *                   replacement seen whole by a concurrent reader, and a
 *                   stress run where another thread keeps swapping the
 *                   path between a regular file and a symlink to a
 *                   "secret" file: rl_rt_open_regular() must never return
 *                   the secret.
 *   --demo-unsafe   the naive lstat()-then-open() is fooled: the swap is
 *                   injected deterministically between the check and the
 *                   use, and it opens the secret (asserted); the helper
 *                   refuses in the same situation.  A free-running naive
 *                   stress count is printed (not asserted).
 */
#define _XOPEN_SOURCE 700 /* nftw */

#include <racelint/rt.h>

#include <fcntl.h>
#include <ftw.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "rt_test.h"

static char dir[256];
static int dirfd_;

static void path_in(char *buf, size_t size, const char *name)
{
    int n = snprintf(buf, size, "%s/%s", dir, name);
    CHECK(n > 0 && (size_t)n < size);
}

static void write_file(const char *name, const char *content)
{
    char p[512];
    int fd;
    path_in(p, sizeof p, name);
    fd = open(p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, content, strlen(content)), (long)strlen(content));
    CHECK_OK(close(fd));
}

/* Read up to size-1 bytes from fd into buf (NUL-terminated); closes fd. */
static void read_fd(int fd, char *buf, size_t size)
{
    ssize_t n = read(fd, buf, size - 1);
    CHECK(n >= 0);
    buf[n] = '\0';
    CHECK_OK(close(fd));
}

static void setup(void)
{
    const char *tmp = getenv("TMPDIR");
    char p[512];

    snprintf(dir, sizeof dir, "%s/rlrt-file-XXXXXX",
             tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
    CHECK(mkdtemp(dir) != NULL);
    dirfd_ = rl_rt_open_dir(dir, NULL);
    CHECK(dirfd_ >= 0);
    write_file("public", "public");
    write_file("secret", "secret");
    CHECK_OK(symlinkat("secret", dirfd_, "link"));
    CHECK_OK(symlinkat("does-not-exist", dirfd_, "dangling"));
    CHECK_OK(mkdirat(dirfd_, "sub", 0755));
    CHECK_OK(symlinkat("sub", dirfd_, "sublink"));
    path_in(p, sizeof p, "sub/inner");
    {
        int fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        CHECK(fd >= 0);
        CHECK_EQ(write(fd, "inner", 5), 5);
        CHECK_OK(close(fd));
    }
    CHECK_OK(mkfifoat(dirfd_, "fifo", 0600));
}

static int remove_entry(const char *path, const struct stat *st, int type,
                        struct FTW *ftw)
{
    (void)st;
    (void)type;
    (void)ftw;
    return remove(path);
}

static void teardown(void)
{
    CHECK_OK(close(dirfd_));
    CHECK_OK(nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS));
}

/* --------------------------------------------------------- refusals */

static void test_open_regular(void)
{
    char p[512], buf[64];
    struct stat st, st2;
    int fd;

    path_in(p, sizeof p, "public");
    fd = rl_rt_open_regular(p, O_RDONLY, &st);
    CHECK(fd >= 0);
    CHECK_OK(fstat(fd, &st2));
    CHECK(rl_rt_same_file(&st, &st2));
    CHECK(S_ISREG(st.st_mode));
    CHECK_EQ(st.st_size, 6);
    CHECK((fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    CHECK((fcntl(fd, F_GETFL) & O_NONBLOCK) == 0); /* cleared again */
    CHECK_OK(rl_rt_fd_check_regular(fd, NULL));
    read_fd(fd, buf, sizeof buf);
    CHECK(strcmp(buf, "public") == 0);

    path_in(p, sizeof p, "link");
    errno = 0;
    CHECK_EQ(rl_rt_open_regular(p, O_RDONLY, NULL), -1);
    CHECK_EQ(errno, ELOOP);

    path_in(p, sizeof p, "sub");
    CHECK_EQ(rl_rt_open_regular(p, O_RDONLY, NULL), -1);
    CHECK_EQ(errno, EISDIR);

    /* A FIFO must be refused without blocking (no writer exists). */
    path_in(p, sizeof p, "fifo");
    CHECK_EQ(rl_rt_open_regular(p, O_RDONLY, NULL), -1);
    CHECK_EQ(errno, EINVAL);

    path_in(p, sizeof p, "public");
    CHECK_EQ(rl_rt_open_regular(p, O_RDONLY | O_CREAT, NULL), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(rl_rt_open_regular("", O_RDONLY, NULL), -1);
    CHECK_EQ(errno, ENOENT);

    /* openat variants: single components only. */
    fd = rl_rt_openat_regular(dirfd_, "public", O_RDONLY, NULL);
    CHECK(fd >= 0);
    CHECK_OK(close(fd));
    CHECK_EQ(rl_rt_openat_regular(dirfd_, "sub/inner", O_RDONLY, NULL), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(rl_rt_openat_regular(dirfd_, "..", O_RDONLY, NULL), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(rl_rt_openat_regular(dirfd_, "link", O_RDONLY, NULL), -1);
    CHECK_EQ(errno, ELOOP);

    fd = rl_rt_openat_dir(dirfd_, "sub", &st);
    CHECK(fd >= 0);
    CHECK(S_ISDIR(st.st_mode));
    CHECK_OK(close(fd));
    CHECK_EQ(rl_rt_openat_dir(dirfd_, "sublink", NULL), -1);
    CHECK(errno == ELOOP || errno == ENOTDIR);
    CHECK_EQ(rl_rt_openat_dir(dirfd_, "public", NULL), -1);
    CHECK_EQ(errno, ENOTDIR);
}

static void test_open_beneath(void)
{
    char buf[64];
    int fd = rl_rt_open_beneath(dirfd_, "sub/inner", O_RDONLY, NULL);
    CHECK(fd >= 0);
    read_fd(fd, buf, sizeof buf);
    CHECK(strcmp(buf, "inner") == 0);
    fd = rl_rt_open_beneath(dirfd_, "./sub//inner", O_RDONLY, NULL);
    CHECK(fd >= 0);
    CHECK_OK(close(fd));

    CHECK_EQ(rl_rt_open_beneath(dirfd_, "sublink/inner", O_RDONLY, NULL), -1);
    CHECK(errno == ELOOP || errno == ENOTDIR);
    CHECK_EQ(rl_rt_open_beneath(dirfd_, "link", O_RDONLY, NULL), -1);
    CHECK_EQ(errno, ELOOP);
    CHECK_EQ(rl_rt_open_beneath(dirfd_, "sub/../public", O_RDONLY, NULL), -1);
    CHECK_EQ(errno, EXDEV);
    CHECK_EQ(rl_rt_open_beneath(dirfd_, "/etc/passwd", O_RDONLY, NULL), -1);
    CHECK_EQ(errno, EXDEV);
    CHECK_EQ(rl_rt_open_beneath(dirfd_, "nope/inner", O_RDONLY, NULL), -1);
    CHECK_EQ(errno, ENOENT);
}

static void test_create_excl(void)
{
    char p[512], buf[64];
    struct stat st;
    int fd;

    path_in(p, sizeof p, "fresh");
    fd = rl_rt_create_exclusive(p, O_WRONLY, 0600);
    CHECK(fd >= 0);
    CHECK((fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    CHECK_OK(close(fd));
    CHECK_EQ(rl_rt_create_exclusive(p, O_WRONLY, 0600), -1);
    CHECK_EQ(errno, EEXIST);

    /* A dangling symlink must not be followed to create its target. */
    path_in(p, sizeof p, "dangling");
    CHECK_EQ(rl_rt_create_exclusive(p, O_RDWR, 0600), -1);
    CHECK_EQ(errno, EEXIST);
    CHECK_EQ(fstatat(dirfd_, "does-not-exist", &st, AT_SYMLINK_NOFOLLOW), -1);
    CHECK_EQ(errno, ENOENT);

    fd = rl_rt_createat_exclusive(dirfd_, "fresh2", O_RDONLY /* -> O_WRONLY */, 0600);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "x", 1), 1);
    CHECK_OK(close(fd));
    CHECK_EQ(rl_rt_createat_exclusive(dirfd_, "fresh2", O_WRONLY, 0600), -1);
    CHECK_EQ(errno, EEXIST);
    CHECK_EQ(rl_rt_createat_exclusive(dirfd_, "x", O_WRONLY | O_TRUNC, 0600), -1);
    CHECK_EQ(errno, EINVAL);

    /* Atomic replace: exact mode, replaces a planted symlink instead of
     * writing through it. */
    CHECK_OK(rl_rt_write_file_atomic(dirfd_, "link", "new", 3, 0640));
    fd = rl_rt_openat_regular(dirfd_, "link", O_RDONLY, &st);
    CHECK(fd >= 0);
    CHECK_EQ(st.st_mode & 07777, 0640);
    read_fd(fd, buf, sizeof buf);
    CHECK(strcmp(buf, "new") == 0);
    fd = rl_rt_openat_regular(dirfd_, "secret", O_RDONLY, NULL);
    CHECK(fd >= 0);
    read_fd(fd, buf, sizeof buf);
    CHECK(strcmp(buf, "secret") == 0); /* untouched */
    CHECK_OK(unlinkat(dirfd_, "link", 0));
    CHECK_OK(symlinkat("secret", dirfd_, "link"));
    CHECK_EQ(rl_rt_write_file_atomic(dirfd_, "a/b", "x", 1, 0600), -1);
    CHECK_EQ(errno, EINVAL);
}

/* Reader sees the replaced file either entirely old or entirely new. */
#define BIG 8192
static atomic_int stop_flag;

static void *atomic_reader(void *p)
{
    static char buf[BIG + 1];
    long *checked = p;
    while (!atomic_load(&stop_flag)) {
        int fd = rl_rt_openat_regular(dirfd_, "data", O_RDONLY, NULL);
        ssize_t n, total = 0;
        CHECK(fd >= 0);
        while ((n = read(fd, buf + total, (size_t)(BIG + 1 - total))) > 0)
            total += n;
        CHECK_OK(close(fd));
        CHECK_EQ(total, BIG);
        for (ssize_t i = 1; i < total; i++)
            CHECK(buf[i] == buf[0]);
        ++*checked;
    }
    return NULL;
}

static void test_write_atomic_concurrent(void)
{
    static char a[BIG], b[BIG];
    pthread_t tid;
    long checked = 0;
    long writes = rt_iters(300, 30);

    memset(a, 'A', sizeof a);
    memset(b, 'B', sizeof b);
    CHECK_OK(rl_rt_write_file_atomic(dirfd_, "data", a, sizeof a, 0644));
    atomic_store(&stop_flag, 0);
    CHECK_OK(pthread_create(&tid, NULL, atomic_reader, &checked));
    for (long i = 0; i < writes; i++)
        CHECK_OK(rl_rt_write_file_atomic(dirfd_, "data", i % 2 ? a : b, BIG,
                                         0644));
    atomic_store(&stop_flag, 1);
    CHECK_OK(pthread_join(tid, NULL));
    printf("atomic replace: %ld rewrites, %ld whole reads\n", writes, checked);
}

/* ---------------------------------------------------- swap-in stress */

/* Keeps replacing "target" (atomically, via rename) by either a regular
 * file with "public" or a symlink to "secret". */
static void *swapper(void *p)
{
    long *swaps = p;
    while (!atomic_load(&stop_flag)) {
        CHECK_OK(symlinkat("secret", dirfd_, "tmp-link"));
        CHECK_OK(renameat(dirfd_, "tmp-link", dirfd_, "target"));
        CHECK_OK(linkat(dirfd_, "public", dirfd_, "tmp-reg", 0));
        CHECK_OK(renameat(dirfd_, "tmp-reg", dirfd_, "target"));
        ++*swaps;
    }
    return NULL;
}

static void test_symlink_swap_stress(void)
{
    char p[512], buf[64];
    pthread_t tid;
    long swaps = 0, opened = 0, refused = 0;
    long iters = rt_iters(20000, 2000);

    CHECK_OK(linkat(dirfd_, "public", dirfd_, "target", 0));
    path_in(p, sizeof p, "target");
    atomic_store(&stop_flag, 0);
    CHECK_OK(pthread_create(&tid, NULL, swapper, &swaps));
    for (long i = 0; i < iters; i++) {
        struct stat st;
        int fd = rl_rt_open_regular(p, O_RDONLY, &st);
        if (fd < 0) {
            CHECK(errno == ELOOP || errno == ENOENT);
            refused++;
            continue;
        }
        read_fd(fd, buf, sizeof buf);
        CHECK(strcmp(buf, "public") == 0); /* never the secret */
        opened++;
    }
    atomic_store(&stop_flag, 1);
    CHECK_OK(pthread_join(tid, NULL));
    CHECK_EQ(opened + refused, iters);
    printf("swap stress: %ld swaps, %ld opens of the regular file, %ld "
           "symlink refusals, 0 secrets\n", swaps, opened, refused);
}

/* -------------------------------------------------------------- unsafe */

/* The pattern racelint's check-then-act rule flags. */
static int naive_checked_open(const char *path, void (*between)(void))
{
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode)) /* check ... */
        return -1;
    if (between != NULL)
        between();
    return open(path, O_RDONLY | O_CLOEXEC); /* ... then use */
}

static void swap_in_symlink(void)
{
    CHECK_OK(symlinkat("secret", dirfd_, "tmp-link"));
    CHECK_OK(renameat(dirfd_, "tmp-link", dirfd_, "target"));
}

static int demo_unsafe(void)
{
    char p[512], buf[64];
    int fd;
    long iters = 20000, secrets = 0, swaps = 0;
    pthread_t tid;

    CHECK_OK(linkat(dirfd_, "public", dirfd_, "target", 0));
    path_in(p, sizeof p, "target");
    fd = naive_checked_open(p, swap_in_symlink);
    CHECK(fd >= 0);
    read_fd(fd, buf, sizeof buf);
    CHECK(strcmp(buf, "secret") == 0); /* the check passed, the use leaked */
    printf("naive lstat-then-open with a swap in between: opened \"%s\" "
           "(TOCTOU detected, as expected)\n", buf);

    /* The helper has no gap to exploit: the symlink is simply refused. */
    CHECK_EQ(rl_rt_open_regular(p, O_RDONLY, NULL), -1);
    CHECK_EQ(errno, ELOOP);

    /* Free-running: informational only. */
    CHECK_OK(unlinkat(dirfd_, "target", 0));
    CHECK_OK(linkat(dirfd_, "public", dirfd_, "target", 0));
    atomic_store(&stop_flag, 0);
    CHECK_OK(pthread_create(&tid, NULL, swapper, &swaps));
    for (long i = 0; i < iters; i++) {
        fd = naive_checked_open(p, NULL);
        if (fd < 0)
            continue;
        read_fd(fd, buf, sizeof buf);
        if (strcmp(buf, "secret") == 0)
            secrets++;
    }
    atomic_store(&stop_flag, 1);
    CHECK_OK(pthread_join(tid, NULL));
    printf("free-running naive opens: %ld of %ld returned the secret\n",
           secrets, iters);
    return 0;
}

int main(int argc, char **argv)
{
    int rc = 0;

    rt_watchdog(60, "test_file");
    setup();
    if (argc > 1 && strcmp(argv[1], "--demo-unsafe") == 0) {
        rc = demo_unsafe();
    } else {
        test_open_regular();
        test_open_beneath();
        test_create_excl();
        test_write_atomic_concurrent();
        test_symlink_swap_stress();
        printf("test_file: ok\n");
    }
    teardown();
    return rc;
}
