/* A code base with its own threading layer, declared in .racelint.json:
 * os_thread_start(routine, arg) starts a thread, os_mutex_enter/exit lock. */
typedef struct os_mutex os_mutex;
void os_mutex_enter(os_mutex *m);
void os_mutex_exit(os_mutex *m);
int os_thread_start(void *(*routine)(void *), void *arg);

extern os_mutex *conn_mutex;
static long connections;
static long requests;

static void *conn_handler(void *arg) {
  (void)arg;
  os_mutex_enter(conn_mutex);
  connections++;
  os_mutex_exit(conn_mutex);
  requests++; // expect: [shared-mutable-state] "several 'conn_handler' threads"
  return 0;
}

void serve(int n) {
  for (int i = 0; i < n; i++) os_thread_start(conn_handler, 0);
}
