/* The thread routine (here) calls a helper of stats.c that updates a
 * global without a lock; the reporter thread reads it. */
#include <pthread.h>

void stats_record(int bytes);
long stats_bytes(void);

static void *conn_thread(void *arg) {
  stats_record(*(int *)arg);
  return NULL;
}

static void *reporter(void *arg) {
  (void)arg;
  return (void *)stats_bytes();
}

int main(void) {
  pthread_t a, b;
  int n = 512;
  pthread_create(&a, NULL, conn_thread, &n);
  pthread_create(&b, NULL, reporter, NULL); // expect-note: "thread 'reporter' started here"
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
