/* lazy-init-race.h - what lazy-init-race's JS check (lazy-init-race.c)
 * shares with check-then-act's (check-then-act.c): the per-call-object
 * facts of the cross-file phase, and whether lazy-init-race deferred a
 * finding on a line (one finding per line per cause). Defined in
 * lazy-init-race.c. */
#ifndef RL_RULES_JS_LAZY_INIT_RACE_H
#define RL_RULES_JS_LAZY_INIT_RACE_H

#include "../../analyzer/rule_api.h"

/* Phase 1: records a `new C()` of an imported class at n as a fact of
 * kind_new, and the calls whose value escapes as facts of kind_escape,
 * for the calling rule. */
void rl_js_lazy_record(RlCtx *cx, RlNode n, uint16_t kind_new, uint16_t kind_escape);

/* Phase 2: is the class of deferred finding f (a = class, flags = how it
 * is exported) made per call wherever the project makes one (the `new`
 * facts of kind `kind` that rule `self` recorded, its escape facts being
 * kind + 1), and is there at least one? */
bool rl_js_lazy_made_per_call(RlProject *px, const RlRule *self, uint16_t kind, uint32_t file,
                              const RlFact *f);

/* Phase 2: did lazy-init-race defer a finding of its own at `line` of
 * `file`? */
bool rl_js_lazy_deferred_at(RlProject *px, uint32_t file, uint32_t line);

/* Phase 1: does write w (`x = await f()`, `m.set(k, await f())`) store
 * the value of a read-like load (a callee named get*, fetch*, load*,
 * read*, resolve*, describe*, lookup*, find* or query*, or a dynamic
 * import()) whose names (callee and target) say nothing of a resource
 * (connection, session, client, socket, pool, statement, handle, stream,
 * transaction, lock, ...)? Two overlapping calls then load the same value
 * twice and store an equal one: harmless. */
bool rl_js_idempotent_load(RlCtx *cx, RlNode w);

#endif
