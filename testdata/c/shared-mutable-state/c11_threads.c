/* C11 threads: two different routines write the same global. */
#include <threads.h>

static int mode;

static int producer(void *arg) {
  (void)arg;
  mode = 1; // expect: [shared-mutable-state] "while thread 'consumer' also accesses it"
  return 0;
}

static int consumer(void *arg) {
  (void)arg;
  mode = 2; // expect: [shared-mutable-state] "while thread 'producer' also accesses it"
  return 0;
}

int main(void) {
  thrd_t a, b;
  thrd_create(&a, producer, NULL);
  thrd_create(&b, consumer, NULL);
  thrd_join(a, NULL);
  thrd_join(b, NULL);
  return mode;
}
