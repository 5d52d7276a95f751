/* A background-job queue whose jobs keep a pointer to a function typedef
 * (`free_fn *`): post_job() stores its parameter into the job, and the
 * background threads call it through the field. */
#include <pthread.h>
#include <stdlib.h>

typedef void free_fn(void *);

struct job {
  free_fn *release;
  void *arg;
};

static struct job *pending;
static long released;

static void post_job(free_fn *release, void *arg) {
  struct job *j = malloc(sizeof *j);
  if (!j) return;
  j->release = release;
  j->arg = arg;
  pending = j;
}

static void release_buffer(void *arg) {
  free(arg);
  released++; // expect: [shared-mutable-state] "several 'background' threads"
}

static void *background(void *unused) {
  (void)unused;
  struct job *j = __atomic_exchange_n(&pending, NULL, __ATOMIC_ACQ_REL);
  if (j) j->release(j->arg);
  free(j);
  return NULL;
}

int main(void) {
  pthread_t t[2];
  post_job(release_buffer, malloc(8));
  for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, background, NULL);
  for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
  return 0;
}
