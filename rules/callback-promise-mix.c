/* callback-promise-mix.c - promises handed to APIs that ignore them.
 *
 * This part: an async function given to Array.prototype.forEach (or any
 * .forEach): forEach drops the returned promises, so the iterations
 * interleave, the code after forEach runs before they finish, and a
 * rejection is unhandled. The callback may be written inline, named in the
 * same file, or imported from another scanned module (phase 2).
 * Doc: rules/callback-promise-mix.md */
#include <string.h>

#include "../analyzer/rule_api.h"

enum { FACT_FOREACH_REF = RL_FACT_RULE }; /* a = identifier passed to forEach */

static const char *const hint =
    "Use `for (const x of items) { await f(x); }` to run one after another, or "
    "`await Promise.all(items.map(async (x) => ...))` to run them together; the "
    "runtime's forEachAsync(items, fn) and mapConcurrent(items, fn, { concurrency }) "
    "do both with error handling.";

static const char *const msg =
    "async callback passed to forEach: forEach ignores the promise it returns, so the "
    "iterations interleave at every await, code after forEach runs before they finish, "
    "and a rejection goes unhandled";

static void check(RlCtx *cx, RlNode call, void *state) {
  (void)state;
  if (strcmp(rl_js_callee_name(cx, call), "forEach") != 0) return;
  if (!rl_js_callee_object(cx, call)) return; /* a plain forEach() is someone's own */
  RlNode callee = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  RlNode at = rl_child(cx, callee, RL_F_PROPERTY);
  RlNode cb = rl_strip(cx, rl_js_arg(cx, call, 0));
  if (!cb) return;
  if (rl_js_is_function(cx, cb)) {
    if (rl_js_is_async(cx, cb)) rl_report(cx, at, "%s", msg);
    return;
  }
  if (rl_kind(cx, cb) != RL_JS_IDENTIFIER) return;
  RlNode fn = RL_NONE;
  switch (rl_js_resolve(cx, cb, &fn)) {
  case RL_BIND_LOCAL:
    if (fn && rl_js_is_async(cx, fn)) {
      RlReport *r = rl_report(cx, at, "%s", msg);
      rl_report_related(cx, r, fn, "'%s' is declared async here", rl_text_dup(cx, cb));
    }
    break;
  case RL_BIND_IMPORT: /* phase 2 follows the import to its module */
    rl_fact_add(cx, FACT_FOREACH_REF, at, rl_text_dup(cx, cb), NULL, NULL);
    break;
  case RL_BIND_FREE:
    break;
  }
}

static void project(RlProject *px, const RlRule *self) {
  uint32_t nfiles = rl_project_nfiles(px);
  for (uint32_t file = 0; file < nfiles; file++) {
    uint32_t n;
    const RlFact *facts = rl_project_facts(px, file, &n);
    for (uint32_t i = 0; i < n; i++) {
      const RlFact *f = &facts[i];
      if (f->kind != FACT_FOREACH_REF || !rl_fact_of(px, f, self)) continue;
      const RlFact *fn = rl_project_js_binding(px, file, f->a);
      if (!fn || !(fn->flags & RL_FF_ASYNC)) continue;
      RlReport *r = rl_project_report(px, self, f, "%s", msg);
      rl_project_related(px, r, fn, "'%s' is declared async here", fn->a);
    }
  }
}

static const RlKind kinds[] = {RL_JS_CALL_EXPRESSION};

const RlRule rl_rule_callback_promise_mix = {
    .id = "callback-promise-mix",
    .title = "Promise given to a callback API that ignores it",
    .summary = "Finds async functions passed where the caller ignores the returned "
               "promise, such as Array.prototype.forEach.",
    .langs = RL_LANG_JSTS,
    .severity = RL_SEV_ERROR,
    .category = RL_CAT_CONCURRENCY,
    .precision = "very-high",
    .hint = hint,
    .kinds = kinds,
    .nkinds = RL_COUNTOF(kinds),
    .check = check,
    .project = project,
};
