/* Near-miss: GLib's trylocks return TRUE when they got the lock (pthread's
 * return 0): the branch that holds it unlocks, the other does not. A
 * recursive GLib mutex may be locked again by the thread that holds it. */
/* expect-none */
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

static GMutex cache_lock;
static GRecMutex tree_lock;
static int cache_hits;

int cache_try_hit(void) {
  if (!g_mutex_trylock(&cache_lock)) return 0;
  cache_hits++;
  g_mutex_unlock(&cache_lock);
  return 1;
}

void tree_walk(int depth) {
  g_rec_mutex_lock(&tree_lock);
  if (depth > 0) {
    g_rec_mutex_lock(&tree_lock);
    g_rec_mutex_unlock(&tree_lock);
  }
  g_rec_mutex_unlock(&tree_lock);
}
