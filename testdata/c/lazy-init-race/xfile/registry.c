/* The registry's lazy getter; the threads are in server.c. */
#include <stdlib.h>

struct registry {
  int n;
};
static struct registry *reg;

struct registry *registry(void) {
  if (!reg) { // expect: [lazy-init-race] "threads running 'registry'"
    reg = malloc(sizeof *reg);
    reg->n = 0;
  }
  return reg;
}
