/* lock-balance.c - unbalanced lock and unlock.
 * Not implemented yet: metadata only. Doc: rules/lock-balance.md */
#include "../analyzer/rule_api.h"

const RlRule rl_rule_lock_balance = {
    .id = "lock-balance",
    .title = "Unbalanced lock and unlock",
    .summary = "Finds unlocks of mutexes that are not held, double locks, and return paths that leave a mutex locked.",
    .langs = RL_LANG_C,
    .severity = RL_SEV_ERROR,
    .category = RL_CAT_CONCURRENCY,
    .cwe = "667",
    .precision = "high",
    .hint = "Unlock on every path, for example with a single exit label (goto out) that unlocks; keep lock and unlock in the same function.",
};
