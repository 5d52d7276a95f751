/* c/shared-mutable-state.c - the C check of shared-mutable-state.
 * Not implemented yet. Doc: rules/shared-mutable-state.md */
#include "../../analyzer/rule_api.h"

const RlCheck rl_check_c_shared_mutable_state = {
    .langs = RL_LANG_C,
};
