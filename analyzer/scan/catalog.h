/* catalog.h - what this program is built with (catalog.c): the rule
 * registry and the language table. rl_session_init (session.h) fills a
 * session with both. */
#ifndef RL_ANALYZER_CATALOG_H_
#define RL_ANALYZER_CATALOG_H_

#include "../../rules/registry.h"
#include "session.h"

#endif
