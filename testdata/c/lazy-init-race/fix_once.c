// fix-enable: lazy-init-race (the rule is in racelint:strict only)
/* Fix: a plain lazy initialisation `if (!g) g = expr;` of a static global
 * becomes pthread_once() with an initialiser function (a finding of the
 * project phase: its fix is built in phase 1 and kept on a fact). Unsafe:
 * a failed initialisation (expr yields NULL) is not tried again. Shapes
 * it does not rewrite get the finding and no fix: expr reads a parameter,
 * the global is reset elsewhere, the global is not static, a comment
 * inside the if statement (it would be lost). A block that sets the flag
 * moves whole into the initialiser (its own locals with it), unless it can
 * leave (return, goto, break, continue) or reads a parameter. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static FILE *trace_out;

FILE *trace_file(void) {
  if (!trace_out) trace_out = fopen("/tmp/trace.log", "a"); // expect: [lazy-init-race] "'trace_out' is not synchronised"
  return trace_out;
}

static int *table;

int *table_get(void) {
  // expect: [lazy-init-race] "'table' is not synchronised"
  if (table == NULL) {
    table = calloc(64, sizeof *table);
  }
  return table;
}

static char *scratch;

char *scratch_get(size_t n) {
  if (!scratch) scratch = malloc(n); // expect: [lazy-init-race] "'scratch' is not synchronised"
  return scratch;
}

static int *counts;

int *counts_get(void) {
  if (!counts) { // expect: [lazy-init-race] "'counts' is not synchronised"
    counts = calloc(8, sizeof *counts); /* eight buckets */
  }
  return counts;
}

static int probed;
static int fast_path;

void probe(void) {
  // expect: [lazy-init-race] "'probed' is not synchronised"
  if (!probed) {
    unsigned bits = 0x5u;

    /* what the hardware has */
    fast_path = (bits & 0x4u) != 0;
    probed = 1;
  }
}

static int tuned;
static int level;

int tune(int want) {
  if (!tuned) { // expect: [lazy-init-race] "'tuned' is not synchronised"
    level = want;
    tuned = 1;
  }
  return level;
}

static int opened;
static FILE *dump;

int dump_open(void) {
  if (!opened) { // expect: [lazy-init-race] "'opened' is not synchronised"
    dump = fopen("/tmp/dump.log", "a");
    if (!dump) return -1;
    opened = 1;
  }
  return 0;
}

static FILE *audit;

FILE *audit_file(void) {
  if (!audit) audit = fopen("/tmp/audit.log", "a"); // expect: [lazy-init-race] "'audit' is not synchronised"
  return audit;
}

void audit_reopen(void) {
  if (audit) fclose(audit);
  audit = NULL;
}

FILE *shared_log;

FILE *shared_log_get(void) {
  if (!shared_log) shared_log = fopen("/tmp/shared.log", "a"); // expect: [lazy-init-race] "'shared_log' is not synchronised"
  return shared_log;
}

static void *worker(void *arg) {
  (void)arg;
  fputs("x", trace_file());
  table_get()[0] = 1;
  scratch_get(16)[0] = 0;
  counts_get()[0]++;
  probe();
  tune(3);
  dump_open();
  fputs("y", audit_file());
  fputs("z", shared_log_get());
  return NULL;
}

void start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, worker, NULL); // expect-note: "thread 'worker' started here"
}
