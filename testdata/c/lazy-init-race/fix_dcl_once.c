// fix-enable: lazy-init-race (the rule is in racelint:strict only)
/* Fix: double-checked locking `if (!g) { lock(&m); if (!g) g = expr;
 * unlock(&m); }` of a static global becomes pthread_once() with an
 * initialiser function; the mutex stays (it may guard more). Unsafe: a
 * failed initialisation is not tried again. Near misses keep the finding
 * and get no fix: something else in the outer block, two different
 * mutexes, the global assigned elsewhere in the file. */
#include <pthread.h>
#include <stdlib.h>

struct pool {
  int size;
};

static struct pool *pool;
static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;

struct pool *pool_get(void) {
  // expect: [lazy-init-race] "'pool' is checked here without the lock"
  if (pool == NULL) {
    pthread_mutex_lock(&pool_mu);
    if (pool == NULL) {
      struct pool *p = malloc(sizeof *p);
      p->size = 16;
      pool = p;
    }
    pthread_mutex_unlock(&pool_mu);
  }
  return pool;
}

static int *slots;
static pthread_mutex_t slots_mu = PTHREAD_MUTEX_INITIALIZER;

int *slots_get(void) {
  // expect: [lazy-init-race] "'slots' is checked here without the lock"
  if (!slots) {
    pthread_mutex_lock(&slots_mu);
    if (!slots) slots = calloc(32, sizeof *slots);
    pthread_mutex_unlock(&slots_mu);
  }
  return slots;
}

static int *stats;
static int stats_users;
static pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;

int *stats_get(void) {
  // expect: [lazy-init-race] "'stats' is checked here without the lock"
  if (!stats) {
    pthread_mutex_lock(&stats_mu);
    if (!stats) stats = calloc(4, sizeof *stats);
    stats_users++;
    pthread_mutex_unlock(&stats_mu);
  }
  return stats;
}

static int *names;
static pthread_mutex_t names_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t other_mu = PTHREAD_MUTEX_INITIALIZER;

int *names_get(void) {
  // expect: [lazy-init-race] "'names' is checked here without the lock"
  if (!names) {
    pthread_mutex_lock(&names_mu);
    if (!names) names = calloc(16, sizeof *names);
    pthread_mutex_unlock(&other_mu);
  }
  return names;
}

static char *buf;
static pthread_mutex_t buf_mu = PTHREAD_MUTEX_INITIALIZER;

char *buf_get(void) {
  // expect: [lazy-init-race] "'buf' is checked here without the lock"
  if (!buf) {
    pthread_mutex_lock(&buf_mu);
    if (!buf) buf = malloc(256);
    pthread_mutex_unlock(&buf_mu);
  }
  return buf;
}

void buf_drop(void) {
  pthread_mutex_lock(&buf_mu);
  free(buf);
  buf = NULL;
  pthread_mutex_unlock(&buf_mu);
}
