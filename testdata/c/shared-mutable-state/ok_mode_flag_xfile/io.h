/* expect-none */
#ifndef IO_H
#define IO_H
enum io_op { IO_IDLE, IO_READ, IO_WRITE };
extern enum io_op io_op;
struct client {
  int argc;
  int flags;
};
void read_client(struct client *c);
void run_command(struct client *c);
#endif
