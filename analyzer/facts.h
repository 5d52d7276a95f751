/* facts.h - the standard facts the engine records for every file, whatever
 * rules run: functions (with async/exported flags), JS imports and exports,
 * C calls and thread spawns. Rules read them in phase 2 (rule_api.h). */
#ifndef RL_ANALYZER_FACTS_H_
#define RL_ANALYZER_FACTS_H_

#include "ast.h"

/* Records the standard facts of the parsed file in cx. */
void rl_facts_extract(RlCtx *cx);

#endif
