/* lazy-init-race.c - unsynchronized lazy initialisation: metadata and the list of checks.
 * The JavaScript/TypeScript check is rules/js/lazy-init-race.c, the C check
 * rules/c/lazy-init-race.c. Doc: rules/lazy-init-race.md */
#include "../analyzer/rule_api.h"

extern const RlCheck rl_check_js_lazy_init_race;
extern const RlCheck rl_check_c_lazy_init_race;

static const RlCheck *const checks[] = {&rl_check_js_lazy_init_race, &rl_check_c_lazy_init_race};

const RlRule rl_rule_lazy_init_race = {
    .id = "lazy-init-race",
    .title = "Unsynchronized lazy initialisation",
    .summary = "Finds lazy initialisation that two concurrent callers can both run, creating the resource twice.",
    .langs = RL_LANG_JSTS | RL_LANG_C,
    .severity = RL_SEV_WARNING,
    .category = RL_CAT_CONCURRENCY,
    .cwe = "609",
    .precision = "high",
    /* issues 16 and 17: on code no rule was tuned on, JS/TS 1 of 10
     * findings read was real, C 1 of 6 (3 wrong) (rules/<id>.md): both in
     * racelint:strict only */
    .strict = true,
    .hint = "Store the promise, not the value: the runtime's lazy(() => create()) (runtime/js); pthread_once or the runtime's lazy pointer (runtime/c).",
    .checks = checks,
    .nchecks = RL_COUNTOF(checks),
};
