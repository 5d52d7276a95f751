/* c/lock-order.c - the C check of lock-order.
 * Not implemented yet. Doc: rules/lock-order.md */
#include "../../analyzer/rule_api.h"

const RlCheck rl_check_c_lock_order = {
    .langs = RL_LANG_C,
};
