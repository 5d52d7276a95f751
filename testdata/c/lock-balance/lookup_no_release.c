/* A lookup that returns what it found with the lock still held and no
 * function of the file to release it: the forgotten unlock on the hit
 * path; and one whose miss path returns a value too. */
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

struct session *table_get(struct table *t, long id) {
  pthread_mutex_lock(&t->mu);
  for (int i = 0; i < 16; i++)
    if (t->rows[i].id == id && t->rows[i].open)
      return &t->rows[i]; // expect: [lock-balance] "leaves"
  pthread_mutex_unlock(&t->mu);
  return NULL;
}

struct board {
  pthread_mutex_t mu;
  struct session rows[16];
  struct session none;
};

struct session *board_get(struct board *b, long id) {
  pthread_mutex_lock(&b->mu);
  for (int i = 0; i < 16; i++)
    if (b->rows[i].id == id)
      return &b->rows[i]; // expect: [lock-balance] "leaves"
  pthread_mutex_unlock(&b->mu);
  return &b->none;
}

void board_done(struct board *b) { pthread_mutex_unlock(&b->mu); }
