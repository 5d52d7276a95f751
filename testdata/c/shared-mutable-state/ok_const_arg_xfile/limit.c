/* expect-none */
#include "net.h"

int close_on_limit(struct client *c, int async) {
  if (c->reply_bytes < 1024) return 0;
  if (async)
    free_client_async(c);
  else
    free_client(c);
  return 1;
}
