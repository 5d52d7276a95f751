/* Near-miss: a lookup that returns what it found with the table's lock
 * held, released by the caller through the file's release function; the
 * miss unlocks and returns NULL. */
/* expect-none */
#include <pthread.h>
#include <stddef.h>

struct session {
  long id;
  int open;
};
struct table {
  pthread_mutex_t mu;
  struct session rows[16];
};

/* On a hit the table stays locked: give the row back with table_done(). */
struct session *table_get(struct table *t, long id) {
  pthread_mutex_lock(&t->mu);
  for (int i = 0; i < 16; i++) {
    if (t->rows[i].id != id)
      continue;
    if (t->rows[i].open)
      return &t->rows[i];
    break;
  }
  pthread_mutex_unlock(&t->mu);
  return NULL;
}

void table_done(struct table *t, struct session *row) {
  (void)row;
  pthread_mutex_unlock(&t->mu);
}
