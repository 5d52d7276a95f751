/* expect-none */
struct client {
  int fd;
  long reply_bytes;
};
extern long clients_freed, bytes_freed;
void close_client(struct client *c, int async);
