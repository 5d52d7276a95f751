/* js/check-then-act.c - the JavaScript/TypeScript check of check-then-act.
 * Not implemented yet. Doc: rules/check-then-act.md */
#include "../../analyzer/rule_api.h"

const RlCheck rl_check_js_check_then_act = {
    .langs = RL_LANG_JSTS,
};
