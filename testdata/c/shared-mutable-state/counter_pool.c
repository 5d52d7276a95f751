/* Workers started in a loop bump a global counter without a lock. */
#include <pthread.h>
#include <stdio.h>

static long processed;

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++)
    processed++; // expect: [shared-mutable-state] "'processed' is updated here without a lock, and several 'worker' threads run this at once (started in a loop at line 16)"
  return NULL;
}

int main(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, NULL);
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  printf("%ld\n", processed);
  return 0;
}
