/* parsegate.h - findings and C parse errors meet: a finding of a C file
 * at or after the line where its parse became incomplete (the file's
 * incomplete_line, engine.h) is lowered to `note`, because what clang
 * dropped (a statement using a macro from a missing header) can make any
 * rule see a path that is not there. The engine applies it after phase 2,
 * also when parse-error is off; the command line prints its summary once
 * per run: how many files were analysed without their build's headers or
 * macros (they get no parse-error finding each) and how many findings
 * were lowered, with the flags to give. */
#ifndef RL_ANALYZER_PARSEGATE_H_
#define RL_ANALYZER_PARSEGATE_H_

#include <stdint.h>

#include "file.h"

/* Lowers to note every finding above note in files[0..n) (C files whose
 * parse is incomplete) whose line is at or after the file's
 * incomplete_line, parse-error findings excepted. Idempotent. */
void rl_parsegate_apply(RlEngineFile **files, uint32_t n);

/* One line for the run: how many C files were analysed without some of
 * their build's headers or macros (and which headers were not found), how
 * many findings in how many functions of how many files were lowered, and
 * the flags to give. NULL when there is nothing to say; else malloc'd,
 * owned by the caller. */
char *rl_parsegate_summary(RlEngineFile *const *files, uint32_t n);

#endif
