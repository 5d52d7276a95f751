/* scheduler.h - the worker pool of phase 1. Items are claimed with an atomic
 * counter; each thread owns one RlWorker (parsers, libclang index), created
 * and destroyed on that thread. Results go to per-item slots, so the output
 * does not depend on which thread ran what. */
#ifndef RL_ANALYZER_SCHEDULER_H_
#define RL_ANALYZER_SCHEDULER_H_

#include <stdint.h>

#include "engine.h"

/* Called for item i on a worker thread; must write only its own slot. */
typedef void (*RlSchedFn)(RlWorker *w, uint32_t i, void *ctx);
/* Called after each item (on the worker thread) with the number done so
 * far; may be NULL. Used for the progress line. */
typedef void (*RlSchedProgress)(uint32_t done, uint32_t total, void *ctx);

/* Runs fn for items 0..n-1 on `jobs` threads (1 = the calling thread). */
void rl_scheduler_run(const RlSession *session, uint32_t jobs, uint32_t n, RlSchedFn fn,
                  RlSchedProgress progress, void *ctx);
/* Number of online CPUs (at least 1). */
uint32_t rl_scheduler_cpus(void);

#endif
