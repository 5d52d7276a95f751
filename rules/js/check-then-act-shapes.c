/* js/check-then-act-shapes.c - which in-memory and store shapes of the
 * JavaScript/TypeScript check-then-act the default preset reports (issue
 * 17: a shape stays on by default only where the triage of
 * docs/triage-js.md measured it; rules/check-then-act.md, "Presets").
 *
 * Default: a write that moves shared in-memory state on from what the
 * check saw:
 *   - a collection of the state mutated (push, shift, set, delete, ...):
 *     a request launched after its cancellation was checked;
 *   - a field set to a constant state (`this.state = State.Connected`,
 *     a literal other than null/undefined): a state forced back after a
 *     stop in between;
 *   - a field updated from its own value (`-=`, `++`, `x = x - n`): a
 *     counter decremented twice.
 * racelint:strict only (every judged finding BY-DESIGN or FALSE):
 *   - an awaited store read and its matching write (`getX`/`setX`,
 *     `findOne`/`updateOne`, `doc.save()`): one-time migrations;
 *   - a field cleared (`= null`, `= undefined`, `= void 0`);
 *   - a field storing another value (an awaited result, a local, a
 *     parameter): a cursor's next batch, a reloaded value.
 * Doc: rules/check-then-act.md */
#include "check-then-act.h"

#include <ctype.h>
#include <string.h>

/* Does n have a descendant of kind k? */
static bool has_kind(const RlCtx *cx, RlNode n, RlKind k) {
  RlNode end = rl_node_end(cx, n);
  for (RlNode i = n + 1; i < end; i++)
    if (rl_kind(cx, i) == k) return true;
  return false;
}

/* `null`, `undefined`, `void 0`. */
static bool is_clear(const RlCtx *cx, RlNode v) {
  RlKind k = rl_kind(cx, v);
  if (k == RL_JS_NULL || k == RL_JS_UNDEFINED) return true;
  return k == RL_JS_UNARY_EXPRESSION && strcmp(rl_op(cx, v), "void") == 0;
}

/* An identifier in capitals (`IDLE`, `State`): a constant or an enum. */
static bool constant_name(const RlCtx *cx, RlNode id) {
  if (rl_kind(cx, id) != RL_JS_IDENTIFIER) return false;
  size_t n;
  const char *t = rl_text(cx, id, &n);
  return n && isupper((unsigned char)t[0]);
}

/* A literal (string, number, boolean, a template with no substitution,
 * `-1`) or an enum member (`State.Connected`, `IDLE`)? */
static bool is_constant(const RlCtx *cx, RlNode v) {
  switch (rl_kind(cx, v)) {
  case RL_JS_STRING:
  case RL_JS_NUMBER:
  case RL_JS_TRUE:
  case RL_JS_FALSE:
    return true;
  case RL_JS_TEMPLATE_STRING:
    return !has_kind(cx, v, RL_JS_TEMPLATE_SUBSTITUTION);
  case RL_JS_UNARY_EXPRESSION:
    return rl_kind(cx, rl_strip(cx, rl_child(cx, v, RL_F_ARGUMENT))) == RL_JS_NUMBER;
  case RL_JS_MEMBER_EXPRESSION:
    return constant_name(cx, rl_strip(cx, rl_child(cx, v, RL_F_OBJECT)));
  case RL_JS_IDENTIFIER:
    return constant_name(cx, v);
  default:
    return false;
  }
}

bool rl_cta_default_state(RlCtx *cx, const Read *r, const Write *w, bool writes_value) {
  if (r->kind == R_CALL && r->awaited) return false; /* a store's get/set pair */
  if (w->kind == W_CALL) return true;                /* a collection mutated */
  if (w->kind != W_ASSIGN) return false;
  if (writes_value) return true; /* -=, ++, x = x - n */
  if (rl_kind(cx, w->node) != RL_JS_ASSIGNMENT_EXPRESSION) return true;
  RlNode v = rl_strip(cx, rl_child(cx, w->node, RL_F_RIGHT));
  return v && !is_clear(cx, v) && is_constant(cx, v);
}
