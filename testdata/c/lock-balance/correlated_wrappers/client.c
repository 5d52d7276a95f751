/* Branch correlation through another file's lock functions (rwlayer.c),
 * called through macros: the tests that pick the lock and the unlock are
 * remembered there too (issue 16). */
#include <pthread.h>
#include <stdbool.h>

typedef pthread_rwlock_t rw_lock_t;
void rwl_rdlock(rw_lock_t *l);
void rwl_wrlock(rw_lock_t *l);
void rwl_rdunlock(rw_lock_t *l);
void rwl_wrunlock(rw_lock_t *l);

struct client {
  rw_lock_t lock;
  int errs, err, nbrokers;
};
#define client_wrlock(c) rwl_wrlock(&(c)->lock)
#define client_wrunlock(c) rwl_wrunlock(&(c)->lock)
#define client_rdlock(c) rwl_rdlock(&(c)->lock)
#define client_rdunlock(c) rwl_rdunlock(&(c)->lock)

void client_log(struct client *c, const char *what);
int broker_pick(int n);
void wait_for_room(int n);

int client_fail(struct client *c, bool do_lock, int err) {
  if (do_lock) client_wrlock(c);
  c->errs++;
  if (c->err) {
    if (do_lock) client_wrunlock(c);
    return 0;
  }
  c->err = err;
  if (do_lock) client_wrunlock(c);
  client_log(c, "failed");
  return 1;
}

int client_any_broker(struct client *c, bool do_lock, int tries) {
  while (tries-- > 0) {
    if (do_lock) client_rdlock(c);
    int b = broker_pick(c->nbrokers);
    if (do_lock) client_rdunlock(c);
    if (b >= 0) return b;
  }
  return -1;
}

/* entered holding `held` for reading (or with none): let go of it while
 * waiting, take it back after */
void client_wait_room(rw_lock_t *held, int n) {
  if (held) rwl_rdunlock(held);
  wait_for_room(n);
  if (held) rwl_rdlock(held);
}

/* different tests: the path with `a` and not `b` keeps the lock */
int client_mixed(struct client *c, bool a, bool b) {
  if (a) client_wrlock(c); // expect-note: "locked here"
  c->errs++;
  if (b) client_wrunlock(c);
  return 0; // expect: [lock-balance] "this return leaves"
}
