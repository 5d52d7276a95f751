/*
 * librlrt test: atomic counters, flags and refcounts (rt_atomic.h).
 *
 *   (no args)          concurrent increments are exact, bounded increments
 *                      never overshoot, exactly one test-and-set winner,
 *                      exactly one last reference put.
 *   --demo-unsafe      the naive load-then-store increment loses an update:
 *                      shown deterministically by forcing the interleaving
 *                      (asserted), then by a free-running stress (printed,
 *                      not asserted: its outcome depends on scheduling).
 *   --checker-data-race  a plain `long` incremented by two threads -- a real
 *                      data race, only for run-tsan.sh / run-helgrind.sh to
 *                      show that TSan and Helgrind report it.  Undefined
 *                      behaviour; asserts nothing.
 */
#define _POSIX_C_SOURCE 200809L

#include <racelint/rt.h>

#include <sched.h>

#include "rt_test.h"

#define THREADS 4

/* ---------------------------------------------------------------- safe */

static RlRtCounter counter = RL_RT_COUNTER_INIT(0);
static RlRtCounter slots = RL_RT_COUNTER_INIT(0);
static long iterations;

typedef struct {
    RtBarrier *start;
    long wins;
} CounterArg;

static void *counter_worker(void *p)
{
    CounterArg *a = p;
    rt_barrier_wait(a->start);
    for (long i = 0; i < iterations; i++) {
        rl_rt_counter_inc(&counter);
        if (rl_rt_counter_inc_if_below(&slots, 1000))
            a->wins++;
    }
    return NULL;
}

static void test_counter_exact(void)
{
    RtBarrier start;
    CounterArg args[THREADS];
    long wins = 0;

    iterations = rt_iters(200000, 20000);
    rt_barrier_init(&start, THREADS);
    for (int i = 0; i < THREADS; i++)
        args[i] = (CounterArg){ &start, 0 };
    rt_run_threads(THREADS, counter_worker, args, sizeof args[0]);
    for (int i = 0; i < THREADS; i++)
        wins += args[i].wins;
    CHECK_EQ(rl_rt_counter_get(&counter), (long long)THREADS * iterations);
    CHECK_EQ(rl_rt_counter_get(&slots), 1000);
    CHECK_EQ(wins, 1000);
    rt_barrier_destroy(&start);

    {
        RlRtCounter c;
        int64_t expected = 5;
        rl_rt_counter_init(&c, 5);
        CHECK(rl_rt_counter_cas(&c, &expected, 7));
        CHECK(!rl_rt_counter_cas(&c, &expected, 9));
        CHECK_EQ(expected, 7);
        CHECK_EQ(rl_rt_counter_exchange(&c, 1), 7);
        CHECK_EQ(rl_rt_counter_dec(&c), 0);
        CHECK_EQ(rl_rt_counter_add(&c, 10), 10);
        rl_rt_counter_set(&c, -3);
        CHECK_EQ(rl_rt_counter_get(&c), -3);
    }
}

typedef struct {
    RtBarrier *start;
    RlRtFlag *flags;
    long rounds;
    long wins;
} FlagArg;

static void *flag_worker(void *p)
{
    FlagArg *a = p;
    for (long r = 0; r < a->rounds; r++) {
        rt_barrier_wait(a->start); /* everybody races on flags[r] at once */
        if (!rl_rt_flag_test_and_set(&a->flags[r]))
            a->wins++;
    }
    return NULL;
}

static void test_flag_single_winner(void)
{
    long rounds = rt_iters(2000, 200);
    RlRtFlag *flags = calloc((size_t)rounds, sizeof *flags);
    RtBarrier start;
    FlagArg args[THREADS];
    long wins = 0;

    CHECK(flags != NULL);
    for (long r = 0; r < rounds; r++)
        rl_rt_flag_clear(&flags[r]);
    rt_barrier_init(&start, THREADS);
    for (int i = 0; i < THREADS; i++)
        args[i] = (FlagArg){ &start, flags, rounds, 0 };
    rt_run_threads(THREADS, flag_worker, args, sizeof args[0]);
    for (int i = 0; i < THREADS; i++)
        wins += args[i].wins;
    CHECK_EQ(wins, rounds); /* exactly one winner per round */
    for (long r = 0; r < rounds; r++)
        CHECK(rl_rt_flag_is_set(&flags[r]));
    rt_barrier_destroy(&start);
    free(flags);
}

typedef struct {
    int payload[8];
    RlRtRefcount ref;
} Shared;

typedef struct {
    Shared *obj;
    int index;
    int freed_here;
} RefArg;

static void *ref_worker(void *p)
{
    RefArg *a = p;
    a->obj->payload[a->index] = a->index + 1; /* each writes its own slot */
    if (rl_rt_ref_put(&a->obj->ref)) {
        /* Last one out: every other writer's store must be visible. */
        for (int i = 0; i < THREADS; i++)
            CHECK_EQ(a->obj->payload[i], i + 1);
        free(a->obj);
        a->freed_here = 1;
    }
    return NULL;
}

static void test_refcount_last_put(void)
{
    long rounds = rt_iters(2000, 100);
    for (long r = 0; r < rounds; r++) {
        Shared *obj = calloc(1, sizeof *obj);
        RefArg args[THREADS];
        int freed = 0;

        CHECK(obj != NULL);
        rl_rt_ref_init(&obj->ref, 1);
        for (int i = 1; i < THREADS; i++)
            rl_rt_ref_get(&obj->ref);
        CHECK_EQ(rl_rt_ref_count(&obj->ref), THREADS);
        CHECK(rl_rt_ref_get_unless_zero(&obj->ref));
        CHECK(!rl_rt_ref_put(&obj->ref));
        for (int i = 0; i < THREADS; i++)
            args[i] = (RefArg){ obj, i, 0 };
        rt_run_threads(THREADS, ref_worker, args, sizeof args[0]);
        for (int i = 0; i < THREADS; i++)
            freed += args[i].freed_here;
        CHECK_EQ(freed, 1);
    }
    {
        RlRtRefcount z = RL_RT_REFCOUNT_INIT(0);
        CHECK(!rl_rt_ref_get_unless_zero(&z));
    }
}

/* -------------------------------------------------------------- unsafe */

/* The buggy pattern racelint flags: read, compute, write back.  Relaxed
 * atomics make each access well-defined (no data race, so TSan and
 * Helgrind stay quiet), but the read-modify-write as a whole is not
 * atomic: exactly the `shared-mutable-state` bug, minus the UB. */
static _Atomic long naive_value;

static void naive_increment(void (*between)(void *), void *arg)
{
    long v = atomic_load_explicit(&naive_value, memory_order_relaxed);
    if (between != NULL)
        between(arg);
    atomic_store_explicit(&naive_value, v + 1, memory_order_relaxed);
}

/* Forced interleaving: A reads, B does a whole increment, A writes. */
typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stage; /* 0: start, 1: A has read, 2: B has written */
} Script;

static void script_wait(Script *s, int stage)
{
    pthread_mutex_lock(&s->mu);
    while (s->stage < stage)
        pthread_cond_wait(&s->cv, &s->mu);
    pthread_mutex_unlock(&s->mu);
}

static void script_advance(Script *s, int stage)
{
    pthread_mutex_lock(&s->mu);
    s->stage = stage;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

static void a_between(void *p)
{
    Script *s = p;
    script_advance(s, 1); /* A has read its value ... */
    script_wait(s, 2);    /* ... and writes only after B is done */
}

static void *thread_a(void *p)
{
    naive_increment(a_between, p);
    return NULL;
}

static void *thread_b(void *p)
{
    Script *s = p;
    script_wait(s, 1);
    naive_increment(NULL, NULL);
    script_advance(s, 2);
    return NULL;
}

static void yield_between(void *unused)
{
    (void)unused;
    sched_yield();
}

static void *yielding_naive_worker(void *p)
{
    long n = *(long *)p;
    for (long i = 0; i < n; i++)
        naive_increment(yield_between, NULL);
    return NULL;
}

static int demo_unsafe(void)
{
    Script s = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0 };
    pthread_t a, b;
    long n = 20000;
    long args[2] = { n, n };

    atomic_store(&naive_value, 0);
    CHECK_OK(pthread_create(&a, NULL, thread_a, &s));
    CHECK_OK(pthread_create(&b, NULL, thread_b, &s));
    CHECK_OK(pthread_join(a, NULL));
    CHECK_OK(pthread_join(b, NULL));
    /* Two increments happened; one was lost. */
    CHECK_EQ(atomic_load(&naive_value), 1);
    printf("forced interleaving: 2 naive increments -> value %ld (lost update "
           "detected, as expected)\n", atomic_load(&naive_value));

    /* The same two increments with the atomic counter cannot interleave. */
    {
        RlRtCounter c = RL_RT_COUNTER_INIT(0);
        rl_rt_counter_inc(&c);
        rl_rt_counter_inc(&c);
        CHECK_EQ(rl_rt_counter_get(&c), 2);
    }

    /* Free-running: informational only (scheduling decides the count). */
    atomic_store(&naive_value, 0);
    rt_run_threads(2, yielding_naive_worker, args, sizeof args[0]);
    printf("free-running: %ld naive increments -> %ld (%ld lost)\n", 2 * n,
           atomic_load(&naive_value), 2 * n - atomic_load(&naive_value));
    return 0;
}

static long plain_counter; /* deliberately unsynchronised */

static void *plain_worker(void *p)
{
    (void)p;
    for (int i = 0; i < 1000; i++)
        plain_counter++;
    return NULL;
}

static int checker_data_race(void)
{
    long dummy[2];
    rt_run_threads(2, plain_worker, dummy, sizeof dummy[0]);
    printf("plain counter: %ld\n", plain_counter);
    return 0;
}

int main(int argc, char **argv)
{
    rt_watchdog(60, "test_atomic");
    if (argc > 1 && strcmp(argv[1], "--demo-unsafe") == 0)
        return demo_unsafe();
    if (argc > 1 && strcmp(argv[1], "--checker-data-race") == 0)
        return checker_data_race();
    test_counter_exact();
    test_flag_single_winner();
    test_refcount_last_put();
    printf("test_atomic: ok\n");
    return 0;
}
