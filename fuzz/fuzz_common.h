/* fuzz_common.h - shared set-up for the libFuzzer targets: one session with
 * every rule on and one worker, created once per fuzzing process (harness
 * state, not analyzer state). */
#ifndef RL_FUZZ_COMMON_H_
#define RL_FUZZ_COMMON_H_

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "session.h"
#include "suppress.h"

static RlSession fuzz_session;
static RlWorker *fuzz_worker;

static void fuzz_setup(void) {
  if (fuzz_worker) return;
  rl_session_init(&fuzz_session);
  for (uint32_t i = 0; i < fuzz_session.nrules; i++) fuzz_session.enabled[i] = true;
  const char *err;
  if (!rl_session_prepare(&fuzz_session, &err)) abort();
  fuzz_session.root = strdup("/fuzz");
  fuzz_session.c_in_process = true; /* libclang in the fuzzer, where coverage is */
  fuzz_worker = rl_worker_new(&fuzz_session);
}

/* Phase 1 + phase 2 + suppressions on one in-memory file. */
static void fuzz_analyze(const char *path, const uint8_t *data, size_t size) {
  RlEngineFile *f = rl_engine_analyze(fuzz_worker, path, path + 1, path, (const char *)data,
                                      size, NULL);
  RlEngineFile *files[1] = {f};
  rl_engine_project(&fuzz_session, files, 1);
  rl_suppress_apply(&fuzz_session, files, 1);
  rl_diag_sort(f->diags.v, f->diags.n);
  rl_diag_fingerprints(f->diags.v, f->diags.n);
  rl_engine_file_delete(f);
}

#endif
