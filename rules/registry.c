/* registry.c - the rule table, generated from rules.def at compile time. */
#include "registry.h"

#define RL_RULE(c, id) extern const RlRule rl_rule_##c;
#include "rules.def"
#undef RL_RULE

const RlRule *const rl_rules[] = {
#define RL_RULE(c, id) &rl_rule_##c,
#include "rules.def"
#undef RL_RULE
};

const uint32_t rl_nrules = RL_COUNTOF(rl_rules);
