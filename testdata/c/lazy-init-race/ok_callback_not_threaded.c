/* Near-miss: the lazily created table is reached through a callback
 * field, but only the main thread calls through it; the thread the
 * program starts calls another struct's field, which holds a function
 * that does not touch the table. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

struct handler {
  void (*fn)(int id);
};
struct ticker {
  void (*fn)(int id);
};

static int *table;
static long ticks;

static void lookup(int id) {
  if (!table) table = calloc(64, sizeof *table);
  table[id & 63]++;
}

static void tick(int id) { __atomic_add_fetch(&ticks, id, __ATOMIC_RELAXED); }

static struct handler on_request = {.fn = lookup};
static struct ticker on_tick = {.fn = tick};

static void *clock_thread(void *arg) {
  struct ticker *t = arg;
  t->fn(1);
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, clock_thread, &on_tick);
  on_request.fn(2);
  pthread_join(t, NULL);
  return 0;
}
