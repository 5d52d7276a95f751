/* expect-none */
#include "net.h"

long clients_freed;

void free_client(struct client *c) {
  c->fd = -1;
  clients_freed++;
}

void free_client_async(struct client *c) { c->reply_bytes = 0; }
