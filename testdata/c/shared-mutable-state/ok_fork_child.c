// expect-none
/* Cause 7: a fork() child is single-threaded until exec: its writes do
 * not race with the parent's threads. */
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int jobs;
static const char *child_name;

static void *worker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mu);
  jobs++;
  pthread_mutex_unlock(&mu);
  return NULL;
}

static void spawn_helper(char *const argv[]) {
  pid_t pid = fork();
  if (pid == 0) {
    jobs = 0; /* the child's own copy */
    child_name = argv[0];
    execv(argv[0], argv);
    _exit(127);
  }
}

static void *supervisor(void *arg) {
  spawn_helper(arg);
  return NULL;
}

int start(char *const argv[]) {
  pthread_t t1, t2;
  pthread_create(&t1, NULL, worker, NULL);
  pthread_create(&t2, NULL, supervisor, (void *)argv);
  return 0;
}
