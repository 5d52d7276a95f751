/* GLib's mutex functions are lock operations like pthread's: an unlock on
 * a path that already unlocked is reported. */
/* GLib's declarations, as glib.h spells them (the test does not depend
 * on glib.h being installed) */
typedef int gboolean;
typedef struct { void *p; unsigned i[2]; } GMutex;
typedef struct { void *p; unsigned i[2]; } GRecMutex;
void g_mutex_lock(GMutex *mutex);
gboolean g_mutex_trylock(GMutex *mutex);
void g_mutex_unlock(GMutex *mutex);
void g_rec_mutex_lock(GRecMutex *rec_mutex);
void g_rec_mutex_unlock(GRecMutex *rec_mutex);

static GMutex jobs_lock;
static int jobs;

void jobs_done(int n) {
  g_mutex_lock(&jobs_lock);
  jobs -= n;
  if (jobs < 0) {
    jobs = 0;
    g_mutex_unlock(&jobs_lock);
  }
  g_mutex_unlock(&jobs_lock); // expect: [lock-balance] "already unlocked"
}
