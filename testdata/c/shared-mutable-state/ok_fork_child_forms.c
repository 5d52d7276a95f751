// expect-none
/* Other spellings of a fork() child that ends in exec or _exit: a switch
 * on the result, the else of a parent test, and a helper the child calls
 * (its calls run in the child's process too). */
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int nfds;
static const char *prog;

static void *worker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mu);
  nfds++;
  prog = "worker";
  pthread_mutex_unlock(&mu);
  return NULL;
}

static void close_fds(void) {
  nfds = 0;
}

static void run_switch(char *const argv[]) {
  switch (fork()) {
  case -1:
    return;
  case 0:
    close_fds();
    prog = argv[0];
    execvp(argv[0], argv);
    _exit(127);
  default:
    return;
  }
}

static void run_else(char *const argv[]) {
  pid_t child = fork();
  if (child) {
    return;
  } else {
    prog = argv[0];
    execv(argv[0], argv);
    _exit(126);
  }
}

static void *launcher(void *arg) {
  run_switch(arg);
  run_else(arg);
  return NULL;
}

int start(char *const argv[]) {
  pthread_t t1, t2;
  pthread_create(&t1, NULL, worker, NULL);
  pthread_create(&t2, NULL, launcher, (void *)argv);
  return 0;
}
