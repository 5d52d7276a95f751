/* csum_calls.c - calls and parameter facts of the C summaries: what a call
 * does to the locksets (lock operations, wrappers, calls that do not
 * return, unknown functions given a mutex), the function's parameters
 * (which it changes, which pairs it compares), and the facts recorded at a
 * call: RL_FACT_CALL, RL_FACT_C_ARGK, RL_FACT_C_PASS, RL_FACT_SPAWN. Part of
 * csum.c's module (csum_int.h). */
#include "csum_int.h"

#include <stdlib.h>
#include <string.h>

/* Calls that take an object without locking or unlocking what it holds. */
static const char *const cs_neutral[] = {
    "free",    "memset",  "memcpy",   "memmove", "memcmp",  "strlen",  "strcpy",
    "strncpy", "strcmp",  "strncmp",  "printf",  "fprintf", "snprintf", "sprintf",
    "assert",  "abort",   "pthread_cond_signal", "pthread_cond_broadcast",
    "cnd_signal", "cnd_broadcast", "pthread_mutex_init", "pthread_mutex_destroy",
    "pthread_cond_init", "pthread_cond_destroy", "mtx_init", "mtx_destroy",
};
/* Calls that do not return: the path ends there. */
static const char *const cs_noreturn[] = {
    "exit", "_exit", "_Exit", "abort", "quick_exit", "pthread_exit", "thrd_exit",
    "longjmp", "siglongjmp", "__assert_fail", "__builtin_unreachable", "__builtin_trap",
    "err", "errx", "verr", "verrx", "__stack_chk_fail",
    "__pthread_unwind_next", /* pthread_cleanup_push's cancellation branch (glibc) */
};
static bool cs__in(const char *s, const char *const *t, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(s, t[i]) == 0) return true;
  return false;
}
/* Section - functions that do not return
 *
 * Besides the C library's (cs_noreturn): a function whose type says so
 * (`__attribute__((noreturn))`, also through a header), one declared
 * `_Noreturn`/`noreturn` in this file, and one defined here with no
 * return statement whose last statement calls such a function (a
 * project's `panic()` ending in abort()). Macros expand to these calls. */
static bool cs__noret_known(const Cs *s, const char *name) {
  if (cs__in(name, cs_noreturn, RL_COUNTOF(cs_noreturn))) return true;
  uint64_t h = rl_hash_str(RL_FNV_INIT, name);
  return s->noret && bsearch(&h, s->noret, s->nnoret, sizeof *s->noret, cs_cmp_u64);
}
/* Are the words "noreturn"/"Noreturn"/"NORETURN" in the declaration of
 * function decl fn, or just before it on its line(s) of specifiers? */
static bool cs__noret_spelled(const Cs *s, RlNode fn) {
  RlCtx *cx = s->cx;
  size_t len;
  const char *t = rl_text(cx, fn, &len);
  if (!len) return false;
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  if (body) {
    size_t bl;
    const char *b = rl_text(cx, body, &bl);
    if (bl && b > t && b < t + len) len = (size_t)(b - t);
  }
  /* attributes before the specifiers may fall outside the extent */
  const char *from = t;
  while (from > cx->src && from[-1] != ';' && from[-1] != '}' && from[-1] != '#' &&
         t - from < 200)
    from--;
  size_t n = (size_t)(t - from) + len;
  for (size_t i = 0; i + 8 <= n; i++)
    if ((from[i] == 'n' || from[i] == 'N') &&
        (memcmp(from + i, "noreturn", 8) == 0 || memcmp(from + i, "Noreturn", 8) == 0 ||
         memcmp(from + i, "NORETURN", 8) == 0 || memcmp(from + i, "NoReturn", 8) == 0))
      return true;
  return false;
}
/* Does every path of the body end at its last statement, a call of a
 * function that does not return (and no return statement before)? */
static bool cs__noret_body(const Cs *s, RlNode body) {
  RlCtx *cx = s->cx;
  RlNode end = rl_node_end(cx, body), last = RL_NONE;
  for (RlNode i = body; i < end; i++)
    if (rl_kind(cx, i) == RL_C_RETURN_STMT) return false;
  for (RlNode c = rl_first_child(cx, body); c; c = rl_next_sibling(cx, c)) last = c;
  last = last ? rl_strip(cx, last) : RL_NONE;
  if (!last || rl_kind(cx, last) != RL_C_CALL_EXPR) return false;
  const char *callee = rl_c_callee(cx, last);
  return *callee && cs__noret_known(s, callee);
}
static void cs__noret_find(Cs *s) {
  RlCtx *cx = s->cx;
  s->noret_done = true;
  uint32_t cap = 0;
  for (RlNode c = rl_first_child(cx, rl_root(cx)); c; c = rl_next_sibling(cx, c))
    cap += rl_kind(cx, c) == RL_C_FUNCTION_DECL;
  if (!cap) return;
  uint64_t *v = rl_alloc(cx, cap * sizeof *v);
  bool grew = true;
  /* a few rounds: panic() calling die() defined below it */
  for (int round = 0; round < 3 && grew; round++) {
    grew = false;
    for (RlNode c = rl_first_child(cx, rl_root(cx)); c; c = rl_next_sibling(cx, c)) {
      if (rl_kind(cx, c) != RL_C_FUNCTION_DECL) continue;
      const char *name = rl_c_name(cx, c);
      if (!*name || cs__noret_known(s, name) || s->nnoret == cap) continue;
      RlNode body = rl_child(cx, c, RL_F_BODY);
      if (!cs__noret_spelled(s, c) && !(body && cs__noret_body(s, body))) continue;
      v[s->nnoret++] = rl_hash_str(RL_FNV_INIT, name);
      qsort(v, s->nnoret, sizeof *v, cs_cmp_u64);
      s->noret = v;
      grew = true;
    }
  }
}
bool cs_noreturn_fn(Cs *s, const char *name) {
  if (!s->noret_done) cs__noret_find(s);
  return *name && cs__noret_known(s, name);
}
/* Does call not return? */
static bool cs__noreturn_call(Cs *s, RlNode call, const char *name) {
  RlCtx *cx = s->cx;
  if (!*name) return false;
  if (!s->noret_done) cs__noret_find(s);
  if (cs__noret_known(s, name)) return true;
  RlNode callee = rl_strip(cx, rl_child(cx, call, RL_F_CALLEE));
  return callee && strstr(rl_c_type(cx, callee), "noreturn") != NULL;
}
/* Does call pass a constant for hand-over effect e's parameter that makes
 * its guard hold? */
static bool cs__guard_arg(Cs *s, RlNode call, const CsEffect *e) {
  RlNode a = rl_strip(s->cx, rl_c_arg(s->cx, call, (uint32_t)e->gparam));
  const char *spell, *value;
  if (!a || !cs_const(s, a, &spell, &value)) return false;
  int same = value && e->gvalue ? strcmp(value, e->gvalue) == 0
                                : (strcmp(spell, e->gspell) == 0 ? 1 : -1);
  return e->ghow == RL_CQ_EQ ? same == 1 : same == 0;
}
/* Is the value of `call` thrown away (a statement of its own, or cast to
 * void)? */
static bool cs__value_unused(const RlCtx *cx, RlNode call) {
  RlNode c = call, p = rl_parent(cx, call);
  while (p && (rl_kind(cx, p) == RL_C_PAREN_EXPR || rl_kind(cx, p) == RL_C_CSTYLE_CAST_EXPR ||
               rl_kind(cx, p) == RL_C_UNEXPOSED_EXPR))
    c = p, p = rl_parent(cx, p);
  if (!p) return false;
  switch (rl_kind(cx, p)) {
  case RL_C_COMPOUND_STMT:
  case RL_C_CASE_STMT:
  case RL_C_DEFAULT_STMT:
  case RL_C_LABEL_STMT: return true;
  case RL_C_IF_STMT:
  case RL_C_WHILE_STMT:
  case RL_C_DO_STMT: return rl_field(cx, c) != RL_F_CONDITION;
  default: return false;
  }
}
/* Is argument i of `call` printed: does a format string (a string literal
 * with a '%') come before it (`log(..., "locking %p", &m)`)? */
static bool cs__printed_arg(const RlCtx *cx, RlNode call, uint32_t i) {
  for (uint32_t k = 0; k < i; k++) {
    RlNode a = rl_strip(cx, rl_c_arg(cx, call, k));
    if (!a || rl_kind(cx, a) != RL_C_STRING_LITERAL) continue;
    /* its spelling (also when a macro wrote it), else its text */
    const RlNodeExt *e = cs_ext(cx, a);
    if (e && e->name && strchr(e->name, '%')) return true;
    size_t len;
    const char *t = rl_text(cx, a, &len);
    if (len && memchr(t, '%', len)) return true;
  }
  return false;
}
/* A function of another file that gets a mutex: 1 if its name says it
 * locks it, 2 if it unlocks it, 0 if unsure. */
static int cs__guess_wrapper(const char *name) {
  char low[64];
  size_t n = strlen(name);
  if (n >= sizeof low) return 0;
  for (size_t i = 0; i <= n; i++)
    low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] - 'A' + 'a' : name[i]);
  if (strstr(low, "cond") && strstr(low, "wait")) return 3; /* a condition wait */
  if (strstr(low, "try") || strstr(low, "init") || strstr(low, "destroy") ||
      strstr(low, "free") || strstr(low, "held") || strstr(low, "wait") || strstr(low, "timed"))
    return 0;
  if (strstr(low, "unlock") || strstr(low, "release") || strstr(low, "leave") ||
      strstr(low, "_exit"))
    return 2;
  if (strstr(low, "lock") || strstr(low, "acquire") || strstr(low, "enter")) return 1;
  return 0;
}
/* Is `call` one of another file's functions that cs_call will take for a
 * lock or unlock by its name (`rwlock_wrlock(&c->lock)`, `os_mutex_unlock(m)`):
 * a name that says so and an argument that is a mutex? Such a call makes
 * the code around it lock code (branch conditions are remembered there). */
bool cs_guessed_lock_call(Cs *s, RlNode call) {
  RlCtx *cx = s->cx;
  const char *name = rl_c_callee(cx, call);
  if (!*name || cs_func(s, name)) return false;
  int guess = cs__guess_wrapper(name);
  if (guess != 1 && guess != 2) return false;
  uint32_t argc = rl_c_argc(cx, call);
  for (uint32_t i = 0; i < argc; i++) {
    RlNode a = rl_strip(cx, rl_c_arg(cx, call, i));
    if (!a) continue;
    RlKind k = rl_kind(cx, a);
    if (k == RL_C_UNARY_OPERATOR) {
      RlNode x = rl_strip(cx, rl_first_child(cx, a));
      if (x && cs_mutex_type(rl_c_type(cx, x)) && !strchr(rl_c_type(cx, x), '*')) return true;
    } else if (k == RL_C_DECL_REF_EXPR || k == RL_C_MEMBER_REF_EXPR) {
      const char *t = rl_c_type(cx, a);
      if (strchr(t, '*') && cs_mutex_type(t)) return true;
    }
  }
  return false;
}
/* The value of the local that ref names, when the function declares it
 * with an initialiser and never assigns it or takes its address (none
 * otherwise). */
static RlNode cs__local_init(const Cs *s, RlNode ref) {
  RlCtx *cx = s->cx;
  ref = rl_strip(cx, ref);
  if (!ref || rl_kind(cx, ref) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, ref) != RL_REF_LOCAL)
    return RL_NONE;
  const char *name = rl_c_name(cx, ref);
  RlNode init = RL_NONE, end = rl_node_end(cx, s->body);
  for (RlNode i = s->body; i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_C_VAR_DECL && strcmp(rl_c_name(cx, i), name) == 0) {
      if (init) return RL_NONE; /* two of that name */
      /* the last child that is no part of its type (a function
       * pointer's parameters come first) */
      for (RlNode c = rl_first_child(cx, i); c; c = rl_next_sibling(cx, c))
        if (rl_kind(cx, c) != RL_C_TYPE_REF && rl_kind(cx, c) != RL_C_PARM_DECL) init = c;
      if (!init) return RL_NONE;
    } else if (k == RL_C_DECL_REF_EXPR && strcmp(rl_c_name(cx, i), name) == 0) {
      RlNode p = rl_parent(cx, i);
      if ((cs_is_assign(cx, p) && rl_strip(cx, rl_first_child(cx, p)) == i) ||
          (rl_kind(cx, p) == RL_C_UNARY_OPERATOR && cs_op_is(cx, p, "&")))
        return RL_NONE;
    }
  }
  return init;
}
/* A call through a local function pointer initialised with a function and
 * never changed (the cleanup handler that glibc's pthread_cleanup_pop(1)
 * runs: `__cancel_routine(__cancel_arg)`, set by pthread_cleanup_push):
 * that function's name, else NULL. */
static const char *cs__local_callee(const Cs *s, RlNode call) {
  RlCtx *cx = s->cx;
  RlNode callee = rl_strip(cx, rl_child(cx, call, RL_F_CALLEE));
  RlNode v = rl_strip(cx, cs__local_init(s, callee));
  if (v && rl_kind(cx, v) == RL_C_UNARY_OPERATOR && cs_op_is(cx, v, "&"))
    v = rl_strip(cx, rl_first_child(cx, v));
  if (!v || rl_kind(cx, v) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, v) != RL_REF_FUNCTION)
    return NULL;
  return rl_c_name(cx, v);
}
/* Argument k of `call`; through a local function pointer (`via`), an
 * argument that is a local set once is read as its initialiser. */
static RlNode cs__call_arg(const Cs *s, RlNode call, uint32_t k, bool via) {
  RlNode a = rl_c_arg(s->cx, call, k);
  RlNode v = via ? cs__local_init(s, a) : RL_NONE;
  return v ? v : a;
}
/* Does `call`, of a function that never returns, end the path here? */
static bool cs__ends_path(RlCtx *cx, RlNode call) {
  /* ends the path, unless it is one arm of `c ? x : abort()`, `c || die()`
   * (assert() expands to that) */
  bool conditional = false;
  for (RlNode p = rl_parent(cx, call); p && !conditional; p = rl_parent(cx, p)) {
    RlKind pk = rl_kind(cx, p);
    if (pk == RL_C_COMPOUND_STMT || pk == RL_C_FUNCTION_DECL || pk == RL_C_IF_STMT ||
        pk == RL_C_CASE_STMT || pk == RL_C_LABEL_STMT || pk == RL_C_DEFAULT_STMT)
      break;
    if (pk == RL_C_CONDITIONAL_OPERATOR ||
        (pk == RL_C_BINARY_OPERATOR && (cs_op_is(cx, p, "&&") || cs_op_is(cx, p, "||"))))
      conditional = true;
  }
  /* inside a statement expression (glibc's assert()): not walked as
   * statements, so not a path of its own */
  for (RlNode p = rl_parent(cx, call); p && !conditional; p = rl_parent(cx, p)) {
    if (rl_kind(cx, p) == RL_C_FUNCTION_DECL) break;
    if (rl_kind(cx, p) == RL_C_STMT_EXPR) conditional = true;
  }
  return !conditional;
}
void cs_call(Cs *s, RlNode call, CsSet *set) {
  RlCtx *cx = s->cx;
  cs_gevent(s, call, EV_CALL, cs_must(set), set);
            if (cs_deferred(s, call)) {
    /* a trylock kept in a variable: its later tests decide (cs_try_split);
     * never tested: unknown */
    const CsOp *dop = cs_opx(s, rl_c_callee(cx, call));
    if (cs_try_split(s, call, dop, set)) return;
    for (uint8_t q = 0; dop && q < (dop->pair ? 2 : 1); q++) {
      uint32_t l = cs_lock_of(s, rl_c_arg(cx, call, dop->arg + q), call, false);
      if (l != UINT32_MAX) cs_forget(s, set, l);
    }
    return;
  }
  const char *name = rl_c_callee(cx, call);
  const CsOp *op = cs_opx(s, name);
  uint32_t argc = rl_c_argc(cx, call);
  if (op) {
    if (op->op == OP_WAIT) return;
    uint8_t kind = op->op, read = op->read, n = op->pair ? 2 : 1;
    uint32_t ls[2] = {UINT32_MAX, UINT32_MAX};
    for (uint8_t q = 0; q < n; q++)
      ls[q] = cs_lock_of(s, rl_c_arg(cx, call, op->arg + q), call, false);
    if (ls[1] == ls[0]) ls[1] = UINT32_MAX;
    /* a pair is taken in an order of its own: events first, then effects */
    for (uint8_t q = 0; q < n; q++) {
      uint32_t l = ls[q];
      if (l == UINT32_MAX) continue;
      if (kind != OP_UNLOCK) s->locks[l].read = read;
      if (op->rec) s->locks[l].rec = true;
      cs_lock_event(s, call, l, kind == OP_UNLOCK, kind == OP_TRY, set);
                    }
    for (uint8_t q = 0; q < n; q++) {
      uint32_t l = ls[q];
      if (l == UINT32_MAX) continue;
      if (kind == OP_LOCK) cs_acquire(s, call, l, read, set);
      else if (kind == OP_TRY) cs_forget(s, set, l); /* result not tested here: unknown */
      else cs_release(s, call, l, set);
                      }
    return;
  }
  if (cs__noreturn_call(s, call, name)) {
    if (cs__ends_path(cx, call)) set->n = 0;
    return;
  }
  if (*name && (cs_atomic_name(name, strlen(name)) || strcmp(name, "pthread_once") == 0 ||
                strcmp(name, "call_once") == 0))
    return;
  CsFunc *f = *name ? cs_func(s, name) : NULL;
  const char *via = f ? NULL : cs__local_callee(s, call);
  if (via) f = cs_func(s, via);
  if (f) {
    for (uint8_t i = 0; i < f->neff; i++) {
      const CsEffect *e = &f->eff[i];
      if (e->ghow && !cs__guard_arg(s, call, e)) continue;
      uint32_t l = UINT32_MAX;
      if (e->paramlock) {
        l = cs_lock_of(s, cs__call_arg(s, call, (uint32_t)e->param, via), call, false);
      } else if (e->param >= 0) {
        RlNode a = rl_strip(cx, cs__call_arg(s, call, (uint32_t)e->param, via));
        if (!a) continue;
        uint64_t bk = rl_expr_key(cx, a);
        int8_t pp = -1;
        if (rl_kind(cx, a) == RL_C_DECL_REF_EXPR && rl_c_ref(cx, a) == RL_REF_PARAM)
          pp = (int8_t)cs_param_index(s, rl_c_name(cx, a));
        l = cs_lock_add(s, cs_inst(&e->cls, bk), &e->cls, a, call, pp, false, false, bk);
      } else if (e->keyx) {
        l = cs_wrapper_lock(s, e, call);
      } else {
        l = cs_lock_add(s, cs_inst(&e->cls, 0), &e->cls, RL_NONE, call, -1, false, false, 0);
      }
      if (l == UINT32_MAX) continue;
      if (e->may_fail && !cs__value_unused(cx, call)) {
        /* tested: the caller's error branch does not hold it */
        cs_forget(s, set, l);
        s->suppressed |= cs_bit(l);
        continue;
      }
      s->locks[l].read = e->read;
      cs_lock_event(s, call, l, !e->acquire, false, set);
                    if (e->acquire) cs_acquire(s, call, l, e->read, set);
      else cs_release(s, call, l, set);
                      }
    return;
  }
  /* A function of another file whose value is thrown away may never
   * return (a project's panic()): the paths through it remember it. */
  bool neutral = *name && cs__in(name, cs_neutral, RL_COUNTOF(cs_neutral));
  if (*name && !neutral && !f && cs__value_unused(cx, call)) {
    uint32_t k = 0;
    while (k < s->nnr && strcmp(s->nrname[k], name) != 0) k++;
    if (k == s->nnr && k < RL_COUNTOF(s->nrname)) s->nrname[s->nnr++] = name;
    for (uint32_t i = 0; k < s->nnr && i < set->n; i++) set->s[i].nr |= (uint8_t)(1u << k);
  }
  /* An unknown function that gets a lock, or the object a held lock lives
   * in, may lock or unlock it: its state becomes unknown. Through a local
   * function pointer (pthread_cleanup_pop(1) running a handler of another
   * file, `cleanup_mutex(&lock)`), the argument is the local's
   * initialiser (`__cancel_arg = &lock`). */
  if (neutral) return;
  for (uint32_t i = 0; i < argc; i++) {
    RlNode a = cs__call_arg(s, call, i, via != NULL);
    if (cs__printed_arg(cx, call, i)) { /* a log line naming the lock */
      /* in a file parsed incompletely, no lock-balance finding on it, as
       * before the print was understood: the paths of such a file are
       * not trusted that far (janus's debug-printing lock macros around
       * statements clang dropped) */
      uint32_t l = s->incomplete ? cs_lock_of(s, a, call, true) : UINT32_MAX;
      if (l != UINT32_MAX) s->nobalance |= cs_bit(l);
      continue;
    }
    uint32_t l = cs_lock_of(s, a, call, true);
    if (l != UINT32_MAX) {
      int guess = *name && !cs_func(s, name) ? cs__guess_wrapper(name) : 0;
      if (guess == 3) continue; /* waits on a condition: the lock is held again after */
      if (guess && s->nassume < RL_COUNTOF(s->assume)) {
        s->assume[s->nassume].callee = name;
        s->assume[s->nassume].arg = i;
        s->assume[s->nassume].lock = l;
        s->assume[s->nassume++].acquire = guess == 1;
        s->assumed |= cs_bit(l);
        if (guess == 1) cs_acquire(s, call, l, false, set);
        else cs_release(s, call, l, set);
                        continue;
      }
      cs_forget(s, set, l);
                s->suppressed |= cs_bit(l);
      continue;
    }
    RlNode sa = rl_strip(cx, a);
    if (rl_kind(cx, sa) != RL_C_DECL_REF_EXPR) continue;
    uint64_t k = rl_expr_key(cx, sa);
    for (uint32_t j = 0; j < s->nlocks; j++)
      if (s->locks[j].basekey == k && k) {
        cs_forget(s, set, j);
                  s->suppressed |= cs_bit(j);
      }
  }
}
void cs_params(Cs *s) {
  RlCtx *cx = s->cx;
  s->nparams = 0;
  for (RlNode c = rl_first_child(cx, s->fn); c; c = rl_next_sibling(cx, c))
    if (rl_kind(cx, c) == RL_C_PARM_DECL && s->nparams < CS_MAXP)
      s->params[s->nparams++] = rl_c_name(cx, c);
  /* parameters assigned or whose address is taken: no guard on them */
  s->pchanged = 0;
  RlNode bend = rl_node_end(cx, s->body);
  for (RlNode i = s->body; i < bend; i++) {
    if (rl_kind(cx, i) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, i) != RL_REF_PARAM) continue;
    RlNode top = i, p = rl_parent(cx, i);
    while (rl_kind(cx, p) == RL_C_PAREN_EXPR) top = p, p = rl_parent(cx, p);
    bool addr = rl_kind(cx, p) == RL_C_UNARY_OPERATOR && cs_op_is(cx, p, "&");
    bool write = cs_is_assign(cx, p) && rl_first_child(cx, p) == top;
    int pi = cs_param_index(s, rl_c_name(cx, i));
    if ((addr || write) && pi >= 0) s->pchanged |= 1u << pi;
  }
  /* pairs of parameters compared (or passed together to a call), which
   * usually decides an order */
  s->pairs[0] = 0;
  RlNode end = rl_node_end(cx, s->body);
  for (RlNode i = s->body; i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if (k != RL_C_BINARY_OPERATOR && k != RL_C_CALL_EXPR) continue;
    if (k == RL_C_BINARY_OPERATOR) {
      const char *op = cs_opstr(cx, i);
      if (strcmp(op, "<") && strcmp(op, ">") && strcmp(op, "<=") && strcmp(op, ">=") &&
          strcmp(op, "==") && strcmp(op, "!="))
        continue;
    } else if (cs_opx(s, rl_c_callee(cx, i))) {
      continue;
    }
    uint32_t seen = 0;
    RlNode e2 = rl_node_end(cx, i);
    for (RlNode j = i; j < e2; j++) {
      if (rl_kind(cx, j) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, j) != RL_REF_PARAM) continue;
      int p = cs_param_index(s, rl_c_name(cx, j));
      if (p >= 0 && p < 8) seen |= 1u << p;
    }
    for (uint32_t a = 0; a < 8; a++)
      for (uint32_t b = a + 1; b < 8; b++)
        if ((seen & (1u << a)) && (seen & (1u << b))) s->pairs[0] |= cs_bit(a * 8 + b);
  }
}
/* A RL_FACT_C_ARGK fact: argument arg of the call of callee is spell. */
static RlFact *cs__argk(RlCtx *cx, RlNode at, const char *callee, uint32_t arg,
                        const char *spell, const char *value) {
  RlFact *f = rl_fact_new(cx, RL_FACT_C_ARGK, at);
  f->argk.callee = rl_fact_str(cx, callee);
  f->argk.spell = rl_fact_str(cx, spell);
  f->argk.value = rl_fact_str(cx, value);
  f->argk.arg = arg;
  return f;
}
/* Is call i the last statement of a body with no return statement (the
 * function returns only if the call does)? */
static bool cs__tail(const Cs *s, RlNode i) {
  RlCtx *cx = s->cx;
  RlNode last = RL_NONE;
  for (RlNode c = rl_first_child(cx, s->body); c; c = rl_next_sibling(cx, c)) last = c;
  if (!last || rl_strip(cx, last) != i) return false;
  RlNode end = rl_node_end(cx, s->body);
  for (RlNode k = s->body; k < end; k++)
    if (rl_kind(cx, k) == RL_C_RETURN_STMT) return false;
  return true;
}
/* Is do-statement d `do { ... } while (0)` (a macro's statement wrapper,
 * which runs once)? */
static bool cs__do_once(RlCtx *cx, RlNode d) {
  RlNode c = rl_strip(cx, rl_child(cx, d, RL_F_CONDITION));
  const RlNodeExt *e = cs_ext(cx, c);
  return cs_is_zero(cx, c) || (e && e->value && strcmp(e->value, "0") == 0);
}
/* Is n inside a loop of fn? `do { ... } while (0)` is no loop. */
bool cs_in_loop(RlCtx *cx, RlNode n, RlNode fn) {
  for (RlNode p = rl_parent(cx, n); p && p != fn; p = rl_parent(cx, p)) {
    RlKind k = rl_kind(cx, p);
    if (k == RL_C_DO_STMT && cs__do_once(cx, p)) continue;
    if (k == RL_C_FOR_STMT || k == RL_C_WHILE_STMT || k == RL_C_DO_STMT) return true;
  }
  return false;
}
/* The object a thread gets is shared by the threads of a loop unless it is
 * an element of an array, a fresh allocation or an integer in disguise. */
static bool cs__shared_arg(Cs *s, RlNode spawn, RlNode arg) {
  RlCtx *cx = s->cx;
  if (!cs_in_loop(cx, spawn, s->fn)) return false;
  arg = rl_strip(cx, arg);
  if (!arg || cs_is_zero(cx, arg)) return false;
  RlNode end = rl_node_end(cx, arg);
  for (RlNode i = arg; i < end; i++)
    if (rl_kind(cx, i) == RL_C_ARRAY_SUBSCRIPT_EXPR || rl_kind(cx, i) == RL_C_CALL_EXPR)
      return false;
  if (rl_kind(cx, arg) == RL_C_UNARY_OPERATOR && cs_op_is(cx, arg, "&")) {
    RlNode x = rl_strip(cx, rl_first_child(cx, arg));
    return rl_kind(cx, x) == RL_C_DECL_REF_EXPR;
  }
  if (rl_kind(cx, arg) == RL_C_DECL_REF_EXPR) {
    if (!strchr(rl_c_type(cx, arg), '*')) return false;
    RlRefKind rk = rl_c_ref(cx, arg);
    if (rk == RL_REF_GLOBAL || rk == RL_REF_PARAM || rk == RL_REF_STATIC_LOCAL) return true;
    /* a local: shared unless (re)assigned inside the loop */
    const char *nm = rl_c_name(cx, arg);
    RlNode loop = RL_NONE;
    for (RlNode p = rl_parent(cx, spawn); p && p != s->fn; p = rl_parent(cx, p)) {
      RlKind k = rl_kind(cx, p);
      if (k == RL_C_DO_STMT && cs__do_once(cx, p)) continue;
      if (k == RL_C_FOR_STMT || k == RL_C_WHILE_STMT || k == RL_C_DO_STMT) loop = p;
    }
    RlNode le = rl_node_end(cx, loop);
    for (RlNode i = loop; i < le; i++) {
      if (rl_kind(cx, i) == RL_C_VAR_DECL && strcmp(rl_c_name(cx, i), nm) == 0) return false;
      if (rl_kind(cx, i) == RL_C_BINARY_OPERATOR && cs_op_is(cx, i, "=")) {
        RlNode l = rl_strip(cx, rl_first_child(cx, i));
        if (rl_kind(cx, l) == RL_C_DECL_REF_EXPR && strcmp(rl_c_name(cx, l), nm) == 0)
          return false;
      }
    }
    return true;
  }
  return false;
}
/* The facts of call i: RL_FACT_CALL (locks held on every path there:
 * call_mask), its guards, its known arguments (RL_FACT_C_ARGK), the
 * pointer parameters it passes on (RL_FACT_C_PASS), the thread it starts
 * (RL_FACT_SPAWN). */
void cs_emit_call(Cs *s, RlNode i, uint64_t call_mask, uint64_t call_geq,
                  uint64_t call_gne) {
  RlCtx *cx = s->cx;
  bool trusted = !s->bail;
  const char *callee = rl_c_callee(cx, i);
  if (!*callee) return;
  const RlCObj *lcls = NULL;
  uint32_t largi = 0, argc = rl_c_argc(cx, i);
  if (!cs_opx(s, callee))
    for (uint32_t a = 0; a < argc && !lcls; a++) {
      if (cs__printed_arg(cx, i, a)) break;
      uint32_t l = cs_lock_of(s, rl_c_arg(cx, i, a), i, true);
      if (l != UINT32_MAX && !s->locks[l].local) lcls = &s->locks[l].cls, largi = a + 1;
    }
  RlFact *cf = rl_fact_new(cx, RL_FACT_CALL, i);
  cf->call.callee = rl_fact_str(cx, callee);
  if (trusted) cf->call.held = cs_held(s, call_mask, i, &cf->call.nheld);
  if (lcls) cf->call.lock = cs_obj(cx, lcls);
  cf->call.lock_arg = largi;
  if (cs_fork_child(s, i)) cf->flags |= RL_CF_CHILD;
  if (cs__tail(s, i)) cf->flags |= RL_CF_TAIL;
  if (cs_in_loop(cx, i, s->fn)) cf->flags |= RL_CF_LOOP; /* a starter's calls (cgraph.c) */
  cs_emit_guards(s, i, call_geq, call_gne);
                 /* integer arguments known at the call: constants, or a parameter of
   * this function passed on unchanged (for the callee's guards) */
  for (uint32_t a = 0; a < argc && a < 32; a++) {
    RlNode av = rl_strip(cx, rl_c_arg(cx, i, a));
    const char *spell, *value;
    int p = -1;
    if (cs_const(s, av, &spell, &value)) {
      cs__argk(cx, i, callee, a, spell, value);
               } else if (cs_pflag(s, av, &p)) {
      RlFact *kf = cs__argk(cx, i, callee, a, rl_c_name(cx, av), NULL);
      kf->argk.param = (uint32_t)p;
      kf->flags = RL_CQ_PARAM;
    }
  }
  /* pointer parameters passed on (the object a thread got, to a helper) */
  for (uint32_t a = 0; a < argc && a < 255; a++) {
    RlNode av = rl_strip(cx, rl_c_arg(cx, i, a));
    if (rl_kind(cx, av) != RL_C_DECL_REF_EXPR || !strchr(rl_c_type(cx, av), '*')) continue;
    int p = -1;
    if (rl_c_ref(cx, av) == RL_REF_PARAM) {
      p = cs_param_index(s, rl_c_name(cx, av));
    } else if (rl_c_ref(cx, av) == RL_REF_LOCAL) {
      uint64_t h = rl_hash_str(RL_FNV_INIT, rl_c_name(cx, av));
      for (uint32_t k = 0; k < s->nalias; k++)
        if (s->alias[k] == h) p = s->alias_param[k];
    }
    if (p < 0 || p > 255) continue;
    RlFact *pf = rl_fact_new(cx, RL_FACT_C_PASS, i);
    pf->pass.callee = rl_fact_str(cx, callee);
    pf->pass.arg = a;
    pf->pass.param = (uint32_t)p;
  }
  uint32_t targ = 0;
  int routine = cs_thread_api(s, callee, &targ); /* csum_fnref.c */
  if (routine < 0) return;
  RlNode r = rl_strip(cx, rl_c_arg(cx, i, (uint32_t)routine));
  if (rl_kind(cx, r) == RL_C_UNARY_OPERATOR) r = rl_strip(cx, rl_first_child(cx, r));
  if (rl_kind(cx, r) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, r) != RL_REF_FUNCTION) return;
  RlNode arg = rl_c_arg(cx, i, targ);
  RlFact *sf = rl_fact_new(cx, RL_FACT_SPAWN, i);
  sf->spawn.routine = rl_fact_str(cx, rl_c_name(cx, r));
  sf->spawn.api = rl_fact_str(cx, callee);
  sf->spawn.arg = rl_fact_str(cx, arg ? rl_text_dup(cx, rl_strip(cx, arg)) : "");
  sf->flags = (cs_in_loop(cx, i, s->fn) ? RL_CF_LOOP : 0) |
              (arg && cs__shared_arg(s, i, arg) ? RL_CF_SHARED_ARG : 0);
}
