/* Near-miss: `if (!r->keep) unlock; ...; if (r->keep) unlock;` after four
 * null checks of variables that are used again but never tested again -
 * only conditions tested twice are worth remembering, so these four do not
 * crowd out the one that pairs the two unlocks. */
/* expect-none */
#include <pthread.h>
#include <stddef.h>

struct req {
  int keep;
};

static pthread_mutex_t req_mu = PTHREAD_MUTEX_INITIALIZER;

void *req_part(struct req *r, int k);
void req_use(void *a, void *b, void *c, void *d);

int req_process(struct req *r) {
  pthread_mutex_lock(&req_mu);
  void *a = req_part(r, 0);
  if (a == NULL) {
    pthread_mutex_unlock(&req_mu);
    return -1;
  }
  void *b = req_part(r, 1);
  if (b == NULL) {
    pthread_mutex_unlock(&req_mu);
    return -1;
  }
  void *c = req_part(r, 2);
  if (!c) {
    pthread_mutex_unlock(&req_mu);
    return -1;
  }
  void *d = req_part(r, 3);
  if (!d) {
    pthread_mutex_unlock(&req_mu);
    return -1;
  }
  if (!r->keep) pthread_mutex_unlock(&req_mu);
  req_use(a, b, c, d);
  if (r->keep) pthread_mutex_unlock(&req_mu);
  return 0;
}
