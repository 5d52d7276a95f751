/* js/shared-mutable-state.c - the JavaScript/TypeScript check of shared-mutable-state.
 * Not implemented yet. Doc: rules/shared-mutable-state.md */
#include "../../analyzer/rule_api.h"

const RlCheck rl_check_js_shared_mutable_state = {
    .langs = RL_LANG_JSTS,
};
