/* js/lock-order.c - the JavaScript/TypeScript check of lock-order.
 * Not implemented yet. Doc: rules/lock-order.md */
#include "../../analyzer/rule_api.h"

const RlCheck rl_check_js_lock_order = {
    .langs = RL_LANG_JSTS,
};
