/* facts.h - the standard facts the engine records for every file, whatever
 * rules run: functions (with async/exported flags), JS imports and exports,
 * C calls and thread spawns. Rules read them in phase 2 (rule_api.h).
 * Also the operations on the typed records of facts: C objects (lock
 * classes, variables) and held sets. */
#ifndef RL_ANALYZER_FACTS_H_
#define RL_ANALYZER_FACTS_H_

#include "ast.h"

/* Records the standard facts of the parsed file in cx. */
void rl_facts_extract(RlCtx *cx);

/* Sets every string of f's record (by f->kind) to "" (rl_fact_new). */
void rl_facts_init_record(RlFact *f);

/* Facts v[0..n) are those of project file `file`: sets their `file`, and
 * that of the file-local objects (statics) their records name. */
void rl_facts_bind(RlFact *v, uint32_t n, uint32_t file);

#endif
