/* csum.c - per-function C summaries (see csum.h), recorded as facts.
 *
 * This file drives the two walks of a file and records the facts of each
 * function; the other parts of the module, with csum_int.h between them:
 * csum_lang.c (C and its libraries), csum_lockset.c (path states, lock
 * identity, wrappers), csum_paths.c (expressions, conditions, statements),
 * csum_calls.c (calls and parameters), csum_access.c (accesses and guards),
 * csum_init.c (lazy initialisation, globals).
 *
 * The walk is an abstract interpretation of one function body over a small
 * set of path states. A state knows, per lock instance of the function,
 * whether it is held, known released, or unknown (the caller's business),
 * plus up to four branch conditions taken on the way ("flag was true"), so
 * `if (flag) lock(); ... if (flag) unlock();` is not two unrelated paths.
 * A state also knows which guards hold on it: comparisons of a global with
 * a constant (`mode == MODE_READ`, `mode != MODE_IDLE`) taken or excluded
 * on the way, forgotten when the function assigns the global. Unlike the
 * branch conditions they never split a state: where paths meet, a guard
 * holds if it held on each (bits ANDed). Each call, access and lazy
 * initialisation records the guards that hold on every path reaching it
 * (RL_FACT_C_GUARD), for thread reachability in phase 2 (cgraph.c).
 * Guards also test the function's integer parameters it never assigns
 * (`if (async)`), which the constant arguments a call records
 * (RL_FACT_C_ARGK) decide in phase 2.
 * if/else, loops (to a fixpoint, three rounds at most), switch, break,
 * continue, return, forward goto to cleanup labels, and lock/trylock
 * results tested in conditions are followed; a backward goto ends its path.
 *
 * Lock identity: the class is an RlCObj (a global, a field by record type
 * and field, the mutex pointer that is a parameter, a static local, a
 * local); an instance is the class plus the base object expression
 * (`a->mu` and `b->mu` are two instances).
 *
 * Each file is walked twice: the first walk finds the file's lock wrappers
 * (functions that return holding a lock, or having released their caller's),
 * the second applies them at call sites and records the facts. Statement
 * nesting deeper than CS_MAXDEPTH abandons the function's path analysis
 * (its calls and accesses are still recorded, with no lock held). */
#include "csum.h"

#include "csum_int.h"
#include "file.h"

#include <stdlib.h>
#include <string.h>

/* Object o with its strings copied for a fact. */
RlCObj cs_obj(RlCtx *cx, const RlCObj *o) {
  RlCObj r = *o;
  r.name = rl_fact_str(cx, o->name);
  r.owner = rl_fact_str(cx, o->owner);
  return r;
}
/* The held set of the locks in mask, for a fact: *n receives its size. */
/* Section - fresh objects
 *
 * `d = dict_new(); lock(&d->lock); ...`: until the function gives the new
 * object away, no other thread can hold its lock or wait for it, so the
 * lock takes no part in a lock-order cycle (RL_CF_FRESH, RlCHeld.fresh).
 * Fresh: the lock hangs off a local pointer whose last assignment before
 * the lock is a call of an allocator (malloc, calloc, `*alloc*`,
 * `*_new`, `new_*`, `*create*`), and nothing between gives the pointer
 * away: stored, returned, passed to a function (the lock operations and
 * `*_init` calls aside), or a field's address passed (`list_add(&d->link,
 * &all)`). Judged in source order, over the function's text. */
static bool cs__alloc_name(const char *n) {
  size_t len = strlen(n);
  if (strstr(n, "get") || strstr(n, "find") || strstr(n, "lookup") || strstr(n, "ref"))
    return false;
  return strstr(n, "alloc") || strstr(n, "create") || strncmp(n, "new_", 4) == 0 ||
         (len > 4 && strcmp(n + len - 4, "_new") == 0) || strstr(n, "_new_");
}
/* Does reference r of the fresh pointer give it away? */
static bool cs__escapes(Cs *s, RlNode r) {
  RlCtx *cx = s->cx;
  RlNode c = r, p = rl_parent(cx, r);
  bool field = false, addr = false;
  for (; p && p != s->fn; c = p, p = rl_parent(cx, p)) {
    RlKind k = rl_kind(cx, p);
    if (rl_strip(cx, p) != p) continue; /* parentheses, casts */
    if (k == RL_C_MEMBER_REF_EXPR || k == RL_C_ARRAY_SUBSCRIPT_EXPR) {
      if (rl_first_child(cx, p) != c) return false; /* an index */
      field = true;
      continue;
    }
    if (k == RL_C_UNARY_OPERATOR && cs_op_is(cx, p, "&")) {
      addr = true;
      continue;
    }
    if (k == RL_C_CALL_EXPR) {
      const char *name = rl_c_callee(cx, p);
      if (c == rl_child(cx, p, RL_F_CALLEE)) return false;
      if (cs_opx(s, name) || strstr(name, "init") || strstr(name, "destroy")) return false;
      return !field || addr;
    }
    if (field) return false; /* a field read or written */
    if (k == RL_C_RETURN_STMT || k == RL_C_VAR_DECL) return true;
    if (cs_is_assign(cx, p)) return rl_first_child(cx, p) != c; /* stored elsewhere */
    return addr;
  }
  return false;
}
/* Is lock l the lock of an object this function just allocated and has
 * given to no one, at node at? */
static bool cs__fresh_at(Cs *s, uint32_t l, RlNode at) {
  RlCtx *cx = s->cx;
  const CsLock *lk = &s->locks[l];
  if (!at || !lk->x || lk->local) return false;
  RlNode b = rl_strip(cx, lk->x);
  while (b && (rl_kind(cx, b) == RL_C_MEMBER_REF_EXPR || rl_kind(cx, b) == RL_C_ARRAY_SUBSCRIPT_EXPR))
    b = rl_strip(cx, rl_first_child(cx, b));
  if (!b || b == rl_strip(cx, lk->x) || rl_kind(cx, b) != RL_C_DECL_REF_EXPR ||
      rl_c_ref(cx, b) != RL_REF_LOCAL)
    return false;
  const char *name = rl_c_name(cx, b);
  RlNode from = RL_NONE; /* the allocation */
  for (RlNode i = s->body; i < at; i++) {
    RlNode v = RL_NONE;
    if (rl_kind(cx, i) == RL_C_VAR_DECL && strcmp(rl_c_name(cx, i), name) == 0) {
      v = rl_child(cx, i, RL_F_VALUE);
      if (!v) continue;
    } else if (rl_kind(cx, i) == RL_C_BINARY_OPERATOR && cs_op_is(cx, i, "=")) {
      RlNode a = rl_strip(cx, rl_first_child(cx, i));
      if (rl_kind(cx, a) != RL_C_DECL_REF_EXPR || strcmp(rl_c_name(cx, a), name) != 0) continue;
      v = rl_next_sibling(cx, rl_first_child(cx, i));
    } else {
      continue;
    }
    v = rl_strip(cx, v);
    from = v && rl_kind(cx, v) == RL_C_CALL_EXPR && cs__alloc_name(rl_c_callee(cx, v))
               ? rl_node_end(cx, v)
               : RL_NONE;
    if (v) i = rl_node_end(cx, v) - 1;
  }
  if (!from) return false;
  for (RlNode i = from; i < at; i++)
    if (rl_kind(cx, i) == RL_C_DECL_REF_EXPR && strcmp(rl_c_name(cx, i), name) == 0 &&
        cs__escapes(s, i))
      return false;
  return true;
}
const RlCHeld *cs_held(Cs *s, uint64_t mask, RlNode at, uint32_t *n) {
  *n = 0;
  if (!mask) return NULL;
  uint32_t k = 0;
  for (uint32_t l = 0; l < s->nlocks; l++) k += (mask & cs_bit(l)) != 0;
  if (!k) return NULL;
  RlCHeld *h = rl_fact_alloc(s->cx, k * sizeof *h);
  for (uint32_t l = 0; l < s->nlocks; l++) {
    if (!(mask & cs_bit(l))) continue;
    const CsLock *lk = &s->locks[l];
    h[*n].cls = cs_obj(s->cx, &lk->cls);
    h[*n].line = lk->at ? rl_loc(s->cx, lk->at).line : 0;
    h[*n].fresh = cs__fresh_at(s, l, at);
    h[(*n)++].read = lk->read;
  }
  return h;
}
/* A RL_FACT_C_BALANCE fact about lock lk. */
static RlFact *cs__balance(RlCtx *cx, RlNode at, RlCBalance what, const CsLock *lk) {
  RlFact *f = rl_fact_new(cx, RL_FACT_C_BALANCE, at);
  f->balance.what = (uint8_t)what;
  f->balance.text = rl_fact_str(cx, lk->text);
  f->balance.cls = cs_obj(cx, &lk->cls);
  return f;
}
static int cs__cmp_event(const void *a, const void *b) {
  const CsEvent *x = a, *y = b;
  if (x->at != y->at) return x->at < y->at ? -1 : 1;
  return (int)x->type - (int)y->type;
}
static void cs__note(RlCtx *cx, RlNode at, const char *msg) {
  RlFact *f = rl_fact_new(cx, RL_FACT_C_NOTE, at);
  f->note.msg = rl_fact_str(cx, msg);
}
/* RL_CB_ASSUMED if lock l's state comes from calls taken for wrappers. */
static uint32_t cs__assumes(const Cs *s, uint32_t l) {
  return (s->assumed & cs_bit(l)) ? RL_CB_ASSUMED : 0;
}
static void cs__emit_assumes(Cs *s, uint32_t l) {
  for (uint32_t k = 0; k < s->nassume; k++) {
    if (s->assume[k].lock != l) continue;
    const char *callee = rl_fact_str(s->cx, s->assume[k].callee);
    RlFact *f = rl_fact_new(s->cx, RL_FACT_C_ASSUME, s->fn);
    f->assume.callee = callee;
    f->assume.acquire = s->assume[k].acquire;
    f->assume.arg = s->assume[k].arg;
  }
}
/* The candidates of nr that never returning would make the finding
 * before them wrong: RL_FACT_C_ASSUME facts flagged RL_CF_RETURNS. */
static uint32_t cs__returns(const Cs *s, uint8_t nr) {
  return nr & (uint8_t)((1u << s->nnr) - 1u) ? RL_CB_RETURNS : 0;
}
static void cs__emit_returns(Cs *s, uint8_t nr) {
  for (uint32_t k = 0; k < s->nnr; k++) {
    if (!(nr & (1u << k))) continue;
    RlFact *f = rl_fact_new(s->cx, RL_FACT_C_ASSUME, s->fn);
    f->assume.callee = rl_fact_str(s->cx, s->nrname[k]);
    f->flags = RL_CF_RETURNS;
  }
}
/* The facts of event e (not EV_CALL: cs_emit_call records calls). */
static void cs__emit_event(Cs *s, const CsEvent *e) {
  RlCtx *cx = s->cx;
  bool trusted = !s->bail;
  const CsLock *lk = &s->locks[e->lock];
  switch (e->type) {
  case EV_LOCK:
  case EV_UNLOCK: {
    if (lk->local) break;
    /* locks only guessed to be taken (by a wrapper's name) add no order */
    RlFact *f = rl_fact_new(cx, e->type == EV_LOCK ? RL_FACT_C_LOCK : RL_FACT_C_UNLOCK, e->at);
    f->lock.cls = cs_obj(cx, &lk->cls);
    f->lock.held = cs_held(s, e->mask & ~s->assumed, e->at, &f->lock.nheld);
    f->lock.text = rl_fact_str(cx, lk->text);
    f->lock.base_param = lk->param;
    f->flags = e->flags | (lk->paramlock ? RL_CF_PARAMLOCK : 0) |
               (e->type == EV_LOCK && cs__fresh_at(s, e->lock, e->at) ? RL_CF_FRESH : 0);
    cs_emit_guards_of(s, e->at, e->geq, e->gne, true);
    break;
  }
  case EV_ACCESS: {
    RlFact *f = rl_fact_new(cx, RL_FACT_C_ACCESS, e->at);
    f->access.var = cs_obj(cx, &e->var);
    if (e->npath) {
      RlCStep *path = rl_fact_alloc(cx, e->npath * sizeof *path);
      for (uint32_t k = 0; k < e->npath; k++)
        path[k] = (RlCStep){rl_fact_str(cx, e->path[k].field), e->path[k].how};
      f->access.path = path;
      f->access.npath = e->npath;
    }
    if (trusted) f->access.held = cs_held(s, e->mask, RL_NONE, &f->access.nheld);
    f->access.text = rl_fact_str(cx, e->c);
    f->access.value = rl_fact_str(cx, e->a);
    f->flags = e->flags;
    cs_emit_guards(s, e->at, e->geq, e->gne);
                   break;
  }
  case EV_DOUBLE: {
    RlFact *f = cs__balance(cx, e->at, RL_CB_DOUBLE, lk);
    f->balance.nnotes = 1;
    f->flags = cs__assumes(s, e->lock) | cs__returns(s, e->nr);
    cs__note(cx, e->prev, rl_arena_printf(cx->scratch, "'%s' locked here", lk->text));
    cs__emit_assumes(s, e->lock);
    cs__emit_returns(s, e->nr);
    break;
  }
  case EV_UNHELD: {
    RlFact *f = cs__balance(cx, e->at, RL_CB_UNHELD, lk);
    f->flags = cs__assumes(s, e->lock) | cs__returns(s, e->nr);
    cs__emit_assumes(s, e->lock);
    cs__emit_returns(s, e->nr);
    break;
  }
  case EV_PAIR: {
    const CsLock *o = &s->locks[e->other];
    RlFact *f = rl_fact_new(cx, RL_FACT_C_PAIR, e->at);
    f->pair.cls = cs_obj(cx, &lk->cls);
    f->pair.first = rl_fact_str(cx, o->text);
    f->pair.second = rl_fact_str(cx, lk->text);
    f->pair.nnotes = 1;
    cs__note(cx, o->at, rl_arena_printf(cx->scratch, "'%s' locked first here", o->text));
             break;
  }
  case EV_LAZY: {
    RlFact *f = rl_fact_new(cx, RL_FACT_C_LAZY, e->at);
    f->lazy.var = rl_fact_str(cx, e->a);
    f->lazy.text = rl_fact_str(cx, e->c);
    f->flags = e->flags;
    cs_emit_guards(s, e->at, e->geq, e->gne);
                   break;
  }
  default:
    break;
  }
}
/* Is the returned text an error value (`NULL`, `0`, `-1`, `false`)? */
static bool cs__error_value(const char *v, size_t vl) {
  return (vl && v[0] == '-') || (vl == 4 && memcmp(v, "NULL", 4) == 0) ||
         (vl == 5 && memcmp(v, "false", 5) == 0) || (vl == 1 && v[0] == '0');
}
/* A lookup that hands its lock to the caller with what it found: exit x
 * returns a value that is no constant (`return entry;`) holding lock l,
 * every exit that releases l returns an error value (`return NULL;`), and
 * a function of the file only releases l's class (`cache_release(cache,
 * entry)`): the contract the caller follows, not a leak. */
static bool cs__lookup_contract(Cs *s, uint32_t l, uint32_t x) {
  RlCtx *cx = s->cx;
  const CsLock *lk = &s->locks[l];
  uint64_t b = cs_bit(l);
  RlNode at = s->exits[x].at;
  if (rl_kind(cx, at) != RL_C_RETURN_STMT || (s->exits[x].rel_any & b)) return false;
  RlNode rv = rl_strip(cx, rl_first_child(cx, at));
  if (!rv || cs_const_expr(cx, rv)) return false;
  size_t vl;
  const char *v = rl_text(cx, rv, &vl);
  if (cs__error_value(v, vl)) return false;
  for (uint32_t k = 0; k < s->nexits; k++) {
    if (!(s->exits[k].rel_any & b)) continue;
    RlNode r = rl_kind(cx, s->exits[k].at) == RL_C_RETURN_STMT ? rl_first_child(cx, s->exits[k].at)
                                                               : RL_NONE;
    if (!r) return false;
    v = rl_text(cx, r, &vl);
    if (!cs__error_value(v, vl)) return false;
  }
  const CsFunc *me = cs_func(s, s->fname);
  for (uint32_t i = 0; i < s->nfuncs; i++) {
    const CsFunc *f = &s->funcs[i];
    if (f == me || !f->neff) continue;
    bool rel = false, acq = false;
    for (uint8_t e = 0; e < f->neff; e++) {
      if (!rl_c_obj_eq(&f->eff[e].cls, &lk->cls)) continue;
      if (f->eff[e].acquire) acq = true;
      else rel = true;
    }
    if (rel && !acq) return true;
  }
  return false;
}
/* RL_FACT_C_BALANCE leaks: return paths that keep a lock that other
 * return paths release. */
static void cs__emit_leaks(Cs *s) {
  RlCtx *cx = s->cx;
  RlNode end = rl_node_end(cx, s->body);
  RlNode last_ret = RL_NONE;
  for (RlNode i = s->body; i < end; i++)
    if (rl_kind(cx, i) == RL_C_RETURN_STMT) last_ret = i;
  for (uint32_t l = 0; l < s->nlocks; l++) {
    uint64_t b = cs_bit(l);
    const CsLock *lk = &s->locks[l];
    /* a lock this function only ever releases for its caller (a mode
     * argument picks lock or unlock: memcached's pause_threads) is an API,
     * not a leak */
    if (((s->suppressed | s->nobalance) & b) || !lk->acquired || !lk->own_rel) continue;
    bool released = false, mixed = false;
    for (uint32_t x = 0; x < s->nexits; x++) {
      if (s->exits[x].rel_any & b) released = true;
      /* one return that holds it on some paths and released it on others:
       * a conditional lock function (`return rc;` holding it on success) */
      /* (not `return 0;`: a constant tells the caller nothing) */
      RlNode rv = rl_kind(cx, s->exits[x].at) == RL_C_RETURN_STMT
                      ? rl_strip(cx, rl_first_child(cx, s->exits[x].at))
                      : RL_NONE;
      if ((s->exits[x].rel_any & b) && (s->exits[x].held_any & b) && rv &&
          rl_kind(cx, rv) != RL_C_INTEGER_LITERAL)
        mixed = true;
    }
    if (!released || mixed) continue;
    for (uint32_t x = 0; x < s->nexits; x++) {
      if (!(s->exits[x].held_any & b)) continue;
      /* the last `return value;` holding it, earlier ones releasing it:
       * "returns 0 with the lock held", a conditional lock function */
      if (s->exits[x].at == last_ret && rl_first_child(cx, last_ret) &&
          !(s->exits[x].rel_any & b)) {
        size_t vl;
        const char *v = rl_text(cx, rl_first_child(cx, last_ret), &vl);
        bool error_value = (vl && v[0] == '-') || (vl == 4 && memcmp(v, "NULL", 4) == 0) ||
                           (vl == 5 && memcmp(v, "false", 5) == 0);
        if (!error_value) continue;
      }
      if (cs__lookup_contract(s, l, x)) continue;
      RlFact *f = cs__balance(cx, s->exits[x].at, RL_CB_LEAK, lk);
      f->balance.nnotes = 1;
      f->flags = (s->exits[x].at == s->body ? RL_CB_AT_END : 0u) | cs__assumes(s, l) |
                 cs__returns(s, s->exits[x].nr);
      cs__note(cx, lk->at, rl_arena_printf(cx->scratch, "'%s' locked here", lk->text));
      cs__emit_assumes(s, l);
      cs__emit_returns(s, s->exits[x].nr);
    }
  }
}
/* RL_FACT_C_WRAPPER: the lock effects the function has for its callers. */
static void cs__emit_wrappers(Cs *s) {
  RlCtx *cx = s->cx;
  CsFunc fx;
  memset(&fx, 0, sizeof fx);
  cs_effects(s, &fx);
             for (uint8_t k = 0; k < fx.neff; k++) {
    if (fx.eff[k].ghow) continue; /* a hand-over under a parameter: no wrapper */
    RlFact *f = rl_fact_new(cx, RL_FACT_C_WRAPPER, s->body);
    f->wrapper.acquire = fx.eff[k].acquire;
    f->wrapper.cls = cs_obj(cx, &fx.eff[k].cls);
    f->wrapper.param = fx.eff[k].param;
    f->flags = (fx.eff[k].paramlock ? RL_CF_PARAMLOCK : 0) | (fx.eff[k].read ? RL_CF_READ : 0);
  }
}

/* The function a pass walks next: `fn`, its body, whether facts are
 * emitted (pass 2) or only wrapper effects learnt (pass 1). */
static void cs__enter(Cs *s, RlNode fn, RlNode body, bool emit) {
  s->fn = fn;
  s->body = body;
  s->fname = rl_c_name(s->cx, fn);
  s->emit = emit;
}

static void cs__emit(Cs *s) {
  RlCtx *cx = s->cx;
  RlFact *ff = rl_fact_new(cx, RL_FACT_FUNC, s->fn);
  ff->fn.name = ff->fn.bare = rl_fact_str(cx, s->fname);
  ff->fn.nparams = s->nparams;
  ff->flags = RL_FF_EXPORTED | (cs_noreturn_fn(s, s->fname) ? RL_FF_NORETURN : 0u);
  bool trusted = !s->bail;
  if (s->ev.n > 1) qsort(s->ev.v, s->ev.n, sizeof *s->ev.v, cs__cmp_event);
  RlNode end = rl_node_end(cx, s->body);
  uint32_t ei = 0;
  for (RlNode i = s->body; i < end; i++) {
    uint64_t call_mask = 0, call_geq = 0, call_gne = 0;
    bool accessed = false;
    for (; ei < s->ev.n && s->ev.v[ei].at <= i; ei++) {
      const CsEvent *e = &s->ev.v[ei];
      if (e->at < i) continue;
      if (!trusted && e->type != EV_ACCESS) continue;
      if (e->type == EV_CALL) {
        call_mask = e->mask;
        call_geq = e->geq;
        call_gne = e->gne;
        continue;
      }
      if (e->type == EV_ACCESS) accessed = true;
      cs__emit_event(s, e);
                     }
    if (rl_kind(cx, i) == RL_C_DECL_REF_EXPR) cs_change(s, i, accessed);
    if (rl_kind(cx, i) == RL_C_CALL_EXPR) {
      cs_emit_call(s, i, call_mask, call_geq, call_gne);
      cs_fnref_call(s, i);
    }
    cs_fnref_store(s, i);
  }
  if (!trusted || s->exits_overflow) return;
  cs__emit_leaks(s);
                 cs__emit_wrappers(s);
                                   }
void rl_csum_extract(RlCtx *cx) {
  Cs *s = rl_alloc(cx, sizeof *s);
  s->cx = cx;
  s->incomplete = cx->file && cx->file->incomplete_line;
  /* recursive mutexes anywhere in the file: no double-lock reports */
  size_t len = cx->len;
  const char *src = cx->src;
  for (size_t i = 0; i + 25 <= len; i++)
    if (src[i] == 'P' && memcmp(src + i, "PTHREAD_MUTEX_RECURSIVE", 23) == 0) {
      s->recursive_ok = true;
      break;
    }
  if (!s->recursive_ok)
    for (size_t i = 0; i + 13 <= len; i++)
      if (src[i] == 'm' && memcmp(src + i, "mtx_recursive", 13) == 0) {
        s->recursive_ok = true;
        break;
      }
  uint32_t nvars = 0;
  for (RlNode c = rl_first_child(cx, rl_root(cx)); c; c = rl_next_sibling(cx, c))
    if (rl_kind(cx, c) == RL_C_VAR_DECL) nvars++;
  s->statics = rl_alloc(cx, (nvars + 1) * sizeof *s->statics);
  for (RlNode c = rl_first_child(cx, rl_root(cx)); c; c = rl_next_sibling(cx, c)) {
    if (rl_kind(cx, c) != RL_C_VAR_DECL) continue;
    size_t tl;
    const char *t = rl_text(cx, c, &tl);
    if (tl > 6 && memcmp(t, "static", 6) == 0)
      s->statics[s->nstatics++] = rl_hash_str(RL_FNV_INIT, rl_c_name(cx, c));
  }
  qsort(s->statics, s->nstatics, sizeof *s->statics, cs_cmp_u64);
  uint32_t n = rl_node_count(cx);
  uint32_t nf = 0;
  for (RlNode i = 1; i < n; i++)
    if (rl_kind(cx, i) == RL_C_FUNCTION_DECL && rl_child(cx, i, RL_F_BODY)) nf++;
  s->funcs = rl_alloc(cx, (nf + 1) * sizeof *s->funcs);
  for (RlNode i = 1; i < n; i++)
    if (rl_kind(cx, i) == RL_C_FUNCTION_DECL && rl_child(cx, i, RL_F_BODY))
      s->funcs[s->nfuncs++].name = rl_hash_str(RL_FNV_INIT, rl_c_name(cx, i));
  qsort(s->funcs, s->nfuncs, sizeof *s->funcs, cs_cmp_func);
  /* pass 1: wrapper effects (twice, so a wrapper of a wrapper is seen) */
  for (int round = 0; round < 2; round++)
    for (RlNode i = 1; i < n; i++) {
      if (rl_kind(cx, i) != RL_C_FUNCTION_DECL) continue;
      RlNode body = rl_child(cx, i, RL_F_BODY);
      if (!body) continue;
      cs__enter(s, i, body, false);
      i = rl_node_end(cx, i) - 1;
      if (!cs_lockish(s, body, rl_node_end(cx, body))) continue;
      cs_run(s);
             CsFunc *f = cs_func(s, s->fname);
      if (f) cs_effects(s, f);
    }
  /* pass 2: facts */
  s->evslot = rl_alloc(cx, n * sizeof *s->evslot);
  cs_globals(cx);
             for (RlNode c = rl_first_child(cx, rl_root(cx)); c; c = rl_next_sibling(cx, c))
    if (rl_kind(cx, c) == RL_C_VAR_DECL)
      for (RlNode i = c; i < rl_node_end(cx, c); i++)
        if (rl_kind(cx, i) == RL_C_DECL_REF_EXPR) cs_change(s, i, true); /* `= &mode` */
  /* functions stored by the file's initializers (`{ .run = worker }`) */
  s->nparams = 0;
  for (RlNode c = rl_first_child(cx, rl_root(cx)); c; c = rl_next_sibling(cx, c))
    if (rl_kind(cx, c) == RL_C_VAR_DECL)
      for (RlNode i = c; i < rl_node_end(cx, c); i++) cs_fnref_store(s, i);
  for (RlNode i = 1; i < n; i++) {
    if (rl_kind(cx, i) != RL_C_FUNCTION_DECL) continue;
    RlNode body = rl_child(cx, i, RL_F_BODY);
    if (!body) continue;
    cs__enter(s, i, body, true);
    cs_run(s);
           cs__emit(s);
                    for (uint32_t k = 0; k < s->ev.n; k++) s->evslot[s->ev.v[k].at] = 0;
    s->ev.n = 0;
    i = rl_node_end(cx, i) - 1;
  }
  RL_VEC_FREE(s->ev);
}
