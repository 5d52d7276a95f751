/*
 * librlrt test: the debug lock-order checker (rt_lockdep.h), built with
 * -DRL_RT_LOCKDEP.
 *
 * In-process: consistent ordering from several threads never trips it,
 * the held/notheld/held_count predicates are exact, rl_rt_mutex_lock_pair
 * with either argument order is fine, and a destroyed mutex's edges are
 * forgotten.  In child processes (fork), each of these must abort() with
 * a message naming the locks: a two-lock inversion in one thread; the same
 * inversion spread over two threads that never actually deadlock (run one
 * after the other); a three-lock cycle (the path is printed); recursive
 * locking; unlocking a mutex the thread does not hold.
 */
#define _POSIX_C_SOURCE 200809L

#include <racelint/rt.h>

#include <sys/wait.h>

#include "rt_test.h"

#ifndef RL_RT_LOCKDEP
#error "test_lockdep.c must be built with -DRL_RT_LOCKDEP"
#endif

/* ------------------------------------------------------ child harness */

typedef void (*ChildFn)(void);

/* Run fn in a child; require it to die of SIGABRT and its stderr to
 * contain every string in `expect` (NULL-terminated). */
static void expect_abort(const char *what, ChildFn fn, const char *const *expect)
{
    int pipefd[2];
    pid_t pid;
    int status;
    char out[8192];
    size_t len = 0;
    ssize_t n;

    fflush(NULL);
    CHECK_OK(pipe(pipefd));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        close(pipefd[0]);
        dup2(pipefd[1], 2);
        close(pipefd[1]);
        fn();
        _exit(0); /* not reached if the checker works */
    }
    close(pipefd[1]);
    while (len < sizeof out - 1 &&
           (n = read(pipefd[0], out + len, sizeof out - 1 - len)) != 0) {
        if (n < 0) {
            CHECK(errno == EINTR);
            continue;
        }
        len += (size_t)n;
    }
    out[len] = '\0';
    close(pipefd[0]);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGABRT) {
        fprintf(stderr, "%s: child did not abort (status 0x%x); stderr:\n%s\n",
                what, status, out);
        exit(1);
    }
    for (const char *const *e = expect; *e != NULL; e++) {
        if (strstr(out, *e) == NULL) {
            fprintf(stderr, "%s: message lacks \"%s\"; stderr:\n%s\n", what,
                    *e, out);
            exit(1);
        }
    }
    printf("%s: aborted as expected:\n%s", what, out);
}

/* -------------------------------------------------- children (deaths) */

static void child_simple_inversion(void)
{
    static RlRtMutex alpha = RL_RT_MUTEX_INIT("alpha");
    static RlRtMutex beta = RL_RT_MUTEX_INIT("beta");

    rl_rt_mutex_lock(&alpha);
    rl_rt_mutex_lock(&beta); /* records alpha -> beta */
    rl_rt_mutex_unlock(&beta);
    rl_rt_mutex_unlock(&alpha);
    rl_rt_mutex_lock(&beta);
    rl_rt_mutex_lock(&alpha); /* beta -> alpha closes the cycle: abort */
}

static RlRtMutex accounts = RL_RT_MUTEX_INIT("accounts");
static RlRtMutex ledger = RL_RT_MUTEX_INIT("ledger");

static void *transfer_thread(void *p)
{
    (void)p;
    rl_rt_mutex_lock(&accounts);
    rl_rt_mutex_lock(&ledger);
    rl_rt_mutex_unlock(&ledger);
    rl_rt_mutex_unlock(&accounts);
    return NULL;
}

static void *audit_thread(void *p)
{
    (void)p;
    rl_rt_mutex_lock(&ledger);
    rl_rt_mutex_lock(&accounts); /* abort here */
    rl_rt_mutex_unlock(&accounts);
    rl_rt_mutex_unlock(&ledger);
    return NULL;
}

static void child_two_threads_no_actual_deadlock(void)
{
    pthread_t t;
    /* Run strictly one after the other: this execution cannot deadlock,
     * but another interleaving of the same code would. */
    CHECK_OK(pthread_create(&t, NULL, transfer_thread, NULL));
    CHECK_OK(pthread_join(t, NULL));
    CHECK_OK(pthread_create(&t, NULL, audit_thread, NULL));
    CHECK_OK(pthread_join(t, NULL));
}

static void child_three_lock_cycle(void)
{
    static RlRtMutex a = RL_RT_MUTEX_INIT("cache");
    static RlRtMutex b = RL_RT_MUTEX_INIT("index");
    static RlRtMutex c = RL_RT_MUTEX_INIT("journal");

    rl_rt_mutex_lock(&a);
    rl_rt_mutex_lock(&b);
    rl_rt_mutex_unlock(&b);
    rl_rt_mutex_unlock(&a);
    rl_rt_mutex_lock(&b);
    rl_rt_mutex_lock(&c);
    rl_rt_mutex_unlock(&c);
    rl_rt_mutex_unlock(&b);
    rl_rt_mutex_lock(&c);
    rl_rt_mutex_lock(&a); /* journal -> cache; cache -> index -> journal */
}

static void child_recursive(void)
{
    static RlRtMutex m = RL_RT_MUTEX_INIT("config");
    rl_rt_mutex_lock(&m);
    rl_rt_mutex_lock(&m);
}

static void child_unlock_not_held(void)
{
    static RlRtMutex m = RL_RT_MUTEX_INIT("session");
    rl_rt_mutex_unlock(&m);
}

static void child_trylock_then_inversion(void)
{
    static RlRtMutex a = RL_RT_MUTEX_INIT("outer");
    static RlRtMutex b = RL_RT_MUTEX_INIT("inner");
    rl_rt_mutex_lock(&a);
    rl_rt_mutex_lock(&b);
    rl_rt_mutex_unlock(&b);
    rl_rt_mutex_unlock(&a);
    CHECK_OK(rl_rt_mutex_trylock(&b)); /* a trylock cannot deadlock ... */
    rl_rt_mutex_lock(&a);              /* ... but blocking on a now can */
}

/* ------------------------------------------------ in-process (no death) */

#define NT 4
static RlRtMutex ordered[3] = {
    RL_RT_MUTEX_INIT("first"), RL_RT_MUTEX_INIT("second"),
    RL_RT_MUTEX_INIT("third"),
};
static long ordered_count; /* guarded by all three */

static void *ordered_worker(void *p)
{
    long iters = *(long *)p;
    for (long i = 0; i < iters; i++) {
        for (int k = 0; k < 3; k++)
            CHECK_OK(rl_rt_mutex_lock(&ordered[k]));
        CHECK_EQ(rl_rt_mutex_held_count(), 3);
        ordered_count++;
        for (int k = 2; k >= 0; k--)
            CHECK_OK(rl_rt_mutex_unlock(&ordered[k]));
        /* pair helper in both argument orders is consistent */
        CHECK_OK(rl_rt_mutex_lock_pair(&ordered[2], &ordered[0]));
        CHECK(rl_rt_mutex_held(&ordered[0]) && rl_rt_mutex_held(&ordered[2]));
        CHECK(rl_rt_mutex_notheld(&ordered[1]));
        CHECK_OK(rl_rt_mutex_unlock_pair(&ordered[2], &ordered[0]));
        CHECK_OK(rl_rt_mutex_lock_pair(&ordered[0], &ordered[2]));
        CHECK_OK(rl_rt_mutex_unlock_pair(&ordered[0], &ordered[2]));
        CHECK_EQ(rl_rt_mutex_held_count(), 0);
    }
    return NULL;
}

static void test_consistent_order(void)
{
    long iters[NT];
    for (int i = 0; i < NT; i++)
        iters[i] = rt_iters(20000, 500);
    rt_run_threads(NT, ordered_worker, iters, sizeof iters[0]);
    CHECK_EQ(ordered_count, NT * iters[0]);
}

static void test_predicates_and_recycling(void)
{
    RlRtMutex x, y;

    CHECK_OK(rl_rt_mutex_init(&x, "x"));
    CHECK_OK(rl_rt_mutex_init(&y, "y"));
    CHECK(!rl_rt_mutex_held(&x));
    CHECK(rl_rt_mutex_notheld(&x));
    CHECK_OK(rl_rt_mutex_lock(&x));
    CHECK(rl_rt_mutex_held(&x));
    CHECK_EQ(rl_rt_mutex_trylock(&y), 0);
    CHECK_EQ(rl_rt_mutex_held_count(), 2);
    /* Out-of-order unlock is allowed. */
    CHECK_OK(rl_rt_mutex_unlock(&x));
    CHECK_OK(rl_rt_mutex_unlock(&y));
    CHECK_EQ(rl_rt_mutex_held_count(), 0);

    /* x -> y recorded; after destroy/re-init the new mutexes start with
     * a clean slate even if they reuse the graph nodes. */
    CHECK_OK(rl_rt_mutex_lock(&x));
    CHECK_OK(rl_rt_mutex_lock(&y));
    CHECK_OK(rl_rt_mutex_unlock(&y));
    CHECK_OK(rl_rt_mutex_unlock(&x));
    CHECK_OK(rl_rt_mutex_destroy(&x));
    CHECK_OK(rl_rt_mutex_destroy(&y));
    for (int round = 0; round < 2000; round++) {
        CHECK_OK(rl_rt_mutex_init(&y, "y2"));
        CHECK_OK(rl_rt_mutex_init(&x, "x2"));
        CHECK_OK(rl_rt_mutex_lock(&y));
        CHECK_OK(rl_rt_mutex_lock(&x)); /* y2 -> x2: fine, fresh locks */
        CHECK_OK(rl_rt_mutex_unlock(&x));
        CHECK_OK(rl_rt_mutex_unlock(&y));
        CHECK_OK(rl_rt_mutex_destroy(&x));
        CHECK_OK(rl_rt_mutex_destroy(&y));
    }

    /* Condition variables work on the native mutex. */
    {
        RlRtMutex m = RL_RT_MUTEX_INIT("cv-mutex");
        pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
        struct timespec dl = rt_deadline_ms(5);
        int rc;
        CHECK_OK(rl_rt_mutex_lock(&m));
        /* nobody signals: the wait ends at the deadline (0 is a spurious
         * wake-up, allowed by POSIX: wait again) */
        while ((rc = pthread_cond_timedwait(&cv, rl_rt_mutex_native(&m), &dl)) == 0) {
        }
        CHECK_EQ(rc, ETIMEDOUT);
        CHECK(rl_rt_mutex_held(&m));
        CHECK_OK(rl_rt_mutex_unlock(&m));
        pthread_cond_destroy(&cv);
        CHECK_OK(rl_rt_mutex_destroy(&m));
    }
}

int main(int argc, char **argv)
{
    static const char *const e_simple[] = {
        "lock order inversion", "holds \"beta\"", "acquiring \"alpha\"",
        "\"alpha\" (", "-> \"beta\"", NULL };
    static const char *const e_threads[] = {
        "lock order inversion", "holds \"ledger\"", "acquiring \"accounts\"",
        NULL };
    static const char *const e_cycle[] = {
        "lock order inversion", "holds \"journal\"", "acquiring \"cache\"",
        "-> \"index\"", "-> \"journal\"", NULL };
    static const char *const e_recursive[] = {
        "recursive locking of \"config\"", NULL };
    static const char *const e_unlock[] = {
        "unlocking \"session\"", "does not hold", NULL };
    static const char *const e_try[] = {
        "lock order inversion", "holds \"inner\"", "acquiring \"outer\"", NULL };

    (void)argv;
    rt_watchdog(60, "test_lockdep");
    /* Deaths first, while this process is still single-threaded. */
    expect_abort("two-lock inversion", child_simple_inversion, e_simple);
    expect_abort("inversion across two threads (no real deadlock)",
                 child_two_threads_no_actual_deadlock, e_threads);
    expect_abort("three-lock cycle", child_three_lock_cycle, e_cycle);
    expect_abort("recursive lock", child_recursive, e_recursive);
    expect_abort("unlock of unheld mutex", child_unlock_not_held, e_unlock);
    expect_abort("trylock then inversion", child_trylock_then_inversion, e_try);
    if (argc > 1 && strcmp(argv[1], "--deaths-only") == 0)
        return 0;
    test_consistent_order();
    test_predicates_and_recycling();
    printf("test_lockdep: ok\n");
    return 0;
}
