/* promise-all-mutation.c - promise.all over writes without handling partial failure.
 * Not implemented yet: metadata only. Doc: rules/promise-all-mutation.md */
#include "../analyzer/rule_api.h"

const RlRule rl_rule_promise_all_mutation = {
    .id = "promise-all-mutation",
    .title = "Promise.all over writes without handling partial failure",
    .summary = "Finds Promise.all over operations that write, where one failure leaves the others applied and unreported.",
    .langs = RL_LANG_JSTS,
    .severity = RL_SEV_WARNING,
    .category = RL_CAT_CORRECTNESS,
    .precision = "high",
    .hint = "Use the runtime's settleAll(promises), which waits for every write and reports which failed, or run the writes in one transaction.",
};
