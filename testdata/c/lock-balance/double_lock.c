/* Locking a mutex this path already holds. */
#include <pthread.h>

struct account {
  pthread_mutex_t mu;
  long cents;
};

void deposit(struct account *a, long c) {
  pthread_mutex_lock(&a->mu); // expect-note: "locked here"
  a->cents += c;
  if (a->cents < 0)
    pthread_mutex_lock(&a->mu); // expect: [lock-balance] "locked again"
  pthread_mutex_unlock(&a->mu);
}

static pthread_mutex_t g = PTHREAD_MUTEX_INITIALIZER;
static int hits;

static void bump(void) {
  pthread_mutex_lock(&g); // expect-note: "locks it again here"
  hits++;
  pthread_mutex_unlock(&g);
}

static void bump_locked(void) { hits++; }

void count(void) {
  pthread_mutex_lock(&g);
  bump_locked();
  pthread_mutex_unlock(&g);
  pthread_mutex_lock(&g); // expect-note: "'g' locked here"
  bump(); // expect: [lock-balance] "calls 'bump', which locks 'g' again"
  pthread_mutex_unlock(&g);
}
