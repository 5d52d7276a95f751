// expect-none
/* Branch correlation (issue 16): the lock and the unlock sit under tests
 * of the same condition, over values not changed in between, so a path
 * takes both or neither. */
#include <pthread.h>
#include <stdbool.h>

struct req {
  int dynamic, app, status;
};
struct server {
  pthread_mutex_t loader;
  pthread_rwlock_t rw;
  int threads, fatal;
};
static struct server srv;

int find_app(const struct req *r);
int load_app(struct req *r);
void serve(struct req *r);
void note_error(int e);

/* a flag parameter, with an early return on one path */
int set_fatal(struct server *s, int do_lock, int err) {
  if (do_lock) pthread_mutex_lock(&s->loader);
  if (s->fatal) {
    if (do_lock) pthread_mutex_unlock(&s->loader);
    return 0;
  }
  s->fatal = err;
  if (do_lock) pthread_mutex_unlock(&s->loader);
  note_error(err);
  return 1;
}

/* a compound condition on a parameter's field and a global, with writes
 * to other fields of the same object in between */
int route(struct req *r) {
  if (r->dynamic && srv.threads > 1) pthread_mutex_lock(&srv.loader);
  r->app = find_app(r);
  if (r->app == -1 && r->dynamic) r->app = load_app(r);
  if (r->dynamic && srv.threads > 1) pthread_mutex_unlock(&srv.loader);
  if (r->app == -1) return -1;
  serve(r);
  return 0;
}

/* the same tests nested */
int route_nested(struct req *r) {
  if (r->dynamic) {
    if (srv.threads > 1) pthread_mutex_lock(&srv.loader);
  }
  r->status = find_app(r);
  if (r->dynamic) {
    if (srv.threads > 1) pthread_mutex_unlock(&srv.loader);
  }
  return r->status;
}

/* the negated test picks the lock in an else branch */
void touch(struct req *r, bool private_copy) {
  if (!private_copy) {
    pthread_mutex_lock(&srv.loader);
  }
  r->status++;
  if (private_copy) return;
  pthread_mutex_unlock(&srv.loader);
}

/* a read or a write lock, chosen and released by one test */
int lookup(struct server *s, bool update, int k) {
  if (update) pthread_rwlock_wrlock(&s->rw);
  else pthread_rwlock_rdlock(&s->rw);
  int v = k + s->threads;
  if (update) s->fatal = v;
  if (update) pthread_rwlock_unlock(&s->rw);
  else pthread_rwlock_unlock(&s->rw);
  return v;
}

/* a loop that takes and drops the lock on each pass under the flag */
int pick(struct server *s, bool do_lock, int tries) {
  while (tries-- > 0) {
    if (do_lock) pthread_mutex_lock(&s->loader);
    int v = s->threads;
    if (do_lock) pthread_mutex_unlock(&s->loader);
    if (v > 0) return v;
  }
  return -1;
}

/* the flag's own test again after an unrelated local changed */
int count(struct server *s, int do_lock, int n) {
  int total = 0;
  if (do_lock) pthread_mutex_lock(&s->loader);
  for (int i = 0; i < n; i++) total += i;
  s->threads = total;
  if (do_lock) pthread_mutex_unlock(&s->loader);
  return total;
}
