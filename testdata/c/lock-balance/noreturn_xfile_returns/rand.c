/* The path that unlocks early calls die(), a function of another file
 * that returns on one of its paths: that path reaches the second unlock
 * having unlocked already. */
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

void die(const char *why);

static int rand_fd = -1;
static pthread_mutex_t rand_lock = PTHREAD_MUTEX_INITIALIZER;

unsigned rand_word(void) {
  int fd;
  unsigned v = 0;
  pthread_mutex_lock(&rand_lock);
  if ((fd = rand_fd) == -1) {
    if ((fd = open("/dev/urandom", O_RDONLY)) < 0) {
      pthread_mutex_unlock(&rand_lock);
      die("cannot open /dev/urandom");
    }
    rand_fd = fd;
  }
  pthread_mutex_unlock(&rand_lock); // expect: [lock-balance] "already unlocked"
  if (read(fd, &v, sizeof v) != (ssize_t)sizeof v) die("short read");
  return v;
}
