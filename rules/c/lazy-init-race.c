/* c/lazy-init-race.c - the C check of lazy-init-race.
 * Not implemented yet. Doc: rules/lazy-init-race.md */
#include "../../analyzer/rule_api.h"

const RlCheck rl_check_c_lazy_init_race = {
    .langs = RL_LANG_C,
};
