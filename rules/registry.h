/* registry.h - the rule table (registry.c): every rule, sorted by id. The
 * program hands it to the session (analyzer/scan/catalog.c). */
#ifndef RL_RULES_REGISTRY_H_
#define RL_RULES_REGISTRY_H_

#include "../analyzer/rule_api.h"

extern const RlRule *const rl_rules[];
extern const uint32_t rl_nrules;

#endif
