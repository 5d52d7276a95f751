/* parse-error.c - reports that a file did not parse cleanly, so findings in
 * it may be incomplete. The engine raises it (rules cannot see syntax
 * errors); this file only describes it. Doc: rules/parse-error.md */
#include "../analyzer/rule_api.h"

const RlRule rl_rule_parse_error = {
    .id = "parse-error",
    .title = "File could not be parsed completely",
    .summary = "Reports a syntax error of the file itself that kept part of it from "
               "being analysed.",
    .langs = RL_LANG_JSTS | RL_LANG_C,
    .severity = RL_SEV_NOTE,
    .category = RL_CAT_CORRECTNESS,
    .precision = "very-high",
    .hint = "Fix the syntax error, or for C give the build's flags with "
            "--compile-commands (or -I/-D) so headers are found.",
};
