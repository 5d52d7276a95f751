/* unused-suppression.c - suppression comments that silence nothing, name no
 * rule, or name an unknown rule. Raised by the engine after suppressions are
 * applied (analyzer/suppress.c); this file only describes it.
 * Doc: rules/unused-suppression.md */
#include "../analyzer/rule_api.h"

const RlRule rl_rule_unused_suppression = {
    .id = "unused-suppression",
    .title = "Suppression comment that suppresses nothing",
    .summary = "Reports racelint-disable comments that silence no finding, name no rule, "
               "or name an unknown rule.",
    .langs = RL_LANG_JSTS | RL_LANG_C,
    .severity = RL_SEV_WARNING,
    .category = RL_CAT_CORRECTNESS,
    .precision = "very-high",
    .hint = "Remove the comment, or fix the rule id it names.",
};
