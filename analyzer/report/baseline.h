/* baseline.h - accepting today's findings so only new ones fail the build.
 *
 * A baseline file (JSON) lists findings by their line-independent key: the
 * rule id, the path and the fingerprint base (rule, path, whitespace-free
 * flagged line, enclosing function), with a count. A current finding
 * matches while its key's count lasts, in source order; moving code or
 * editing other lines keeps it matched. */
#ifndef RL_ANALYZER_BASELINE_H_
#define RL_ANALYZER_BASELINE_H_

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"

typedef struct RlBaseline RlBaseline;

/* Loads a baseline; NULL with *err (heap) on failure. */
RlBaseline *rl_baseline_load(const char *path, char **err);
void rl_baseline_delete(RlBaseline *self);
/* Marks each finding "new" or "unchanged" (v sorted, fingerprints set) and
 * returns how many are unchanged. Counts what matched, for prune/absent. */
uint32_t rl_baseline_apply(RlBaseline *self, RlDiag **v, uint32_t n);
/* Entries (or parts of counts) that matched nothing: written to out as
 * "rule path (message)" lines; returns their number. */
uint32_t rl_baseline_absent(const RlBaseline *self, FILE *out);
/* Writes a baseline of v (all of them); 0 on success, else errno. */
int rl_baseline_write(const char *path, const char *tool_version, RlDiag **v, uint32_t n);
/* Rewrites the baseline keeping only what matched; 0 on success. */
int rl_baseline_prune(const RlBaseline *self, const char *path);

#endif
