/* expect-none */
struct client {
  int fd;
  long reply_bytes;
};
void free_client(struct client *c);
void free_client_async(struct client *c);
int close_on_limit(struct client *c, int async);
