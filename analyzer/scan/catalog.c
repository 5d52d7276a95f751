/* catalog.c - what this program is built with: every rule (the registry,
 * rules/registry.c) and every language (lang_c.c, lang_js.c). The layers
 * below take them as parameters (rl_session_init_with); this file, above
 * them all, hands them over. */
#include "catalog.h"

#include "lang_c.h"
#include "lang_js.h"

static const RlLangOps *const rl_catalog__langs[] = {&rl_lang_js, &rl_lang_c};

void rl_session_init(RlSession *self) {
  rl_session_init_with(self, rl_rules, rl_nrules, rl_catalog__langs,
                       RL_COUNTOF(rl_catalog__langs));
}
