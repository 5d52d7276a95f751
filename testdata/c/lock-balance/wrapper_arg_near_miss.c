/* Near-misses of the wrapper-argument matching that stay findings: the
 * wrapper releases another element than the one locked, is called twice
 * after one lock, or releases a global lock its argument has nothing to do
 * with. */
#include <pthread.h>

#define NSLOT 8

static pthread_mutex_t slot_locks[NSLOT];
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static int slot_len[NSLOT], table_size;

static void slot_done(int i) {
  slot_len[i] = 0;
  pthread_mutex_unlock(&slot_locks[i]);
}

/* unlocks table_lock whatever slot it is given */
static void table_done(int i) {
  slot_len[i]++;
  pthread_mutex_unlock(&table_lock);
}

/* slot_done(j) releases slot_locks[j]; slot_locks[i] is still locked on
 * the early return, and released by the other one */
int slot_move(int i, int j) {
  pthread_mutex_lock(&slot_locks[i]);
  if (slot_len[i] == 0) {
    slot_done(j);
    return -1; // expect: [lock-balance] "this return leaves 'slot_locks[i]' locked"
  }
  slot_done(i);
  return 0;
}

/* in a loop: each pass releases slot_locks[j], which it never took */
void slot_scan(int j) {
  for (int i = 0; i < NSLOT; i++) {
    pthread_mutex_lock(&slot_locks[i]);
    if (slot_len[i] == 0) {
      pthread_mutex_unlock(&slot_locks[i]);
      slot_done(j); // expect: [lock-balance] "'slot_locks[j]' is unlocked here"
      continue;
    }
    pthread_mutex_unlock(&slot_locks[i]);
  }
}

void slot_reset(int i) {
  pthread_mutex_lock(&slot_locks[i]);
  slot_len[i] = 0;
  slot_done(i);
  slot_done(i); // expect: [lock-balance] "'slot_locks[i]' is unlocked here"
}

void table_grow(int i) {
  pthread_mutex_lock(&table_lock);
  table_size++;
  table_done(i);
  table_done(i + 1); // expect: [lock-balance] "'table_lock' is unlocked here"
}
