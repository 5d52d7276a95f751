/* A field of a global struct, updated by all workers without a lock. */
#include <pthread.h>

struct stats {
  pthread_mutex_t mu;
  long hits, misses;
};
static struct stats st = {PTHREAD_MUTEX_INITIALIZER, 0, 0};

static void *lookup_thread(void *arg) {
  if (arg) {
    pthread_mutex_lock(&st.mu);
    st.hits++;
    pthread_mutex_unlock(&st.mu);
  } else {
    st.misses++; // expect: [shared-mutable-state] "'st.misses'"
  }
  return NULL;
}

void spawn_lookups(pthread_t *t, void **keys, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, lookup_thread, keys[i]);
}
