/* A lazily created table reached only through the project's own thread
 * starter (pool_start() gives its routine parameter to pthread_create)
 * and a callback field the pool's worker calls (handler.fn). */
#include <pthread.h>
#include <stdlib.h>

struct handler {
  void (*fn)(int id);
};

static int *table;

static void lookup(int id) {
  if (!table) // expect: [lazy-init-race] "lazy initialisation of 'table' is not synchronised"
    table = calloc(64, sizeof *table);
  table[id & 63]++;
}

static struct handler on_request = {.fn = lookup};

static void *serve(void *arg) {
  struct handler *h = arg;
  h->fn(1);
  return NULL;
}

static int pool_start(void *(*routine)(void *), void *arg, int n) {
  pthread_t t;
  for (int i = 0; i < n; i++)
    if (pthread_create(&t, NULL, routine, arg)) return -1;
  return 0;
}

int main(void) { return pool_start(serve, &on_request, 4); } // expect-note: "thread 'serve' started here"
