/* Near-miss from memcached's pause_threads (thread.c): one function both
 * pauses (locks and returns holding the lock) and resumes (unlocks the lock
 * a previous pause call took), chosen by its argument. No path unlocks a
 * lock it took itself, so the pause paths are not leaks. */
/* expect-none */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t hang_lock = PTHREAD_MUTEX_INITIALIZER;

enum pause_type { PAUSE_ALL, PAUSE_WORKERS, RESUME_ALL, RESUME_WORKERS };

void pause_maintainer(void);
void resume_maintainer(void);
void notify_workers(char c);

void pause_threads(enum pause_type type) {
  int pause_workers = 0;
  switch (type) {
  case PAUSE_ALL:
    pause_maintainer();
    /* fall through */
  case PAUSE_WORKERS:
    pause_workers = 1;
    pthread_mutex_lock(&hang_lock);
    break;
  case RESUME_ALL:
    resume_maintainer();
    /* fall through */
  case RESUME_WORKERS:
    pthread_mutex_unlock(&hang_lock);
    break;
  default:
    fprintf(stderr, "unknown pause type %d\n", type);
    break;
  }
  if (!pause_workers) return;
  notify_workers('p');
}
