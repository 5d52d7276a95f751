/* Near miss: a .c file whose only error is a syntax error, with every
 * header found: reported even though it also includes headers. */
#include <pthread.h>
#include <string.h>

struct slot {
  char name[16];
  int used;
};

void slot_clear(struct slot *s) {
  memset(s, 0, sizeof *s);
  s->used = = 0; // expect: [parse-error] "expected expression"
}
