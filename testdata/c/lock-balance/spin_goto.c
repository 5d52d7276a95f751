/* A spinlock and a goto that jumps past the unlock label. */
#include <pthread.h>

static pthread_spinlock_t sl;
static int ring[8], head;

int push(int v) {
  pthread_spin_lock(&sl);
  if (head == 8)
    goto fail;
  ring[head++] = v;
  pthread_spin_unlock(&sl);
  return 0;
fail:
  return -1; // expect: [lock-balance] "'sl'"
}
