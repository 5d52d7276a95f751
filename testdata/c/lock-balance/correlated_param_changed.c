/* The same test twice, but what it reads changed in between: the second
 * test no longer says whether the first one locked. */
#include <pthread.h>

struct server {
  pthread_mutex_t reload_mu;
  const char *role;
  int ready;
};
static pthread_mutex_t report_mu = PTHREAD_MUTEX_INITIALIZER;
int role_is_primary(const char *role);

/* the parameter is reassigned before the second test */
void report_server(struct server *srv) { // expect: [lock-balance] "can reach its end"
  if (!srv)
    goto out;
  pthread_mutex_lock(&report_mu);
  if (srv->ready)
    srv = 0;
out:
  if (srv)
    pthread_mutex_unlock(&report_mu);
}

/* the predicate's argument is changed before the second test */
int promote(struct server *srv, const char *role) {
  if (role_is_primary(srv->role))
    pthread_mutex_lock(&srv->reload_mu);
  srv->role = role;
  if (role_is_primary(srv->role))
    pthread_mutex_unlock(&srv->reload_mu);
  return 0; // expect: [lock-balance] "leaves"
}
