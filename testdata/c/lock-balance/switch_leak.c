/* One case of a switch returns with the lock held. */
#include <pthread.h>

struct conn {
  pthread_mutex_t lock;
  int state;
};

int conn_step(struct conn *c, int ev) {
  pthread_mutex_lock(&c->lock);
  switch (ev) {
  case 0:
    c->state = 1;
    break;
  case 1:
    if (c->state != 1)
      return -1; // expect: [lock-balance]
    c->state = 2;
    break;
  default:
    pthread_mutex_unlock(&c->lock);
    return -2;
  }
  pthread_mutex_unlock(&c->lock);
  return 0;
}
