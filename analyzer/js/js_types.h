/* js_types.h - the engine's side of the declared-types model of JS/TS
 * (analyzer/js_types.c): the facts of a file's top-level declarations.
 * What rules ask (is a written type a promise, what does a member declare,
 * the same across files in phase 2) is declared in rule_api.h. */
#ifndef RL_ANALYZER_JS_TYPES_H_
#define RL_ANALYZER_JS_TYPES_H_

#include "rule_api.h"

/* Records RL_FACT_JS_TYPE facts for the top-level functions, variables
 * holding functions, classes, interfaces and type aliases of a JS/TS file,
 * and RL_FACT_EXPORT facts for the exported declarations facts.c does not
 * know (interfaces, type aliases, signatures, `declare`d classes). Called
 * by rl_facts_extract with the engine as the facts' owner. */
void rl_js_types_extract(RlCtx *cx);

#endif
