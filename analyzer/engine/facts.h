/* facts.h - the operations on the typed records of facts: C objects (lock
 * classes, variables), held sets, empty records, binding to a project file.
 * The standard facts every file gets, whatever rules run (functions, JS
 * imports and exports, C calls, thread spawns, summaries), are recorded by
 * its language (lang.h: js_facts.c, csum.c); rules read them in phase 2
 * (rule_api.h). */
#ifndef RL_ANALYZER_FACTS_H_
#define RL_ANALYZER_FACTS_H_

#include "ast.h"

/* Sets every string of f's record (by f->kind) to "" (rl_fact_new). */
void rl_facts_init_record(RlFact *f);

/* Facts v[0..n) are those of project file `file`: sets their `file`, and
 * that of the file-local objects (statics) their records name. */
void rl_facts_bind(RlFact *v, uint32_t n, uint32_t file);

#endif
