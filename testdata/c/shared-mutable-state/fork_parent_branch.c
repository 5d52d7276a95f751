/* Near-miss of ok_fork_child.c: only the child's branch of a fork() is
 * a process of its own. The parent's branch, the code after the child's
 * exec, and a child that goes on without exec or _exit still run in
 * the supervisor thread, beside the workers. */
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int jobs;
static int spawned;
static int children;
static int daemons;

static void *worker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mu);
  jobs++;
  spawned--;
  children--;
  daemons--;
  pthread_mutex_unlock(&mu);
  return NULL;
}

static void serve(void) {
  daemons++; // expect: [shared-mutable-state] "daemons"
}

static void spawn_helper(char *const argv[]) {
  pid_t pid = fork();
  if (pid != 0) {
    jobs = 0; // expect: [shared-mutable-state] "jobs"
    return;
  }
  execv(argv[0], argv);
  _exit(127);
}

static void spawn_other(char *const argv[]) {
  pid_t pid;
  if ((pid = fork()) == 0) {
    execv(argv[0], argv);
    _exit(127);
  }
  spawned++; // expect: [shared-mutable-state] "spawned"
}

static void spawn_server(void) {
  switch (fork()) {
  case 0:
    serve(); /* no exec: the child goes on as a server */
    break;
  default:
    children++; // expect: [shared-mutable-state] "children"
    break;
  }
}

static void *supervisor(void *arg) {
  spawn_helper(arg);
  spawn_other(arg);
  spawn_server();
  return NULL;
}

int start(char *const argv[]) {
  pthread_t t1, t2;
  pthread_create(&t1, NULL, worker, NULL);
  pthread_create(&t2, NULL, supervisor, (void *)argv);
  return 0;
}
