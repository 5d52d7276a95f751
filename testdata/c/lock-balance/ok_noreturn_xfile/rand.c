/* Near-miss: the path that unlocks early ends in die(), a function of
 * another file that never returns (it ends in platform_abort(), a third
 * file's, which calls abort()): no path reaches the second unlock having
 * unlocked already. */
/* expect-none */
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
  pthread_mutex_unlock(&rand_lock);
  if (read(fd, &v, sizeof v) != (ssize_t)sizeof v) die("short read");
  return v;
}
