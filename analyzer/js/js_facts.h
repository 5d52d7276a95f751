/* js_facts.h - the standard facts of a JS/TS file (js_facts.c). */
#ifndef RL_ANALYZER_JS_FACTS_H_
#define RL_ANALYZER_JS_FACTS_H_

#include "ast.h"

/* Records the functions, classes, imports and exports of the parsed file
 * in cx, and its declared types (js_types.h). */
void rl_js_facts_extract(RlCtx *cx);

#endif
