/*
 * librlrt test: RlRtMutex *without* -DRL_RT_LOCKDEP is a zero-cost
 * wrapper: same size as pthread_mutex_t, predicates constant (like
 * SQLite's sqlite3_mutex_held in release builds), and an inversion that
 * the checker would abort on runs to completion -- nothing is compiled in.
 * Also exercises the wrappers under contention.
 */
#define _POSIX_C_SOURCE 200809L

#include <racelint/rt.h>

#include <sys/wait.h>

#include "rt_test.h"

#ifdef RL_RT_LOCKDEP
#error "test_lockdep_off.c must be built without RL_RT_LOCKDEP"
#endif

_Static_assert(sizeof(RlRtMutex) == sizeof(pthread_mutex_t),
               "RlRtMutex must be a bare pthread_mutex_t without lockdep");

static RlRtMutex m1 = RL_RT_MUTEX_INIT("m1");
static RlRtMutex m2 = RL_RT_MUTEX_INIT("m2");
static long count; /* guarded by m1 and m2 */

static void *worker(void *p)
{
    long iters = *(long *)p;
    for (long i = 0; i < iters; i++) {
        if (i % 2)
            CHECK_OK(rl_rt_mutex_lock_pair(&m1, &m2));
        else
            CHECK_OK(rl_rt_mutex_lock_pair(&m2, &m1));
        count++;
        CHECK_OK(rl_rt_mutex_unlock_pair(&m2, &m1));
    }
    return NULL;
}

int main(void)
{
    long iters[2];
    pid_t pid;
    int status;

    rt_watchdog(60, "test_lockdep_off");
    CHECK(rl_rt_mutex_held(&m1));    /* constant 1 */
    CHECK(rl_rt_mutex_notheld(&m1)); /* constant 1 */
    CHECK_EQ(rl_rt_mutex_held_count(), 0);
    CHECK_OK(rl_rt_mutex_trylock(&m1));
    CHECK_EQ(rl_rt_mutex_trylock(&m1), EBUSY);
    CHECK_OK(rl_rt_mutex_unlock(&m1));

    /* The inversion lockdep would abort on: here it just runs.  (Skipped
     * under TSan/Helgrind, which rightly report it themselves.) */
    fflush(NULL);
    pid = getenv("RL_RT_TEST_UNDER_CHECKER") != NULL ? -2 : fork();
    CHECK(pid >= 0 || pid == -2);
    if (pid == 0) {
        rl_rt_mutex_lock(&m1);
        rl_rt_mutex_lock(&m2);
        rl_rt_mutex_unlock(&m2);
        rl_rt_mutex_unlock(&m1);
        rl_rt_mutex_lock(&m2);
        rl_rt_mutex_lock(&m1);
        rl_rt_mutex_unlock(&m1);
        rl_rt_mutex_unlock(&m2);
        _exit(0);
    }
    if (pid > 0) {
        CHECK_EQ(waitpid(pid, &status, 0), pid);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }

    iters[0] = iters[1] = rt_iters(100000, 5000);
    rt_run_threads(2, worker, iters, sizeof iters[0]);
    CHECK_EQ(count, 2 * iters[0]);
    {
        RlRtMutex d;
        CHECK_OK(rl_rt_mutex_init(&d, "dynamic"));
        CHECK((void *)rl_rt_mutex_native(&d) == (void *)&d);
        CHECK_OK(rl_rt_mutex_lock(&d));
        CHECK_OK(rl_rt_mutex_unlock(&d));
        CHECK_OK(rl_rt_mutex_destroy(&d));
    }
    printf("test_lockdep_off: ok\n");
    return 0;
}
