/* js/callback-promise-mix-emitters.h - what callback-promise-mix knows of
 * event emitters (rules/js/callback-promise-mix-emitters.c): which
 * receivers of `.on()` (etc.) drop what a listener returns, in this file
 * (phase 1) and across the project's files and packages' .d.ts (phase 2).
 * rules/callback-promise-mix.c reports; this half decides. */
#ifndef RL_RULES_JS_CALLBACK_PROMISE_MIX_EMITTERS_H
#define RL_RULES_JS_CALLBACK_PROMISE_MIX_EMITTERS_H

#include "../../analyzer/rule_api.h"

/* The rule's facts about emitters, after its own FACT_FOREACH_REF:
 * FACT_LISTENER: an async listener given to `.on()` (etc.) of a receiver
 * whose type this file cannot tell an emitter: a = the type's name here,
 * b = what the listener is ("a 'data' listener"), c = "type" (pkgtypes.c
 * reads the package that declares a), aux = 1 under racelint:strict;
 * phase 2 follows the type's bases across files.
 * FACT_EMITTER: a top-level class or interface of this file, a = its name,
 * b = "void" when an `on`-like method's listener parameter is written to
 * return void, "awaits" when it awaits or catches its listeners (its `on`
 * or `emit`). */
enum { RL_CPM_FACT_LISTENER = RL_FACT_RULE + 1, RL_CPM_FACT_EMITTER };

/* Is m a method that registers a listener (on, once, addListener,
 * prependListener, prependOnceListener, addEventListener)? */
bool rl_cpm_listener_method(const char *m);
/* Is the receiver of `.on()` an EventEmitter as far as this file tells:
 * `process`, `this` in a class extending one, or a receiver whose declared
 * type or `new C()` is one? When the file cannot tell, *defer receives the
 * name of the receiver's declared type (or of `this`'s class) for phase 2
 * to follow across files (string in the file's arena), else stays NULL. */
bool rl_cpm_known_emitter(RlCtx *cx, RlNode obj, const char **defer);
/* Records the FACT_LISTENER of async listener cb whose receiver's type is
 * named `type` in this file; `what` as the message names the listener. */
void rl_cpm_listener_fact(RlCtx *cx, RlNode cb, const char *type, const char *what);
/* The rule's begin_file: FACT_EMITTER facts for the top-level classes and
 * interfaces of the file whose members tell how they treat listeners.
 * Returns NULL (no state). */
void *rl_cpm_emitter_facts(RlCtx *cx);
/* The declaration a top-level statement st makes, through `export` and
 * `declare` (up to three wrappers), or st itself. */
RlNode rl_cpm_top_decl(RlCtx *cx, RlNode st);
/* Phase 2: is f a FACT_LISTENER of rule `self` whose receiver's type is an
 * emitter that drops the listener's promise (a Node or package emitter;
 * the project's own void-typed emitter under racelint:strict only)? */
bool rl_cpm_listener_dropped(const RlProject *px, const RlRule *self, const RlFact *f);

#endif
