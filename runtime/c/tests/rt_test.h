/*
 * racelint runtime tests: tiny shared harness -- CHECK macros, a watchdog
 * that turns a hang (deadlock) into a clear failure, iteration scaling
 * (RL_RT_TEST_QUICK=1 for the slow Helgrind/TSan runs), a monotonic clock
 * and a small reusable barrier.  Header-only; each test includes it after
 * defining _POSIX_C_SOURCE.
 */
#ifndef RL_RT_TEST_H
#define RL_RT_TEST_H

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
            exit(1);                                                           \
        }                                                                      \
    } while (0)

#define CHECK_EQ(a, b)                                                         \
    do {                                                                       \
        long long a_ = (long long)(a), b_ = (long long)(b);                    \
        if (a_ != b_) {                                                        \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%lld vs %lld)\n",  \
                    __FILE__, __LINE__, #a, #b, a_, b_);                       \
            exit(1);                                                           \
        }                                                                      \
    } while (0)

/* Check that a pthread-style call returned 0. */
#define CHECK_OK(call) CHECK_EQ((call), 0)

static inline int rt_quick(void)
{
    const char *q = getenv("RL_RT_TEST_QUICK");
    return q != NULL && q[0] != '\0' && q[0] != '0';
}

static inline long rt_iters(long full, long quick)
{
    return rt_quick() ? quick : full;
}

static const char *rt_watchdog_what = "test";

static void rt_watchdog_fire(int sig)
{
    static const char msg[] = "\nWATCHDOG: time limit exceeded (deadlock or hang) in: ";
    (void)sig;
    (void)!write(2, msg, sizeof msg - 1);
    (void)!write(2, rt_watchdog_what, strlen(rt_watchdog_what));
    (void)!write(2, "\n", 1);
    _exit(3);
}

/* Fail the whole test process if it is still running after `seconds`,
 * only when RL_RT_TEST_WATCHDOG=1 (for a developer chasing a deadlock).
 * By default no test depends on the wall clock: a loaded machine (or
 * Helgrind) only makes it slower, and ctest's TIMEOUT catches a hang. */
static inline void rt_watchdog(unsigned seconds, const char *what)
{
    struct sigaction sa;
    const char *on = getenv("RL_RT_TEST_WATCHDOG");

    if (on == NULL || on[0] == '\0' || on[0] == '0')
        return;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = rt_watchdog_fire;
    sigemptyset(&sa.sa_mask);
    rt_watchdog_what = what;
    CHECK_OK(sigaction(SIGALRM, &sa, NULL));
    alarm(seconds);
}

static inline double rt_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline void rt_sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* Absolute CLOCK_REALTIME deadline `ms` from now (for timedlock). */
static inline struct timespec rt_deadline_ms(long ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    return ts;
}

/* A reusable barrier (pthread_barrier_t is optional in POSIX and poorly
 * understood by some checkers; this one is a plain mutex + condvar). */
typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    unsigned count, waiting, phase;
} RtBarrier;

static inline void rt_barrier_init(RtBarrier *b, unsigned count)
{
    CHECK_OK(pthread_mutex_init(&b->mu, NULL));
    CHECK_OK(pthread_cond_init(&b->cv, NULL));
    b->count = count;
    b->waiting = 0;
    b->phase = 0;
}

static inline void rt_barrier_destroy(RtBarrier *b)
{
    pthread_cond_destroy(&b->cv);
    pthread_mutex_destroy(&b->mu);
}

static inline void rt_barrier_wait(RtBarrier *b)
{
    unsigned phase;

    pthread_mutex_lock(&b->mu);
    phase = b->phase;
    if (++b->waiting == b->count) {
        b->waiting = 0;
        b->phase++;
        pthread_cond_broadcast(&b->cv);
    } else {
        while (phase == b->phase)
            pthread_cond_wait(&b->cv, &b->mu);
    }
    pthread_mutex_unlock(&b->mu);
}

/* Run fn(arg_i) in n threads (args laid out `stride` bytes apart) and join. */
static inline void rt_run_threads(unsigned n, void *(*fn)(void *), void *args,
                                  size_t stride)
{
    pthread_t tids[64];

    CHECK(n <= 64);
    for (unsigned i = 0; i < n; i++)
        CHECK_OK(pthread_create(&tids[i], NULL, fn, (char *)args + i * stride));
    for (unsigned i = 0; i < n; i++)
        CHECK_OK(pthread_join(tids[i], NULL));
}

#endif /* RL_RT_TEST_H */
