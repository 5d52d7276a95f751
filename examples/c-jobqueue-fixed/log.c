/* log.c - the job log, opened on first use. */
#include <stdio.h>

#include "racelint/rt.h"
#include "queue.h"

static FILE *open_log_file(void) { return fopen("/tmp/jobqueue.log", "a"); }

/* FIXED: open_job_log() is a runtime lazy pointer (double-checked locking
 * with an acquire load and a release store): however many workers call it
 * first at the same time, fopen() succeeds once and every thread gets that
 * FILE. If fopen() fails nothing is published and the next call retries. */
RL_RT_LAZY_GETTER(static, open_job_log, FILE, open_log_file);

FILE *job_log(void) {
  FILE *f = open_job_log();
  return f ? f : stderr;
}
