/*
 * racelint runtime: the debug lock-order checker behind RlRtMutex
 * (rt_lockdep.h).  Keeps a per-thread stack of held checked mutexes and a
 * global "held-while-acquiring" graph (adjacency bitmap of atomics, so the
 * common case -- edge already known -- takes no global lock); a new edge
 * that closes a cycle is reported with both lock names and the recorded
 * path, then abort().
 */
#define _POSIX_C_SOURCE 200809L

#include "racelint/rt_lockdep.h"

#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate.h"

#define MAX_LOCKS RL_RT_LOCKDEP_MAX_LOCKS
#define WORDS (MAX_LOCKS / 64)
#define UNTRACKED UINT32_MAX

_Static_assert(MAX_LOCKS % 64 == 0, "MAX_LOCKS must be a multiple of 64");

/* adj[a] bit b: lock b was acquired while lock a was held.  Bits are set
 * under graph_mu and read with relaxed loads on the fast path. */
static _Atomic uint64_t adj[MAX_LOCKS][WORDS];

/* Everything below is guarded by graph_mu. */
static pthread_mutex_t graph_mu = PTHREAD_MUTEX_INITIALIZER;
static const char *node_name[MAX_LOCKS];
static const void *node_addr[MAX_LOCKS];
static uint32_t free_ids[MAX_LOCKS];
static uint32_t n_free;
static uint32_t next_id = 1; /* id 0 means "not registered yet" */
static bool warned_full;

static _Thread_local RlRtLockdepMutex *held[RL_RT_LOCKDEP_MAX_HELD];
static _Thread_local unsigned n_held;

static const char *name_of(const RlRtLockdepMutex *m)
{
    return m->name_ != NULL ? m->name_ : "(unnamed)";
}

static void print_held(void)
{
    fprintf(stderr, "  locks held by this thread (outermost first):");
    if (n_held == 0)
        fprintf(stderr, " none");
    for (unsigned i = 0; i < n_held; i++)
        fprintf(stderr, "%s \"%s\" (%p)", i ? "," : "", name_of(held[i]),
                (void *)held[i]);
    fprintf(stderr, "\n");
}

/* Print a diagnosis and abort.  Never returns. */
static _Noreturn void die(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "racelint lockdep: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    print_held();
    fflush(stderr);
    abort();
}

static uint32_t ensure_id(RlRtLockdepMutex *m)
{
    uint32_t id = atomic_load_explicit(&m->id_, memory_order_acquire);

    if (id != 0) {
        RL_RT_HAPPENS_AFTER(&m->id_);
        return id;
    }
    pthread_mutex_lock(&graph_mu);
    /* Helgrind: id_ and the edge bitmap are only touched atomically. */
    RL_RT_ATOMIC_WORD(&m->id_, sizeof m->id_);
    RL_RT_ATOMIC_WORD(adj, sizeof adj);
    id = atomic_load_explicit(&m->id_, memory_order_relaxed);
    if (id == 0) {
        if (n_free > 0) {
            id = free_ids[--n_free];
        } else if (next_id < MAX_LOCKS) {
            id = next_id++;
        } else {
            id = UNTRACKED;
            if (!warned_full) {
                warned_full = true;
                fprintf(stderr,
                        "racelint lockdep: more than %d live mutexes; "
                        "\"%s\" and later ones are not checked\n",
                        MAX_LOCKS - 1, name_of(m));
            }
        }
        if (id != UNTRACKED) {
            node_name[id] = name_of(m);
            node_addr[id] = m;
        }
        RL_RT_HAPPENS_BEFORE(&m->id_);
        atomic_store_explicit(&m->id_, id, memory_order_release);
    }
    pthread_mutex_unlock(&graph_mu);
    return id;
}

static bool has_edge(uint32_t from, uint32_t to)
{
    return (atomic_load_explicit(&adj[from][to / 64], memory_order_relaxed) >>
            (to % 64)) & 1u;
}

/* Breadth-first search for a path from -> ... -> to.  On success fills
 * path[0..*len-1] (path[0] == from, last == to).  graph_mu held. */
static bool find_path(uint32_t from, uint32_t to, uint32_t *path,
                      unsigned *len)
{
    static uint32_t parent[MAX_LOCKS]; /* guarded by graph_mu */
    static uint32_t queue[MAX_LOCKS];
    uint64_t seen[WORDS];
    unsigned head = 0, tail = 0;

    memset(seen, 0, sizeof seen);
    seen[from / 64] |= UINT64_C(1) << (from % 64);
    queue[tail++] = from;
    parent[from] = from;
    while (head < tail) {
        uint32_t cur = queue[head++];
        for (unsigned w = 0; w < WORDS; w++) {
            uint64_t bits = atomic_load_explicit(&adj[cur][w],
                                                 memory_order_relaxed) &
                            ~seen[w];
            while (bits != 0) {
                uint32_t nxt = w * 64 + (uint32_t)__builtin_ctzll(bits);
                bits &= bits - 1;
                seen[w] |= UINT64_C(1) << (nxt % 64);
                parent[nxt] = cur;
                if (nxt == to) {
                    unsigned n = 0;
                    for (uint32_t v = to; v != from; v = parent[v])
                        path[n++] = v;
                    path[n++] = from;
                    for (unsigned i = 0; i < n / 2; i++) { /* reverse */
                        uint32_t t = path[i];
                        path[i] = path[n - 1 - i];
                        path[n - 1 - i] = t;
                    }
                    *len = n;
                    return true;
                }
                queue[tail++] = nxt;
            }
        }
    }
    return false;
}

static _Noreturn void report_inversion(const RlRtLockdepMutex *holding,
                                       const RlRtLockdepMutex *acquiring,
                                       const uint32_t *path, unsigned len)
{
    fprintf(stderr,
            "racelint lockdep: lock order inversion (possible deadlock)\n"
            "  this thread holds \"%s\" (%p) and is acquiring \"%s\" (%p),\n"
            "  but \"%s\" was earlier held while \"%s\" was acquired:\n"
            "    ",
            name_of(holding), (const void *)holding, name_of(acquiring),
            (const void *)acquiring, name_of(acquiring), name_of(holding));
    for (unsigned i = 0; i < len; i++)
        fprintf(stderr, "%s\"%s\" (%p)", i ? " -> " : "", node_name[path[i]],
                node_addr[path[i]]);
    fprintf(stderr, "\n");
    print_held();
    fprintf(stderr,
            "  fix: acquire \"%s\" and \"%s\" in one global order everywhere "
            "(e.g. rl_rt_mutex_lock_pair())\n",
            name_of(holding), name_of(acquiring));
    fflush(stderr);
    abort();
}

static int held_index(const RlRtLockdepMutex *m)
{
    for (unsigned i = n_held; i-- > 0;)
        if (held[i] == m)
            return (int)i;
    return -1;
}

/* Record edges held[*] -> m, aborting if one would close a cycle. */
static void check_order(RlRtLockdepMutex *m, uint32_t id)
{
    bool all_known = true;

    for (unsigned i = 0; i < n_held && all_known; i++) {
        uint32_t hid = atomic_load_explicit(&held[i]->id_, memory_order_relaxed);
        if (hid != UNTRACKED && !has_edge(hid, id))
            all_known = false;
    }
    if (all_known)
        return;
    pthread_mutex_lock(&graph_mu);
    for (unsigned i = 0; i < n_held; i++) {
        uint32_t hid = atomic_load_explicit(&held[i]->id_, memory_order_relaxed);
        uint32_t path[MAX_LOCKS];
        unsigned len = 0;

        if (hid == UNTRACKED || has_edge(hid, id))
            continue;
        if (find_path(id, hid, path, &len))
            report_inversion(held[i], m, path, len); /* graph_mu stays held */
        atomic_fetch_or_explicit(&adj[hid][id / 64], UINT64_C(1) << (id % 64),
                                 memory_order_relaxed);
    }
    pthread_mutex_unlock(&graph_mu);
}

int rl_rt_lockdep_mutex_init(RlRtLockdepMutex *m, const char *name)
{
    m->name_ = name;
    atomic_init(&m->id_, 0);
    return pthread_mutex_init(&m->mu_, NULL);
}

int rl_rt_lockdep_mutex_destroy(RlRtLockdepMutex *m)
{
    uint32_t id;

    if (held_index(m) >= 0)
        die("destroying \"%s\" (%p) while this thread holds it", name_of(m),
            (void *)m);
    id = atomic_load_explicit(&m->id_, memory_order_acquire);
    if (id != 0 && id != UNTRACKED) {
        pthread_mutex_lock(&graph_mu);
        for (unsigned w = 0; w < WORDS; w++)
            atomic_store_explicit(&adj[id][w], 0, memory_order_relaxed);
        for (unsigned v = 0; v < MAX_LOCKS; v++)
            atomic_fetch_and_explicit(&adj[v][id / 64],
                                      ~(UINT64_C(1) << (id % 64)),
                                      memory_order_relaxed);
        node_name[id] = NULL;
        node_addr[id] = NULL;
        free_ids[n_free++] = id;
        pthread_mutex_unlock(&graph_mu);
    }
    atomic_store_explicit(&m->id_, 0, memory_order_relaxed);
    return pthread_mutex_destroy(&m->mu_);
}

int rl_rt_lockdep_mutex_lock(RlRtLockdepMutex *m)
{
    uint32_t id = ensure_id(m);
    int rc;

    if (held_index(m) >= 0)
        die("recursive locking of \"%s\" (%p): this thread already holds it "
            "(self-deadlock)", name_of(m), (void *)m);
    if (n_held == RL_RT_LOCKDEP_MAX_HELD)
        die("acquiring \"%s\" (%p) would exceed %d held locks",
            name_of(m), (void *)m, RL_RT_LOCKDEP_MAX_HELD);
    if (id != UNTRACKED)
        check_order(m, id);
    rc = pthread_mutex_lock(&m->mu_);
    if (rc == 0)
        held[n_held++] = m;
    return rc;
}

int rl_rt_lockdep_mutex_trylock(RlRtLockdepMutex *m)
{
    int rc;

    (void)ensure_id(m);
    if (held_index(m) >= 0)
        die("trylock of \"%s\" (%p), which this thread already holds",
            name_of(m), (void *)m);
    if (n_held == RL_RT_LOCKDEP_MAX_HELD)
        die("acquiring \"%s\" (%p) would exceed %d held locks",
            name_of(m), (void *)m, RL_RT_LOCKDEP_MAX_HELD);
    /* A trylock cannot deadlock, so it adds no edges into m; locks taken
     * while holding m will add edges out of it. */
    rc = pthread_mutex_trylock(&m->mu_);
    if (rc == 0)
        held[n_held++] = m;
    return rc;
}

int rl_rt_lockdep_mutex_unlock(RlRtLockdepMutex *m)
{
    int i = held_index(m);

    if (i < 0)
        die("unlocking \"%s\" (%p), which this thread does not hold",
            name_of(m), (void *)m);
    for (unsigned j = (unsigned)i; j + 1 < n_held; j++)
        held[j] = held[j + 1];
    n_held--;
    return pthread_mutex_unlock(&m->mu_);
}

int rl_rt_lockdep_mutex_held(const RlRtLockdepMutex *m)
{
    return held_index(m) >= 0;
}

unsigned rl_rt_lockdep_held_count(void)
{
    return n_held;
}
