// expect-none
/* The spawn and the inline work are in exclusive branches of a test of a
 * mode global (compared with a constant) that the spawner does not
 * change. */
#include <pthread.h>

enum mode { MODE_INLINE, MODE_THREAD };
enum mode mode;
static long flushed;

static void *flusher(void *arg) {
  (void)arg;
  flushed++;
  return NULL;
}


void flush_mode(void) {
  pthread_t t;
  if (mode == MODE_THREAD) {
    pthread_create(&t, NULL, flusher, NULL);
    pthread_detach(t);
  } else {
    flushed++;
  }
}

