/* A starter that converts its routine through a union (one member is
 * stored, the other given to pthread_create), as some portability layers
 * do; the routine its callers give runs as a thread, once per call. */
#include <pthread.h>
#include <stddef.h>

static long beats;

static int os_thread_run(void (*entry)(void *), void *arg) {
  union {
    void (*in)(void *);
    void *(*out)(void *);
  } f;
  pthread_t t;
  f.in = entry;
  return pthread_create(&t, NULL, f.out, arg);
}

static void heartbeat(void *arg) {
  (void)arg;
  beats++; // expect: [shared-mutable-state] "several 'heartbeat' threads"
}

int main(void) {
  for (int i = 0; i < 2; i++) os_thread_run(heartbeat, NULL);
  return 0;
}
