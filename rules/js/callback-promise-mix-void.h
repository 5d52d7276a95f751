/* js/callback-promise-mix-void.h - callback-promise-mix's async functions
 * given where the project's own declared types want a function returning
 * void (rules/js/callback-promise-mix-void.c): object literal members of
 * an annotated variable, async overrides of a base type's member. */
#ifndef RL_RULES_JS_CALLBACK_PROMISE_MIX_VOID_H
#define RL_RULES_JS_CALLBACK_PROMISE_MIX_VOID_H

#include "callback-promise-mix-emitters.h"

/* The rule's facts, after the emitters' (callback-promise-mix-emitters.h):
 * FACT_MEMBER: a member of a top-level class, interface or object type
 * alias of this file that is a method or a function-typed property:
 * a = the type's name, b = the member's, c = "void" when written to
 * return exactly void, else "other".
 * FACT_VOID_USE: an async function given as member c of type a (a's name
 * in this file), b = what the message names, aux = RlCpmVoidHow; phase 2
 * reports it when a, or the first of its bases that declares c, declares
 * c to return void. */
enum { RL_CPM_FACT_MEMBER = RL_CPM_FACT_EMITTER + 1, RL_CPM_FACT_VOID_USE };

typedef enum RlCpmVoidHow {
  RL_CPM_VOID_PROPERTY = 0, /* `const l: T = { m: async () => ... }` */
  RL_CPM_VOID_OVERRIDE = 1, /* `class C implements T { async m() ... }` */
} RlCpmVoidHow;

/* FACT_MEMBER facts of top-level declaration decl (a class, interface or
 * type alias; anything else is ignored). */
void rl_cpm_member_facts(RlCtx *cx, RlNode decl);
/* Variable declarator decl: `const v: T = { m: async () => ..., async
 * n() {} }`: a FACT_VOID_USE for each async member that `catches` does
 * not say catches everything. */
void rl_cpm_typed_object(RlCtx *cx, RlNode decl, bool (*catches)(RlCtx *, RlNode));
/* Class declaration cls with bases (`extends`, `implements`): a
 * FACT_VOID_USE per base for each async instance method that `catches`
 * does not say catches everything. */
void rl_cpm_class_overrides(RlCtx *cx, RlNode cls, bool (*catches)(RlCtx *, RlNode));
/* Phase 2: is f a FACT_VOID_USE of rule `self` whose type (or the first
 * base declaring the member) declares the member to return void? */
bool rl_cpm_void_dropped(const RlProject *px, const RlRule *self, const RlFact *f);

#endif
