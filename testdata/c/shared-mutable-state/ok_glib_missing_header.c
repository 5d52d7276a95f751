/* Near-miss: GLib mutexes in a file whose glib.h this run cannot find (no
 * build flags). `static GMutex pool_lock;` is then an invalid declaration
 * and clang drops every statement that names it, g_mutex_lock(&pool_lock)
 * included; a mutex inside a struct leaves the call with a broken
 * argument. Both are still known by their names and their argument's text:
 * the writes between lock and unlock are protected. */
/* expect-none */
#include <pthread.h>
#include "rl_testdata_absent/glib.h"

typedef struct {
  char *data;
  size_t len;
} buffer;

static GMutex pool_lock;
static buffer *pool_head;
static unsigned pool_size;

typedef struct {
  GMutex mu;
  unsigned long served;
} server_stats;
static server_stats stats;

static buffer *pool_take(void) {
  buffer *b;
  g_mutex_lock(&pool_lock);
  b = pool_head;
  if (b) pool_head = NULL;
  else pool_size++;
  g_mutex_unlock(&pool_lock);
  return b;
}

static void *server(void *arg) {
  (void)arg;
  buffer *b = pool_take();
  g_mutex_lock(&stats.mu);
  stats.served++;
  g_mutex_unlock(&stats.mu);
  return b;
}

void serve(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, server, NULL);
}
