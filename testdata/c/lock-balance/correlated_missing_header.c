/* A header of the build that this run cannot find (no -I): clang keeps
 * `r->dynamic` and `r->app` only as expressions it could not check, around
 * the `r` it understood. A write to `r->app` is not a write to `r`, and
 * `r->dynamic` is not `r->status`: the tests are told apart by their text
 * (issue 16). */
#include <pthread.h>
#include "rl_testdata_absent/server.h"

static pthread_mutex_t loader = PTHREAD_MUTEX_INITIALIZER;

/* the same test twice, a field of the same object written in between */
int route(struct req *r) {
  if (r->dynamic) pthread_mutex_lock(&loader);
  r->app = find_app(r->name);
  if (r->dynamic) pthread_mutex_unlock(&loader);
  return 0;
}

/* two different fields tested: the path with `dynamic` and not `status`
 * keeps the lock */
int route_mixed(struct req *r) {
  if (r->dynamic) pthread_mutex_lock(&loader); // expect-note: "locked here"
  r->app = find_app(r->name);
  if (r->status) pthread_mutex_unlock(&loader);
  return 0; // expect: [lock-balance] "this return leaves 'loader' locked"
}

/* the field tested is written between the tests */
int route_cleared(struct req *r) {
  if (r->dynamic) pthread_mutex_lock(&loader); // expect-note: "locked here"
  r->dynamic = find_app(r->name);
  if (r->dynamic) pthread_mutex_unlock(&loader);
  return 0; // expect: [lock-balance] "this return leaves 'loader' locked"
}

/* a lock in a global whose type the missing header defines: still a lock,
 * known by its text, and two of its fields are two locks */
extern struct server srv;

int route_global(struct req *r) {
  pthread_mutex_lock(&srv.loader); // expect-note: "locked here"
  if (r->status)
    return -1; // expect: [lock-balance] "this return leaves 'srv.loader' locked"
  pthread_mutex_unlock(&srv.loader);
  return 0;
}

void route_two(void) {
  pthread_mutex_lock(&srv.loader);
  pthread_mutex_lock(&srv.stats_lock);
  pthread_mutex_unlock(&srv.stats_lock);
  pthread_mutex_unlock(&srv.loader);
}
