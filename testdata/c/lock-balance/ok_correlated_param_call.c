/* Near-misses: lock and unlock under the same test of a parameter never
 * reassigned, or of the same call of another file's predicate on the
 * same, unchanged arguments. */
/* expect-none */
#include <pthread.h>

struct server {
  pthread_mutex_t reload_mu;
  const char *role;
  int ready;
};
static pthread_mutex_t report_mu = PTHREAD_MUTEX_INITIALIZER;
int role_is_primary(const char *role);
int report_begin(void);
void report_body(int n);

static void report_lock(void) { pthread_mutex_lock(&report_mu); }
static void report_unlock(void) { pthread_mutex_unlock(&report_mu); }

/* `if (!srv) goto out` first; the label unlocks under `if (srv)` */
void report_server(struct server *srv, int n) {
  if (!srv)
    goto out;
  report_lock();
  if (report_begin() < 0)
    goto out;
  report_body(n);
out:
  if (srv)
    report_unlock();
}

/* the predicate tested twice with the same argument */
void report_role(struct server *srv, int n) {
  if (role_is_primary(srv->role))
    pthread_mutex_lock(&srv->reload_mu);
  if (report_begin() < 0)
    goto out;
  report_body(n);
out:
  if (role_is_primary(srv->role))
    pthread_mutex_unlock(&srv->reload_mu);
}
