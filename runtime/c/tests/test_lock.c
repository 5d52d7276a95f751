/*
 * librlrt test: ordered locking (rt_lock.h).
 *
 *   (no args)       two threads lock the same pair in opposite argument
 *                   orders 100k+ times each (a watchdog turns a deadlock
 *                   into a failure); N-lock sets in random orders with
 *                   duplicates; deadline and trylock-with-backoff variants
 *                   give up cleanly and leave nothing locked.
 *   --demo-unsafe   plain pthread_mutex_lock in opposite orders deadlocks:
 *                   both threads hold their first lock before either asks
 *                   for its second (forced with a barrier), so at least one
 *                   timed lock must time out -- asserted.
 *   --checker-lock-order  the same opposite orders, run one after the other
 *                   (no actual deadlock), only for run-tsan.sh and
 *                   run-helgrind.sh: the checker must report the lock
 *                   order violation.  Asserts nothing.
 */
#define _POSIX_C_SOURCE 200809L

#include <racelint/rt.h>

#include "rt_test.h"

static pthread_mutex_t mu_a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t mu_b = PTHREAD_MUTEX_INITIALIZER;
/* Only ever taken with trylock-with-backoff on one side and a plain
 * opposite-order lock on the other (kept apart from mu_a/mu_b so that the
 * deliberate order violation does not mix with the blocking tests). */
static pthread_mutex_t mu_c = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t mu_d = PTHREAD_MUTEX_INITIALIZER;
static long protected_count; /* guarded by mu_a AND mu_b */
static long pair_iterations;

/* ---------------------------------------------------------- pair stress */

static void *pair_ab(void *p)
{
    (void)p;
    for (long i = 0; i < pair_iterations; i++) {
        CHECK_OK(rl_rt_lock_pair(&mu_a, &mu_b));
        protected_count++;
        CHECK_OK(rl_rt_unlock_pair(&mu_a, &mu_b));
    }
    return NULL;
}

static void *pair_ba(void *p)
{
    (void)p;
    for (long i = 0; i < pair_iterations; i++) {
        CHECK_OK(rl_rt_lock_pair(&mu_b, &mu_a)); /* opposite order */
        protected_count++;
        CHECK_OK(rl_rt_unlock_pair(&mu_b, &mu_a));
    }
    return NULL;
}

static void test_pair_opposite_orders(void)
{
    pthread_t t1, t2;
    double t0 = rt_now();

    pair_iterations = rt_iters(100000, 5000);
    protected_count = 0;
    CHECK_OK(pthread_create(&t1, NULL, pair_ab, NULL));
    CHECK_OK(pthread_create(&t2, NULL, pair_ba, NULL));
    CHECK_OK(pthread_join(t1, NULL));
    CHECK_OK(pthread_join(t2, NULL));
    CHECK_EQ(protected_count, 2 * pair_iterations);
    printf("pair: 2 x %ld opposite-order acquisitions, no deadlock (%.2fs)\n",
           pair_iterations, rt_now() - t0);

    /* Same mutex twice: locked once, unlocked once. */
    CHECK_OK(rl_rt_lock_pair(&mu_a, &mu_a));
    CHECK_EQ(pthread_mutex_trylock(&mu_a), EBUSY);
    CHECK_OK(rl_rt_unlock_pair(&mu_a, &mu_a));
    CHECK_OK(pthread_mutex_trylock(&mu_a));
    CHECK_OK(pthread_mutex_unlock(&mu_a));
}

/* ------------------------------------------------------------- N locks */

#define NLOCKS 4
#define NTHREADS 4
static pthread_mutex_t set_mu[NLOCKS];
static long set_count[NLOCKS]; /* set_count[i] guarded by set_mu[i] */

typedef struct {
    unsigned seed;
    long taken[NLOCKS];
    long iters;
} SetArg;

static unsigned rnd(unsigned *s)
{
    *s = *s * 1103515245u + 12345u;
    return (*s >> 16) & 0x7fff;
}

static void *set_worker(void *p)
{
    SetArg *a = p;
    for (long it = 0; it < a->iters; it++) {
        pthread_mutex_t *list[RL_RT_LOCK_N_MAX];
        int in_set[NLOCKS] = { 0 };
        size_t n = 1 + rnd(&a->seed) % 6; /* 1..6 entries, duplicates likely */
        for (size_t i = 0; i < n; i++) {
            unsigned k = rnd(&a->seed) % NLOCKS;
            list[i] = &set_mu[k];
            in_set[k] = 1;
        }
        CHECK_OK(rl_rt_lock_n(list, n));
        for (int k = 0; k < NLOCKS; k++)
            if (in_set[k]) {
                set_count[k]++;
                a->taken[k]++;
            }
        CHECK_OK(rl_rt_unlock_n(list, n));
    }
    return NULL;
}

static void test_lock_n_random_sets(void)
{
    SetArg args[NTHREADS];
    long iters = rt_iters(50000, 3000);

    for (int k = 0; k < NLOCKS; k++)
        CHECK_OK(pthread_mutex_init(&set_mu[k], NULL));
    for (int i = 0; i < NTHREADS; i++) {
        memset(&args[i], 0, sizeof args[i]);
        args[i].seed = 1234u + (unsigned)i * 7919u;
        args[i].iters = iters;
    }
    rt_run_threads(NTHREADS, set_worker, args, sizeof args[0]);
    for (int k = 0; k < NLOCKS; k++) {
        long expect = 0;
        for (int i = 0; i < NTHREADS; i++)
            expect += args[i].taken[k];
        CHECK_EQ(set_count[k], expect); /* no lost update under the locks */
        CHECK_OK(pthread_mutex_trylock(&set_mu[k])); /* nothing left held */
        CHECK_OK(pthread_mutex_unlock(&set_mu[k]));
    }

    /* Argument validation. */
    {
        pthread_mutex_t *bad[2] = { &set_mu[0], NULL };
        pthread_mutex_t *many[RL_RT_LOCK_N_MAX + 1];
        for (size_t i = 0; i < RL_RT_LOCK_N_MAX + 1; i++)
            many[i] = &set_mu[0];
        CHECK_EQ(rl_rt_lock_n(bad, 0), EINVAL);
        CHECK_EQ(rl_rt_lock_n(bad, 2), EINVAL);
        CHECK_EQ(rl_rt_lock_n(many, RL_RT_LOCK_N_MAX + 1), EINVAL);
        CHECK_EQ(rl_rt_unlock_n(bad, 2), EINVAL);
        CHECK_OK(pthread_mutex_trylock(&set_mu[0])); /* still unlocked */
        CHECK_OK(pthread_mutex_unlock(&set_mu[0]));
        /* RL_RT_LOCK_N_MAX entries, all the same mutex: locked once. */
        CHECK_OK(rl_rt_lock_n(many, RL_RT_LOCK_N_MAX));
        CHECK_OK(rl_rt_unlock_n(many, RL_RT_LOCK_N_MAX));
    }
}

/* ----------------------------------------------- deadline and trylock */

/* A helper thread that holds a mutex until told to let go (a pthread
 * mutex must be unlocked by its owner). */
typedef struct {
    pthread_mutex_t *target;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int holding, release;
} Holder;

static void *holder_main(void *p)
{
    Holder *h = p;
    CHECK_OK(pthread_mutex_lock(h->target));
    pthread_mutex_lock(&h->mu);
    h->holding = 1;
    pthread_cond_broadcast(&h->cv);
    while (!h->release)
        pthread_cond_wait(&h->cv, &h->mu);
    pthread_mutex_unlock(&h->mu);
    CHECK_OK(pthread_mutex_unlock(h->target));
    return NULL;
}

static void holder_start(Holder *h, pthread_t *tid, pthread_mutex_t *target)
{
    h->target = target;
    CHECK_OK(pthread_mutex_init(&h->mu, NULL));
    CHECK_OK(pthread_cond_init(&h->cv, NULL));
    h->holding = h->release = 0;
    CHECK_OK(pthread_create(tid, NULL, holder_main, h));
    pthread_mutex_lock(&h->mu);
    while (!h->holding)
        pthread_cond_wait(&h->cv, &h->mu);
    pthread_mutex_unlock(&h->mu);
}

static void holder_stop(Holder *h, pthread_t tid)
{
    pthread_mutex_lock(&h->mu);
    h->release = 1;
    pthread_cond_broadcast(&h->cv);
    pthread_mutex_unlock(&h->mu);
    CHECK_OK(pthread_join(tid, NULL));
    pthread_cond_destroy(&h->cv);
    pthread_mutex_destroy(&h->mu);
}

static void *try_ab(void *p)
{
    (void)p;
    for (long i = 0; i < pair_iterations; i++) {
        CHECK_OK(rl_rt_trylock_pair(&mu_c, &mu_d, 0));
        protected_count++;
        CHECK_OK(rl_rt_unlock_pair(&mu_c, &mu_d));
    }
    return NULL;
}

static void *plain_ba(void *p)
{
    /* Does NOT use the global order: b then a, blocking.  Safe against
     * try_ab only because trylock-with-backoff never blocks while holding. */
    (void)p;
    for (long i = 0; i < pair_iterations; i++) {
        CHECK_OK(pthread_mutex_lock(&mu_d));
        CHECK_OK(pthread_mutex_lock(&mu_c));
        protected_count++;
        CHECK_OK(pthread_mutex_unlock(&mu_c));
        CHECK_OK(pthread_mutex_unlock(&mu_d));
    }
    return NULL;
}

static void test_deadline_and_trylock(void)
{
    pthread_mutex_t *ab[2] = { &mu_a, &mu_b };
    Holder h;
    pthread_t tid;
    struct timespec deadline;
    double t0;

    /* b is held elsewhere: both variants must give up and release a. */
    holder_start(&h, &tid, &mu_b);
    /* t0 before the deadline is computed: however long this thread is
     * descheduled in between, the wait ends no earlier than t0 + 50 ms
     * (less a little for CLOCK_REALTIME vs. CLOCK_MONOTONIC). */
    t0 = rt_now();
    deadline = rt_deadline_ms(50);
    CHECK_EQ(rl_rt_lock_n_timed(ab, 2, &deadline), ETIMEDOUT);
    CHECK(rt_now() - t0 >= 0.04);
    CHECK_OK(pthread_mutex_trylock(&mu_a));
    CHECK_OK(pthread_mutex_unlock(&mu_a));
    CHECK_EQ(rl_rt_trylock_pair(&mu_b, &mu_a, 5), EBUSY);
    CHECK_EQ(rl_rt_trylock_n(ab, 2, 1), EBUSY);
    CHECK_OK(pthread_mutex_trylock(&mu_a));
    CHECK_OK(pthread_mutex_unlock(&mu_a));
    CHECK_EQ(rl_rt_lock_n_timed(ab, 2, NULL), EINVAL);
    holder_stop(&h, tid);

    /* Both locks are free: timedlock takes a free mutex even when the
     * deadline has already passed (POSIX), so the 1 s is never a race. */
    deadline = rt_deadline_ms(1000);
    CHECK_OK(rl_rt_lock_n_timed(ab, 2, &deadline));
    CHECK_OK(rl_rt_unlock_n(ab, 2));

    /* trylock-with-backoff vs. a thread using the *opposite* blocking order.
     * Skipped under Helgrind, which (rightly, by its rules) reports the
     * deliberate order violation; TSan does not count trylocks. */
    {
        const char *checker = getenv("RL_RT_TEST_UNDER_CHECKER");
        if (checker != NULL && strcmp(checker, "helgrind") == 0)
            return;
    }
    pair_iterations = rt_iters(20000, 1000);
    protected_count = 0;
    {
        pthread_t t1, t2;
        CHECK_OK(pthread_create(&t1, NULL, try_ab, NULL));
        CHECK_OK(pthread_create(&t2, NULL, plain_ba, NULL));
        CHECK_OK(pthread_join(t1, NULL));
        CHECK_OK(pthread_join(t2, NULL));
    }
    CHECK_EQ(protected_count, 2 * pair_iterations);
}

/* --------------------------------------------------------------- unsafe */

/* For run-tsan.sh: the two orders run one after the other, so nothing
 * deadlocks in this run -- TSan must still report the potential deadlock. */
static void *seq_ab(void *p)
{
    (void)p;
    CHECK_OK(pthread_mutex_lock(&mu_a));
    CHECK_OK(pthread_mutex_lock(&mu_b));
    CHECK_OK(pthread_mutex_unlock(&mu_b));
    CHECK_OK(pthread_mutex_unlock(&mu_a));
    return NULL;
}

static void *seq_ba(void *p)
{
    (void)p;
    CHECK_OK(pthread_mutex_lock(&mu_b));
    CHECK_OK(pthread_mutex_lock(&mu_a));
    CHECK_OK(pthread_mutex_unlock(&mu_a));
    CHECK_OK(pthread_mutex_unlock(&mu_b));
    return NULL;
}

static int checker_lock_order(void)
{
    pthread_t t;
    CHECK_OK(pthread_create(&t, NULL, seq_ab, NULL));
    CHECK_OK(pthread_join(t, NULL));
    CHECK_OK(pthread_create(&t, NULL, seq_ba, NULL));
    CHECK_OK(pthread_join(t, NULL));
    return 0;
}

static RtBarrier both_hold_first;
static int timed_out[2];

static void *naive_first_a(void *p)
{
    struct timespec dl;
    (void)p;
    CHECK_OK(pthread_mutex_lock(&mu_a));
    rt_barrier_wait(&both_hold_first);
    dl = rt_deadline_ms(300);
    if (pthread_mutex_timedlock(&mu_b, &dl) == ETIMEDOUT)
        timed_out[0] = 1;
    else
        CHECK_OK(pthread_mutex_unlock(&mu_b));
    CHECK_OK(pthread_mutex_unlock(&mu_a));
    return NULL;
}

static void *naive_first_b(void *p)
{
    struct timespec dl;
    (void)p;
    CHECK_OK(pthread_mutex_lock(&mu_b));
    rt_barrier_wait(&both_hold_first);
    dl = rt_deadline_ms(300);
    if (pthread_mutex_timedlock(&mu_a, &dl) == ETIMEDOUT)
        timed_out[1] = 1;
    else
        CHECK_OK(pthread_mutex_unlock(&mu_a));
    CHECK_OK(pthread_mutex_unlock(&mu_b));
    return NULL;
}

static int demo_unsafe(void)
{
    pthread_t t1, t2;

    rt_barrier_init(&both_hold_first, 2);
    CHECK_OK(pthread_create(&t1, NULL, naive_first_a, NULL));
    CHECK_OK(pthread_create(&t2, NULL, naive_first_b, NULL));
    CHECK_OK(pthread_join(t1, NULL));
    CHECK_OK(pthread_join(t2, NULL));
    /* With plain blocking locks neither thread could ever proceed: each
     * waits for the lock the other holds.  The timeouts are what let
     * this demo end; at least one of them must have fired. */
    CHECK(timed_out[0] || timed_out[1]);
    printf("naive opposite-order locking: deadlock detected (timed out: "
           "A->B %s, B->A %s)\n", timed_out[0] ? "yes" : "no",
           timed_out[1] ? "yes" : "no");
    rt_barrier_destroy(&both_hold_first);
    return 0;
}

int main(int argc, char **argv)
{
    rt_watchdog(60, "test_lock (a deadlock?)");
    if (argc > 1 && strcmp(argv[1], "--demo-unsafe") == 0)
        return demo_unsafe();
    if (argc > 1 && strcmp(argv[1], "--checker-lock-order") == 0)
        return checker_lock_order();
    test_pair_opposite_orders();
    test_lock_n_random_sets();
    test_deadline_and_trylock();
    printf("test_lock: ok\n");
    return 0;
}
