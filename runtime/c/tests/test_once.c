/*
 * librlrt test: run-once and lazy pointers (rt_once.h).
 *
 *   (no args)          16 threads released together call rl_rt_lazy_get():
 *                      the initialiser runs exactly once (it even waits
 *                      for a second thread to join it, which never comes),
 *                      all get the same fully initialised object; failing
 *                      initialisers are retried; RlRtOnce, RL_RT_LAZY_TYPE
 *                      and RL_RT_LAZY_GETTER likewise.
 *   --demo-unsafe      naive "if (p == NULL) p = create();": the creator
 *                      waits for a second thread to join it inside
 *                      create(), which happens -- two creations, asserted.
 *   --checker-data-race  the classic broken double-checked locking with a
 *                      plain pointer, only for run-tsan.sh/run-helgrind.sh
 *                      (the checker must report it).  Asserts nothing.
 */
#define _POSIX_C_SOURCE 200809L

#include <racelint/rt.h>

#include "rt_test.h"

#define THREADS 16
#define TABLE 64

typedef struct {
    int magic;
    int table[TABLE];
} Object;

static atomic_int init_calls;
static atomic_int inside_init;
static long wait_for_company_ms; /* how long create() waits for a 2nd caller */

/* Waits until another thread is also inside the initialiser, for at most
 * `ms` (ms < 0: no limit).  Returns 1 if one came.  With a correct
 * once-primitive none ever does, so a bounded wait there only gives a
 * broken primitive the chance to show itself; the naive pattern waits
 * without a limit, so that it fails the same way on a busy machine. */
static int wait_for_second_caller(long ms)
{
    double until = rt_now() + (double)ms / 1000.0;
    int n = atomic_fetch_add(&inside_init, 1) + 1;
    while (n < 2 && (ms < 0 || rt_now() < until)) {
        rt_sleep_ms(1);
        n = atomic_load(&inside_init);
    }
    return n >= 2;
}

static Object *make_object(void)
{
    Object *o = malloc(sizeof *o);
    CHECK(o != NULL);
    for (int i = 0; i < TABLE; i++)
        o->table[i] = i * i; /* plain writes, published by the lazy */
    o->magic = 0xC0FFEE;
    return o;
}

static void check_object(const Object *o)
{
    CHECK(o != NULL);
    CHECK_EQ(o->magic, 0xC0FFEE);
    for (int i = 0; i < TABLE; i++)
        CHECK_EQ(o->table[i], i * i);
}

static int create_object(void *arg, void **out)
{
    (void)arg;
    atomic_fetch_add(&init_calls, 1);
    if (wait_for_company_ms > 0)
        (void)wait_for_second_caller(wait_for_company_ms);
    *out = make_object();
    return 0;
}

/* ------------------------------------------------------ exactly once */

typedef struct {
    RlRtLazy *lazy;
    RtBarrier *start;
    Object *got;
} LazyArg;

static void *lazy_worker(void *p)
{
    LazyArg *a = p;
    void *v = NULL;
    rt_barrier_wait(a->start);
    CHECK_OK(rl_rt_lazy_get(a->lazy, create_object, NULL, &v));
    a->got = v;
    check_object(a->got);
    return NULL;
}

static void run_lazy_round(long company_ms)
{
    RlRtLazy lazy;
    RtBarrier start;
    LazyArg args[THREADS];
    Object *o;

    CHECK_OK(rl_rt_lazy_init(&lazy));
    CHECK(!rl_rt_lazy_is_initialized(&lazy));
    rt_barrier_init(&start, THREADS);
    atomic_store(&init_calls, 0);
    atomic_store(&inside_init, 0);
    wait_for_company_ms = company_ms;
    for (int i = 0; i < THREADS; i++)
        args[i] = (LazyArg){ &lazy, &start, NULL };
    rt_run_threads(THREADS, lazy_worker, args, sizeof args[0]);
    CHECK_EQ(atomic_load(&init_calls), 1);
    CHECK_EQ(atomic_load(&inside_init), company_ms > 0 ? 1 : 0);
    for (int i = 1; i < THREADS; i++)
        CHECK(args[i].got == args[0].got);
    CHECK(rl_rt_lazy_is_initialized(&lazy));
    CHECK(rl_rt_lazy_peek(&lazy) == args[0].got);
    o = rl_rt_lazy_destroy(&lazy);
    CHECK(o == args[0].got);
    free(o);
    rt_barrier_destroy(&start);
}

static void test_lazy_exactly_once(void)
{
    long rounds = rt_iters(300, 20);
    run_lazy_round(200); /* initialiser lingers 200 ms inviting a 2nd call */
    for (long r = 0; r < rounds; r++)
        run_lazy_round(0);
}

/* ------------------------------------------------- failure and retry */

static atomic_int fail_first;

static int flaky_create(void *arg, void **out)
{
    int n = atomic_fetch_add(&init_calls, 1) + 1;
    (void)arg;
    if (n <= atomic_load(&fail_first))
        return EAGAIN; /* nothing published; the next caller retries */
    *out = make_object();
    return 0;
}

typedef struct {
    RlRtLazy *lazy;
    RtBarrier *start;
    Object *got;
    int failures;
} RetryArg;

static void *retry_worker(void *p)
{
    RetryArg *a = p;
    void *v = NULL;
    int rc;
    rt_barrier_wait(a->start);
    while ((rc = rl_rt_lazy_get(a->lazy, flaky_create, NULL, &v)) != 0) {
        CHECK_EQ(rc, EAGAIN);
        a->failures++;
    }
    a->got = v;
    check_object(a->got);
    return NULL;
}

static int null_create(void *arg, void **out)
{
    (void)arg;
    *out = NULL;
    return 0;
}

static void test_lazy_retry_after_failure(void)
{
    static RlRtLazy lazy = RL_RT_LAZY_INIT;
    RtBarrier start;
    RetryArg args[8];
    int failures = 0;
    void *v = (void *)&v;

    /* 0 with a NULL value counts as failure, not publication. */
    CHECK_EQ(rl_rt_lazy_get(&lazy, null_create, NULL, &v), EINVAL);
    CHECK(v == (void *)&v); /* *out untouched on failure */
    CHECK(!rl_rt_lazy_is_initialized(&lazy));

    atomic_store(&init_calls, 0);
    atomic_store(&fail_first, 3);
    rt_barrier_init(&start, 8);
    for (int i = 0; i < 8; i++)
        args[i] = (RetryArg){ &lazy, &start, NULL, 0 };
    rt_run_threads(8, retry_worker, args, sizeof args[0]);
    for (int i = 0; i < 8; i++) {
        failures += args[i].failures;
        CHECK(args[i].got == args[0].got);
    }
    CHECK_EQ(failures, 3);                   /* each failure seen once */
    CHECK_EQ(atomic_load(&init_calls), 4);   /* 3 failures + 1 success */
    free(rl_rt_lazy_destroy(&lazy));
}

/* ----------------------------------------------------------- RlRtOnce */

static RlRtOnce once = RL_RT_ONCE_INIT;
static int once_table[TABLE]; /* written by the once-function only */
static atomic_int once_calls;

static int once_fn(void *arg)
{
    int n = atomic_fetch_add(&once_calls, 1) + 1;
    (void)arg;
    if (n == 1)
        return ENOMEM; /* first attempt fails: must be retried */
    for (int i = 0; i < TABLE; i++)
        once_table[i] = 3 * i;
    return 0;
}

static void *once_worker(void *p)
{
    RtBarrier *start = p;
    rt_barrier_wait(start);
    while (rl_rt_once(&once, once_fn, NULL) != 0) {
    }
    CHECK(rl_rt_once_done(&once));
    for (int i = 0; i < TABLE; i++)
        CHECK_EQ(once_table[i], 3 * i);
    return NULL;
}

static void test_once(void)
{
    RtBarrier start;
    pthread_t tids[THREADS];
    RlRtOnce dyn;

    CHECK(!rl_rt_once_done(&once));
    rt_barrier_init(&start, THREADS);
    for (int i = 0; i < THREADS; i++)
        CHECK_OK(pthread_create(&tids[i], NULL, once_worker, &start));
    for (int i = 0; i < THREADS; i++)
        CHECK_OK(pthread_join(tids[i], NULL));
    CHECK_EQ(atomic_load(&once_calls), 2); /* 1 failure + 1 success */
    CHECK_OK(rl_rt_once(&once, once_fn, NULL));
    CHECK_EQ(atomic_load(&once_calls), 2);
    rt_barrier_destroy(&start);

    CHECK_OK(rl_rt_once_init(&dyn));
    CHECK(!rl_rt_once_done(&dyn));
    atomic_store(&once_calls, 1); /* next once_fn call succeeds */
    CHECK_OK(rl_rt_once(&dyn, once_fn, NULL));
    CHECK(rl_rt_once_done(&dyn));
    rl_rt_once_destroy(&dyn);
}

/* ------------------------------------------------------ typed wrappers */

RL_RT_LAZY_TYPE(ObjectLazy, Object);
static ObjectLazy typed_lazy = RL_RT_LAZY_TYPE_INIT;

static int typed_create(void *arg, Object **out)
{
    CHECK(arg == (void *)&typed_lazy);
    atomic_fetch_add(&init_calls, 1);
    *out = make_object();
    return 0;
}

static atomic_int getter_calls;
static Object *getter_create(void)
{
    atomic_fetch_add(&getter_calls, 1);
    return make_object();
}
RL_RT_LAZY_GETTER(static, get_object, Object, getter_create);

static void *typed_worker(void *p)
{
    Object **got = p;
    Object *o = NULL;
    CHECK_OK(ObjectLazy_get(&typed_lazy, typed_create, &typed_lazy, &o));
    check_object(o);
    got[0] = o;
    got[1] = get_object();
    check_object(got[1]);
    return NULL;
}

static void test_typed(void)
{
    Object *got[THREADS][2];

    atomic_store(&init_calls, 0);
    CHECK(ObjectLazy_peek(&typed_lazy) == NULL);
    rt_run_threads(THREADS, typed_worker, got, sizeof got[0]);
    CHECK_EQ(atomic_load(&init_calls), 1);
    CHECK_EQ(atomic_load(&getter_calls), 1);
    for (int i = 0; i < THREADS; i++) {
        CHECK(got[i][0] == got[0][0]);
        CHECK(got[i][1] == got[0][1]);
    }
    CHECK(ObjectLazy_peek(&typed_lazy) == got[0][0]);
    free(got[0][0]);
    /* get_object()'s value lives for the rest of the program. */
}

/* -------------------------------------------------------------- unsafe */

/* The pattern racelint's lazy-init-race rule flags.  Relaxed atomics keep
 * it free of data races (so it is a pure logic bug, and well-defined). */
static _Atomic(Object *) naive_ptr;

static Object *naive_get(void)
{
    Object *p = atomic_load_explicit(&naive_ptr, memory_order_relaxed);
    if (p == NULL) {                      /* check ... */
        atomic_fetch_add(&init_calls, 1); /* ... then act */
        CHECK(wait_for_second_caller(-1));
        p = make_object();
        atomic_store_explicit(&naive_ptr, p, memory_order_relaxed);
    }
    return p;
}

static void *naive_worker(void *p)
{
    Object **out = p;
    *out = naive_get();
    return NULL;
}

static int demo_unsafe(void)
{
    Object *got[2];

    atomic_store(&init_calls, 0);
    atomic_store(&inside_init, 0);
    rt_run_threads(2, naive_worker, got, sizeof got[0]);
    /* The first creator waits until a second caller joins it inside
     * create(); with the naive check that always happens. */
    CHECK_EQ(atomic_load(&init_calls), 2);
    CHECK(got[0] != got[1]);
    printf("naive lazy init: create() ran %d times, callers got different "
           "objects (race detected, as expected)\n", atomic_load(&init_calls));
    free(got[0]);
    free(got[1]);
    return 0;
}

/* Broken double-checked locking: the unlocked read of a plain pointer
 * races with the write under the lock. */
static Object *plain_ptr;
static pthread_mutex_t plain_mu = PTHREAD_MUTEX_INITIALIZER;

static void *broken_dcl_worker(void *p)
{
    Object **out = p;
    if (plain_ptr == NULL) {
        pthread_mutex_lock(&plain_mu);
        if (plain_ptr == NULL)
            plain_ptr = make_object();
        pthread_mutex_unlock(&plain_mu);
    }
    *out = plain_ptr;
    return NULL;
}

static int checker_data_race(void)
{
    Object *got[4];
    rt_run_threads(4, broken_dcl_worker, got, sizeof got[0]);
    free(plain_ptr);
    return 0;
}

int main(int argc, char **argv)
{
    rt_watchdog(60, "test_once");
    if (argc > 1 && strcmp(argv[1], "--demo-unsafe") == 0)
        return demo_unsafe();
    if (argc > 1 && strcmp(argv[1], "--checker-data-race") == 0)
        return checker_data_race();
    test_lazy_exactly_once();
    test_lazy_retry_after_failure();
    test_once();
    test_typed();
    printf("test_once: ok\n");
    return 0;
}
