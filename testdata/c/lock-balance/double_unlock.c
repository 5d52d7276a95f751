/* The error branch unlocks and falls through to the common unlock. */
#include <pthread.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int balance;

int withdraw(int amount) {
  int rc = 0;
  pthread_mutex_lock(&mu);
  if (balance < amount) {
    pthread_mutex_unlock(&mu);
    rc = -1;
    goto out;
  }
  balance -= amount;
out:
  pthread_mutex_unlock(&mu); // expect: [lock-balance] "already unlocked it"
  return rc;
}

void twice(void) {
  pthread_mutex_lock(&mu);
  balance++;
  pthread_mutex_unlock(&mu);
  pthread_mutex_unlock(&mu); // expect: [lock-balance] "'mu' is unlocked here"
}
