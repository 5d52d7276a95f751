/* Near-misses of a callback field: audit() has the type of job_ops.run
 * and its address is taken (kept in a local, stored into another struct's
 * field of the same name), but the program never stores it into
 * job_ops.run, the field the worker threads call through; what it does
 * store there, count(), takes the lock. Resolving the call by the
 * function's type instead of by the stores would report audited. */
#include <pthread.h>
#include <stddef.h>

struct job_ops {
  void (*run)(int n);
};
struct log_ops {
  void (*run)(int n);
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long total;
static long audited;

static void count(int n) {
  pthread_mutex_lock(&mu);
  total += n; // expect-none
  pthread_mutex_unlock(&mu);
}

static void audit(int n) {
  audited += n; // expect-none
}

static struct log_ops logger = {.run = audit};

static void *worker(void *arg) {
  struct job_ops *p = arg;
  p->run(1);
  return NULL;
}

int main(void) {
  struct job_ops ops = {0};
  void (*later)(int) = audit;
  pthread_t a, b;
  ops.run = count;
  pthread_create(&a, NULL, worker, &ops);
  pthread_create(&b, NULL, worker, &ops);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  later(2);
  logger.run(3);
  return (int)audited;
}
