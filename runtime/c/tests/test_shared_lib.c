/*
 * librlrt test: links against the *shared* library (rlrt_shared) and
 * calls into every source file, so a symbol missing from the export list
 * (the library is built with -fvisibility=hidden) fails to link or run.
 */
#define _POSIX_C_SOURCE 200809L

#include <racelint/rt.h>

#include <fcntl.h>

#include "rt_test.h"

static int make_int(void *arg, void **out)
{
    *out = arg;
    return 0;
}

static int noop(void *arg)
{
    (void)arg;
    return 0;
}

int main(void)
{
    static int value = 42;
    static RlRtLazy lazy = RL_RT_LAZY_INIT;
    static RlRtOnce once = RL_RT_ONCE_INIT;
    pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b = PTHREAD_MUTEX_INITIALIZER;
    RlRtLockdepMutex ld;
    void *v = NULL;
    int fd;

    CHECK(strcmp(rl_rt_version(), RL_RT_VERSION_STRING) == 0);
    CHECK_OK(rl_rt_lock_pair(&a, &b));
    CHECK_OK(rl_rt_unlock_pair(&b, &a));
    CHECK_OK(rl_rt_lazy_get(&lazy, make_int, &value, &v));
    CHECK(v == &value && rl_rt_lazy_peek(&lazy) == &value);
    CHECK_OK(rl_rt_once(&once, noop, NULL));
    CHECK(rl_rt_once_done(&once));
    CHECK_OK(rl_rt_lockdep_mutex_init(&ld, "exported"));
    CHECK_OK(rl_rt_lockdep_mutex_lock(&ld));
    CHECK(rl_rt_lockdep_mutex_held(&ld));
    CHECK_OK(rl_rt_lockdep_mutex_unlock(&ld));
    CHECK_OK(rl_rt_lockdep_mutex_destroy(&ld));
    fd = rl_rt_open_dir("/", NULL);
    CHECK(fd >= 0);
    close(fd);
    CHECK_EQ(rl_rt_open_regular("/", O_RDONLY, NULL), -1);
    CHECK_EQ(errno, EISDIR);
    printf("test_shared_lib: ok (librlrt %s)\n", rl_rt_version());
    return 0;
}
