/* csum_init.c - initialisation idioms of the C summaries: lazy
 * initialisation of a global (`if (!g) ... g = ...`, RL_FACT_C_LAZY, with
 * or without a lock inside), and the file's global variables
 * (RL_FACT_C_GLOBAL: thread-local, atomic, synchronisation objects). Part
 * of csum.c's module (csum_int.h). */
#include "csum_int.h"

#include <stdlib.h>
#include <string.h>

/* `if (!g) ... g = ...` with g a global or static: the null check. */
static RlNode cs__null_check(Cs *s, RlNode cond) {
  RlCtx *cx = s->cx;
  cond = rl_strip(cx, cond);
  RlNode x = RL_NONE;
  if (rl_kind(cx, cond) == RL_C_UNARY_OPERATOR && cs_op_is(cx, cond, "!")) {
    x = rl_first_child(cx, cond);
  } else if (rl_kind(cx, cond) == RL_C_BINARY_OPERATOR && cs_op_is(cx, cond, "==")) {
    RlNode a = rl_first_child(cx, cond), b = rl_next_sibling(cx, a);
    x = cs_is_zero(cx, b) ? a : cs_is_zero(cx, a) ? b : RL_NONE;
  }
  x = rl_strip(cx, x);
  if (rl_kind(cx, x) != RL_C_DECL_REF_EXPR) return RL_NONE;
  RlRefKind rk = rl_c_ref(cx, x);
  if (rk != RL_REF_GLOBAL && rk != RL_REF_STATIC_LOCAL) return RL_NONE;
  const char *t = rl_c_type(cx, x);
  if (cs_atomic_type(t) || strncmp(t, "_Thread_local", 13) == 0 || cs_sync_type(t))
    return RL_NONE;
  return x;
}
void cs_lazy(Cs *s, RlNode ifn, const CsSet *cur) {
  RlCtx *cx = s->cx;
  RlNode cond = rl_child(cx, ifn, RL_F_CONDITION);
  RlNode g = cs__null_check(s, cond);
  if (!g || cs_must(cur) || s->uncertain) return;
  /* nested in the then-branch of the same check: that is the inner check */
  for (RlNode p = rl_parent(cx, ifn); p && p != s->body; p = rl_parent(cx, p)) {
    if (rl_kind(cx, p) != RL_C_IF_STMT) continue;
    RlNode pg = cs__null_check(s, rl_child(cx, p, RL_F_CONDITION));
    if (pg && strcmp(rl_c_name(cx, pg), rl_c_name(cx, g)) == 0) return;
  }
  const char *name = rl_c_name(cx, g);
  RlNode then = rl_child(cx, ifn, RL_F_CONSEQUENCE);
  RlNode end = rl_node_end(cx, then);
  bool write = false, lock = false, once = false;
  /* konst: the block only stores constants, and sets g last (an
   * idempotent initialisation: a second run stores the same values) */
  bool konst = true;
  for (RlNode i = then; i && i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_C_BINARY_OPERATOR && cs_op_is(cx, i, "=")) {
      RlNode l = rl_strip(cx, rl_first_child(cx, i));
      if (write || !cs_const_expr(cx, rl_strip(cx, rl_next_sibling(cx, rl_first_child(cx, i)))))
        konst = false;
      if (rl_kind(cx, l) == RL_C_DECL_REF_EXPR && strcmp(rl_c_name(cx, l), name) == 0 &&
          rl_c_ref(cx, l) == rl_c_ref(cx, g))
        write = true;
    } else if (k == RL_C_COMPOUND_ASSIGN_OPERATOR ||
               (k == RL_C_UNARY_OPERATOR && (cs_op_is(cx, i, "++") || cs_op_is(cx, i, "--")))) {
      konst = false;
    } else if (k == RL_C_CALL_EXPR) {
      konst = false;
      const char *cal = rl_c_callee(cx, i);
      const CsOp *op = cs_opx(s, cal);
      if (op && (op->op == OP_LOCK || op->op == OP_TRY)) lock = true;
      CsFunc *f = *cal ? cs_func(s, cal) : NULL;
      if (f && f->neff && f->eff[0].acquire) lock = true;
      if (strcmp(cal, "pthread_once") == 0 || strcmp(cal, "call_once") == 0) once = true;
      size_t len;
      const char *t = rl_text(cx, i, &len);
      if (cs_atomic_name(t, len)) once = true;
    }
  }
  if (!write || once) return;
  CsEvent *e = cs_gevent(s, rl_strip(cx, cond), EV_LAZY, 0, cur);
  if (e) {
    e->flags = (lock ? RL_CL_DCL : 0) | (cs_fork_child(s, ifn) ? RL_CL_CHILD : 0) |
               (konst && !lock ? RL_CL_CONST : 0);
    e->a = name;
    e->c = rl_text_dup(cx, g);
  }
}
void cs_globals(RlCtx *cx) {
  for (RlNode c = rl_first_child(cx, rl_root(cx)); c; c = rl_next_sibling(cx, c)) {
    if (rl_kind(cx, c) != RL_C_VAR_DECL) continue;
    const char *t = rl_c_type(cx, c);
    uint32_t fl = 0;
    if (strncmp(t, "_Thread_local", 13) == 0) fl |= RL_CG_TLS;
    if (cs_atomic_type(t)) fl |= RL_CG_ATOMIC;
    if (cs_sync_type(t)) fl |= RL_CG_SYNC;
    RlFact *f = rl_fact_new(cx, RL_FACT_C_GLOBAL, c);
    f->global.var.kind = RL_CO_GLOBAL;
    f->global.var.name = rl_fact_str(cx, rl_c_name(cx, c));
    f->global.var.owner = "";
    f->global.var.file_local = rl_str_starts_with(rl_text_dup(cx, c), "static");
    f->global.type = rl_fact_str(cx, t);
    f->flags = fl;
  }
}
