/* Reader/writer lock: the read path forgets to unlock on a miss. */
#include <pthread.h>
#include <string.h>

static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
static const char *names[32];

int lookup(const char *name) {
  pthread_rwlock_rdlock(&table_lock);
  for (int i = 0; i < 32; i++) {
    if (names[i] && strcmp(names[i], name) == 0) {
      pthread_rwlock_unlock(&table_lock);
      return i;
    }
  }
  return -1; // expect: [lock-balance] "'table_lock'"
}
