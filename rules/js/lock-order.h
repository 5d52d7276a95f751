/* js/lock-order.h - what the two halves of the JavaScript/TypeScript
 * lock-order check share: the facts phase 1 (rules/js/lock-order.c) leaves
 * for phase 2 (rules/js/lock-order-graph.c), and phase 2's entry point.
 * Lock ids in phase 1 are a kind and the lock as written: "m:x" a module
 * variable, "i:x" an imported binding (with the member path after it),
 * "c:C.x" a class field, "k:..." an AsyncLock key, "r:res" a redlock
 * resource, "g:x" any other. Facts carry the lock as written (without the
 * kind) in their strings and the kinds in `flags`, one byte per lock
 * (LOCK_KINDS / LOCK_KIND); phase 2 makes them project-wide names. */
#ifndef RL_RULES_JS_LOCK_ORDER_H
#define RL_RULES_JS_LOCK_ORDER_H

#include "../../analyzer/rule_api.h"

/* The kinds of up to three locks of a fact, in `flags`. */
#define LOCK_KINDS(k0, k1, k2) \
  ((uint32_t)(uint8_t)(k0) | (uint32_t)(uint8_t)(k1) << 8 | (uint32_t)(uint8_t)(k2) << 16)
#define LOCK_KIND(f, i) ((char)(((f)->flags >> (8 * (i))) & 0xffu))

/* The facts, each with plain strings (locks without their kind):
 * FACT_LOCK_EDGE: a = lock held, b = lock taken, c = the function's name
 * (for messages); aux = line where a was taken; kinds: a, b.
 * FACT_LOCK_ACQ: function b (as RL_FACT_FUNC names it) takes named lock a;
 * kind: a.
 * FACT_LOCK_CALL: a call made while lock a is held to b, a function or
 * "Class.method" of this file; c and aux as for FACT_LOCK_EDGE. Phase 2
 * joins calls with the callee's locks. Kind: a.
 * FACT_LOCK_CALL_IMPORT: the same for a call of an imported binding b.
 * FACT_LOCK_EDGE_GATE / FACT_LOCK_CALL_GATE: at an edge's (a call's)
 * location, one per other named lock held before its lock a: a = that
 * lock, b and c = the edge's (call's) a and b; kinds: a, b, and c for an
 * edge. */
enum {
  FACT_LOCK_EDGE = RL_FACT_RULE + 20,
  FACT_LOCK_ACQ,
  FACT_LOCK_CALL,
  FACT_LOCK_CALL_IMPORT,
  FACT_LOCK_EDGE_GATE,
  FACT_LOCK_CALL_GATE,
};

/* Phase 2: builds the graph of named locks over every JS/TS file's facts
 * and reports each cycle once, at its first edge. */
void rl_js_lock_order_project(RlProject *px, const RlRule *self);

#endif
