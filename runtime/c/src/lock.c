/*
 * racelint runtime: ordered locking (rt_lock.h).
 * Sorting/de-duplication of a lock set by address, blocking, deadline and
 * trylock-with-backoff acquisition, and release in reverse order.
 */
#define _POSIX_C_SOURCE 200809L

#include "racelint/rt_lock.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdint.h>

/* Copy `locks` into `out`, sorted by address with duplicates removed.
 * Returns the number of distinct locks, or 0 for invalid input. */
static size_t sort_unique(pthread_mutex_t *const locks[], size_t n,
                          pthread_mutex_t *out[RL_RT_LOCK_N_MAX])
{
    size_t count = 0;

    if (locks == NULL || n == 0 || n > RL_RT_LOCK_N_MAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        pthread_mutex_t *m = locks[i];
        size_t j;

        if (m == NULL)
            return 0;
        /* Insertion sort on uintptr_t: comparing unrelated pointers with
         * '<' is undefined in C, comparing their integer values is not. */
        j = count;
        while (j > 0 && (uintptr_t)out[j - 1] > (uintptr_t)m)
            j--;
        if (j > 0 && out[j - 1] == m)
            continue; /* duplicate */
        for (size_t k = count; k > j; k--)
            out[k] = out[k - 1];
        out[j] = m;
        count++;
    }
    return count;
}

static void unlock_first(pthread_mutex_t *const sorted[], size_t taken)
{
    while (taken > 0)
        (void)pthread_mutex_unlock(sorted[--taken]);
}

int rl_rt_lock_n(pthread_mutex_t *const locks[], size_t n)
{
    pthread_mutex_t *sorted[RL_RT_LOCK_N_MAX];
    size_t count = sort_unique(locks, n, sorted);

    if (count == 0)
        return EINVAL;
    for (size_t i = 0; i < count; i++) {
        int rc = pthread_mutex_lock(sorted[i]);
        if (rc != 0) {
            unlock_first(sorted, i);
            return rc;
        }
    }
    return 0;
}

int rl_rt_lock_n_timed(pthread_mutex_t *const locks[], size_t n,
                       const struct timespec *deadline)
{
    pthread_mutex_t *sorted[RL_RT_LOCK_N_MAX];
    size_t count = sort_unique(locks, n, sorted);

    if (count == 0 || deadline == NULL)
        return EINVAL;
    for (size_t i = 0; i < count; i++) {
        int rc = pthread_mutex_timedlock(sorted[i], deadline);
        if (rc != 0) {
            unlock_first(sorted, i);
            return rc;
        }
    }
    return 0;
}

int rl_rt_unlock_n(pthread_mutex_t *const locks[], size_t n)
{
    pthread_mutex_t *sorted[RL_RT_LOCK_N_MAX];
    size_t count = sort_unique(locks, n, sorted);
    int first_error = 0;

    if (count == 0)
        return EINVAL;
    while (count > 0) {
        int rc = pthread_mutex_unlock(sorted[--count]);
        if (rc != 0 && first_error == 0)
            first_error = rc;
    }
    return first_error;
}

/* Cheap per-call jitter source; quality does not matter, only that two
 * threads backing off from each other do not stay in lock-step. */
static unsigned next_jitter(unsigned *state)
{
    unsigned x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x ? x : 0x9e3779b9u;
    return *state;
}

int rl_rt_trylock_n(pthread_mutex_t *const locks[], size_t n,
                    unsigned max_attempts)
{
    static atomic_uint seed_source = 0x2545f491u;
    pthread_mutex_t *sorted[RL_RT_LOCK_N_MAX];
    size_t count = sort_unique(locks, n, sorted);
    unsigned seed = atomic_fetch_add_explicit(&seed_source, 0x9e3779b9u,
                                              memory_order_relaxed);
    long backoff_ns = 1000;

    if (count == 0)
        return EINVAL;
    for (unsigned attempt = 1;; attempt++) {
        size_t i;
        int rc = 0;

        for (i = 0; i < count; i++) {
            rc = pthread_mutex_trylock(sorted[i]);
            if (rc != 0)
                break;
        }
        if (i == count)
            return 0;
        unlock_first(sorted, i);
        if (rc != EBUSY)
            return rc;
        if (max_attempts != 0 && attempt >= max_attempts)
            return EBUSY;
        {
            struct timespec ts;
            long ns = backoff_ns / 2 + (long)(next_jitter(&seed) % (unsigned long)backoff_ns);
            ts.tv_sec = 0;
            ts.tv_nsec = ns;
            while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
            }
        }
        if (backoff_ns < 1000000)
            backoff_ns *= 2;
    }
}

int rl_rt_lock_pair(pthread_mutex_t *a, pthread_mutex_t *b)
{
    pthread_mutex_t *const set[2] = { a, b };
    return rl_rt_lock_n(set, 2);
}

int rl_rt_unlock_pair(pthread_mutex_t *a, pthread_mutex_t *b)
{
    pthread_mutex_t *const set[2] = { a, b };
    return rl_rt_unlock_n(set, 2);
}

int rl_rt_trylock_pair(pthread_mutex_t *a, pthread_mutex_t *b,
                       unsigned max_attempts)
{
    pthread_mutex_t *const set[2] = { a, b };
    return rl_rt_trylock_n(set, 2, max_attempts);
}
