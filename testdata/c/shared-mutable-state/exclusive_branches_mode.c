/* Near-misses of ok_exclusive_branches.c: the access is not in the other
 * branch of the spawn's test (after the if, or under a test of another
 * value), or the spawner changes the global it tests, or a loop starts
 * threads and tests a global that may change in between. Each race is
 * reported at the thread's write, naming the spawner's access. */
#include <pthread.h>

enum mode { MODE_INLINE, MODE_THREAD, MODE_BOTH };
enum mode mode;
static long done_after, done_both, done_changed, done_loop;

static void *job_after(void *arg) {
  done_after++; // expect: [shared-mutable-state] "while 'run_after' accesses it at line 32"
  return arg;
}
static void *job_both(void *arg) {
  done_both++; // expect: [shared-mutable-state] "while 'run_both' accesses it at line 38"
  return arg;
}
static void *job_changed(void *arg) {
  done_changed++; // expect: [shared-mutable-state] "while 'run_changed' accesses it at line 47"
  return arg;
}
static void *job_loop(void *arg) {
  done_loop++; // expect: [shared-mutable-state] "done_loop"
  return arg;
}

void run_after(int threaded) {
  pthread_t t;
  if (threaded) pthread_create(&t, NULL, job_after, NULL);
  done_after++;
}

void run_both(void) {
  pthread_t t;
  if (mode == MODE_THREAD) pthread_create(&t, NULL, job_both, NULL);
  if (mode != MODE_INLINE) done_both++;
}

void run_changed(void) {
  pthread_t t;
  if (mode == MODE_THREAD) {
    pthread_create(&t, NULL, job_changed, NULL);
    mode = MODE_INLINE;
  } else {
    done_changed++;
  }
}

void run_loop(int n) {
  pthread_t t;
  for (int i = 0; i < n; i++) {
    if (mode == MODE_BOTH) pthread_create(&t, NULL, job_loop, NULL);
    else done_loop++;
  }
}
