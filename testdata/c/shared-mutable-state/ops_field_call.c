/* Work dispatched through a callback stored in a struct field: the worker
 * threads call p->run(), and the program stores count() there (by an
 * assignment) and flush() (by a designated initializer), so both run in
 * every worker thread. */
#include <pthread.h>
#include <stddef.h>

struct job_ops {
  void (*run)(int n);
  const char *name;
};

static long total;
static long flushed;

static void count(int n) {
  total += n; // expect: [shared-mutable-state] "several 'worker' threads"
}

static void flush(int n) {
  flushed = n; // expect: [shared-mutable-state] "several 'worker' threads"
}

static struct job_ops flusher = {.run = flush, .name = "flush"};

static void *worker(void *arg) {
  struct job_ops *p = arg;
  p->run(1);
  return NULL;
}

int main(void) {
  static struct job_ops counter;
  pthread_t a, b, c;
  counter.run = count;
  pthread_create(&a, NULL, worker, &counter);
  pthread_create(&b, NULL, worker, &counter);
  pthread_create(&c, NULL, worker, &flusher);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_join(c, NULL);
  return 0;
}
