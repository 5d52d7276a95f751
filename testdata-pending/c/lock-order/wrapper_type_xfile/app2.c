/* Cross-file side of ok_wrapper_type_distinct.c: unrelated nestings of
 * distinct global locks of the wrapper types; no lock taken in both
 * orders, no finding. */
// expect-none
#include "thread.h"
static mutex_t relay_lock, stats_lock;
static rwlock_t source_a, source_b;
static int relays, hits;
static void *relay_thread(void *arg) {
  thread_mutex_lock_c(&relay_lock, 1);
  thread_rwlock_rlock_c(&source_a, 1);
  relays++;
  thread_rwlock_unlock_c(&source_a, 1);
  thread_mutex_unlock_c(&relay_lock, 1);
  return arg;
}
static void *source_thread(void *arg) {
  thread_rwlock_wlock_c(&source_b, 1);
  thread_mutex_lock_c(&stats_lock, 1);
  hits++;
  thread_mutex_unlock_c(&stats_lock, 1);
  thread_rwlock_unlock_c(&source_b, 1);
  return arg;
}
void start2(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, relay_thread, NULL);
  pthread_create(&b, NULL, source_thread, NULL);
}
