/* GLib without glib.h (no build flags): the dropped g_mutex_lock() calls
 * are still known by name and argument text, so a write after the unlock,
 * or under another mutex than the one every other writer takes, is still
 * reported. */
#include <pthread.h>
#include "rl_testdata_absent/glib.h"

static GMutex queue_lock;
static int queue_len;
static int queue_peak;

static void *producer(void *arg) {
  (void)arg;
  g_mutex_lock(&queue_lock);
  queue_len++;
  g_mutex_unlock(&queue_lock);
  if (queue_len > queue_peak) queue_peak = queue_len; // expect: [shared-mutable-state] "queue_peak"
  return NULL;
}

void produce(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, producer, NULL);
}
