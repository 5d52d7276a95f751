/* Near-misses: reader/writer lock, writes under the write lock; a spin
 * lock; C11 mtx. */
/* expect-none */
#include <pthread.h>
#include <threads.h>

static pthread_rwlock_t cfg_lock = PTHREAD_RWLOCK_INITIALIZER;
static int cfg_value;
static pthread_spinlock_t spin;
static int spins;
static mtx_t m;
static int c11;

static void *reader(void *arg) {
  (void)arg;
  pthread_rwlock_rdlock(&cfg_lock);
  int v = cfg_value;
  pthread_rwlock_unlock(&cfg_lock);
  pthread_spin_lock(&spin);
  spins += v;
  pthread_spin_unlock(&spin);
  return NULL;
}

static void *writer(void *arg) {
  (void)arg;
  pthread_rwlock_wrlock(&cfg_lock);
  cfg_value++;
  pthread_rwlock_unlock(&cfg_lock);
  mtx_lock(&m);
  c11++;
  mtx_unlock(&m);
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, reader, NULL);
  pthread_create(&t[4], NULL, writer, NULL);
}
