/* csum_lockset.c - paths and locksets of the C summaries: sets of path
 * states, lock identity (the class of a lock object, its instances),
 * acquiring and releasing on a set of states, the events the second walk
 * records, the file's lock wrappers (their effects, applied at call sites
 * with the caller's arguments), and loops over lock elements. Part of
 * csum.c's module (csum_int.h). */
#include "csum_int.h"

#include <stdlib.h>
#include <string.h>

static bool cs__state_eq(const CsState *a, const CsState *b) {
  if (a->held != b->held || a->rel != b->rel || a->ntag != b->ntag || a->tagv != b->tagv)
    return false;
  for (uint8_t i = 0; i < a->ntag; i++)
    if (a->tagk[i] != b->tagk[i]) return false;
  return true;
}
/* Paths meet: a guard holds where it held on both. */
static void cs__guard_join(CsState *d, const CsState *st) {
  d->geq &= st->geq;
  d->gne &= st->gne;
  d->nr &= st->nr;
}
void cs_set_add(CsSet *d, const CsState *st) {
  for (uint32_t i = 0; i < d->n; i++)
    if (cs__state_eq(&d->s[i], st)) {
      cs__guard_join(&d->s[i], st);
                     return;
    }
  if (d->n < CS_MAXS) {
    d->s[d->n++] = *st;
    return;
  }
  /* Full: forget the branch conditions and merge equal lock states. */
  CsState t = *st;
  t.ntag = 0;
  t.tagv = 0;
  uint32_t m = 0;
  for (uint32_t i = 0; i < d->n; i++) {
    CsState x = d->s[i];
    x.ntag = 0;
    x.tagv = 0;
    bool dup = false;
    for (uint32_t j = 0; j < m && !dup; j++)
      if (cs__state_eq(&d->s[j], &x)) {
        cs__guard_join(&d->s[j], &x);
                       dup = true;
      }
    if (!dup) d->s[m++] = x;
  }
  d->n = m;
  for (uint32_t i = 0; i < d->n; i++)
    if (cs__state_eq(&d->s[i], &t)) {
      cs__guard_join(&d->s[i], &t);
                     return;
    }
  if (d->n < CS_MAXS) {
    d->s[d->n++] = t;
    return;
  }
  /* Still full: join into the last state (held only if held on both). */
  CsState *l = &d->s[d->n - 1];
  l->held &= t.held;
  l->rel &= t.rel;
  cs__guard_join(l, &t);
                 }
void cs_set_union(CsSet *d, const CsSet *src) {
  for (uint32_t i = 0; i < src->n; i++) cs_set_add(d, &src->s[i]);
}
bool cs_set_eq(const CsSet *a, const CsSet *b) {
  if (a->n != b->n) return false;
  for (uint32_t i = 0; i < a->n; i++) {
    bool f = false;
    for (uint32_t j = 0; j < b->n && !f; j++)
      f = cs__state_eq(&a->s[i], &b->s[j]) && a->s[i].geq == b->s[j].geq &&
          a->s[i].gne == b->s[j].gne && a->s[i].nr == b->s[j].nr;
    if (!f) return false;
  }
  return true;
}
uint64_t cs_must(const CsSet *set) {
  if (!set->n) return 0;
  uint64_t m = ~UINT64_C(0);
  for (uint32_t i = 0; i < set->n; i++) m &= set->s[i].held;
  return m;
}
void cs_forget(Cs *s, CsSet *set, uint32_t l) {
  s->uncertain |= cs_bit(l);
  for (uint32_t i = 0; i < set->n; i++) {
    set->s[i].held &= ~cs_bit(l);
    set->s[i].rel &= ~cs_bit(l);
  }
}
/* Removes the remembered conditions of st whose bit is set in gone,
 * keeping the others (and their values) in order. */
static void cs__forget_tags(CsState *st, uint32_t gone) {
  uint8_t m = 0, v = 0;
  for (uint8_t j = 0; j < st->ntag; j++) {
    if (gone & (1u << j)) continue;
    st->tagk[m] = st->tagk[j];
    st->tagr[m] = st->tagr[j];
    st->tagn[m] = st->tagn[j];
    if (st->tagv & (1u << j)) v |= (uint8_t)(1u << m);
    m++;
  }
  st->ntag = m;
  st->tagv = v;
}
/* Variable `root` is assigned: conditions and guards that read it are
 * forgotten. */
void cs_drop_tags(const Cs *s, CsSet *set, uint32_t root) {
  uint64_t gmask = 0;
  for (uint32_t g = 0; g < s->nguards; g++)
    if (s->guards[g].root == root) gmask |= cs_bit(g);
  for (uint32_t i = 0; i < set->n; i++) {
    CsState *st = &set->s[i];
    st->geq &= ~gmask;
    st->gne &= ~gmask;
    uint32_t gone = 0;
    for (uint8_t j = 0; j < st->ntag; j++)
      if (st->tagr[j] == root) gone |= 1u << j;
    cs__forget_tags(st, gone);
  }
}
/* Forgets the remembered conditions of st for which drop(s, condition,
 * ud) says yes (conditions remembered without their node are kept). */
void cs_drop_tag_if(CsState *st, bool (*drop)(const Cs *, RlNode, const void *), const Cs *s,
                    const void *ud) {
  uint32_t gone = 0;
  for (uint8_t j = 0; j < st->ntag; j++)
    if (st->tagn[j] && drop(s, st->tagn[j], ud)) gone |= 1u << j;
  cs__forget_tags(st, gone);
}
CsEvent *cs_event(Cs *s, RlNode at, uint8_t type, uint64_t mask) {
  if (!s->emit) return NULL;
  for (uint32_t k = s->evslot[at]; k; k = s->ev.v[k - 1].next) {
    CsEvent *e = &s->ev.v[k - 1];
    if (e->type == type) {
      e->mask &= mask;
      return NULL; /* seen on an earlier visit (loops) */
    }
  }
  CsEvent e;
  memset(&e, 0, sizeof e);
  e.at = at;
  e.type = type;
  e.mask = mask;
  e.next = s->evslot[at];
  RL_VEC_PUSH(s->ev, e);
  s->evslot[at] = s->ev.n;
  return &s->ev.v[s->ev.n - 1];
}
/* The event of `type` at `at`, seen again (a loop): its offending paths
 * called only the noreturn candidates both visits' paths called. */
static void cs__event_nr(Cs *s, RlNode at, uint8_t type, uint8_t nr) {
  if (!s->emit) return;
  for (uint32_t k = s->evslot[at]; k; k = s->ev.v[k - 1].next)
    if (s->ev.v[k - 1].type == type) s->ev.v[k - 1].nr &= nr;
}
uint32_t cs_lock_add(Cs *s, uint64_t key, const RlCObj *cls, RlNode x, RlNode at,
                     int8_t param, bool paramlock, bool local, uint64_t basekey) {
  for (uint32_t i = 0; i < s->nlocks; i++)
    if (s->locks[i].key == key) return i;
  if (s->nlocks == CS_MAXL) return UINT32_MAX;
  CsLock *l = &s->locks[s->nlocks];
  memset(l, 0, sizeof *l);
  l->key = key;
  l->basekey = basekey;
  l->cls = *cls;
  l->text = x ? rl_text_dup(s->cx, x) : "";
  if (!*l->text) { /* spelled in a macro: name it by its class */
    size_t n = rl_c_obj_print(NULL, cls, NULL, 0);
    char *t = rl_alloc(s->cx, n + 1);
    rl_c_obj_print(NULL, cls, t, n + 1);
    l->text = t;
  }
  l->at = at;
  l->x = x;
  l->param = param;
  l->paramlock = paramlock;
  l->local = local;
  if (x) {
    RlNode end = rl_node_end(s->cx, x);
    for (RlNode i = x; i < end && l->nmention < 4; i++)
      if (rl_kind(s->cx, i) == RL_C_DECL_REF_EXPR) {
        RlRefKind rk = rl_c_ref(s->cx, i);
        if (rk == RL_REF_LOCAL || rk == RL_REF_PARAM)
          l->mention[l->nmention++] = cs_h32(rl_c_name(s->cx, i));
      }
  }
  return s->nlocks++;
}
/* The instance key of a lock of class cls with base object basekey. */
uint64_t cs_inst(const RlCObj *cls, uint64_t basekey) {
  uint64_t h = rl_hash_str(RL_FNV_INIT, cls->name ? cls->name : "");
  h = rl_hash_str(h, cls->owner ? cls->owner : "");
  uint8_t k[5] = {cls->kind, cls->param, cls->nelem, cls->file_local, cls->deref};
  h = rl_hash_bytes(h, k, sizeof k);
  return rl_hash_bytes(h, &basekey, sizeof basekey);
}
/* The class of a lock object X (a variable, field or array element) into
 * *cls; false if it has none. */
static bool cs__cls_of(Cs *s, RlNode x, int8_t *param, uint64_t *basekey, bool *local,
                       RlCObj *cls) {
  RlCtx *cx = s->cx;
  x = rl_strip(cx, x);
  memset(cls, 0, sizeof *cls);
  /* what clang could not check (`uwsgi.logger_lock` without the header
   * that declares `uwsgi`): a lock of the variable it starts from, named
   * by its text, so that two fields stay two locks */
  const char *spelled = NULL;
  if (rl_kind(cx, x) == RL_C_UNEXPOSED_EXPR && rl_named_child_count(cx, x) == 1) {
    RlNode v = rl_strip(cx, rl_named_child(cx, x, 0));
    if (rl_kind(cx, v) != RL_C_DECL_REF_EXPR) return false;
    spelled = rl_text_dup(cx, x);
    x = v;
  }
  switch (rl_kind(cx, x)) {
  case RL_C_DECL_REF_EXPR: {
    const char *name = rl_c_name(cx, x);
    *basekey = 0;
    cls->name = spelled && *spelled ? spelled : name;
    switch (rl_c_ref(cx, x)) {
    case RL_REF_GLOBAL:
      cls->kind = RL_CO_GLOBAL;
      cls->file_local = cs_is_static(s, name);
      return true;
    case RL_REF_STATIC_LOCAL:
      cls->kind = RL_CO_STATIC_LOCAL;
      cls->owner = s->fname;
      cls->file_local = 1;
      return true;
    case RL_REF_LOCAL:
      *local = true;
      cls->kind = RL_CO_LOCAL;
      cls->owner = s->fname;
      return true;
    default: return false;
    }
  }
  case RL_C_MEMBER_REF_EXPR: {
    RlNode base = rl_strip(cx, rl_first_child(cx, x));
    const char *owner = cs_owner(cx, x);
    if (!*owner || !base) return false;
    *basekey = rl_expr_key(cx, base);
    if (rl_kind(cx, base) == RL_C_DECL_REF_EXPR) {
      if (rl_c_ref(cx, base) == RL_REF_PARAM) *param = (int8_t)cs_param_index(s, rl_c_name(cx, base));
      else if (rl_c_ref(cx, base) == RL_REF_LOCAL) {
        for (uint32_t i = 0; i < s->nalias; i++)
          if (s->alias[i] == rl_hash_str(RL_FNV_INIT, rl_c_name(cx, base)))
            *param = s->alias_param[i];
      }
    }
    cls->kind = RL_CO_FIELD;
    cls->owner = owner;
    cls->name = rl_c_name(cx, x);
    return true;
  }
  case RL_C_ARRAY_SUBSCRIPT_EXPR: {
    RlNode base = rl_strip(cx, rl_first_child(cx, x));
    int8_t p = -1;
    uint64_t bk = 0;
    bool lc = false;
    if (!cs__cls_of(s, base, &p, &bk, &lc, cls)) return false;
    *local = lc;
    *basekey = rl_expr_key(cx, x);
    cls->nelem++;
    return true;
  }
  default:
    return false;
  }
}
/* The lock instance an argument designates (`&m`, `&q->mu`, a mutex
 * pointer); `typed`: only when its type is a mutex type. UINT32_MAX if
 * unknown. */
uint32_t cs_lock_of(Cs *s, RlNode arg, RlNode at, bool typed) {
  RlCtx *cx = s->cx;
  arg = rl_strip(cx, arg);
  if (!arg) return UINT32_MAX;
  int8_t param = -1;
  uint64_t basekey = 0;
  bool local = false, paramlock = false, ok = false;
  RlCObj cls;
  memset(&cls, 0, sizeof cls);
  RlNode x = arg;
  /* `&m`; inside a macro the operator is not readable, but a unary
   * operator on a mutex object given to a lock function can only be & */
  if (rl_kind(cx, arg) == RL_C_UNARY_OPERATOR &&
      (cs_op_is(cx, arg, "&") ||
       (!*cs_opstr(cx, arg) &&
        cs_mutex_type(rl_c_type(cx, rl_strip(cx, rl_first_child(cx, arg)))) &&
                      !strchr(rl_c_type(cx, rl_strip(cx, rl_first_child(cx, arg))), '*')))) {
    x = rl_strip(cx, rl_first_child(cx, arg));
    if (typed && !cs_mutex_type(rl_c_type(cx, x))) return UINT32_MAX;
    ok = cs__cls_of(s, x, &param, &basekey, &local, &cls);
  } else if (rl_kind(cx, arg) == RL_C_DECL_REF_EXPR || rl_kind(cx, arg) == RL_C_MEMBER_REF_EXPR) {
    const char *t = rl_c_type(cx, arg);
    if (!strchr(t, '*') || (typed && !cs_mutex_type(t))) return UINT32_MAX;
    if (rl_kind(cx, arg) == RL_C_DECL_REF_EXPR && rl_c_ref(cx, arg) == RL_REF_PARAM) {
      param = (int8_t)cs_param_index(s, rl_c_name(cx, arg));
      if (param < 0) return UINT32_MAX;
      paramlock = true;
      cls.kind = RL_CO_PARAM;
      cls.param = (uint8_t)param;
      basekey = rl_expr_key(cx, arg);
      ok = true;
    } else {
      ok = cs__cls_of(s, arg, &param, &basekey, &local, &cls);
      cls.deref = 1;
    }
  } else {
    return UINT32_MAX;
  }
  if (!ok) return UINT32_MAX;
  return cs_lock_add(s, cs_inst(&cls, basekey), &cls, x, at, param, paramlock, local, basekey);
                     }
void cs_acquire(Cs *s, RlNode at, uint32_t l, bool read, CsSet *set) {
  if (l == UINT32_MAX) return;
  CsLock *lk = &s->locks[l];
  lk->acquired = true;
  lk->read = read;
  RlNode prev = lk->at;
  lk->at = at;
  uint64_t b = cs_bit(l);
  bool dbl = false;
  uint8_t nr = 0xFF;
  for (uint32_t i = 0; i < set->n; i++) {
    lk->acq_eq |= ~set->s[i].gne;
    lk->acq_ne |= ~set->s[i].geq;
    if ((set->s[i].held & b) && !read && !s->recursive_ok && !lk->rec) {
      dbl = true;
      nr &= set->s[i].nr;
    }
    set->s[i].held |= b;
    set->s[i].rel &= ~b;
  }
  if (dbl && !((s->suppressed | s->nobalance) & b)) {
    CsEvent *e = cs_event(s, at, EV_DOUBLE, 0);
    if (e) {
      e->lock = (uint16_t)l;
      e->prev = prev ? prev : at;
      e->nr = nr;
    } else {
      cs__event_nr(s, at, EV_DOUBLE, nr);
    }
  }
}
void cs_release(Cs *s, RlNode at, uint32_t l, CsSet *set) {
  if (l == UINT32_MAX) return;
  uint64_t b = cs_bit(l);
  bool unheld = false;
  uint8_t nr = 0xFF;
  for (uint32_t i = 0; i < set->n; i++) {
    if (set->s[i].rel & b) {
      unheld = true;
      nr &= set->s[i].nr;
    }
    if (set->s[i].held & b) s->locks[l].own_rel = true;
    set->s[i].held &= ~b;
    set->s[i].rel |= b;
  }
  if (unheld && !((s->suppressed | s->nobalance) & b) && !s->locks[l].read && !s->recursive_ok &&
      !s->locks[l].rec) {
    CsEvent *e = cs_event(s, at, EV_UNHELD, 0);
    if (e) {
      e->lock = (uint16_t)l;
      e->nr = nr;
    } else {
      cs__event_nr(s, at, EV_UNHELD, nr);
    }
  }
}
void cs_lock_event(Cs *s, RlNode at, uint32_t l, bool unlock, bool try_,
                   const CsSet *set) {
  if (l == UINT32_MAX || !s->emit) return;
  uint64_t held = cs_must(set) & ~cs_bit(l);
  /* with the guards on the way: a lock under `if (!locked)` (issue 16) */
  CsEvent *e = cs_gevent(s, at, unlock ? EV_UNLOCK : EV_LOCK, held, set);
  if (!e) return;
  e->lock = (uint16_t)l;
  e->flags = (uint8_t)((try_ ? RL_CF_TRY : 0) | (s->locks[l].read ? RL_CF_READ : 0));
  if (unlock || try_) return;
  /* two parameters of one type locked with nothing deciding the order */
  const CsLock *lk = &s->locks[l];
  if (lk->param < 0 || lk->paramlock || lk->local) return;
  for (uint32_t j = 0; j < s->nlocks; j++) {
    const CsLock *o = &s->locks[j];
    if (j == l || !(held & cs_bit(j)) || o->param < 0 || o->param == lk->param ||
        o->paramlock || !rl_c_obj_eq(&o->cls, &lk->cls))
      continue;
    uint32_t a = (uint32_t)(o->param < lk->param ? o->param : lk->param);
    uint32_t b = (uint32_t)(o->param < lk->param ? lk->param : o->param);
    if (a < 8 && b < 8 && (s->pairs[0] & cs_bit(a * 8 + b))) continue;
    CsEvent *p = cs_event(s, at, EV_PAIR, held);
    if (p) {
      p->lock = (uint16_t)l;
      p->other = (uint16_t)j;
    }
    break;
  }
}
CsFunc *cs_func(const Cs *s, const char *name) {
  uint64_t h = rl_hash_str(RL_FNV_INIT, name);
  uint32_t lo = 0, hi = s->nfuncs;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (s->funcs[mid].name == h) return &s->funcs[mid];
    if (s->funcs[mid].name < h) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}
/* Does [from, end) call a lock operation or a wrapper of this file? */
bool cs_lockish(Cs *s, RlNode from, RlNode end) {
  RlCtx *cx = s->cx;
  for (RlNode i = from; i < end; i++) {
    if (rl_kind(cx, i) != RL_C_CALL_EXPR) continue;
    const char *name = rl_c_callee(cx, i);
    if (!*name) continue;
    const CsOp *op = cs_opx(s, name);
    if (op && op->op != OP_WAIT) return true;
    const CsFunc *f = cs_func(s, name);
    if (f && f->neff) return true;
    if (cs_guessed_lock_call(s, i)) return true;
  }
  return false;
}
int cs_cmp_func(const void *a, const void *b) {
  uint64_t x = ((const CsFunc *)a)->name, y = ((const CsFunc *)b)->name;
  return x < y ? -1 : x > y;
}
/* Section - wrapper locks spelled with the caller's arguments
 *
 * A wrapper `void done(int i) { pthread_mutex_unlock(&locks[i]); }` releases
 * the lock instance locks[i] for the caller's `i`: at `done(k)` the instance
 * is rebuilt as locks[k], with the key and text a direct
 * pthread_mutex_lock(&locks[k]) of the caller has, so the two are one lock
 * (memcached's lru_crawler_class_done(i) after lock(&lru_locks[i])). */
/* The base object of wrapper lock lk when it is spelled with the function's
 * parameters and globals only (`locks[i]` for an element, `q->stats` for
 * q->stats.mu); none otherwise (a local index, a lock hanging straight off
 * a parameter, which the parameter path handles). */
static RlNode cs__wrapper_keyx(const Cs *s, const CsLock *lk) {
  RlCtx *cx = s->cx;
  if (lk->param >= 0 || lk->paramlock || !lk->x) return RL_NONE;
  RlNode x = rl_strip(cx, lk->x), k = RL_NONE;
  if (rl_kind(cx, x) == RL_C_ARRAY_SUBSCRIPT_EXPR) k = x;
  else if (rl_kind(cx, x) == RL_C_MEMBER_REF_EXPR) k = rl_strip(cx, rl_first_child(cx, x));
  if (!k || rl_expr_key(cx, k) != lk->basekey) return RL_NONE;
  RlNode end = rl_node_end(cx, k);
  for (RlNode i = k; i < end; i++) {
    if (rl_kind(cx, i) != RL_C_DECL_REF_EXPR) continue;
    RlRefKind rk = rl_c_ref(cx, i);
    if (rk != RL_REF_PARAM && rk != RL_REF_GLOBAL && rk != RL_REF_FUNCTION && rk != RL_REF_ENUM)
      return RL_NONE;
  }
  return k;
}
typedef struct CsSubst {
  Cs *s;
  RlNode fn, call;
  bool ok;
  uint32_t mention[4]; /* the caller's variables the arguments read */
  uint8_t nmention;
} CsSubst;
/* The call's argument for parameter reference `ref` of the wrapper. */
static RlNode cs__subst_arg(const CsSubst *u, RlNode ref) {
  RlCtx *cx = u->s->cx;
  const char *name = rl_c_name(cx, ref);
  uint32_t k = 0;
  for (RlNode c = rl_first_child(cx, u->fn); c; c = rl_next_sibling(cx, c)) {
    if (rl_kind(cx, c) != RL_C_PARM_DECL) continue;
    if (strcmp(rl_c_name(cx, c), name) == 0)
      return k < rl_c_argc(cx, u->call) ? rl_c_arg(cx, u->call, k) : RL_NONE;
    k++;
  }
  return RL_NONE;
}
static RlNode cs__subst(void *ud, RlNode i) {
  CsSubst *u = ud;
  RlCtx *cx = u->s->cx;
  if (rl_kind(cx, i) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, i) != RL_REF_PARAM) return RL_NONE;
  RlNode a = rl_strip(cx, cs__subst_arg(u, i));
  if (!a) {
    u->ok = false;
    return RL_NONE;
  }
  RlNode end = rl_node_end(cx, a);
  for (RlNode j = a; j < end && u->nmention < 4; j++)
    if (rl_kind(cx, j) == RL_C_DECL_REF_EXPR &&
        (rl_c_ref(cx, j) == RL_REF_LOCAL || rl_c_ref(cx, j) == RL_REF_PARAM))
      u->mention[u->nmention++] = cs_h32(rl_c_name(cx, j));
  return a;
}
/* The text of the wrapper's lock object with its parameters spelled as the
 * call's arguments ("lru_locks[i]"); NULL when a part is unreadable. */
static const char *cs__subst_text(CsSubst *u, RlNode x) {
  RlCtx *cx = u->s->cx;
  const RlNodeRec *r = &cx->tree.nodes[x];
  if (!x || r->start_byte >= r->end_byte || r->end_byte > cx->len) return NULL;
  RlBuf b = {0};
  uint32_t pos = r->start_byte;
  RlNode end = rl_node_end(cx, x);
  for (RlNode i = x; i < end; i++) {
    if (rl_kind(cx, i) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, i) != RL_REF_PARAM) continue;
    const RlNodeRec *p = &cx->tree.nodes[i];
    size_t al;
    RlNode a = cs__subst_arg(u, i);
    const char *at = a ? rl_text(cx, a, &al) : "";
    if (!a || !al || p->start_byte < pos || p->end_byte > r->end_byte) {
      rl_buf_free(&b);
      return NULL;
    }
    rl_buf_printf(&b, "%.*s%.*s", (int)(p->start_byte - pos), cx->src + pos, (int)al, at);
    pos = p->end_byte;
  }
  rl_buf_printf(&b, "%.*s", (int)(r->end_byte - pos), cx->src + pos);
  const char *t = rl_arena_strdup(cx->scratch, rl_buf_cstr(&b));
  rl_buf_free(&b);
  return t;
}
/* The lock instance wrapper effect e designates at `call`. */
uint32_t cs_wrapper_lock(Cs *s, const CsEffect *e, RlNode call) {
  RlCtx *cx = s->cx;
  CsSubst u = {s, e->fn, call, true, {0}, 0};
  uint64_t bk = rl_expr_key_subst(cx, e->keyx, cs__subst, &u);
  if (!u.ok)
    return cs_lock_add(s, cs_inst(&e->cls, 0), &e->cls, RL_NONE, call, -1, false, false, 0);
                       uint32_t n = s->nlocks;
  uint32_t l = cs_lock_add(s, cs_inst(&e->cls, bk), &e->cls, RL_NONE, call, -1, false, false, bk);
  if (l == UINT32_MAX || l < n) return l; /* known already: a direct lock named it */
  CsLock *lk = &s->locks[l];
  /* the lock object of the wrapper: keyx or the member of keyx it names */
  RlNode x = e->keyx, p = rl_parent(cx, x);
  while (p && rl_strip(cx, p) == e->keyx) p = rl_parent(cx, p); /* parentheses, casts */
  if (p && rl_kind(cx, p) == RL_C_MEMBER_REF_EXPR) x = p;
  const char *t = cs__subst_text(&u, x);
  if (t) lk->text = t;
  memcpy(lk->mention, u.mention, sizeof u.mention);
  lk->nmention = u.nmention;
  return l;
}
/* Section - loops over lock elements */
/* `i++` (or any new value of a variable) with lock l = locks[i] named by
 * it: is locks[i] for the new i in the state the old one had? Yes when the
 * innermost loop around the assignment takes l itself and no path holds
 * it, nor another lock of its class, here: a loop body that locks
 * locks[i] for its own i needs it free when the pass begins (or would
 * deadlock on it), so an unlock before that lock in the pass is of a mutex
 * nobody holds (memcached's crawler.c:437); recorded in s->stepped for the
 * loop's exit. Otherwise the new element's state is unknown. */
bool cs_next_element(Cs *s, RlNode assign, uint32_t l, const CsSet *set) {
  RlCtx *cx = s->cx;
  const CsLock *lk = &s->locks[l];
  if (!lk->acquired || !lk->at) return false;
  RlNode loop = RL_NONE;
  for (RlNode p = rl_parent(cx, assign); p && p != s->fn && !loop; p = rl_parent(cx, p)) {
    RlKind k = rl_kind(cx, p);
    if (k == RL_C_FOR_STMT || k == RL_C_WHILE_STMT || k == RL_C_DO_STMT) loop = p;
  }
  if (!loop || lk->at < loop || lk->at >= rl_node_end(cx, loop)) return false;
  uint64_t same = 0;
  for (uint32_t j = 0; j < s->nlocks; j++)
    if (rl_c_obj_eq(&s->locks[j].cls, &lk->cls)) same |= cs_bit(j);
  for (uint32_t i = 0; i < set->n; i++)
    if (set->s[i].held & same) return false;
  s->stepped |= cs_bit(l);
  return true;
}
/* After the loop, the element its index names is none of those the loop
 * took (`for (...; i < n; i++)` leaves i == n; a `break` leaves one it
 * holds): unknown, as after any other assignment of the index. */
void cs_loop_exit(Cs *s, CsSet *cur) {
  for (uint32_t l = 0; l < s->nlocks; l++)
    if (s->stepped & cs_bit(l)) {
      cs_forget(s, cur, l);
                s->suppressed |= cs_bit(l);
    }
}
/* Is there a ':' in class c's spelling with its file ("fn::m@@file",
 * "local:fn.m", an unnamed record's "struct (unnamed at f.c:3:1).mu")?
 * Such locks (statics and locals of the function, and those) make no
 * wrapper effect. */
static bool cs__colon(const Cs *s, const RlCObj *c) {
  if (c->kind == RL_CO_STATIC_LOCAL || c->kind == RL_CO_LOCAL) return true;
  if (c->kind == RL_CO_FIELD && strchr(c->owner, ':')) return true;
  return c->file_local && strchr(s->cx->rel_path, ':');
}
/* A release of lock l on every exit of the paths where a parameter guard
 * holds one way, with no acquisition of l on them: a hand-over (`if
 * (!handover) lock(m); ... unlock(m);` releases its caller's m when
 * handover != 0, and so does `if (release) unlock(m);` when release != 0). Added to f's effects, applied only at calls whose
 * constant argument makes the guard hold. */
static void cs__handover(Cs *s, CsFunc *f, uint32_t l) {
  const CsLock *lk = &s->locks[l];
  if (s->gbail) return;
  for (uint32_t g = 0; g < s->nguards && f->neff < RL_COUNTOF(f->eff); g++) {
    const CsGuard *gd = &s->guards[g];
    if (gd->param < 0) continue;
    uint64_t b = cs_bit(g);
    uint8_t how = !((lk->acq_eq | lk->keep_eq) & b)   ? RL_CQ_EQ
                  : !((lk->acq_ne | lk->keep_ne) & b) ? RL_CQ_NE
                                                      : 0;
    if (!how) continue;
    f->eff[f->neff++] = (CsEffect){false, lk->paramlock, lk->read, lk->param, lk->cls, s->fn,
                                   cs__wrapper_keyx(s, lk), (int8_t)gd->param, how, gd->spell,
                                   gd->value, false};
    return;
  }
}
/* Is exit x `return -N;` (a negative constant: the failure of an
 * int-returning function)? */
static bool cs__fail_exit(const Cs *s, const CsExit *x) {
  RlCtx *cx = s->cx;
  if (rl_kind(cx, x->at) != RL_C_RETURN_STMT) return false;
  RlNode v = rl_strip(cx, rl_first_child(cx, x->at));
  if (!v || rl_kind(cx, v) != RL_C_UNARY_OPERATOR) return false;
  size_t len;
  const char *t = rl_text(cx, v, &len);
  if (len < 2 || t[0] != '-') return false;
  RlNode k = rl_strip(cx, rl_first_child(cx, v));
  return k && rl_kind(cx, k) == RL_C_INTEGER_LITERAL;
}
/* Does lock l reach every exit acquired (acq) or released (!acq) on all
 * paths, except exits that return a failure constant with l untouched on
 * every path there (`if (!m->ok) return -1; pthread_mutex_lock(m->mu);
 * return 0;`)? At least one exit must have the effect. */
static bool cs__or_fail(const Cs *s, uint32_t l, bool acq) {
  uint64_t b = cs_bit(l);
  bool some = false;
  for (uint32_t i = 0; i < s->nexits; i++) {
    const CsExit *x = &s->exits[i];
    if (acq ? (x->rel_any & b) : (x->held_any & b)) return false;
    if (acq ? (x->held_all & b) : (x->rel_all & b)) {
      some = true;
      continue;
    }
    if ((x->held_any | x->rel_any) & b || !cs__fail_exit(s, x)) return false;
  }
  return some;
}
/* Wrapper effects of the function just walked. */
void cs_effects(Cs *s, CsFunc *f) {
  f->neff = 0;
  f->touches = false;
  if (s->bail || s->exits_overflow || !s->nexits) return;
  for (uint32_t l = 0; l < s->nlocks; l++) {
    const CsLock *lk = &s->locks[l];
    uint64_t b = cs_bit(l);
    f->touches = true;
    if (lk->local || (s->suppressed & b) || (s->assumed & b)) continue;
    bool all_held = true, all_rel = true;
    for (uint32_t i = 0; i < s->nexits; i++) {
      if (!(s->exits[i].held_all & b)) all_held = false;
      if (!(s->exits[i].rel_all & b)) all_rel = false;
    }
    bool acq = all_held && lk->acquired;
    bool rel = all_rel && !lk->acquired;
    bool may_fail = false;
    if (lk->param < 0 && cs__colon(s, &lk->cls)) continue;
    if (!acq && !rel && cs__or_fail(s, l, lk->acquired)) {
      acq = lk->acquired;
      rel = !lk->acquired;
      may_fail = true;
    }
    if (!acq && !rel) {
      if (!lk->acquired || all_rel) cs__handover(s, f, l);
      continue;
    }
    if (f->neff < RL_COUNTOF(f->eff))
      f->eff[f->neff++] = (CsEffect){acq,  lk->paramlock, lk->read, lk->param,
                                     lk->cls, s->fn, cs__wrapper_keyx(s, lk), -1,
                                     0,    NULL,          NULL,     may_fail};
                                                      }
}
