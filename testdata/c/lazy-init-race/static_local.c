/* A static local buffer created on first use by two different threads. */
#include <pthread.h>
#include <stdlib.h>

static char *scratch(void) {
  static char *buf;
  if (buf == NULL) // expect: [lazy-init-race] "'buf'"
    buf = malloc(4096);
  return buf;
}

static void *reader(void *arg) { return arg ? scratch() : NULL; }
static void *writer(void *arg) { return arg ? scratch() : NULL; }

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, reader, NULL);
  pthread_create(&b, NULL, writer, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
