/* csum_cond.c - conditions of the C summaries' path walk that carry lock
 * state: a lock call's result kept in a variable (a blocking lock's until
 * the variable is assigned again; a trylock's, which splits the path
 * states by the variable's truth), and which tested conditions the path
 * states remember (those tested again around a lock or unlock, calls of
 * another file's predicates among them). Part of csum.c's module
 * (csum_int.h); csum_paths.c walks the statements. */
#include "csum_int.h"

#include <string.h>

/* The blocking lock call kept in variable `h` (its name hash) is
 * forgotten: the variable is assigned again, or its address given away. */
void cs_untrack(Cs *s, uint64_t h) {
  uint32_t m = 0;
  for (uint32_t i = 0; i < s->ntry; i++)
    if (s->tryvar[i] != h) {
      s->tryvar[m] = s->tryvar[i];
      s->trycall[m++] = s->trycall[i];
    }
  s->ntry = m;
}
/* Section - trylock results kept in a variable
 *
 * `ret = TRY_LOCK(&m); if (ret) goto out; ... UNLOCK(&m); out: if (ret)
 * ...`: the lock is held only where the variable says the call succeeded.
 * At the call, every path state splits in two, each remembering the
 * variable's truth as a branch condition (the variable itself, as a flag
 * variable's constant is remembered): where the call succeeded (the
 * variable 0; GLib's trylocks: true) the lock is held, where it failed it
 * is not. A later test of the variable (`if (ret)`, `ret != 0`, `!ret`,
 * `ret == EBUSY`) follows the remembered value, and an assignment to the
 * variable forgets it (cs_drop_tags): a test of its new value (`ret =
 * dict_set(...); if (ret) goto out;`) no longer decides the lock. A
 * trylock of a lock the path already holds fails (EBUSY): that path only
 * fails, and no double lock is reported at a trylock. Only for a variable
 * the function tests after the call; otherwise the call's effect stays
 * unknown, as before. */
/* Is reference r compared with a constant other than zero (`r == EBUSY`,
 * `r != EBUSY`)? The comparison then, else none. */
static RlNode cs__const_cmp(Cs *s, RlNode r) {
  RlCtx *cx = s->cx;
  RlNode c = r, p = rl_parent(cx, r);
  while (p && rl_strip(cx, p) != p) c = p, p = rl_parent(cx, p);
  if (!p || rl_kind(cx, p) != RL_C_BINARY_OPERATOR ||
      (!cs_op_is(cx, p, "==") && !cs_op_is(cx, p, "!=")))
    return RL_NONE;
  RlNode a = rl_first_child(cx, p), b = rl_next_sibling(cx, a);
  RlNode o = a == c ? b : a;
  if (!o || cs_is_zero(cx, o) || !cs_const_expr(cx, o)) return RL_NONE;
  const RlNodeExt *x = cs_ext(cx, rl_strip(cx, o));
  if (x && x->value && strcmp(x->value, "0") == 0) return RL_NONE;
  return p;
}
/* A reference to local `name` that a condition after node `after` tests
 * (`if (v)`, `!v`, `v != 0`, `v == EBUSY`); none if there is none. */
static RlNode cs__tested_ref(Cs *s, const char *name, RlNode after) {
  RlCtx *cx = s->cx;
  RlNode end = rl_node_end(cx, s->body);
  for (RlNode i = rl_node_end(cx, after); i < end; i++) {
    if (rl_kind(cx, i) != RL_C_DECL_REF_EXPR || strcmp(rl_c_name(cx, i), name) != 0) continue;
    RlNode cmp = cs__const_cmp(s, i);
    if (cs_tested(s, i) || (cmp && cs_tested(s, cmp))) return i;
  }
  return RL_NONE;
}
/* The trylock link of variable key `key`, or -1. */
static int cs__try_link_of(const Cs *s, uint64_t key) {
  for (uint32_t i = 0; i < s->ntl; i++)
    if (s->tlkey[i] == key) return (int)i;
  return -1;
}
/* Remembers on st that the variable of link k is true (v 1) or false. */
static bool cs__try_tag(const Cs *s, CsState *st, uint32_t k, int v) {
  if (st->ntag >= CS_MAXT) return false;
  uint8_t j = st->ntag++;
  st->tagk[j] = s->tlkey[k];
  st->tagr[j] = s->tlroot[k];
  st->tagn[j] = s->tlref[k];
  if (v) st->tagv |= (uint8_t)(1u << j);
  else st->tagv &= (uint8_t)~(1u << j);
  return true;
}
/* The trylock `call` kept in a variable tested later: splits the states of
 * `set` by its result (above). False if `call` is no such trylock. */
bool cs_try_split(Cs *s, RlNode call, const CsOp *op, CsSet *set) {
  RlCtx *cx = s->cx;
  int k = -1;
  for (uint32_t i = 0; i < s->ntl; i++)
    if (s->tlcall[i] == call) k = (int)i;
  if (k < 0 || !op || op->op != OP_TRY) return false;
  uint8_t n = op->pair ? 2 : 1;
  uint32_t ls[2] = {UINT32_MAX, UINT32_MAX};
  for (uint8_t q = 0; q < n; q++) ls[q] = cs_lock_of(s, rl_c_arg(cx, call, op->arg + q), call, false);
  if (ls[1] == ls[0]) ls[1] = UINT32_MAX;
  if (ls[0] == UINT32_MAX && ls[1] == UINT32_MAX) return false;
  uint64_t mask = 0;
  for (uint8_t q = 0; q < n; q++) {
    if (ls[q] == UINT32_MAX) continue;
    s->locks[ls[q]].read = op->read;
    if (op->rec) s->locks[ls[q]].rec = true;
    if (!op->read && !op->rec) mask |= cs_bit(ls[q]);
    cs_lock_event(s, call, ls[q], false, true, set);
  }
  cs_drop_tags(s, set, s->tlroot[k]);
  int okv = op->ok_true ? 1 : 0;
  CsSet ok, fail;
  ok.n = fail.n = 0;
  for (uint32_t i = 0; i < set->n; i++) {
    CsState f = set->s[i], o = set->s[i];
    if (!cs__try_tag(s, &f, (uint32_t)k, !okv)) {
      /* no room to remember it: the lock's state is unknown on this path */
      for (uint8_t q = 0; q < n; q++)
        if (ls[q] != UINT32_MAX) {
          s->uncertain |= cs_bit(ls[q]);
          f.held &= ~cs_bit(ls[q]);
          f.rel &= ~cs_bit(ls[q]);
        }
      cs_set_add(&fail, &f);
      continue;
    }
    cs_set_add(&fail, &f);
    if (o.held & mask) continue; /* held already: the trylock fails */
    cs__try_tag(s, &o, (uint32_t)k, okv);
    cs_set_add(&ok, &o);
  }
  for (uint8_t q = 0; q < n; q++)
    if (ls[q] != UINT32_MAX) cs_acquire(s, call, ls[q], op->read, &ok);
  *set = fail;
  cs_set_union(set, &ok);
  return true;
}
/* A lock call stored in a variable: remember it for the later test. */
void cs_track_try(Cs *s, const char *var, RlNode rhs) {
  rhs = rl_strip(s->cx, rhs);
  if (rl_kind(s->cx, rhs) != RL_C_CALL_EXPR) return;
  const CsOp *op = cs_opx(s, rl_c_callee(s->cx, rhs));
  if (!op || (op->op != OP_LOCK && op->op != OP_TRY)) return;
  if (op->op == OP_TRY) {
    /* a trylock's effect is decided at the call, by the variable's later
     * tests (above); never tested: unknown */
    if (!cs_deferred(s, rhs) && s->ndeferred < RL_COUNTOF(s->deferred))
      s->deferred[s->ndeferred++] = rhs;
    bool known = false;
    for (uint32_t i = 0; i < s->ntl; i++) known |= s->tlcall[i] == rhs;
    RlNode ref = known ? RL_NONE : cs__tested_ref(s, var, rhs);
    if (ref && s->ntl < RL_COUNTOF(s->tlcall)) {
      s->tlcall[s->ntl] = rhs;
      s->tlroot[s->ntl] = cs_h32(var);
      s->tlkey[s->ntl] = rl_expr_key(s->cx, ref);
      s->tlref[s->ntl++] = ref;
    }
    return;
  }
  /* a blocking lock is taken now (the test, if any, only undoes it on the
   * error branch) */
  if (s->ntry < RL_COUNTOF(s->tryvar)) {
    s->tryvar[s->ntry] = rl_hash_str(RL_FNV_INIT, var);
    s->trycall[s->ntry++] = rhs;
  }
}
/* Is e `ret == EBUSY` or `ret != EBUSY` (a constant other than zero) of a
 * variable holding a trylock's result? Its key then in *key. */
bool cs_try_const(Cs *s, RlNode e, uint64_t *key) {
  RlCtx *cx = s->cx;
  RlNode a = rl_strip(cx, rl_first_child(cx, e));
  RlNode b = rl_strip(cx, rl_next_sibling(cx, rl_first_child(cx, e)));
  RlNode v = rl_kind(cx, a) == RL_C_DECL_REF_EXPR   ? a
             : rl_kind(cx, b) == RL_C_DECL_REF_EXPR ? b
                                                    : RL_NONE;
  if (!v || !cs__const_cmp(s, v)) return false;
  *key = rl_expr_key(cx, v);
  return cs__try_link_of(s, *key) >= 0;
}
/* The states of `in` where `ret == EBUSY` may hold (eq: true only where
 * the call failed) and where it may not (ne: every state, another error
 * being possible too). */
void cs_try_const_split(const CsSet *in, uint64_t key, CsSet *eq, CsSet *ne) {
  for (uint32_t i = 0; i < in->n; i++) {
    const CsState *st = &in->s[i];
    int have = -1;
    for (uint8_t j = 0; j < st->ntag; j++)
      if (st->tagk[j] == key) have = (st->tagv >> j) & 1;
    if (have != 0) cs_set_add(eq, st);
    cs_set_add(ne, st);
  }
}
/* `(rc = pthread_mutex_trylock(&m)) != 0` tested at once: the variable
 * remembers on each branch what the call returned, for its later tests. */
void cs_cond_assigned(Cs *s, RlNode e, RlNode lc, CsSet *t, CsSet *f) {
  RlCtx *cx = s->cx;
  e = rl_strip(cx, e);
  if (rl_kind(cx, e) != RL_C_BINARY_OPERATOR || !cs_op_is(cx, e, "=")) return;
  RlNode v = rl_strip(cx, rl_first_child(cx, e));
  if (rl_kind(cx, v) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, v) != RL_REF_LOCAL) return;
  const char *name = rl_c_name(cx, v);
  uint32_t root = cs_h32(name);
  cs_drop_tags(s, t, root);
  cs_drop_tags(s, f, root);
  cs_untrack(s, rl_hash_str(RL_FNV_INIT, name));
  RlNode ref = cs__tested_ref(s, name, lc);
  if (!ref) return;
  uint64_t key = rl_expr_key(cx, ref);
  int k = cs__try_link_of(s, key);
  if (k < 0) {
    if (s->ntl == RL_COUNTOF(s->tlcall)) return;
    k = (int)s->ntl++;
    s->tlcall[k] = RL_NONE; /* the test splits, not the call */
    s->tlroot[k] = root;
    s->tlkey[k] = key;
    s->tlref[k] = ref;
  }
  for (uint32_t i = 0; i < t->n; i++) cs__try_tag(s, &t->s[i], (uint32_t)k, 1);
  for (uint32_t i = 0; i < f->n; i++) cs__try_tag(s, &f->s[i], (uint32_t)k, 0);
}

/* Section - remembered conditions */
/* A call a remembered condition may hold (`is_muxed(ctx->name)`, tested
 * twice): a function of another file, or of this file without a lock
 * effect, with arguments free of calls and assignments, taken to answer
 * the same while nothing its arguments read changes (as a condition
 * reading a field is trusted across calls). */
bool cs_pure_call(Cs *s, RlNode call) {
  RlCtx *cx = s->cx;
  const char *name = rl_c_callee(cx, call);
  if (!*name || cs_opx(s, name) || cs_atomic_name(name, strlen(name)) ||
      cs_guessed_lock_call(s, call))
    return false;
  const CsFunc *f = cs_func(s, name);
  if (f && f->neff) return false;
  RlNode end = rl_node_end(cx, call);
  for (RlNode i = call + 1; i < end; i++)
    if (rl_kind(cx, i) == RL_C_CALL_EXPR || cs_is_assign(cx, i)) return false;
  return true;
}
/* Can condition e be remembered on the path states? No assignments, no
 * calls but cs_pure_call()'s; *root: the hash of the first variable it
 * reads (as CsState.tagr). */
bool cs_taggable(Cs *s, RlNode e, uint32_t *root) {
  RlCtx *cx = s->cx;
  RlNode end = rl_node_end(cx, e);
  *root = 0;
  for (RlNode i = e; i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if ((k == RL_C_CALL_EXPR && !cs_pure_call(s, i)) || cs_is_assign(cx, i)) return false;
    if (k == RL_C_DECL_REF_EXPR && !*root && rl_c_ref(cx, i) != RL_REF_FUNCTION)
      *root = cs_h32(rl_c_name(cx, i));
  }
  return *root != 0;
}
/* Is condition e tested again elsewhere in the function? Only then is it
 * worth one of the CS_MAXT remembered conditions: a loop body with many
 * one-off tests would otherwise use them all up before the one that
 * matters (memcached's `if (!mod->needs_lock) unlock; ...; if
 * (mod->needs_lock) unlock;` after five other tests). A variable merely
 * used again (`if (it == NULL) ...; eval(it);`) is not tested again. */
static bool cs__retested(Cs *s, RlNode e, bool *lockish) {
  RlCtx *cx = s->cx;
  RlKind k = rl_kind(cx, e);
  uint64_t key = 0;
  bool any = false;
  *lockish = false;
  RlNode end = rl_node_end(cx, s->body);
  for (RlNode i = s->body; i < end; i++) {
    if (i == e || rl_kind(cx, i) != k) continue;
    if (!key) key = rl_expr_key(cx, e);
    if (rl_expr_key(cx, i) != key || !cs_tested(s, i)) continue;
    any = true;
    /* tested again by an if or loop that locks or unlocks */
    RlNode st = RL_NONE;
    for (RlNode p = rl_parent(cx, i); p && p != s->fn && !st; p = rl_parent(cx, p)) {
      RlKind pk = rl_kind(cx, p);
      if (pk == RL_C_IF_STMT || pk == RL_C_WHILE_STMT || pk == RL_C_DO_STMT || pk == RL_C_FOR_STMT)
        st = p;
    }
    if (st && cs_lockish(s, st, rl_node_end(cx, st))) {
      *lockish = true;
      return true;
    }
  }
  return any;
}
/* Is taggable condition e worth remembering? Where this if locks or
 * unlocks, or where an if or loop that does tests it again (`if (!ctx)
 * goto out; lock(); ... out: if (ctx) unlock();`). */
bool cs_worth_tag(Cs *s, RlNode e) {
  bool lockish_again = false;
  if (!s->lockish || !cs__retested(s, e, &lockish_again)) return false;
  return s->tagging || lockish_again;
}
