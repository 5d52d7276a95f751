/* sequential-await.c - independent reads awaited one after another.
 * Not implemented yet: metadata only. Doc: rules/sequential-await.md */
#include "../analyzer/rule_api.h"

const RlRule rl_rule_sequential_await = {
    .id = "sequential-await",
    .title = "Independent reads awaited one after another",
    .summary = "Finds consecutive awaits of independent reads that could run concurrently.",
    .langs = RL_LANG_JSTS,
    .severity = RL_SEV_NOTE,
    .category = RL_CAT_CORRECTNESS,
    .precision = "high",
    .hint = "Start the independent reads together: const [a, b] = await Promise.all([readA(), readB()]); the runtime's mapConcurrent() bounds how many run at once.",
};
