/* csum_paths.c - the path walk of the C summaries: expressions,
 * conditions (lock results tested, branch conditions remembered), and
 * statements (if/else, loops to a fixpoint, switch, break/continue, return,
 * goto to labels), over one function body. Part of csum.c's module
 * (csum_int.h). */
#include "csum_int.h"

#include <stdlib.h>
#include <string.h>

static void cs__stmt(Cs *s, RlNode n, CsSet *cur);

bool cs_deferred(const Cs *s, RlNode call) {
  for (uint32_t i = 0; i < s->ndeferred; i++)
    if (s->deferred[i] == call) return true;
  return false;
}
/* Section - flag variables
 *
 * A local that records whether the lock is held (`locked = 1; ... if
 * (locked) unlock(m);`, `need_unlock = 0`) is tracked along paths: each
 * constant assigned to it becomes a remembered branch condition of the
 * path states (the condition being the variable itself), so the later
 * test splits the states by the value each path gave it. */
static bool cs__int_type(const char *t) {
  return !strpbrk(t, "*[(") && !strstr(t, "struct ") && !strstr(t, "union ") &&
         !strstr(t, "float") && !strstr(t, "double");
}
/* The variable a scoped-lock for loop tests: `for (...; v; ...)`, `v !=
 * 0`, also spelled in a macro, where the operator is unreadable (a
 * comparison with zero is then taken for `!=`: the body runs while the
 * variable is set). */
static RlNode cs__for_var(Cs *s, RlNode cond) {
  RlCtx *cx = s->cx;
  cond = rl_strip(cx, cond);
  if (rl_kind(cx, cond) == RL_C_BINARY_OPERATOR) {
    const char *op = cs_opstr(cx, cond);
    RlNode a = rl_strip(cx, rl_first_child(cx, cond));
    RlNode b = a ? rl_next_sibling(cx, rl_first_child(cx, cond)) : RL_NONE;
    RlNode z = rl_strip(cx, b);
    const RlNodeExt *zx = z && rl_kind(cx, z) == RL_C_INTEGER_LITERAL ? cs_ext(cx, z) : NULL;
    bool zero = b && (cs_is_zero(cx, b) || (zx && zx->value && strcmp(zx->value, "0") == 0));
    if ((strcmp(op, "!=") != 0 && *op) || !zero) return RL_NONE;
    cond = a;
  }
  if (rl_kind(cx, cond) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, cond) != RL_REF_LOCAL)
    return RL_NONE;
  return cond;
}
/* The value x of `v = x` (also with the operator unreadable, in a macro)
 * or of `int v = x`, for the local that ref v names; none otherwise. */
static RlNode cs__macro_assign(Cs *s, RlNode e, RlNode v) {
  RlCtx *cx = s->cx;
  e = rl_strip(cx, e);
  if (v && rl_kind(cx, e) == RL_C_DECL_STMT) {
    for (RlNode d = rl_first_child(cx, e); d; d = rl_next_sibling(cx, d))
      if (rl_kind(cx, d) == RL_C_VAR_DECL && strcmp(rl_c_name(cx, d), rl_c_name(cx, v)) == 0)
        return rl_child(cx, d, RL_F_VALUE);
    return RL_NONE;
  }
  if (!v || rl_kind(cx, e) != RL_C_BINARY_OPERATOR || (*cs_opstr(cx, e) && !cs_op_is(cx, e, "=")))
    return RL_NONE;
  RlNode a = rl_strip(cx, rl_first_child(cx, e));
  if (rl_kind(cx, a) != RL_C_DECL_REF_EXPR || strcmp(rl_c_name(cx, a), rl_c_name(cx, v)) != 0)
    return RL_NONE;
  return rl_next_sibling(cx, rl_first_child(cx, e));
}
/* The flag variables of the function: locals of an integer type tested in
 * the condition of an if or loop that locks or unlocks. */
static void cs__find_flags(Cs *s) {
  RlCtx *cx = s->cx;
  s->nflag = 0;
  if (!s->lockish) return;
  RlNode end = rl_node_end(cx, s->body);
  for (RlNode i = s->body; i < end && s->nflag < RL_COUNTOF(s->flagr); i++) {
    if (rl_kind(cx, i) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, i) != RL_REF_LOCAL) continue;
    uint32_t h = cs_h32(rl_c_name(cx, i));
    bool known = false;
    for (uint32_t k = 0; k < s->nflag; k++) known |= s->flagr[k] == h;
    /* or the variable of a scoped-lock for loop's condition */
    RlNode c = i, fp = rl_parent(cx, i);
    for (int up = 0; up < 4 && fp && rl_kind(cx, fp) != RL_C_FOR_STMT; up++)
      c = fp, fp = rl_parent(cx, fp);
    bool forv = fp && rl_kind(cx, fp) == RL_C_FOR_STMT && cs__for_var(s, c) == i;
    if (known || !cs__int_type(rl_c_type(cx, i)) || (!forv && !cs_tested(s, i))) continue;
    RlNode st = RL_NONE;
    for (RlNode p = rl_parent(cx, i); p && p != s->fn && !st; p = rl_parent(cx, p)) {
      RlKind k = rl_kind(cx, p);
      if (k == RL_C_IF_STMT || k == RL_C_WHILE_STMT || k == RL_C_DO_STMT || k == RL_C_FOR_STMT)
        st = p;
    }
    if (!st || !cs_lockish(s, st, rl_node_end(cx, st))) continue;
    s->flagr[s->nflag] = h;
    s->flagk[s->nflag++] = rl_expr_key(cx, i);
  }
}
static int cs__truth(Cs *s, RlNode e, int depth);
/* The truth value every return of the file's function `name` gives: a
 * `static int ctx_lock(void) { lock(&m); return 1; }`; -1 if unknown. */
static int cs__ret_truth(Cs *s, const char *name, int depth) {
  RlCtx *cx = s->cx;
  if (depth > 2 || !*name || !cs_func(s, name)) return -1;
  uint32_t n = rl_node_count(cx);
  for (RlNode i = 1; i < n; i++) {
    if (rl_kind(cx, i) != RL_C_FUNCTION_DECL) continue;
    RlNode body = rl_child(cx, i, RL_F_BODY);
    if (!body || strcmp(rl_c_name(cx, i), name) != 0) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    int v = -1;
    RlNode end = rl_node_end(cx, body);
    for (RlNode r = body; r < end; r++) {
      if (rl_kind(cx, r) != RL_C_RETURN_STMT) continue;
      int t = cs__truth(s, rl_first_child(cx, r), depth + 1);
      if (t < 0 || (v >= 0 && t != v)) return -1;
      v = t;
    }
    return v;
  }
  return -1;
}
/* The truth value expression e surely has (1 or 0), -1 if unknown:
 * literals, `(lock(m), 1)`, `!0`, a call of a function of the file that
 * returns one constant. */
static int cs__truth(Cs *s, RlNode e, int depth) {
  RlCtx *cx = s->cx;
  e = rl_strip(cx, e);
  if (!e) return -1;
  RlKind k = rl_kind(cx, e);
  if (k == RL_C_INTEGER_LITERAL || k == RL_C_CHARACTER_LITERAL) {
    const RlNodeExt *x = cs_ext(cx, e);
    if (x && x->value) return strcmp(x->value, "0") != 0;
    size_t len;
    const char *t = rl_text(cx, e, &len);
    if (!len || t[0] < '0' || t[0] > '9') return -1;
    return !(len == 1 && t[0] == '0');
  }
  if (k == RL_C_BINARY_OPERATOR && cs_op_is(cx, e, ",")) {
    RlNode last = RL_NONE;
    for (RlNode c = rl_first_child(cx, e); c; c = rl_next_sibling(cx, c)) last = c;
    return cs__truth(s, last, depth);
  }
  if (k == RL_C_UNARY_OPERATOR && cs_op_is(cx, e, "!")) {
    int t = cs__truth(s, rl_first_child(cx, e), depth);
    return t < 0 ? -1 : !t;
  }
  if (k == RL_C_CALL_EXPR) return cs__ret_truth(s, rl_c_callee(cx, e), depth);
  return -1;
}
/* Local `name` is assigned expression v (none: declared without a
 * value): a flag variable's constant is remembered on every state. */
static void cs__flag_set(Cs *s, CsSet *set, const char *name, int t);
static void cs__flag_assign(Cs *s, CsSet *set, const char *name, RlNode v) {
  cs__flag_set(s, set, name, v ? cs__truth(s, v, 0) : -1);
}
/* ... known to be true (1), false (0) or unknown (-1). */
static void cs__flag_set(Cs *s, CsSet *set, const char *name, int t) {
  uint32_t h = cs_h32(name);
  int f = -1;
  for (uint32_t k = 0; k < s->nflag && f < 0; k++)
    if (s->flagr[k] == h) f = (int)k;
  if (f < 0) return;
  cs_drop_tags(s, set, h);
  CsSet out;
  out.n = 0;
  for (uint32_t i = 0; i < set->n; i++) {
    CsState st = set->s[i];
    if (t >= 0 && st.ntag < CS_MAXT) {
      uint8_t j = st.ntag++;
      st.tagk[j] = s->flagk[f];
      st.tagr[j] = h;
      st.tagn[j] = RL_NONE;
      if (t) st.tagv |= (uint8_t)(1u << j);
      else st.tagv &= (uint8_t)~(1u << j);
    }
    cs_set_add(&out, &st);
  }
  *set = out;
}
/* Section - what a remembered condition reads
 *
 * A remembered branch condition holds only while nothing it reads
 * changes: an assignment to any variable it reads (`do_lock = f();`, `cur
 * = next;` for `me == cur`), to the very object it tests (`j->keep = 0;`
 * for `j->keep`, `*p = 0;` for `*p`), or the variable's address given
 * away (`touch(&held);`) forgets it on every path state. Calls are taken
 * not to change what a condition reads (a field the callee may write is
 * still trusted). */
typedef struct CsWrite {
  uint32_t var; /* the variable written (name hash), or 0 */
  uint64_t key; /* else the object written */
  RlKind kind;
} CsWrite;
static bool cs__reads(const Cs *s, RlNode cond, const void *ud) {
  const CsWrite *w = ud;
  RlCtx *cx = s->cx;
  RlNode end = rl_node_end(cx, cond);
  for (RlNode i = cond; i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if (w->var ? k == RL_C_DECL_REF_EXPR && cs_h32(rl_c_name(cx, i)) == w->var
               : k == w->kind && rl_expr_key(cx, i) == w->key)
      return true;
  }
  return false;
}
/* lhs is written (assigned, incremented, its address taken). */
static void cs__written(Cs *s, CsSet *set, RlNode lhs) {
  RlCtx *cx = s->cx;
  lhs = rl_strip(cx, lhs);
  if (!lhs) return;
  CsWrite w = {0, 0, rl_kind(cx, lhs)};
  if (w.kind == RL_C_DECL_REF_EXPR) w.var = cs_h32(rl_c_name(cx, lhs));
  else w.key = rl_expr_key(cx, lhs);
  CsSet out;
  out.n = 0;
  for (uint32_t i = 0; i < set->n; i++) {
    CsState st = set->s[i];
    cs_drop_tag_if(&st, cs__reads, s, &w);
    cs_set_add(&out, &st);
  }
  *set = out;
}
/* Effects of evaluating expression e (calls in order, accesses). */
static void cs__expr(Cs *s, RlNode e, CsSet *set) {
  RlCtx *cx = s->cx;
  if (!e) return;
  RlNode end = rl_node_end(cx, e);
  for (RlNode i = e; i < end; i++) {
    switch (rl_kind(cx, i)) {
    case RL_C_CALL_EXPR:
      cs_call(s, i, set);
              break;
    case RL_C_VAR_DECL: {
      RlNode v = rl_child(cx, i, RL_F_VALUE);
      cs__flag_assign(s, set, rl_c_name(cx, i), v);
      cs_untrack(s, rl_hash_str(RL_FNV_INIT, rl_c_name(cx, i)));
      if (!v) break;
      cs_track_try(s, rl_c_name(cx, i), v);
                    RlNode sv = rl_strip(cx, v);
      if (rl_kind(cx, sv) == RL_C_DECL_REF_EXPR && rl_c_ref(cx, sv) == RL_REF_PARAM &&
          s->nalias < RL_COUNTOF(s->alias)) {
        int p = cs_param_index(s, rl_c_name(cx, sv));
        if (p >= 0) {
          s->alias[s->nalias] = rl_hash_str(RL_FNV_INIT, rl_c_name(cx, i));
          s->alias_param[s->nalias++] = (int8_t)p;
        }
      }
      break;
    }
    case RL_C_BINARY_OPERATOR:
    case RL_C_COMPOUND_ASSIGN_OPERATOR:
    case RL_C_UNARY_OPERATOR: {
      if (rl_kind(cx, i) == RL_C_UNARY_OPERATOR && cs_op_is(cx, i, "&")) {
        RlNode v = rl_strip(cx, rl_first_child(cx, i));
        if (rl_kind(cx, v) == RL_C_DECL_REF_EXPR &&
            (rl_c_ref(cx, v) == RL_REF_LOCAL || rl_c_ref(cx, v) == RL_REF_PARAM)) {
          cs_drop_tags(s, set, cs_h32(rl_c_name(cx, v)));
          cs_untrack(s, rl_hash_str(RL_FNV_INIT, rl_c_name(cx, v)));
          cs__written(s, set, v);
        }
        break;
      }
      if (!cs_is_assign(cx, i)) break;
      cs__written(s, set, rl_first_child(cx, i));
      RlNode lhs = rl_strip(cx, rl_first_child(cx, i));
      if (rl_kind(cx, lhs) == RL_C_DECL_REF_EXPR) {
        cs_drop_tags(s, set, cs_h32(rl_c_name(cx, lhs)));
        cs_untrack(s, rl_hash_str(RL_FNV_INIT, rl_c_name(cx, lhs)));
                     /* `prev = cur`: locks reached through the pointer are others now */
        uint32_t h = cs_h32(rl_c_name(cx, lhs));
        for (uint32_t j = 0; j < s->nlocks; j++)
          for (uint8_t m = 0; m < s->locks[j].nmention; m++)
            if (s->locks[j].mention[m] == h && !cs_next_element(s, i, j, set)) {
              cs_forget(s, set, j);
                        s->suppressed |= cs_bit(j);
            }
        if (rl_kind(cx, i) == RL_C_BINARY_OPERATOR) {
          cs_track_try(s, rl_c_name(cx, lhs), rl_child(cx, i, RL_F_RIGHT));
          if (rl_c_ref(cx, lhs) == RL_REF_LOCAL)
            cs__flag_assign(s, set, rl_c_name(cx, lhs), rl_child(cx, i, RL_F_RIGHT));
        }
                        }
      break;
    }
    case RL_C_DECL_REF_EXPR:
      if (s->emit) cs_access(s, i, set);
      break;
    default:
      break;
    }
  }
}
static RlNode cs__lockcall(Cs *s, RlNode e) {
  RlCtx *cx = s->cx;
  e = rl_strip(cx, e);
  if (rl_kind(cx, e) == RL_C_BINARY_OPERATOR && cs_op_is(cx, e, "="))
    e = rl_strip(cx, rl_child(cx, e, RL_F_RIGHT));
  if (rl_kind(cx, e) == RL_C_CALL_EXPR) {
    const CsOp *op = cs_opx(s, rl_c_callee(cx, e));
    return op && (op->op == OP_LOCK || op->op == OP_TRY) ? e : RL_NONE;
  }
  if (rl_kind(cx, e) == RL_C_DECL_REF_EXPR) {
    uint64_t h = rl_hash_str(RL_FNV_INIT, rl_c_name(cx, e));
    for (uint32_t i = s->ntry; i-- > 0;)
      if (s->tryvar[i] == h) return s->trycall[i];
  }
  return RL_NONE;
}
static bool cs__has_lockcall(Cs *s, RlNode e, RlNode *call) {
  RlNode end = rl_node_end(s->cx, e);
  for (RlNode i = e; i < end; i++) {
    if (rl_kind(s->cx, i) != RL_C_CALL_EXPR) continue;
    const CsOp *op = cs_opx(s, rl_c_callee(s->cx, i));
    if (op && (op->op == OP_LOCK || op->op == OP_TRY)) { /* unlocks: plain effects */
      *call = i;
      return true;
    }
  }
  return false;
}
/* Is expression n what a condition tests: the condition of an if or loop,
 * or an operand of `!`, `&&`, `||` or a comparison with zero there? */
bool cs_tested(Cs *s, RlNode n) {
  RlCtx *cx = s->cx;
  for (RlNode c = n, p = rl_parent(cx, n); p && p != s->fn; c = p, p = rl_parent(cx, p)) {
    RlKind pk = rl_kind(cx, p);
    if (rl_strip(cx, p) != p) continue; /* parentheses, casts */
    if (pk == RL_C_IF_STMT || pk == RL_C_WHILE_STMT || pk == RL_C_DO_STMT)
      return rl_child(cx, p, RL_F_CONDITION) == c;
    if (pk == RL_C_FOR_STMT) return rl_next_sibling(cx, c) != RL_NONE; /* not the body */
    const char *op = pk == RL_C_UNARY_OPERATOR || pk == RL_C_BINARY_OPERATOR ? cs_opstr(cx, p) : "";
    if (strcmp(op, "!") == 0 || strcmp(op, "&&") == 0 || strcmp(op, "||") == 0) continue;
    if (strcmp(op, "==") == 0 || strcmp(op, "!=") == 0) {
      RlNode a = rl_first_child(cx, p), b = rl_next_sibling(cx, a);
      if (cs_is_zero(cx, a == c ? b : a)) continue;
    }
    return false;
  }
  return false;
}
/* cs__cond of a lock call `lc` tested as condition `e`: lock functions
 * return 0 on success, so the false branch holds the lock (the true branch
 * too when the call's value was stored and acquired before). */
static void cs__cond_lockcall(Cs *s, RlNode e, RlNode lc, const CsSet *in, CsSet *t,
                              CsSet *f) {
  RlCtx *cx = s->cx;
  const CsOp *op = cs_opx(s, rl_c_callee(cx, lc));
  if (op && op->ok_true) { /* GLib: TRUE when it got the lock */
    CsSet *x = t;
    t = f;
    f = x;
  }
  *t = *in;
  *f = *in;
  if (!op) return;
  uint8_t kind = op->op, read = op->read, n = op->pair ? 2 : 1;
  uint32_t ls[2] = {UINT32_MAX, UINT32_MAX};
  for (uint8_t q = 0; q < n; q++)
    ls[q] = cs_lock_of(s, rl_c_arg(cx, lc, op->arg + q), lc, false);
  if (ls[1] == ls[0]) ls[1] = UINT32_MAX;
  bool applied = rl_kind(cx, e) == RL_C_DECL_REF_EXPR && !cs_deferred(s, lc);
  for (uint8_t q = 0; q < n; q++) {
    uint32_t l = ls[q];
    if (l == UINT32_MAX) continue;
    if (applied) {
      cs_forget(s, t, l); /* `rc = lock(&m); if (rc) ...`: taken already; not on error */
      continue;
    }
    s->locks[l].read = read;
    if (op->rec) s->locks[l].rec = true;
    cs_lock_event(s, lc, l, false, kind == OP_TRY, in);
  }
  for (uint8_t q = 0; q < n && !applied; q++)
    if (ls[q] != UINT32_MAX) cs_acquire(s, lc, ls[q], read, f);
}

/* while (1) / while (0), by the value the parser gave it (a macro
 * argument: pthread_cleanup_pop(1)'s `if (execute)`); a literal spelled
 * in a macro with no value is unreadable: take it for the `do { ... }
 * while (0)` of statement macros. False if e is no literal. */
static bool cs__cond_literal(Cs *s, RlNode e, const CsSet *out, CsSet *t, CsSet *f) {
  RlCtx *cx = s->cx;
  if (rl_kind(cx, e) != RL_C_INTEGER_LITERAL) return false;
  const RlNodeExt *x = cs_ext(cx, e);
  size_t len;
  const char *txt = rl_text(cx, e, &len);
  bool number = len && txt[0] >= '0' && txt[0] <= '9';
  bool nonzero = x && x->value ? strcmp(x->value, "0") != 0 : number && !(len == 1 && txt[0] == '0');
  if (nonzero) *t = *out;
  else *f = *out;
  return true;
}
/* `ret == EBUSY` (eq: the states where it holds; ne: where it does not)
 * of a variable holding a trylock's result (cs_try_const). */
static bool cs__cond_try_const(Cs *s, RlNode e, const CsSet *in, CsSet *eq, CsSet *ne) {
  uint64_t key;
  if (!cs_try_const(s, e, &key)) return false;
  CsSet outs = *in;
  cs__expr(s, e, &outs);
  cs_try_const_split(&outs, key, eq, ne);
  return true;
}

static void cs__cond(Cs *s, RlNode e, const CsSet *in, CsSet *t, CsSet *f) {
  RlCtx *cx = s->cx;
  e = rl_strip(cx, e);
  t->n = f->n = 0;
  if (!e) {
    *t = *in;
    return;
  }
  RlKind k = rl_kind(cx, e);
  if (k == RL_C_UNARY_OPERATOR && cs_op_is(cx, e, "!")) {
    cs__cond(s, rl_first_child(cx, e), in, f, t);
             return;
  }
  if (k == RL_C_BINARY_OPERATOR) {
    const char *op = cs_opstr(cx, e);
    RlNode a = rl_first_child(cx, e), b = rl_next_sibling(cx, a);
    if (strcmp(op, "&&") == 0 || strcmp(op, "||") == 0) {
      CsSet t1, f1;
      if (++s->depth > CS_MAXDEPTH) {
        s->bail = true;
        *t = *f = *in;
        s->depth--;
        return;
      }
      cs__cond(s, a, in, &t1, &f1);
               if (op[0] == '&') {
        cs__cond(s, b, &t1, t, f);
                 cs_set_union(f, &f1);
                              } else {
        cs__cond(s, b, &f1, t, f);
                 cs_set_union(t, &t1);
                              }
      s->depth--;
      return;
    }
    if (strcmp(op, "==") == 0 || strcmp(op, "!=") == 0) {
      RlNode x = cs_is_zero(cx, b) ? a : cs_is_zero(cx, a) ? b : RL_NONE;
      if (x) {
        if (op[0] == '=') cs__cond(s, x, in, f, t);
        else cs__cond(s, x, in, t, f);
                      return;
      }
      if (cs__cond_try_const(s, e, in, op[0] == '=' ? t : f, op[0] == '=' ? f : t)) return;
    }
  }
  RlNode lc = cs__lockcall(s, e);
  if (lc) {
    cs__cond_lockcall(s, e, lc, in, t, f);
    cs_cond_assigned(s, e, lc, t, f);
    return;
  }
  RlNode inner;
  if (cs__has_lockcall(s, e, &inner)) {
    /* `pthread_mutex_trylock(&m) == EBUSY`: unsure which way it went */
    *t = *in;
    uint32_t l = cs_lock_of(s, rl_c_arg(cx, inner, 0), inner, false);
    if (l != UINT32_MAX) {
      cs_forget(s, t, l);
                s->suppressed |= cs_bit(l);
    }
    *f = *t;
    return;
  }
  CsSet outs = *in, *out = &outs;
  cs__expr(s, e, out);
           uint32_t root;
  if (cs__cond_literal(s, e, out, t, f)) return;
  /* a flag variable's value known on some path: split by it */
  bool taggable = cs_taggable(s, e, &root), known = false;
  uint64_t key = taggable ? rl_expr_key(cx, e) : 0;
  for (uint32_t i = 0; i < out->n && taggable && !known; i++)
    for (uint8_t j = 0; j < out->s[i].ntag; j++)
      known |= out->s[i].tagk[j] == key;
  bool fresh = taggable && cs_worth_tag(s, e);
  if (!known && !fresh) {
    *t = *out;
    *f = *out;
    cs_guard_split(s, e, t, f);
                   return;
  }
  for (uint32_t i = 0; i < out->n; i++) {
    CsState st = out->s[i];
    int have = -1;
    for (uint8_t j = 0; j < st.ntag; j++)
      if (st.tagk[j] == key) have = (st.tagv >> j) & 1;
    if (have == 1) {
      cs_set_add(t, &st);
                 } else if (have == 0) {
      cs_set_add(f, &st);
                 } else if (fresh && st.ntag < CS_MAXT) {
      uint8_t j = st.ntag++;
      st.tagk[j] = key;
      st.tagr[j] = root;
      st.tagn[j] = e;
      st.tagv |= (uint8_t)(1u << j);
      cs_set_add(t, &st);
                 st.tagv &= (uint8_t)~(1u << j);
      cs_set_add(f, &st);
                 } else {
      cs_set_add(t, &st);
                 cs_set_add(f, &st);
                            }
  }
  cs_guard_split(s, e, t, f);
                 }
static void cs__exit(Cs *s, RlNode at, const CsSet *cur) {
  if (!cur->n) return;
  uint64_t ha = 0, hl = ~UINT64_C(0), ra = 0, rl = ~UINT64_C(0);
  uint8_t nr = 0xFF;
  for (uint32_t i = 0; i < cur->n; i++) {
    if (cur->s[i].held) nr &= cur->s[i].nr;
    ha |= cur->s[i].held;
    hl &= cur->s[i].held;
    ra |= cur->s[i].rel;
    rl &= cur->s[i].rel;
    for (uint32_t l = 0; l < s->nlocks; l++)
      if (!(cur->s[i].rel & cs_bit(l))) {
        s->locks[l].keep_eq |= ~cur->s[i].gne;
        s->locks[l].keep_ne |= ~cur->s[i].geq;
      }
  }
  for (uint32_t i = 0; i < s->nexits; i++) {
    CsExit *x = &s->exits[i];
    if (x->at != at) continue;
    x->held_any |= ha;
    x->held_all &= hl;
    x->rel_any |= ra;
    x->rel_all &= rl;
    x->nr &= nr;
    return;
  }
  if (s->nexits == CS_MAXEXITS) {
    s->exits_overflow = true;
    return;
  }
  s->exits[s->nexits++] = (CsExit){at, ha, hl, ra, rl, nr};
}
/* Skips blanks, comments and `;` in src[i..to); where it stopped. */
static uint32_t cs__skip_blank(const char *src, uint32_t i, uint32_t to) {
  while (i < to) {
    char ch = src[i];
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v' ||
        ch == ';') {
      i++;
    } else if (ch == '/' && i + 1 < to && src[i + 1] == '*') {
      uint32_t j = i + 2;
      while (j + 1 < to && !(src[j] == '*' && src[j + 1] == '/')) j++;
      if (j + 1 >= to) return to;
      i = j + 2;
    } else if (ch == '/' && i + 1 < to && src[i + 1] == '/') {
      while (i < to && src[i] != '\n') i++;
    } else {
      break;
    }
  }
  return i;
}
static bool cs__ident_char(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
static uint64_t cs__label_name(Cs *s, RlNode n, bool is_goto) {
  size_t len;
  const char *t = rl_text(s->cx, n, &len);
  size_t i = 0;
  if (is_goto) {
    if (len >= 4 && memcmp(t, "goto", 4) == 0) i = 4;
    while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n')) i++;
  }
  size_t j = i;
  while (j < len && cs__ident_char(t[j])) j++;
  return rl_hash_bytes(RL_FNV_INIT, t + i, j - i);
}
static CsLabel *cs__label(Cs *s, uint64_t name) {
  for (uint32_t i = 0; i < s->nlabels; i++)
    if (s->labels[i].name == name) return &s->labels[i];
  if (s->nlabels == CS_MAXLABELS) return NULL;
  if (!s->labels) s->labels = rl_alloc(s->cx, CS_MAXLABELS * sizeof *s->labels);
  CsLabel *l = &s->labels[s->nlabels++];
  memset(l, 0, sizeof *l);
  l->name = name;
  return l;
}
/* fvar, fval: the scoped-lock variable the increment sets to fval (0, 1;
 * -1: nothing to do) */
static void cs__loop(Cs *s, RlNode cond, RlNode body, RlNode inc, bool do_while,
                     bool has_cond, CsSet *cur, RlNode fvar, int fval) {
  CsSet sets[7];
  CsSet *entry = &sets[0], *exit = &sets[1], *t = &sets[2], *f = &sets[3];
  CsSet *brk = &sets[4], *cont = &sets[5], *next = &sets[6];
  f->n = 0;
  CsSet *ob = s->brk, *oc = s->cont;
  uint64_t ostep = s->stepped;
  s->stepped = 0;
  *entry = *cur;
  exit->n = 0;
  bool settled = false;
  for (int round = 0; round < 3; round++) {
    if (do_while) {
      *t = *entry;
    } else if (has_cond) {
      cs__cond(s, cond, entry, t, f);
               cs_set_union(exit, f);
                            } else {
      *t = *entry;
    }
    brk->n = cont->n = 0;
    s->brk = brk;
    s->cont = cont;
    cs__stmt(s, body, t);
             s->brk = ob;
    s->cont = oc;
    cs_set_union(t, cont);
                 cs_set_union(exit, brk);
                              if (inc) cs__expr(s, inc, t);
    if (fval >= 0) cs__flag_set(s, t, rl_c_name(s->cx, fvar), fval);
    if (do_while) {
      if (has_cond) {
        cs__cond(s, cond, t, next, f);
                 cs_set_union(exit, f);
                              *t = *next;
      }
    }
    *next = *entry;
    cs_set_union(next, t);
                 if (cs_set_eq(next, entry)) {
      settled = true;
      break;
    }
    *entry = *next;
  }
  if (!settled) s->gbail = true; /* a later pass could weaken a guard */
  *cur = *exit;
  cs_loop_exit(s, cur);
               s->stepped = ostep;
}
/* Section - statements the parser dropped
 *
 * Without the build's headers, clang drops a statement that names what it
 * cannot find (`return RD_KAFKA_RESP_ERR__DESTROY;`, `return
 * reply(UNDEFINED);`): libclang shows nothing there, and "unlock; return"
 * read as "unlock, and go on" to the next unlock. A `return` that begins
 * the source between two statements of a block (no node of its own, no
 * preprocessor line in between) ends the path there. */
static bool cs__dropped_return(const Cs *s, uint32_t from, uint32_t to) {
  const char *src = s->cx->src;
  if (to > s->cx->len) to = (uint32_t)s->cx->len;
  /* the previous statement's `;` is outside its node */
  uint32_t i = cs__skip_blank(src, from, to);
  if (i + 6 > to || memcmp(src + i, "return", 6) != 0) return false;
  char nx = i + 6 < to ? src[i + 6] : ' ';
  if (cs__ident_char(nx)) return false;
  for (uint32_t j = i; j < to; j++) /* disabled code (#if 0 ... #endif) is no statement */
    if (src[j] == '#') return false;
  return true;
}
/* The lock a dropped call's argument text names (`&lock`, `&s->mu`): a
 * lock of the file named by that text, the same for every statement of
 * the file that spells it so. UINT32_MAX if the text is no object. */
static uint32_t cs__text_lock(Cs *s, const char *t, uint32_t len, RlNode at) {
  while (len && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '&' || *t == '(')) t++, len--;
  while (len && (t[len - 1] == ' ' || t[len - 1] == '\t' || t[len - 1] == '\n' ||
                 t[len - 1] == ')'))
    len--;
  if (!len || len > 120) return UINT32_MAX;
  bool ident = true;
  for (uint32_t k = 0; k < len; k++) {
    char c = t[k];
    if (c == '(' || c == ',' || c == '"' || c == '\'' || c == '\n') return UINT32_MAX;
    if (!cs__ident_char(c)) ident = false;
  }
  RlCObj cls;
  memset(&cls, 0, sizeof cls);
  cls.kind = RL_CO_GLOBAL;
  cls.name = rl_arena_printf(s->cx->scratch, "%.*s", (int)len, t);
  cls.file_local = !ident || cs_is_static(s, cls.name);
  return cs_lock_add(s, cs_inst(&cls, 0), &cls, RL_NONE, at, -1, false, false, 0);
}
/* Is the identifier-like text t[0, n) a C keyword that a parenthesis can
 * follow (so `kw (...);` is no call statement)? */
static bool cs__keyword(const char *t, uint32_t n) {
  static const char *const kws[] = {"return", "if", "while", "for", "switch", "sizeof",
                                    "do", "else", "case", "goto", "_Alignof", "_Generic",
                                    "__typeof__", "typeof", "_Static_assert"};
  for (size_t k = 0; k < RL_COUNTOF(kws); k++)
    if (strlen(kws[k]) == n && memcmp(t, kws[k], n) == 0) return true;
  return false;
}
/* Lock calls the parser dropped. Without glib.h, `static GMutex lock;` is
 * an invalid declaration, and clang drops every statement that names it,
 * `g_mutex_lock(&lock);` included: the code between lock and unlock read
 * as unlocked. In a file parsed incompletely, the call statements
 * `name(arg);` that begin the source between two statements of a block,
 * with `name` a lock or unlock of the C library or GLib (or the project's
 * configured ones), take or release the lock named by the argument's
 * text, on the paths of `cur`. No lock-balance finding is made on such a
 * lock (its other uses may be dropped too). Other dropped call statements
 * are passed over. Returns where the source left no call statement (a
 * dropped `return` may follow). */
static uint32_t cs__dropped_locks(Cs *s, uint32_t from, uint32_t to, RlNode at, CsSet *cur) {
  const char *src = s->cx->src;
  if (to > s->cx->len) to = (uint32_t)s->cx->len;
  for (uint32_t j = from; j < to; j++) /* a preprocessor line: the gap may not be code */
    if (src[j] == '#') return from;
  uint32_t i = cs__skip_blank(src, from, to);
  while (i < to && cur->n) {
    uint32_t n0 = i;
    while (i < to && cs__ident_char(src[i])) i++;
    uint32_t n1 = i;
    i = cs__skip_blank(src, i, to);
    if (n1 == n0 || n1 - n0 >= 64 || i >= to || src[i] != '(') return n0;
    /* `return (CS_OK);` is no call: a dropped return follows */
    if (cs__keyword(src + n0, n1 - n0)) return n0;
    uint32_t a0 = ++i, depth = 1;
    while (i < to && depth) {
      if (src[i] == '(') depth++;
      else if (src[i] == ')') depth--;
      else if (src[i] == ';' || src[i] == '{' || src[i] == '}') return n0;
      i++;
    }
    if (depth) return n0;
    uint32_t a1 = i - 1;
    while (i < to && (src[i] == ' ' || src[i] == '\t')) i++;
    if (i >= to || src[i] != ';') return n0;
    char name[64];
    memcpy(name, src + n0, n1 - n0);
    name[n1 - n0] = 0;
    const CsOp *op = cs_opx(s, name);
    /* another dropped call (`duk_push_error_object(ctx, ...);` before a
     * dropped `return duk_throw(ctx);`): its effect was unknown anyway */
    bool lockop = op && !op->arg && !op->pair && (op->op == OP_LOCK || op->op == OP_UNLOCK);
    uint32_t l = lockop ? cs__text_lock(s, src + a0, a1 - a0, at) : UINT32_MAX;
    if (l != UINT32_MAX) {
      s->suppressed |= cs_bit(l);
      if (op->rec) s->locks[l].rec = true;
      if (op->op == OP_LOCK) cs_acquire(s, at, l, op->read, cur);
      else cs_release(s, at, l, cur);
    }
    i = cs__skip_blank(src, i, to);
  }
  return i;
}
/* The byte range of node n. */
static void cs__span(const Cs *s, RlNode n, uint32_t *from, uint32_t *to) {
  size_t len;
  const char *t = rl_text(s->cx, n, &len);
  *from = (uint32_t)(t - s->cx->src);
  *to = *from + (uint32_t)len;
}
/* The statements of block n, with a path ended where a return was dropped
 * between them. */
static void cs__block(Cs *s, RlNode n, CsSet *cur) {
  RlCtx *cx = s->cx;
  bool gaps = !(cx->tree.nodes[n].flags & RL_NF_MACRO);
  uint32_t from, bfrom, bto;
  cs__span(s, n, &bfrom, &bto);
  from = bfrom + 1; /* after `{` */
  for (RlNode c = rl_first_child(cx, n); c; c = rl_next_sibling(cx, c)) {
    uint32_t cf, ct;
    cs__span(s, c, &cf, &ct);
    bool macro = cx->tree.nodes[c].flags & RL_NF_MACRO;
    uint32_t at = gaps && !macro && s->incomplete && cur->n && cf > from
                      ? cs__dropped_locks(s, from, cf, c, cur)
                      : from;
    if (gaps && !macro && cur->n && cf > at && cs__dropped_return(s, at, cf)) {
      cs__exit(s, n, cur);
      cur->n = 0;
    }
    cs__stmt(s, c, cur);
    if (!macro && ct > from) from = ct;
  }
  if (gaps && s->incomplete && cur->n && bto > from + 1)
    from = cs__dropped_locks(s, from, bto - 1, n, cur);
  if (gaps && cur->n && bto > from + 1 && cs__dropped_return(s, from, bto - 1)) {
    cs__exit(s, n, cur);
    cur->n = 0;
  }
}
/* A for statement: its parts found by shape when some are absent, and
 * the scoped-lock macros built on one. */
static void cs__for(Cs *s, RlNode n, CsSet *cur) {
  RlCtx *cx = s->cx;
  /* children: [init] [cond] [inc] body, absent ones not visited */
  RlNode kids[4];
  uint32_t nk = 0;
  for (RlNode c = rl_first_child(cx, n); c && nk < 4; c = rl_next_sibling(cx, c)) kids[nk++] = c;
  if (!nk) return;
  RlNode body = kids[nk - 1], init = RL_NONE, cond = RL_NONE, inc = RL_NONE;
  if (nk == 4) {
    init = kids[0], cond = kids[1], inc = kids[2];
  } else if (nk >= 2) {
    /* guess: a comparison or a `!x` is the condition */
    for (uint32_t i = 0; i + 1 < nk; i++) {
      RlNode c = rl_strip(cx, kids[i]);
      RlKind ck = rl_kind(cx, c);
      const char *op = ck == RL_C_BINARY_OPERATOR || ck == RL_C_UNARY_OPERATOR ? cs_opstr(cx, c) : "";
      bool is_cond = !cond && ((ck == RL_C_BINARY_OPERATOR && !cs_is_assign(cx, c) &&
                                strcmp(op, ",") != 0) ||
                               (ck == RL_C_UNARY_OPERATOR && strcmp(op, "!") == 0));
      if (rl_kind(cx, kids[i]) == RL_C_DECL_STMT || (!is_cond && !cond && !init && i == 0 &&
                                                     nk == 3))
        init = kids[i];
      else if (is_cond)
        cond = kids[i];
      else
        inc = kids[i];
    }
  }
  cs__expr(s, init, cur);
  /* a scoped-lock macro: `for (v = lock(m); v != 0; v = unlock(m))` */
  /* (the body runs locked once: a lock in the initialisation sets the
   * variable, an unlock in the increment clears it, whatever functions
   * of other files return) */
  RlNode fv = cond ? cs__for_var(s, cond) : RL_NONE;
  int fval = -1;
  RlNode iv = cs__macro_assign(s, init, fv), nv = cs__macro_assign(s, inc, fv);
  if (iv && nv) {
    int it = cs__truth(s, iv, 0);
    if (it < 0 && cs_lockish(s, init, rl_node_end(cx, init))) it = 1;
    cs__flag_set(s, cur, rl_c_name(cx, fv), it);
    fval = cs__truth(s, nv, 0);
    if (fval < 0 && cs_lockish(s, inc, rl_node_end(cx, inc))) fval = 0;
    if (!*cs_opstr(cx, rl_strip(cx, cond))) cond = fv;
  }
  cs__loop(s, cond, body, inc, false, cond != RL_NONE, cur, fv, fval);
}

static void cs__stmt(Cs *s, RlNode n, CsSet *cur) {
  RlCtx *cx = s->cx;
  if (!n || s->bail) return;
  if (++s->depth > CS_MAXDEPTH) {
    s->bail = true;
    s->depth--;
    return;
  }
  switch (rl_kind(cx, n)) {
  case RL_C_COMPOUND_STMT:
    cs__block(s, n, cur);
    break;
  case RL_C_IF_STMT: {
    if (s->emit && cur->n) cs_lazy(s, n, cur);
    CsSet sets[2], *t = &sets[0], *f = &sets[1];
    s->tagging = s->lockish && cs_lockish(s, n, rl_node_end(cx, n));
    cs__cond(s, rl_child(cx, n, RL_F_CONDITION), cur, t, f);
             s->tagging = false;
    cs__stmt(s, rl_child(cx, n, RL_F_CONSEQUENCE), t);
             cs__stmt(s, rl_child(cx, n, RL_F_ALTERNATIVE), f);
                      *cur = *t;
    cs_set_union(cur, f);
                 break;
  }
  case RL_C_WHILE_STMT:
    cs__loop(s, rl_child(cx, n, RL_F_CONDITION), rl_child(cx, n, RL_F_BODY), RL_NONE, false,
             true, cur, RL_NONE, -1);
    break;
  case RL_C_DO_STMT:
    cs__loop(s, rl_child(cx, n, RL_F_CONDITION), rl_child(cx, n, RL_F_BODY), RL_NONE, true,
             true, cur, RL_NONE, -1);
    break;
  case RL_C_FOR_STMT:
    cs__for(s, n, cur);
    break;
  case RL_C_SWITCH_STMT: {
    RlNode cond = rl_first_child(cx, n), body = RL_NONE;
    for (RlNode c = cond; c; c = rl_next_sibling(cx, c)) body = c;
    if (body == cond) break;
    cs__expr(s, cond, cur);
             CsSet sets[2], *entry = &sets[0], *brk = &sets[1];
    *entry = *cur;
    brk->n = 0;
    cur->n = 0;
    bool has_default = false;
    CsSet *ob = s->brk, *oe = s->sw_entry;
    bool *od = s->sw_default;
    s->brk = brk;
    s->sw_entry = entry;
    s->sw_default = &has_default;
    cs__stmt(s, body, cur);
             s->brk = ob;
    s->sw_entry = oe;
    s->sw_default = od;
    cs_set_union(cur, brk);
                 if (!has_default) cs_set_union(cur, entry);
    break;
  }
  case RL_C_CASE_STMT:
  case RL_C_DEFAULT_STMT: {
    if (s->sw_entry) cs_set_union(cur, s->sw_entry);
    if (rl_kind(cx, n) == RL_C_DEFAULT_STMT && s->sw_default) *s->sw_default = true;
    RlNode last = RL_NONE;
    uint32_t k = 0;
    for (RlNode c = rl_first_child(cx, n); c; c = rl_next_sibling(cx, c)) last = c, k++;
    if (last && (rl_kind(cx, n) == RL_C_DEFAULT_STMT || k >= 2)) cs__stmt(s, last, cur);
    break;
  }
  case RL_C_RETURN_STMT:
    cs__expr(s, rl_first_child(cx, n), cur);
             cs__exit(s, n, cur);
                      cur->n = 0;
    break;
  case RL_C_BREAK_STMT:
    if (s->brk) cs_set_union(s->brk, cur);
    cur->n = 0;
    break;
  case RL_C_CONTINUE_STMT:
    if (s->cont) cs_set_union(s->cont, cur);
    cur->n = 0;
    break;
  case RL_C_GOTO_STMT: {
    CsLabel *l = cs__label(s, cs__label_name(s, n, true));
    if (l && !l->seen) cs_set_union(&l->pending, cur);
    else if (!l) s->bail = true;
    else if (cur->n) s->gbail = true; /* backward: guards after the label unsure */
    cur->n = 0;
    break;
  }
  case RL_C_LABEL_STMT: {
    CsLabel *l = cs__label(s, cs__label_name(s, n, false));
    if (!l) {
      s->bail = true;
      break;
    }
    cs_set_union(cur, &l->pending);
                 l->seen = true;
    cs__stmt(s, rl_first_child(cx, n), cur);
             break;
  }
  case RL_C_NULL_STMT:
    break;
  default:
    if (cur->n) cs__expr(s, n, cur);
    break;
  }
  s->depth--;
}
void cs_run(Cs *s) {
  s->nlocks = 0;
  s->suppressed = 0;
  s->nobalance = 0;
  s->uncertain = 0;
  s->stepped = 0;
  s->assumed = 0;
  s->nassume = 0;
  s->nexits = 0;
  s->exits_overflow = false;
  s->nlabels = 0;
  s->brk = s->cont = s->sw_entry = NULL;
  s->sw_default = NULL;
  s->ntry = s->ndeferred = s->nalias = s->ntl = 0;
  s->bail = false;
  s->nguards = 0;
  s->gbail = false;
  s->depth = 0;
  s->nnr = 0;
  s->tagging = false;
  s->lockish = cs_lockish(s, s->body, rl_node_end(s->cx, s->body));
  cs_params(s);
  cs__find_flags(s);
            CsSet curs, *cur = &curs;
  cur->n = 1;
  memset(&cur->s[0], 0, sizeof cur->s[0]);
  cs__stmt(s, s->body, cur);
           cs__exit(s, s->body, cur); /* falling off the end */
                    }
