/* log.c - the job log, opened on first use. */
#include <stdio.h>

#include "queue.h"

static FILE *log_file;

FILE *job_log(void) {
  /* BUG: two workers finishing their first job at the same time both see
   * log_file == NULL and both fopen() it: one FILE leaks and its buffered
   * lines are lost. Open it with pthread_once (or before starting the
   * workers). */
  if (!log_file) log_file = fopen("/tmp/jobqueue.log", "a");
  return log_file ? log_file : stderr;
}
