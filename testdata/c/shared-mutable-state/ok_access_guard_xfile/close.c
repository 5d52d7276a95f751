/* expect-none */
#include "net.h"

void close_client(struct client *c, int async) {
  c->fd = -1;
  if (async) return;
  clients_freed++;
  bytes_freed += c->reply_bytes;
}
