/* parsegate.h - findings and C parse errors meet: a finding of a C file
 * at or after the file's first parse error is lowered to `note`, because
 * what clang dropped (a statement using a macro from a missing header)
 * can make any rule see a path that is not there. The engine applies it
 * after phase 2; the command line prints its summary once per run. */
#ifndef RL_ANALYZER_PARSEGATE_H_
#define RL_ANALYZER_PARSEGATE_H_

#include <stdint.h>

#include "engine.h"

/* Lowers to note every finding above note in files[0..n) (C files with a
 * parse-error finding) whose line is at or after the first parse error,
 * the parse-error itself excepted. Idempotent. */
void rl_parsegate_apply(RlEngineFile **files, uint32_t n);

/* One line for the run: how many findings in how many functions of how
 * many files were lowered, and which headers were missing (the -I or
 * --compile-commands to give). NULL when nothing was lowered; else
 * malloc'd, owned by the caller. */
char *rl_parsegate_summary(RlEngineFile *const *files, uint32_t n);

#endif
