/* expect-none */
#include "io.h"

void read_client(struct client *c) {
  for (int i = 0; i < 8; i++) {
    if (c->argc == 0) continue;
    if (io_op != IO_IDLE) {
      c->flags |= 1;
      break;
    }
    run_command(c);
  }
}
