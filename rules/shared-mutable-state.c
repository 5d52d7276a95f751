/* shared-mutable-state.c - unsynchronized shared mutable state: metadata and the list of checks.
 * The JavaScript/TypeScript check is rules/js/shared-mutable-state.c, the C check
 * rules/c/shared-mutable-state.c. Doc: rules/shared-mutable-state.md */
#include "../analyzer/rule_api.h"

extern const RlCheck rl_check_js_shared_mutable_state;
extern const RlCheck rl_check_c_shared_mutable_state;

static const RlCheck *const checks[] = {&rl_check_js_shared_mutable_state, &rl_check_c_shared_mutable_state};

const RlRule rl_rule_shared_mutable_state = {
    .id = "shared-mutable-state",
    .title = "Unsynchronized shared mutable state",
    .summary = "Finds shared variables written by code that can run concurrently without a lock or an atomic operation.",
    .langs = RL_LANG_JSTS | RL_LANG_C,
    .severity = RL_SEV_WARNING,
    .category = RL_CAT_CONCURRENCY,
    .cwe = "362",
    .precision = "high",
    .hint = "Serialize the read-modify-write: the runtime's Mutex.runExclusive() or singleFlight() (runtime/js); a mutex or the RlRtCounter atomics (runtime/c).",
    .checks = checks,
    .nchecks = RL_COUNTOF(checks),
    /* issue 16: on C code no rule was tuned on, 4 of 24 findings read were
     * real (17%), 13 wrong (rules/<id>.md): C is in racelint:strict only */
    .strict_langs = RL_LANG_C,
};
