/* catalog.h - what this program is built with (catalog.c): the rule
 * registry and the language table. rl_session_init (session.h) fills a
 * session with both. */
#ifndef RL_ANALYZER_CATALOG_H_
#define RL_ANALYZER_CATALOG_H_

#include "session.h"

/* The registry (rules/registry.c), sorted by id. */
extern const RlRule *const rl_rules[];
extern const uint32_t rl_nrules;


#endif
