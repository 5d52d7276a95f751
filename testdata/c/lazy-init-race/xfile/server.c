#include <pthread.h>

struct registry;
struct registry *registry(void);

static void *handle(void *arg) {
  (void)arg;
  registry();
  return NULL;
}

void serve(int nconn) {
  pthread_t t;
  for (int i = 0; i < nconn; i++) pthread_create(&t, NULL, handle, NULL); // expect-note: "started here"
}
