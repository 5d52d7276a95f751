/* floating-promise.c - floating promise.
 * Not implemented yet: metadata only. Doc: rules/floating-promise.md */
#include "../analyzer/rule_api.h"

const RlRule rl_rule_floating_promise = {
    .id = "floating-promise",
    .title = "Floating promise",
    .summary = "Finds promises that are neither awaited, returned, stored nor given a rejection handler, so their failure is unhandled.",
    .langs = RL_LANG_JSTS,
    .severity = RL_SEV_WARNING,
    .category = RL_CAT_CONCURRENCY,
    .precision = "high",
    .hint = "Await it inside try/catch, return it, or hand it to the runtime's runInBackground(fn, onError) (runtime/js).",
};
