/* Near-miss: an enum parameter compared with `==` and `!=`; the thread
 * always passes MODE_BACKGROUND, the global is written only under
 * MODE_FOREGROUND. The value passes on through a parameter of an
 * intermediate function that never changes it. */
/* expect-none */
#include <pthread.h>

enum mode { MODE_FOREGROUND, MODE_BACKGROUND };

long foreground_runs, stats;

static void run_foreground(void) { foreground_runs++; }
static void update_stats(void) { stats++; }

static void step(enum mode m) {
  if (m == MODE_FOREGROUND) run_foreground();
  if (m != MODE_BACKGROUND) update_stats();
}

static void process(int n, enum mode m) {
  while (n-- > 0) step(m);
}

static void *worker(void *arg) {
  (void)arg;
  for (;;) process(8, MODE_BACKGROUND);
  return NULL;
}

int main(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, NULL);
  process(1, MODE_FOREGROUND);
  return 0;
}
