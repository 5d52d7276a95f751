/* lock-order.c - inconsistent lock order (deadlock): metadata and the list of checks.
 * The JavaScript/TypeScript check is rules/js/lock-order.c, the C check
 * rules/c/lock-order.c. Doc: rules/lock-order.md */
#include "../analyzer/rule_api.h"

extern const RlCheck rl_check_js_lock_order;
extern const RlCheck rl_check_c_lock_order;

static const RlCheck *const checks[] = {&rl_check_js_lock_order, &rl_check_c_lock_order};

const RlRule rl_rule_lock_order = {
    .id = "lock-order",
    .title = "Inconsistent lock order (deadlock)",
    .summary = "Finds locks taken in different orders on different paths, which can deadlock when the paths run at once.",
    .langs = RL_LANG_JSTS | RL_LANG_C,
    .severity = RL_SEV_ERROR,
    .category = RL_CAT_CONCURRENCY,
    .cwe = "833",
    .precision = "high",
    .hint = "Acquire several locks in one global order: the runtime's withLocks([a, b], fn) (runtime/js) or rl_rt_lock_pair()/rl_rt_lock_n() (runtime/c) order them for you.",
    .checks = checks,
    .nchecks = RL_COUNTOF(checks),
    /* C: 0 real of 3 on the held-out sets (rules/lock-order.md): racelint:strict only */
    .strict_langs = RL_LANG_C,
};
