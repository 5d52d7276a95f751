/* csum.c - per-function C summaries (see csum.h), recorded as facts.
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

#include <stdlib.h>
#include <string.h>

#define CS_MAXL 64 /* lock instances per function (a bit each) */
#define CS_MAXS 16 /* path states per set */
#define CS_MAXT 4  /* branch conditions remembered per state */
#define CS_MAXDEPTH 64
#define CS_MAXP 16 /* parameters */
#define CS_MAXLABELS 16
#define CS_MAXEXITS 64
#define CS_MAXG 64 /* guard conditions per function (a bit each) */

typedef struct CsState {
  uint64_t held, rel;
  uint64_t tagk[CS_MAXT];
  uint32_t tagr[CS_MAXT]; /* hash of the variable the condition reads */
  uint8_t tagv, ntag;
  uint64_t geq, gne; /* bit i: guard i's global == / != its constant here */
} CsState;

typedef struct CsSet {
  uint32_t n;
  CsState s[CS_MAXS];
} CsSet;

typedef struct CsLock {
  uint64_t key, basekey;
  RlCObj cls;
  const char *text;
  RlNode at; /* latest acquisition (or first use) */
  RlNode x;  /* the lock object as first written (`locks[i]`, `q->mu`), or none */
  int8_t param;   /* parameter the lock hangs off, -1 if none */
  bool paramlock; /* the parameter is the mutex pointer itself */
  bool local, read, acquired;
  bool own_rel; /* released on a path where this function had acquired it */
  uint32_t mention[4]; /* variables its expression reads (`locks[i]`: i) */
  uint8_t nmention;
} CsLock;

typedef struct CsLabel {
  uint64_t name;
  bool seen;
  CsSet pending;
} CsLabel;

typedef struct CsExit {
  RlNode at;
  uint64_t held_any, held_all, rel_any, rel_all;
} CsExit;

/* A lock effect of a wrapper function, applied at its call sites. */
typedef struct CsEffect {
  bool acquire, paramlock, read;
  int8_t param;
  RlCObj cls;
  /* the instance's base object in the wrapper (fn), spelled with its
   * parameters and globals only (`locks[i]`, `q->stats`): rebuilt from the
   * call's arguments at each call site; none: the class alone */
  RlNode fn, keyx;
} CsEffect;

typedef struct CsFunc {
  uint64_t name;
  uint8_t neff;
  bool touches; /* acquires or releases some lock */
  CsEffect eff[4];
} CsFunc;

enum { OP_NONE, OP_LOCK, OP_TRY, OP_UNLOCK, OP_WAIT };

typedef struct CsOp {
  const char *name;
  uint8_t op, read, arg;
  uint8_t pair; /* locks arguments arg and arg + 1, in an order of its own */
} CsOp;

/* Events recorded by the second walk, emitted as facts in node order. */
enum { EV_CALL = 1, EV_LOCK, EV_UNLOCK, EV_ACCESS, EV_DOUBLE, EV_UNHELD, EV_PAIR, EV_LAZY };

typedef struct CsEvent {
  RlNode at;
  uint8_t type;
  uint8_t flags;
  uint16_t lock, other; /* lock index; EV_PAIR: the first lock */
  uint64_t mask;        /* locks held on every visit (AND) */
  uint32_t next;        /* next event at the same node, index + 1 */
  RlNode prev;          /* EV_DOUBLE: where the lock was taken before */
  const char *a, *c;    /* EV_ACCESS: text (c); EV_LAZY: variable, text */
  RlCObj var;           /* EV_ACCESS: the variable, and the path below it */
  RlCStep *path;
  uint32_t npath;
  uint64_t geq, gne;    /* EV_CALL, EV_ACCESS, EV_LAZY: guards that hold on every
                           visit (AND) */
} CsEvent;

/* A guard condition: global `var` (or parameter `param`) compared with a
 * constant. */
typedef struct CsGuard {
  uint32_t root; /* hash of the variable's name, as CsState.tagr */
  RlCObj var;    /* a global, or a parameter (RL_CO_PARAM) */
  const char *spell, *value;
  int param; /* the parameter's index, -1 for a global */
} CsGuard;

typedef struct Cs {
  RlCtx *cx;
  RlNode fn, body;
  const char *fname;
  bool emit, bail, recursive_ok;
  bool lockish; /* the function calls a lock operation or wrapper */
  bool tagging; /* remember branch conditions (only around lock calls) */
  uint32_t depth;
  const char *params[CS_MAXP];
  uint32_t nparams;
  uint32_t pchanged; /* bit p: parameter p is assigned or its address taken */
  uint64_t pairs[2];
  CsLock locks[CS_MAXL];
  uint32_t nlocks;
  uint64_t suppressed;
  uint64_t uncertain; /* locks whose state became unknown on some path so far */
  uint64_t stepped;   /* locks[i] whose i the loop being walked moved on (cs__next_element) */
  /* calls of other files' functions taken for lock wrappers by their name
   * (lock-balance keeps a finding on such a lock only if phase 2 confirms) */
  uint64_t assumed;
  struct {
    const char *callee;
    uint32_t arg, lock;
    bool acquire;
  } assume[8];
  uint32_t nassume;
  CsExit exits[CS_MAXEXITS];
  uint32_t nexits;
  bool exits_overflow;
  CsLabel *labels;
  uint32_t nlabels;
  CsSet *brk, *cont, *sw_entry;
  bool *sw_default;
  /* trylock results kept in a variable: `rc = pthread_mutex_trylock(&m)` */
  uint64_t tryvar[8];
  RlNode trycall[8];
  uint32_t ntry;
  RlNode deferred[8];
  uint32_t ndeferred;
  /* local pointer aliases of parameters: `struct ctx *c = arg;` */
  uint64_t alias[8];
  int8_t alias_param[8];
  uint32_t nalias;
  CsOp opbuf;
  uint64_t *statics; /* name hashes of the file's static globals, sorted */
  uint32_t nstatics;
  RL_VEC(CsEvent) ev;
  uint32_t *evslot; /* per node: first event there, index + 1 */
  /* the file's functions (wrapper effects), sorted by name hash */
  CsFunc *funcs;
  uint32_t nfuncs;
  CsFunc *self;
  CsGuard guards[CS_MAXG];
  uint32_t nguards;
  bool gbail; /* guards untrustworthy (a loop not settled, a backward goto) */
} Cs;

/* Section - tables */


static const CsOp cs_ops[] = {
    {"pthread_mutex_lock", OP_LOCK, 0, 0, 0},        {"pthread_mutex_trylock", OP_TRY, 0, 0, 0},
    {"pthread_mutex_timedlock", OP_TRY, 0, 0, 0},    {"pthread_mutex_clocklock", OP_TRY, 0, 0, 0},
    {"pthread_mutex_unlock", OP_UNLOCK, 0, 0, 0},    {"pthread_rwlock_rdlock", OP_LOCK, 1, 0, 0},
    {"pthread_rwlock_wrlock", OP_LOCK, 0, 0, 0},     {"pthread_rwlock_tryrdlock", OP_TRY, 1, 0, 0},
    {"pthread_rwlock_trywrlock", OP_TRY, 0, 0, 0},   {"pthread_rwlock_timedrdlock", OP_TRY, 1, 0, 0},
    {"pthread_rwlock_timedwrlock", OP_TRY, 0, 0, 0}, {"pthread_rwlock_unlock", OP_UNLOCK, 0, 0, 0},
    {"pthread_spin_lock", OP_LOCK, 0, 0, 0},         {"pthread_spin_trylock", OP_TRY, 0, 0, 0},
    {"pthread_spin_unlock", OP_UNLOCK, 0, 0, 0},     {"mtx_lock", OP_LOCK, 0, 0, 0},
    {"mtx_trylock", OP_TRY, 0, 0, 0},                {"mtx_timedlock", OP_TRY, 0, 0, 0},
    {"mtx_unlock", OP_UNLOCK, 0, 0, 0},              {"pthread_cond_wait", OP_WAIT, 0, 1, 0},
    {"pthread_cond_timedwait", OP_WAIT, 0, 1, 0},    {"cnd_wait", OP_WAIT, 0, 1, 0},
    {"cnd_timedwait", OP_WAIT, 0, 1, 0},
    /* the runtime library (runtime/c): the fixes the hints recommend */
    {"rl_rt_lock_pair", OP_LOCK, 0, 0, 1},        {"rl_rt_unlock_pair", OP_UNLOCK, 0, 0, 1},
    {"rl_rt_trylock_pair", OP_TRY, 0, 0, 1},      {"rl_rt_mutex_lock", OP_LOCK, 0, 0, 0},
    {"rl_rt_mutex_trylock", OP_TRY, 0, 0, 0},     {"rl_rt_mutex_unlock", OP_UNLOCK, 0, 0, 0},
    {"rl_rt_mutex_lock_pair", OP_LOCK, 0, 0, 1},  {"rl_rt_mutex_unlock_pair", OP_UNLOCK, 0, 0, 1},
};

static const CsOp *cs__op(const char *name) {
  if (!name[0] || (name[0] != 'p' && name[0] != 'm' && name[0] != 'c' && name[0] != 'r'))
    return NULL;
  for (size_t i = 0; i < RL_COUNTOF(cs_ops); i++)
    if (strcmp(cs_ops[i].name, name) == 0) return &cs_ops[i];
  return NULL;
}

/* Calls that take an object without locking or unlocking what it holds. */
static const char *const cs_neutral[] = {
    "free",    "memset",  "memcpy",   "memmove", "memcmp",  "strlen",  "strcpy",
    "strncpy", "strcmp",  "strncmp",  "printf",  "fprintf", "snprintf", "sprintf",
    "assert",  "abort",   "pthread_cond_signal", "pthread_cond_broadcast",
    "cnd_signal", "cnd_broadcast", "pthread_mutex_init", "pthread_mutex_destroy",
    "pthread_cond_init", "pthread_cond_destroy", "mtx_init", "mtx_destroy",
};

/* A lock operation of the C library or one the project declared in its
 * config (c.lockFunctions / c.unlockFunctions). */
static const CsOp *cs__opx(Cs *s, const char *name) {
  CsOp *tmp = &s->opbuf;
  const CsOp *op = cs__op(name);
  if (op || !*name) return op;
  uint32_t arg = 0;
  if (rl_c_wrapper(s->cx, RL_WRAP_LOCK, name, &arg)) {
    *tmp = (CsOp){name, OP_LOCK, 0, (uint8_t)arg, 0};
    return tmp;
  }
  if (rl_c_wrapper(s->cx, RL_WRAP_UNLOCK, name, &arg)) {
    *tmp = (CsOp){name, OP_UNLOCK, 0, (uint8_t)arg, 0};
    return tmp;
  }
  return NULL;
}

/* Calls that do not return: the path ends there. */
static const char *const cs_noreturn[] = {
    "exit", "_exit", "_Exit", "abort", "quick_exit", "pthread_exit", "thrd_exit",
    "longjmp", "siglongjmp", "__assert_fail", "__builtin_unreachable", "__builtin_trap",
    "err", "errx", "verr", "verrx", "__stack_chk_fail",
};

static bool cs__in(const char *s, const char *const *t, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(s, t[i]) == 0) return true;
  return false;
}

static bool cs__prefix(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && memcmp(s, p, k) == 0;
}

static bool cs__atomic_name(const char *s, size_t n) {
  return cs__prefix(s, n, "atomic_") || cs__prefix(s, n, "__atomic") ||
         cs__prefix(s, n, "__c11_atomic") || cs__prefix(s, n, "__sync_") ||
         cs__prefix(s, n, "InterlockedIncrement");
}

static bool cs__atomic_type(const char *t) {
  return strstr(t, "_Atomic") || strncmp(t, "atomic_", 7) == 0 ||
         strstr(t, " atomic_") || strstr(t, "sig_atomic_t");
}

static bool cs__mutex_type(const char *t);

static bool cs__sync_type(const char *t) {
  return cs__mutex_type(t) || strstr(t, "pthread_mutex_t") || strstr(t, "pthread_rwlock_t") ||
         strstr(t, "pthread_spinlock_t") || strstr(t, "pthread_cond_t") ||
         strstr(t, "pthread_once_t") || strstr(t, "mtx_t") || strstr(t, "cnd_t") ||
         strstr(t, "once_flag") || strstr(t, "pthread_barrier_t") || strstr(t, "sem_t");
}

/* A mutex type, also behind a project typedef (uv_mutex_t, spinlock_t,
 * struct lock *): the name says so. */
static bool cs__mutex_type(const char *t) {
  if (strstr(t, "pthread_mutex_t") || strstr(t, "pthread_rwlock_t") ||
      strstr(t, "pthread_spinlock_t") || strstr(t, "mtx_t"))
    return true;
  if (strstr(t, "pthread_cond") || strstr(t, "cnd_t") || strstr(t, "pthread_once") ||
      strstr(t, "_attr"))
    return false;
  return strstr(t, "mutex") || strstr(t, "Mutex") || strstr(t, "MUTEX") || strstr(t, "lock") ||
         strstr(t, "Lock") || strstr(t, "LOCK") || strstr(t, "CRITICAL_SECTION");
}

/* Section - small helpers over nodes */

static const RlNodeExt *cs__ext(const RlCtx *cx, RlNode n) {
  uint32_t e = n < cx->tree.n ? cx->tree.nodes[n].ext : 0;
  return e ? &cx->tree.ext[e] : NULL;
}

static const char *cs__owner(const RlCtx *cx, RlNode n) {
  const RlNodeExt *e = cs__ext(cx, n);
  return e && e->owner ? e->owner : "";
}

/* The operator of a C unary/binary node among those the summaries need,
 * or "" (a cheaper rl_op: no table of every JS operator). */
static const char *cs__opstr(const RlCtx *cx, RlNode n) {
  static const char *const ops[] = {"=",  "&",  "!",  "++", "--", "&&", "||",
                                    "==", "!=", "<",  ">",  "<=", ">=", ","};
  if (!n || n >= cx->tree.n) return "";
  const RlNodeRec *r = &cx->tree.nodes[n];
  if (!r->first_child) return "";
  const RlNodeRec *a = &cx->tree.nodes[r->first_child];
  uint32_t b0, e0;
  if (r->kind == RL_C_UNARY_OPERATOR) {
    if (a->start_byte > r->start_byte) b0 = r->start_byte, e0 = a->start_byte;
    else if (r->end_byte > a->end_byte) b0 = a->end_byte, e0 = r->end_byte;
    else return "";
  } else {
    if (!a->next_sibling) return "";
    const RlNodeRec *b = &cx->tree.nodes[a->next_sibling];
    if (b->start_byte < a->end_byte) return "";
    b0 = a->end_byte, e0 = b->start_byte;
  }
  if (e0 > cx->len) return "";
  const char *src = cx->src;
  while (b0 < e0 && (src[b0] == ' ' || src[b0] == '\t' || src[b0] == '\n' || src[b0] == '\r')) b0++;
  while (e0 > b0 && (src[e0 - 1] == ' ' || src[e0 - 1] == '\t' || src[e0 - 1] == '\n' ||
                     src[e0 - 1] == '\r'))
    e0--;
  size_t len = e0 - b0;
  if (!len || len > 2) return "";
  for (size_t i = 0; i < RL_COUNTOF(ops); i++)
    if (strlen(ops[i]) == len && memcmp(ops[i], src + b0, len) == 0) return ops[i];
  return "";
}

static bool cs__op_is(const RlCtx *cx, RlNode n, const char *op) {
  return strcmp(cs__opstr(cx, n), op) == 0;
}

static bool cs__is_assign(const RlCtx *cx, RlNode n) {
  RlKind k = rl_kind(cx, n);
  if (k == RL_C_COMPOUND_ASSIGN_OPERATOR) return true;
  if (k == RL_C_BINARY_OPERATOR) return cs__op_is(cx, n, "=");
  if (k == RL_C_UNARY_OPERATOR) {
    const char *op = cs__opstr(cx, n);
    return strcmp(op, "++") == 0 || strcmp(op, "--") == 0;
  }
  return false;
}

static bool cs__zero_text(const char *t, size_t len) {
  while (len && (*t == '(' || *t == ' ')) t++, len--;
  while (len && (t[len - 1] == ')' || t[len - 1] == ' ')) len--;
  return (len == 1 && t[0] == '0') || (len == 4 && memcmp(t, "NULL", 4) == 0) ||
         (len == 12 && memcmp(t, "thrd_success", 12) == 0) ||
         (len == 7 && memcmp(t, "nullptr", 7) == 0) ||
         (len == 9 && memcmp(t, "(void *)0", 9) == 0);
}

static bool cs__is_zero(const RlCtx *cx, RlNode n) {
  if (!n) return false;
  size_t len;
  const char *t = rl_text(cx, n, &len);
  if (cs__zero_text(t, len)) return true;
  n = rl_strip(cx, n);
  if (rl_kind(cx, n) != RL_C_INTEGER_LITERAL) return false;
  t = rl_text(cx, n, &len);
  return cs__zero_text(t, len);
}

static int cs__param_index(const Cs *s, const char *name) {
  for (uint32_t i = 0; i < s->nparams; i++)
    if (strcmp(s->params[i], name) == 0) return (int)i;
  return -1;
}

static uint32_t cs__h32(const char *s) { return (uint32_t)rl_hash_str(RL_FNV_INIT, s); }

static uint64_t cs__bit(uint32_t i) { return UINT64_C(1) << i; }

static int cs__cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* Is `name` a static (file-local) global of this file? Those get the
 * file's path in their names ("count@@src/a.c"), so two files' statics of
 * one name stay apart. */
static bool cs__is_static(const Cs *s, const char *name) {
  uint64_t h = rl_hash_str(RL_FNV_INIT, name);
  uint32_t lo = 0, hi = s->nstatics;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (s->statics[mid] == h) return true;
    if (s->statics[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/* Section - sets of path states */

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
}

static void cs__set_add(CsSet *d, const CsState *st) {
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

static void cs__set_union(CsSet *d, const CsSet *src) {
  for (uint32_t i = 0; i < src->n; i++) cs__set_add(d, &src->s[i]);
}

static bool cs__set_eq(const CsSet *a, const CsSet *b) {
  if (a->n != b->n) return false;
  for (uint32_t i = 0; i < a->n; i++) {
    bool f = false;
    for (uint32_t j = 0; j < b->n && !f; j++)
      f = cs__state_eq(&a->s[i], &b->s[j]) && a->s[i].geq == b->s[j].geq &&
          a->s[i].gne == b->s[j].gne;
    if (!f) return false;
  }
  return true;
}

static uint64_t cs__must(const CsSet *set) {
  if (!set->n) return 0;
  uint64_t m = ~UINT64_C(0);
  for (uint32_t i = 0; i < set->n; i++) m &= set->s[i].held;
  return m;
}

static void cs__forget(Cs *s, CsSet *set, uint32_t l) {
  s->uncertain |= cs__bit(l);
  for (uint32_t i = 0; i < set->n; i++) {
    set->s[i].held &= ~cs__bit(l);
    set->s[i].rel &= ~cs__bit(l);
  }
}

/* Variable `root` is assigned: conditions and guards that read it are
 * forgotten. */
static void cs__drop_tags(const Cs *s, CsSet *set, uint32_t root) {
  uint64_t gmask = 0;
  for (uint32_t g = 0; g < s->nguards; g++)
    if (s->guards[g].root == root) gmask |= cs__bit(g);
  for (uint32_t i = 0; i < set->n; i++) {
    CsState *st = &set->s[i];
    st->geq &= ~gmask;
    st->gne &= ~gmask;
    uint8_t m = 0, v = 0;
    for (uint8_t j = 0; j < st->ntag; j++) {
      if (st->tagr[j] == root) continue;
      st->tagk[m] = st->tagk[j];
      st->tagr[m] = st->tagr[j];
      if (st->tagv & (1u << j)) v |= (uint8_t)(1u << m);
      m++;
    }
    st->ntag = m;
    st->tagv = v;
  }
}

/* Section - events */

static CsEvent *cs__event(Cs *s, RlNode at, uint8_t type, uint64_t mask) {
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

/* Section - lock identity */

static uint32_t cs__lock_add(Cs *s, uint64_t key, const RlCObj *cls, RlNode x, RlNode at,
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
          l->mention[l->nmention++] = cs__h32(rl_c_name(s->cx, i));
      }
  }
  return s->nlocks++;
}

/* The instance key of a lock of class cls with base object basekey. */
static uint64_t cs__inst(const RlCObj *cls, uint64_t basekey) {
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
  switch (rl_kind(cx, x)) {
  case RL_C_DECL_REF_EXPR: {
    const char *name = rl_c_name(cx, x);
    *basekey = 0;
    cls->name = name;
    switch (rl_c_ref(cx, x)) {
    case RL_REF_GLOBAL:
      cls->kind = RL_CO_GLOBAL;
      cls->file_local = cs__is_static(s, name);
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
    const char *owner = cs__owner(cx, x);
    if (!*owner || !base) return false;
    *basekey = rl_expr_key(cx, base);
    if (rl_kind(cx, base) == RL_C_DECL_REF_EXPR) {
      if (rl_c_ref(cx, base) == RL_REF_PARAM) *param = (int8_t)cs__param_index(s, rl_c_name(cx, base));
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
static uint32_t cs__lock_of(Cs *s, RlNode arg, RlNode at, bool typed) {
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
      (cs__op_is(cx, arg, "&") ||
       (!*cs__opstr(cx, arg) &&
        cs__mutex_type(rl_c_type(cx, rl_strip(cx, rl_first_child(cx, arg)))) &&
        !strchr(rl_c_type(cx, rl_strip(cx, rl_first_child(cx, arg))), '*')))) {
    x = rl_strip(cx, rl_first_child(cx, arg));
    if (typed && !cs__mutex_type(rl_c_type(cx, x))) return UINT32_MAX;
    ok = cs__cls_of(s, x, &param, &basekey, &local, &cls);
  } else if (rl_kind(cx, arg) == RL_C_DECL_REF_EXPR || rl_kind(cx, arg) == RL_C_MEMBER_REF_EXPR) {
    const char *t = rl_c_type(cx, arg);
    if (!strchr(t, '*') || (typed && !cs__mutex_type(t))) return UINT32_MAX;
    if (rl_kind(cx, arg) == RL_C_DECL_REF_EXPR && rl_c_ref(cx, arg) == RL_REF_PARAM) {
      param = (int8_t)cs__param_index(s, rl_c_name(cx, arg));
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
  return cs__lock_add(s, cs__inst(&cls, basekey), &cls, x, at, param, paramlock, local, basekey);
}

/* Section - lock operations on a set of states */

static void cs__acquire(Cs *s, RlNode at, uint32_t l, bool read, CsSet *set) {
  if (l == UINT32_MAX) return;
  CsLock *lk = &s->locks[l];
  lk->acquired = true;
  lk->read = read;
  RlNode prev = lk->at;
  lk->at = at;
  uint64_t b = cs__bit(l);
  bool dbl = false;
  for (uint32_t i = 0; i < set->n; i++) {
    if ((set->s[i].held & b) && !read && !s->recursive_ok) dbl = true;
    set->s[i].held |= b;
    set->s[i].rel &= ~b;
  }
  if (dbl && !(s->suppressed & b)) {
    CsEvent *e = cs__event(s, at, EV_DOUBLE, 0);
    if (e) {
      e->lock = (uint16_t)l;
      e->prev = prev ? prev : at;
    }
  }
}

static void cs__release(Cs *s, RlNode at, uint32_t l, CsSet *set) {
  if (l == UINT32_MAX) return;
  uint64_t b = cs__bit(l);
  bool unheld = false;
  for (uint32_t i = 0; i < set->n; i++) {
    if (set->s[i].rel & b) unheld = true;
    if (set->s[i].held & b) s->locks[l].own_rel = true;
    set->s[i].held &= ~b;
    set->s[i].rel |= b;
  }
  if (unheld && !(s->suppressed & b) && !s->locks[l].read && !s->recursive_ok) {
    CsEvent *e = cs__event(s, at, EV_UNHELD, 0);
    if (e) e->lock = (uint16_t)l;
  }
}

static void cs__lock_event(Cs *s, RlNode at, uint32_t l, bool unlock, bool try_,
                           const CsSet *set) {
  if (l == UINT32_MAX || !s->emit) return;
  uint64_t held = cs__must(set) & ~cs__bit(l);
  CsEvent *e = cs__event(s, at, unlock ? EV_UNLOCK : EV_LOCK, held);
  if (!e) return;
  e->lock = (uint16_t)l;
  e->flags = (uint8_t)((try_ ? RL_CF_TRY : 0) | (s->locks[l].read ? RL_CF_READ : 0));
  if (unlock || try_) return;
  /* two parameters of one type locked with nothing deciding the order */
  const CsLock *lk = &s->locks[l];
  if (lk->param < 0 || lk->paramlock || lk->local) return;
  for (uint32_t j = 0; j < s->nlocks; j++) {
    const CsLock *o = &s->locks[j];
    if (j == l || !(held & cs__bit(j)) || o->param < 0 || o->param == lk->param ||
        o->paramlock || !rl_c_obj_eq(&o->cls, &lk->cls))
      continue;
    uint32_t a = (uint32_t)(o->param < lk->param ? o->param : lk->param);
    uint32_t b = (uint32_t)(o->param < lk->param ? lk->param : o->param);
    if (a < 8 && b < 8 && (s->pairs[0] & cs__bit(a * 8 + b))) continue;
    CsEvent *p = cs__event(s, at, EV_PAIR, held);
    if (p) {
      p->lock = (uint16_t)l;
      p->other = (uint16_t)j;
    }
    break;
  }
}

/* Section - function table (wrappers) */

static CsFunc *cs__func(const Cs *s, const char *name) {
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
static bool cs__lockish(Cs *s, RlNode from, RlNode end) {
  RlCtx *cx = s->cx;
  for (RlNode i = from; i < end; i++) {
    if (rl_kind(cx, i) != RL_C_CALL_EXPR) continue;
    const char *name = rl_c_callee(cx, i);
    if (!*name) continue;
    const CsOp *op = cs__opx(s, name);
    if (op && op->op != OP_WAIT) return true;
    const CsFunc *f = cs__func(s, name);
    if (f && f->neff) return true;
  }
  return false;
}

static int cs__cmp_func(const void *a, const void *b) {
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
      u->mention[u->nmention++] = cs__h32(rl_c_name(cx, j));
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
static uint32_t cs__wrapper_lock(Cs *s, const CsEffect *e, RlNode call) {
  RlCtx *cx = s->cx;
  CsSubst u = {s, e->fn, call, true, {0}, 0};
  uint64_t bk = rl_expr_key_subst(cx, e->keyx, cs__subst, &u);
  if (!u.ok)
    return cs__lock_add(s, cs__inst(&e->cls, 0), &e->cls, RL_NONE, call, -1, false, false, 0);
  uint32_t n = s->nlocks;
  uint32_t l = cs__lock_add(s, cs__inst(&e->cls, bk), &e->cls, RL_NONE, call, -1, false, false, bk);
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
static bool cs__next_element(Cs *s, RlNode assign, uint32_t l, const CsSet *set) {
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
    if (rl_c_obj_eq(&s->locks[j].cls, &lk->cls)) same |= cs__bit(j);
  for (uint32_t i = 0; i < set->n; i++)
    if (set->s[i].held & same) return false;
  s->stepped |= cs__bit(l);
  return true;
}

/* After the loop, the element its index names is none of those the loop
 * took (`for (...; i < n; i++)` leaves i == n; a `break` leaves one it
 * holds): unknown, as after any other assignment of the index. */
static void cs__loop_exit(Cs *s, CsSet *cur) {
  for (uint32_t l = 0; l < s->nlocks; l++)
    if (s->stepped & cs__bit(l)) {
      cs__forget(s, cur, l);
      s->suppressed |= cs__bit(l);
    }
}

/* Section - expressions */

static bool cs__deferred(const Cs *s, RlNode call) {
  for (uint32_t i = 0; i < s->ndeferred; i++)
    if (s->deferred[i] == call) return true;
  return false;
}

/* A lock call stored in a variable: remember it for the later test. */
static void cs__track_try(Cs *s, const char *var, RlNode rhs) {
  rhs = rl_strip(s->cx, rhs);
  if (rl_kind(s->cx, rhs) != RL_C_CALL_EXPR) return;
  const CsOp *op = cs__opx(s, rl_c_callee(s->cx, rhs));
  if (!op || (op->op != OP_LOCK && op->op != OP_TRY)) return;
  if (s->ntry < RL_COUNTOF(s->tryvar)) {
    s->tryvar[s->ntry] = rl_hash_str(RL_FNV_INIT, var);
    s->trycall[s->ntry++] = rhs;
  }
  /* a trylock's effect waits for the test of its result; a blocking lock
   * is taken now (the test, if any, only undoes it on the error branch) */
  if (op->op == OP_TRY && s->ndeferred < RL_COUNTOF(s->deferred))
    s->deferred[s->ndeferred++] = rhs;
}

static void cs__access(Cs *s, RlNode ref, const CsSet *set);

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

/* The guards that hold on every state of `set` (none if it is empty). */
static void cs__guards_all(const CsSet *set, uint64_t *geq, uint64_t *gne) {
  *geq = *gne = 0;
  if (!set->n) return;
  *geq = *gne = ~UINT64_C(0);
  for (uint32_t i = 0; i < set->n; i++) {
    *geq &= set->s[i].geq;
    *gne &= set->s[i].gne;
  }
}

/* cs__event for a call, an access or a lazy initialisation, which also
 * keeps the guards that hold on every state of `set`, on every visit. */
static CsEvent *cs__gevent(Cs *s, RlNode at, uint8_t type, uint64_t mask, const CsSet *set) {
  if (!s->emit) return NULL;
  uint64_t geq, gne;
  cs__guards_all(set, &geq, &gne);
  CsEvent *e = cs__event(s, at, type, mask);
  if (e) {
    e->geq = geq;
    e->gne = gne;
    return e;
  }
  for (uint32_t k = s->evslot[at]; k; k = s->ev.v[k - 1].next)
    if (s->ev.v[k - 1].type == type) {
      s->ev.v[k - 1].geq &= geq;
      s->ev.v[k - 1].gne &= gne;
    }
  return NULL;
}

static void cs__call(Cs *s, RlNode call, CsSet *set) {
  RlCtx *cx = s->cx;
  cs__gevent(s, call, EV_CALL, cs__must(set), set);
  if (cs__deferred(s, call)) {
    /* a trylock kept in a variable: unknown until its result is tested */
    const CsOp *dop = cs__opx(s, rl_c_callee(cx, call));
    for (uint8_t q = 0; dop && q < (dop->pair ? 2 : 1); q++) {
      uint32_t l = cs__lock_of(s, rl_c_arg(cx, call, dop->arg + q), call, false);
      if (l != UINT32_MAX) cs__forget(s, set, l);
    }
    return;
  }
  const char *name = rl_c_callee(cx, call);
  const CsOp *op = cs__opx(s, name);
  uint32_t argc = rl_c_argc(cx, call);
  if (op) {
    if (op->op == OP_WAIT) return;
    uint8_t kind = op->op, read = op->read, n = op->pair ? 2 : 1;
    uint32_t ls[2] = {UINT32_MAX, UINT32_MAX};
    for (uint8_t q = 0; q < n; q++)
      ls[q] = cs__lock_of(s, rl_c_arg(cx, call, op->arg + q), call, false);
    if (ls[1] == ls[0]) ls[1] = UINT32_MAX;
    /* a pair is taken in an order of its own: events first, then effects */
    for (uint8_t q = 0; q < n; q++) {
      uint32_t l = ls[q];
      if (l == UINT32_MAX) continue;
      if (kind != OP_UNLOCK) s->locks[l].read = read;
      cs__lock_event(s, call, l, kind == OP_UNLOCK, kind == OP_TRY, set);
    }
    for (uint8_t q = 0; q < n; q++) {
      uint32_t l = ls[q];
      if (l == UINT32_MAX) continue;
      if (kind == OP_LOCK) cs__acquire(s, call, l, read, set);
      else if (kind == OP_TRY) cs__forget(s, set, l); /* result not tested here: unknown */
      else cs__release(s, call, l, set);
    }
    return;
  }
  if (*name && cs__in(name, cs_noreturn, RL_COUNTOF(cs_noreturn))) {
    /* ends the path, unless it is one arm of `c ? x : abort()`, `c || die()`
     * (assert() expands to that) */
    bool conditional = false;
    for (RlNode p = rl_parent(cx, call); p && !conditional; p = rl_parent(cx, p)) {
      RlKind pk = rl_kind(cx, p);
      if (pk == RL_C_COMPOUND_STMT || pk == RL_C_FUNCTION_DECL || pk == RL_C_IF_STMT ||
          pk == RL_C_CASE_STMT || pk == RL_C_LABEL_STMT || pk == RL_C_DEFAULT_STMT)
        break;
      if (pk == RL_C_CONDITIONAL_OPERATOR ||
          (pk == RL_C_BINARY_OPERATOR && (cs__op_is(cx, p, "&&") || cs__op_is(cx, p, "||"))))
        conditional = true;
    }
    /* inside a statement expression (glibc's assert()): not walked as
     * statements, so not a path of its own */
    for (RlNode p = rl_parent(cx, call); p && !conditional; p = rl_parent(cx, p)) {
      if (rl_kind(cx, p) == RL_C_FUNCTION_DECL) break;
      if (rl_kind(cx, p) == RL_C_STMT_EXPR) conditional = true;
    }
    if (!conditional) set->n = 0;
    return;
  }
  if (*name && (cs__atomic_name(name, strlen(name)) || strcmp(name, "pthread_once") == 0 ||
                strcmp(name, "call_once") == 0))
    return;
  CsFunc *f = *name ? cs__func(s, name) : NULL;
  if (f) {
    for (uint8_t i = 0; i < f->neff; i++) {
      const CsEffect *e = &f->eff[i];
      uint32_t l = UINT32_MAX;
      if (e->paramlock) {
        l = cs__lock_of(s, rl_c_arg(cx, call, (uint32_t)e->param), call, false);
      } else if (e->param >= 0) {
        RlNode a = rl_strip(cx, rl_c_arg(cx, call, (uint32_t)e->param));
        if (!a) continue;
        uint64_t bk = rl_expr_key(cx, a);
        int8_t pp = -1;
        if (rl_kind(cx, a) == RL_C_DECL_REF_EXPR && rl_c_ref(cx, a) == RL_REF_PARAM)
          pp = (int8_t)cs__param_index(s, rl_c_name(cx, a));
        l = cs__lock_add(s, cs__inst(&e->cls, bk), &e->cls, a, call, pp, false, false, bk);
      } else if (e->keyx) {
        l = cs__wrapper_lock(s, e, call);
      } else {
        l = cs__lock_add(s, cs__inst(&e->cls, 0), &e->cls, RL_NONE, call, -1, false, false, 0);
      }
      if (l == UINT32_MAX) continue;
      s->locks[l].read = e->read;
      cs__lock_event(s, call, l, !e->acquire, false, set);
      if (e->acquire) cs__acquire(s, call, l, e->read, set);
      else cs__release(s, call, l, set);
    }
    return;
  }
  /* An unknown function that gets a lock, or the object a held lock lives
   * in, may lock or unlock it: its state becomes unknown. */
  bool neutral = *name && cs__in(name, cs_neutral, RL_COUNTOF(cs_neutral));
  if (neutral) return;
  for (uint32_t i = 0; i < argc; i++) {
    RlNode a = rl_c_arg(cx, call, i);
    uint32_t l = cs__lock_of(s, a, call, true);
    if (l != UINT32_MAX) {
      int guess = *name && !cs__func(s, name) ? cs__guess_wrapper(name) : 0;
      if (guess == 3) continue; /* waits on a condition: the lock is held again after */
      if (guess && s->nassume < RL_COUNTOF(s->assume)) {
        s->assume[s->nassume].callee = name;
        s->assume[s->nassume].arg = i;
        s->assume[s->nassume].lock = l;
        s->assume[s->nassume++].acquire = guess == 1;
        s->assumed |= cs__bit(l);
        if (guess == 1) cs__acquire(s, call, l, false, set);
        else cs__release(s, call, l, set);
        continue;
      }
      cs__forget(s, set, l);
      s->suppressed |= cs__bit(l);
      continue;
    }
    RlNode sa = rl_strip(cx, a);
    if (rl_kind(cx, sa) != RL_C_DECL_REF_EXPR) continue;
    uint64_t k = rl_expr_key(cx, sa);
    for (uint32_t j = 0; j < s->nlocks; j++)
      if (s->locks[j].basekey == k && k) {
        cs__forget(s, set, j);
        s->suppressed |= cs__bit(j);
      }
  }
}

/* Effects of evaluating expression e (calls in order, accesses). */
static void cs__expr(Cs *s, RlNode e, CsSet *set) {
  RlCtx *cx = s->cx;
  if (!e) return;
  RlNode end = rl_node_end(cx, e);
  for (RlNode i = e; i < end; i++) {
    switch (rl_kind(cx, i)) {
    case RL_C_CALL_EXPR:
      cs__call(s, i, set);
      break;
    case RL_C_VAR_DECL: {
      RlNode v = rl_child(cx, i, RL_F_VALUE);
      if (!v) break;
      cs__track_try(s, rl_c_name(cx, i), v);
      RlNode sv = rl_strip(cx, v);
      if (rl_kind(cx, sv) == RL_C_DECL_REF_EXPR && rl_c_ref(cx, sv) == RL_REF_PARAM &&
          s->nalias < RL_COUNTOF(s->alias)) {
        int p = cs__param_index(s, rl_c_name(cx, sv));
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
      if (!cs__is_assign(cx, i)) break;
      RlNode lhs = rl_strip(cx, rl_first_child(cx, i));
      if (rl_kind(cx, lhs) == RL_C_DECL_REF_EXPR) {
        cs__drop_tags(s, set, cs__h32(rl_c_name(cx, lhs)));
        /* `prev = cur`: locks reached through the pointer are others now */
        uint32_t h = cs__h32(rl_c_name(cx, lhs));
        for (uint32_t j = 0; j < s->nlocks; j++)
          for (uint8_t m = 0; m < s->locks[j].nmention; m++)
            if (s->locks[j].mention[m] == h && !cs__next_element(s, i, j, set)) {
              cs__forget(s, set, j);
              s->suppressed |= cs__bit(j);
            }
        if (rl_kind(cx, i) == RL_C_BINARY_OPERATOR)
          cs__track_try(s, rl_c_name(cx, lhs), rl_child(cx, i, RL_F_RIGHT));
      }
      break;
    }
    case RL_C_DECL_REF_EXPR:
      if (s->emit) cs__access(s, i, set);
      break;
    default:
      break;
    }
  }
}

/* Section - conditions */

static RlNode cs__lockcall(Cs *s, RlNode e) {
  RlCtx *cx = s->cx;
  e = rl_strip(cx, e);
  if (rl_kind(cx, e) == RL_C_BINARY_OPERATOR && cs__op_is(cx, e, "="))
    e = rl_strip(cx, rl_child(cx, e, RL_F_RIGHT));
  if (rl_kind(cx, e) == RL_C_CALL_EXPR) {
    const CsOp *op = cs__opx(s, rl_c_callee(cx, e));
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
    const CsOp *op = cs__opx(s, rl_c_callee(s->cx, i));
    if (op && (op->op == OP_LOCK || op->op == OP_TRY)) { /* unlocks: plain effects */
      *call = i;
      return true;
    }
  }
  return false;
}

static bool cs__taggable(Cs *s, RlNode e, uint32_t *root) {
  RlCtx *cx = s->cx;
  RlNode end = rl_node_end(cx, e);
  *root = 0;
  for (RlNode i = e; i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_C_CALL_EXPR || cs__is_assign(cx, i)) return false;
    if (k == RL_C_DECL_REF_EXPR && !*root) *root = cs__h32(rl_c_name(cx, i));
  }
  return *root != 0;
}

/* Is expression n what a condition tests: the condition of an if or loop,
 * or an operand of `!`, `&&`, `||` or a comparison with zero there? */
static bool cs__tested(Cs *s, RlNode n) {
  RlCtx *cx = s->cx;
  for (RlNode c = n, p = rl_parent(cx, n); p && p != s->fn; c = p, p = rl_parent(cx, p)) {
    RlKind pk = rl_kind(cx, p);
    if (rl_strip(cx, p) != p) continue; /* parentheses, casts */
    if (pk == RL_C_IF_STMT || pk == RL_C_WHILE_STMT || pk == RL_C_DO_STMT)
      return rl_child(cx, p, RL_F_CONDITION) == c;
    if (pk == RL_C_FOR_STMT) return rl_next_sibling(cx, c) != RL_NONE; /* not the body */
    const char *op = pk == RL_C_UNARY_OPERATOR || pk == RL_C_BINARY_OPERATOR ? cs__opstr(cx, p) : "";
    if (strcmp(op, "!") == 0 || strcmp(op, "&&") == 0 || strcmp(op, "||") == 0) continue;
    if (strcmp(op, "==") == 0 || strcmp(op, "!=") == 0) {
      RlNode a = rl_first_child(cx, p), b = rl_next_sibling(cx, a);
      if (cs__is_zero(cx, a == c ? b : a)) continue;
    }
    return false;
  }
  return false;
}

/* Is condition e tested again elsewhere in the function? Only then is it
 * worth one of the CS_MAXT remembered conditions: a loop body with many
 * one-off tests would otherwise use them all up before the one that
 * matters (memcached's `if (!mod->needs_lock) unlock; ...; if
 * (mod->needs_lock) unlock;` after five other tests). A variable merely
 * used again (`if (it == NULL) ...; eval(it);`) is not tested again. */
static bool cs__retested(Cs *s, RlNode e) {
  RlCtx *cx = s->cx;
  RlKind k = rl_kind(cx, e);
  uint64_t key = 0;
  RlNode end = rl_node_end(cx, s->body);
  for (RlNode i = s->body; i < end; i++) {
    if (i == e || rl_kind(cx, i) != k) continue;
    if (!key) key = rl_expr_key(cx, e);
    if (rl_expr_key(cx, i) == key && cs__tested(s, i)) return true;
  }
  return false;
}

/* Is x (stripped) a constant? Its spelling and value (NULL if unknown). */
static bool cs__const(Cs *s, RlNode x, const char **spell, const char **value) {
  RlCtx *cx = s->cx;
  RlKind k = rl_kind(cx, x);
  const RlNodeExt *e = cs__ext(cx, x);
  if (k == RL_C_INTEGER_LITERAL || k == RL_C_CHARACTER_LITERAL ||
      (k == RL_C_DECL_REF_EXPR && rl_c_ref(cx, x) == RL_REF_ENUM)) {
    *value = e ? e->value : NULL;
    *spell = k == RL_C_DECL_REF_EXPR ? rl_c_name(cx, x) : rl_text_dup(cx, x);
    if (!**spell) *spell = *value ? *value : "";
    return **spell != 0;
  }
  return false; /* -1, const variables...: no guard */
}

/* A global that can serve as a mode flag: a plain integer or enum
 * variable (not thread-local, not a pointer, array, record or float).
 * *var receives it. */
static bool cs__flag(Cs *s, RlNode x, RlCObj *var) {
  RlCtx *cx = s->cx;
  if (rl_kind(cx, x) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, x) != RL_REF_GLOBAL) return false;
  const char *t = rl_c_type(cx, x);
  if (!*t || strncmp(t, "_Thread_local", 13) == 0 || strpbrk(t, "*[(") || strstr(t, "struct ") ||
      strstr(t, "union ") || strstr(t, "float") || strstr(t, "double") || cs__sync_type(t))
    return false;
  const char *name = rl_c_name(cx, x);
  memset(var, 0, sizeof *var);
  var->kind = RL_CO_GLOBAL;
  var->name = name;
  var->file_local = cs__is_static(s, name);
  return true;
}

/* A parameter that can serve as a guard: a plain integer or enum
 * parameter the function never assigns and whose address it never takes.
 * Its name in guards: "$<index>". */
static const char *cs__pflag(Cs *s, RlNode x, int *param) {
  RlCtx *cx = s->cx;
  if (rl_kind(cx, x) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, x) != RL_REF_PARAM) return NULL;
  int p = cs__param_index(s, rl_c_name(cx, x));
  if (p < 0 || (s->pchanged & (1u << p))) return NULL;
  const char *t = rl_c_type(cx, x);
  if (!*t || strpbrk(t, "*[(") || strstr(t, "struct ") || strstr(t, "union ") ||
      strstr(t, "float") || strstr(t, "double"))
    return NULL;
  *param = p;
  return rl_c_name(cx, x);
}

/* `g == K` / `g != K` (either order) with g a global flag and K a constant
 * other than a literal 0 (those are truth tests: stop flags, which other
 * threads raise while this one runs): the guard's index, and whether the
 * condition being true means g == K. -1 if none. A parameter p (see
 * cs__pflag) is a guard too, also in a truth test (`if (p)`: p != 0): no
 * other thread changes it. */
/* Is x a guard variable (a global flag, or a parameter as cs__pflag
 * says)? *var receives it, *param the parameter's index. */
static bool cs__guard_var(Cs *s, RlNode x, RlCObj *var, int *param) {
  if (cs__flag(s, x, var)) return true;
  const char *name = cs__pflag(s, x, param);
  if (!name) return false;
  memset(var, 0, sizeof *var);
  var->kind = RL_CO_PARAM;
  var->name = name;
  var->param = (uint8_t)*param;
  return true;
}

static int cs__guard_of(Cs *s, RlNode e, bool *true_eq) {
  RlCtx *cx = s->cx;
  const char *spell = NULL, *value = NULL;
  RlCObj var;
  RlNode a = RL_NONE, b = RL_NONE, k = RL_NONE;
  int param = -1;
  if (rl_kind(cx, e) == RL_C_DECL_REF_EXPR) {
    const char *name = cs__pflag(s, e, &param);
    if (!name) return -1;
    memset(&var, 0, sizeof var);
    var.kind = RL_CO_PARAM;
    var.name = name;
    var.param = (uint8_t)param;
    a = e;
    spell = value = "0";
    *true_eq = false;
  } else {
    if (rl_kind(cx, e) != RL_C_BINARY_OPERATOR) return -1;
    const char *op = cs__opstr(cx, e);
    if (strcmp(op, "==") != 0 && strcmp(op, "!=") != 0) return -1;
    a = rl_strip(cx, rl_first_child(cx, e));
    b = a ? rl_strip(cx, rl_next_sibling(cx, rl_first_child(cx, e))) : RL_NONE;
    if (!a || !b) return -1;
    bool found = cs__guard_var(s, a, &var, &param);
    k = b;
    if (!found) {
      found = cs__guard_var(s, b, &var, &param);
      k = a;
    }
    if (!found || !cs__const(s, k, &spell, &value)) return -1;
    *true_eq = op[0] == '=';
  }
  uint32_t root = cs__h32(rl_c_name(cx, k == b ? a : b));
  for (uint32_t i = 0; i < s->nguards; i++) {
    const CsGuard *g = &s->guards[i];
    if (g->root != root || g->param != param || !rl_c_obj_eq(&g->var, &var)) continue;
    if ((g->value && value) ? strcmp(g->value, value) == 0 : strcmp(g->spell, spell) == 0)
      return (int)i;
  }
  if (s->nguards == CS_MAXG) return -1;
  s->guards[s->nguards] = (CsGuard){root, var, spell, value, param};
  return (int)s->nguards++;
}

/* Condition e is true on the states of t, false on those of f: the guard
 * it is (if any) holds accordingly. */
static void cs__guard_split(Cs *s, RlNode e, CsSet *t, CsSet *f) {
  bool true_eq;
  int g = cs__guard_of(s, e, &true_eq);
  if (g < 0) return;
  uint64_t b = cs__bit((uint32_t)g);
  for (uint32_t i = 0; i < t->n; i++) {
    if (true_eq) t->s[i].geq |= b;
    else t->s[i].gne |= b;
  }
  for (uint32_t i = 0; i < f->n; i++) {
    if (true_eq) f->s[i].gne |= b;
    else f->s[i].geq |= b;
  }
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
  if (k == RL_C_UNARY_OPERATOR && cs__op_is(cx, e, "!")) {
    cs__cond(s, rl_first_child(cx, e), in, f, t);
    return;
  }
  if (k == RL_C_BINARY_OPERATOR) {
    const char *op = cs__opstr(cx, e);
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
        cs__set_union(f, &f1);
      } else {
        cs__cond(s, b, &f1, t, f);
        cs__set_union(t, &t1);
      }
      s->depth--;
      return;
    }
    if (strcmp(op, "==") == 0 || strcmp(op, "!=") == 0) {
      RlNode x = cs__is_zero(cx, b) ? a : cs__is_zero(cx, a) ? b : RL_NONE;
      if (x) {
        if (op[0] == '=') cs__cond(s, x, in, f, t);
        else cs__cond(s, x, in, t, f);
        return;
      }
    }
  }
  RlNode lc = cs__lockcall(s, e);
  if (lc) {
    /* lock functions return 0 on success: false = acquired */
    const CsOp *op = cs__opx(s, rl_c_callee(cx, lc));
    *t = *in;
    *f = *in;
    if (!op) return;
    uint8_t kind = op->op, read = op->read, n = op->pair ? 2 : 1;
    uint32_t ls[2] = {UINT32_MAX, UINT32_MAX};
    for (uint8_t q = 0; q < n; q++)
      ls[q] = cs__lock_of(s, rl_c_arg(cx, lc, op->arg + q), lc, false);
    if (ls[1] == ls[0]) ls[1] = UINT32_MAX;
    bool applied = rl_kind(cx, e) == RL_C_DECL_REF_EXPR && !cs__deferred(s, lc);
    for (uint8_t q = 0; q < n; q++) {
      uint32_t l = ls[q];
      if (l == UINT32_MAX) continue;
      if (applied) {
        cs__forget(s, t, l); /* `rc = lock(&m); if (rc) ...`: taken already; not on error */
        continue;
      }
      s->locks[l].read = read;
      cs__lock_event(s, lc, l, false, kind == OP_TRY, in);
    }
    for (uint8_t q = 0; q < n && !applied; q++)
      if (ls[q] != UINT32_MAX) cs__acquire(s, lc, ls[q], read, f);
    return;
  }
  RlNode inner;
  if (cs__has_lockcall(s, e, &inner)) {
    /* `pthread_mutex_trylock(&m) == EBUSY`: unsure which way it went */
    *t = *in;
    uint32_t l = cs__lock_of(s, rl_c_arg(cx, inner, 0), inner, false);
    if (l != UINT32_MAX) {
      cs__forget(s, t, l);
      s->suppressed |= cs__bit(l);
    }
    *f = *t;
    return;
  }
  CsSet outs = *in, *out = &outs;
  cs__expr(s, e, out);
  uint32_t root;
  if (k == RL_C_INTEGER_LITERAL) {
    /* while (1) / while (0); a literal spelled in a macro is unreadable:
     * take it for the `do { ... } while (0)` of statement macros */
    size_t len;
    const char *txt = rl_text(cx, e, &len);
    bool number = len && txt[0] >= '0' && txt[0] <= '9';
    if (number && !(len == 1 && txt[0] == '0')) *t = *out;
    else *f = *out;
    return;
  }
  if (!s->tagging || !cs__taggable(s, e, &root) || !cs__retested(s, e)) {
    *t = *out;
    *f = *out;
    cs__guard_split(s, e, t, f);
    return;
  }
  uint64_t key = rl_expr_key(cx, e);
  for (uint32_t i = 0; i < out->n; i++) {
    CsState st = out->s[i];
    int have = -1;
    for (uint8_t j = 0; j < st.ntag; j++)
      if (st.tagk[j] == key) have = (st.tagv >> j) & 1;
    if (have == 1) {
      cs__set_add(t, &st);
    } else if (have == 0) {
      cs__set_add(f, &st);
    } else if (st.ntag < CS_MAXT) {
      uint8_t j = st.ntag++;
      st.tagk[j] = key;
      st.tagr[j] = root;
      st.tagv |= (uint8_t)(1u << j);
      cs__set_add(t, &st);
      st.tagv &= (uint8_t)~(1u << j);
      cs__set_add(f, &st);
    } else {
      cs__set_add(t, &st);
      cs__set_add(f, &st);
    }
  }
  cs__guard_split(s, e, t, f);
}

/* Section - statements */

static void cs__stmt(Cs *s, RlNode n, CsSet *cur);

static void cs__exit(Cs *s, RlNode at, const CsSet *cur) {
  if (!cur->n) return;
  uint64_t ha = 0, hl = ~UINT64_C(0), ra = 0, rl = ~UINT64_C(0);
  for (uint32_t i = 0; i < cur->n; i++) {
    ha |= cur->s[i].held;
    hl &= cur->s[i].held;
    ra |= cur->s[i].rel;
    rl &= cur->s[i].rel;
  }
  for (uint32_t i = 0; i < s->nexits; i++) {
    CsExit *x = &s->exits[i];
    if (x->at != at) continue;
    x->held_any |= ha;
    x->held_all &= hl;
    x->rel_any |= ra;
    x->rel_all &= rl;
    return;
  }
  if (s->nexits == CS_MAXEXITS) {
    s->exits_overflow = true;
    return;
  }
  s->exits[s->nexits++] = (CsExit){at, ha, hl, ra, rl};
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
  while (j < len && (t[j] == '_' || (t[j] >= 'a' && t[j] <= 'z') || (t[j] >= 'A' && t[j] <= 'Z') ||
                     (t[j] >= '0' && t[j] <= '9')))
    j++;
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

static void cs__lazy(Cs *s, RlNode ifn, const CsSet *cur);

static void cs__loop(Cs *s, RlNode cond, RlNode body, RlNode inc, bool do_while,
                     bool has_cond, CsSet *cur) {
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
      cs__set_union(exit, f);
    } else {
      *t = *entry;
    }
    brk->n = cont->n = 0;
    s->brk = brk;
    s->cont = cont;
    cs__stmt(s, body, t);
    s->brk = ob;
    s->cont = oc;
    cs__set_union(t, cont);
    cs__set_union(exit, brk);
    if (inc) cs__expr(s, inc, t);
    if (do_while) {
      if (has_cond) {
        cs__cond(s, cond, t, next, f);
        cs__set_union(exit, f);
        *t = *next;
      }
    }
    *next = *entry;
    cs__set_union(next, t);
    if (cs__set_eq(next, entry)) {
      settled = true;
      break;
    }
    *entry = *next;
  }
  if (!settled) s->gbail = true; /* a later pass could weaken a guard */
  *cur = *exit;
  cs__loop_exit(s, cur);
  s->stepped = ostep;
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
    for (RlNode c = rl_first_child(cx, n); c; c = rl_next_sibling(cx, c)) cs__stmt(s, c, cur);
    break;
  case RL_C_IF_STMT: {
    if (s->emit && cur->n) cs__lazy(s, n, cur);
    CsSet sets[2], *t = &sets[0], *f = &sets[1];
    s->tagging = s->lockish && cs__lockish(s, n, rl_node_end(cx, n));
    cs__cond(s, rl_child(cx, n, RL_F_CONDITION), cur, t, f);
    s->tagging = false;
    cs__stmt(s, rl_child(cx, n, RL_F_CONSEQUENCE), t);
    cs__stmt(s, rl_child(cx, n, RL_F_ALTERNATIVE), f);
    *cur = *t;
    cs__set_union(cur, f);
    break;
  }
  case RL_C_WHILE_STMT:
    cs__loop(s, rl_child(cx, n, RL_F_CONDITION), rl_child(cx, n, RL_F_BODY), RL_NONE, false,
             true, cur);
    break;
  case RL_C_DO_STMT:
    cs__loop(s, rl_child(cx, n, RL_F_CONDITION), rl_child(cx, n, RL_F_BODY), RL_NONE, true,
             true, cur);
    break;
  case RL_C_FOR_STMT: {
    /* children: [init] [cond] [inc] body, absent ones not visited */
    RlNode kids[4];
    uint32_t nk = 0;
    for (RlNode c = rl_first_child(cx, n); c && nk < 4; c = rl_next_sibling(cx, c)) kids[nk++] = c;
    if (!nk) break;
    RlNode body = kids[nk - 1], init = RL_NONE, cond = RL_NONE, inc = RL_NONE;
    if (nk == 4) {
      init = kids[0], cond = kids[1], inc = kids[2];
    } else if (nk >= 2) {
      /* guess: a comparison or a `!x` is the condition */
      for (uint32_t i = 0; i + 1 < nk; i++) {
        RlNode c = rl_strip(cx, kids[i]);
        RlKind ck = rl_kind(cx, c);
        const char *op = ck == RL_C_BINARY_OPERATOR || ck == RL_C_UNARY_OPERATOR ? cs__opstr(cx, c) : "";
        bool is_cond = !cond && ((ck == RL_C_BINARY_OPERATOR && !cs__is_assign(cx, c) &&
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
    cs__loop(s, cond, body, inc, false, cond != RL_NONE, cur);
    break;
  }
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
    cs__set_union(cur, brk);
    if (!has_default) cs__set_union(cur, entry);
    break;
  }
  case RL_C_CASE_STMT:
  case RL_C_DEFAULT_STMT: {
    if (s->sw_entry) cs__set_union(cur, s->sw_entry);
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
    if (s->brk) cs__set_union(s->brk, cur);
    cur->n = 0;
    break;
  case RL_C_CONTINUE_STMT:
    if (s->cont) cs__set_union(s->cont, cur);
    cur->n = 0;
    break;
  case RL_C_GOTO_STMT: {
    CsLabel *l = cs__label(s, cs__label_name(s, n, true));
    if (l && !l->seen) cs__set_union(&l->pending, cur);
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
    cs__set_union(cur, &l->pending);
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

/* Section - accesses and lazy initialisation */

static bool cs__in_atomic(Cs *s, RlNode n) {
  RlCtx *cx = s->cx;
  RlNode p = n;
  for (int k = 0; k < 8 && p; k++, p = rl_parent(cx, p)) {
    RlKind kd = rl_kind(cx, p);
    if (kd == RL_C_COMPOUND_STMT || kd == RL_C_FUNCTION_DECL) break;
    if (kd == RL_C_CALL_EXPR || kd == RL_C_UNEXPOSED_EXPR) {
      size_t len;
      const char *t = rl_text(cx, p, &len);
      if (cs__atomic_name(t, len)) return true;
    }
  }
  return false;
}

static void cs__access(Cs *s, RlNode ref, const CsSet *set) {
  RlCtx *cx = s->cx;
  RlRefKind rk = rl_c_ref(cx, ref);
  const char *name = rl_c_name(cx, ref);
  const char *type = rl_c_type(cx, ref);
  int8_t param = -1;
  if (rk == RL_REF_PARAM) {
    param = (int8_t)cs__param_index(s, name);
  } else if (rk == RL_REF_LOCAL) {
    uint64_t h = rl_hash_str(RL_FNV_INIT, name);
    for (uint32_t i = 0; i < s->nalias; i++)
      if (s->alias[i] == h) param = s->alias_param[i];
    if (param < 0) return;
  } else if (rk != RL_REF_GLOBAL && rk != RL_REF_STATIC_LOCAL) {
    return;
  }
  if (strncmp(type, "_Thread_local", 13) == 0 || cs__sync_type(type)) return;
  if (strstr(type, "(*") || strstr(type, ")(")) return; /* function pointers */
  /* climb to the whole lvalue: members, subscripts, derefs */
  RlCObj var;
  memset(&var, 0, sizeof var);
  var.name = name;
  if (param >= 0) {
    var.kind = RL_CO_PARAM;
    var.param = (uint8_t)param;
    var.name = "";
  } else if (rk == RL_REF_STATIC_LOCAL) {
    var.kind = RL_CO_STATIC_LOCAL;
    var.owner = s->fname;
    var.file_local = 1;
  } else {
    var.kind = RL_CO_GLOBAL;
    var.file_local = cs__is_static(s, name);
  }
  RL_VEC(RlCStep) path = {0};
  RlNode top = ref;
  bool member = false, atomic = cs__atomic_type(type);
  for (;;) {
    RlNode p = rl_parent(cx, top);
    RlKind pk = rl_kind(cx, p);
    if (pk == RL_C_PAREN_EXPR || (pk == RL_C_UNEXPOSED_EXPR && rl_named_child_count(cx, p) == 1 &&
                                  rl_kind(cx, rl_parent(cx, p)) == RL_C_MEMBER_REF_EXPR) ||
        pk == RL_C_CSTYLE_CAST_EXPR) {
      if (pk != RL_C_PAREN_EXPR && rl_kind(cx, rl_parent(cx, p)) != RL_C_MEMBER_REF_EXPR) break;
      top = p;
      continue;
    }
    if (pk == RL_C_MEMBER_REF_EXPR && rl_first_child(cx, p) == top) {
      const char *bt = rl_c_type(cx, top);
      (void)bt;
      size_t len;
      const char *t = rl_text(cx, p, &len);
      bool arrow = false;
      for (size_t i = 0; i + 1 < len; i++)
        if (t[i] == '-' && t[i + 1] == '>') arrow = true;
      RL_VEC_PUSH(path, ((RlCStep){rl_c_name(cx, p), arrow ? RL_CS_ARROW : RL_CS_DOT}));
      if (cs__atomic_type(rl_c_type(cx, p))) atomic = true;
      if (cs__sync_type(rl_c_type(cx, p))) {
        RL_VEC_FREE(path);
        return;
      }
      member = true;
      top = p;
      continue;
    }
    if (pk == RL_C_ARRAY_SUBSCRIPT_EXPR && rl_first_child(cx, p) == top) {
      RL_VEC_PUSH(path, ((RlCStep){"", RL_CS_ELEM}));
      top = p;
      continue;
    }
    break;
  }
  if (param >= 0 && !member) {
    RL_VEC_FREE(path);
    return; /* the parameter itself is the function's own copy */
  }
  RlNode p = rl_parent(cx, top);
  while (rl_kind(cx, p) == RL_C_PAREN_EXPR) top = p, p = rl_parent(cx, p);
  uint8_t mode = RL_CA_READ;
  RlKind pk = rl_kind(cx, p);
  if (pk == RL_C_BINARY_OPERATOR && rl_first_child(cx, p) == top && cs__op_is(cx, p, "=")) {
    mode = RL_CA_WRITE;
  } else if (pk == RL_C_COMPOUND_ASSIGN_OPERATOR && rl_first_child(cx, p) == top) {
    mode = RL_CA_WRITE | RL_CA_RMW;
  } else if (pk == RL_C_UNARY_OPERATOR) {
    const char *op = cs__opstr(cx, p);
    if (strcmp(op, "++") == 0 || strcmp(op, "--") == 0) mode = RL_CA_WRITE | RL_CA_RMW;
    else if (strcmp(op, "&") == 0) {
      RL_VEC_FREE(path);
      return; /* address taken: whoever gets it accesses it */
    }
  }
  if (!atomic && cs__in_atomic(s, ref)) atomic = true;
  CsEvent *e = cs__gevent(s, ref, EV_ACCESS, cs__must(set), set);
  if (!e && s->emit && !cs__must(set) && s->uncertain) {
    /* seen before (a loop); the lock may have become unknown since */
    for (uint32_t k = s->evslot[ref]; k; k = s->ev.v[k - 1].next)
      if (s->ev.v[k - 1].type == EV_ACCESS) s->ev.v[k - 1].flags |= RL_CA_MAYBE_LOCKED;
  }
  if (e) {
    e->flags = (uint8_t)(mode | (atomic ? RL_CA_ATOMIC : 0) |
                         (!cs__must(set) && s->uncertain ? RL_CA_MAYBE_LOCKED : 0));
    e->var = var;
    e->npath = path.n;
    e->path = path.n ? rl_arena_alloc(cx->scratch, path.n * sizeof *path.v) : NULL;
    if (path.n) memcpy(e->path, path.v, path.n * sizeof *path.v);
    e->c = rl_text_dup(cx, top);
  }
  RL_VEC_FREE(path);
}

/* `if (!g) ... g = ...` with g a global or static: the null check. */
static RlNode cs__null_check(Cs *s, RlNode cond) {
  RlCtx *cx = s->cx;
  cond = rl_strip(cx, cond);
  RlNode x = RL_NONE;
  if (rl_kind(cx, cond) == RL_C_UNARY_OPERATOR && cs__op_is(cx, cond, "!")) {
    x = rl_first_child(cx, cond);
  } else if (rl_kind(cx, cond) == RL_C_BINARY_OPERATOR && cs__op_is(cx, cond, "==")) {
    RlNode a = rl_first_child(cx, cond), b = rl_next_sibling(cx, a);
    x = cs__is_zero(cx, b) ? a : cs__is_zero(cx, a) ? b : RL_NONE;
  }
  x = rl_strip(cx, x);
  if (rl_kind(cx, x) != RL_C_DECL_REF_EXPR) return RL_NONE;
  RlRefKind rk = rl_c_ref(cx, x);
  if (rk != RL_REF_GLOBAL && rk != RL_REF_STATIC_LOCAL) return RL_NONE;
  const char *t = rl_c_type(cx, x);
  if (cs__atomic_type(t) || strncmp(t, "_Thread_local", 13) == 0 || cs__sync_type(t))
    return RL_NONE;
  return x;
}

static void cs__lazy(Cs *s, RlNode ifn, const CsSet *cur) {
  RlCtx *cx = s->cx;
  RlNode cond = rl_child(cx, ifn, RL_F_CONDITION);
  RlNode g = cs__null_check(s, cond);
  if (!g || cs__must(cur) || s->uncertain) return;
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
  for (RlNode i = then; i && i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_C_BINARY_OPERATOR && cs__op_is(cx, i, "=")) {
      RlNode l = rl_strip(cx, rl_first_child(cx, i));
      if (rl_kind(cx, l) == RL_C_DECL_REF_EXPR && strcmp(rl_c_name(cx, l), name) == 0 &&
          rl_c_ref(cx, l) == rl_c_ref(cx, g))
        write = true;
    } else if (k == RL_C_CALL_EXPR) {
      const char *cal = rl_c_callee(cx, i);
      const CsOp *op = cs__opx(s, cal);
      if (op && (op->op == OP_LOCK || op->op == OP_TRY)) lock = true;
      CsFunc *f = *cal ? cs__func(s, cal) : NULL;
      if (f && f->neff && f->eff[0].acquire) lock = true;
      if (strcmp(cal, "pthread_once") == 0 || strcmp(cal, "call_once") == 0) once = true;
      size_t len;
      const char *t = rl_text(cx, i, &len);
      if (cs__atomic_name(t, len)) once = true;
    }
  }
  if (!write || once) return;
  CsEvent *e = cs__gevent(s, rl_strip(cx, cond), EV_LAZY, 0, cur);
  if (e) {
    e->flags = lock ? RL_CL_DCL : 0;
    e->a = name;
    e->c = rl_text_dup(cx, g);
  }
}

/* Section - one function */

static void cs__params(Cs *s) {
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
    bool addr = rl_kind(cx, p) == RL_C_UNARY_OPERATOR && cs__op_is(cx, p, "&");
    bool write = cs__is_assign(cx, p) && rl_first_child(cx, p) == top;
    int pi = cs__param_index(s, rl_c_name(cx, i));
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
      const char *op = cs__opstr(cx, i);
      if (strcmp(op, "<") && strcmp(op, ">") && strcmp(op, "<=") && strcmp(op, ">=") &&
          strcmp(op, "==") && strcmp(op, "!="))
        continue;
    } else if (cs__opx(s, rl_c_callee(cx, i))) {
      continue;
    }
    uint32_t seen = 0;
    RlNode e2 = rl_node_end(cx, i);
    for (RlNode j = i; j < e2; j++) {
      if (rl_kind(cx, j) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, j) != RL_REF_PARAM) continue;
      int p = cs__param_index(s, rl_c_name(cx, j));
      if (p >= 0 && p < 8) seen |= 1u << p;
    }
    for (uint32_t a = 0; a < 8; a++)
      for (uint32_t b = a + 1; b < 8; b++)
        if ((seen & (1u << a)) && (seen & (1u << b))) s->pairs[0] |= cs__bit(a * 8 + b);
  }
}

static void cs__run(Cs *s) {
  s->nlocks = 0;
  s->suppressed = 0;
  s->uncertain = 0;
  s->stepped = 0;
  s->assumed = 0;
  s->nassume = 0;
  s->nexits = 0;
  s->exits_overflow = false;
  s->nlabels = 0;
  s->brk = s->cont = s->sw_entry = NULL;
  s->sw_default = NULL;
  s->ntry = s->ndeferred = s->nalias = 0;
  s->bail = false;
  s->nguards = 0;
  s->gbail = false;
  s->depth = 0;
  s->tagging = false;
  s->lockish = cs__lockish(s, s->body, rl_node_end(s->cx, s->body));
  cs__params(s);
  CsSet curs, *cur = &curs;
  cur->n = 1;
  memset(&cur->s[0], 0, sizeof cur->s[0]);
  cs__stmt(s, s->body, cur);
  cs__exit(s, s->body, cur); /* falling off the end */
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

/* Wrapper effects of the function just walked. */
static void cs__effects(Cs *s, CsFunc *f) {
  f->neff = 0;
  f->touches = false;
  if (s->bail || s->exits_overflow || !s->nexits) return;
  for (uint32_t l = 0; l < s->nlocks; l++) {
    const CsLock *lk = &s->locks[l];
    uint64_t b = cs__bit(l);
    f->touches = true;
    if (lk->local || (s->suppressed & b) || (s->assumed & b)) continue;
    bool all_held = true, all_rel = true;
    for (uint32_t i = 0; i < s->nexits; i++) {
      if (!(s->exits[i].held_all & b)) all_held = false;
      if (!(s->exits[i].rel_all & b)) all_rel = false;
    }
    bool acq = all_held && lk->acquired;
    bool rel = all_rel && !lk->acquired;
    if (!acq && !rel) continue;
    if (lk->param < 0 && cs__colon(s, &lk->cls)) continue;
    if (f->neff < RL_COUNTOF(f->eff))
      f->eff[f->neff++] = (CsEffect){acq, lk->paramlock, lk->read, lk->param, lk->cls, s->fn,
                                     cs__wrapper_keyx(s, lk)};
  }
}

/* Section - facts */

/* Object o with its strings copied for a fact. */
static RlCObj cs__obj(RlCtx *cx, const RlCObj *o) {
  RlCObj r = *o;
  r.name = rl_fact_str(cx, o->name);
  r.owner = rl_fact_str(cx, o->owner);
  return r;
}

/* The held set of the locks in mask, for a fact: *n receives its size. */
static const RlCHeld *cs__held(Cs *s, uint64_t mask, uint32_t *n) {
  *n = 0;
  if (!mask) return NULL;
  uint32_t k = 0;
  for (uint32_t l = 0; l < s->nlocks; l++) k += (mask & cs__bit(l)) != 0;
  if (!k) return NULL;
  RlCHeld *h = rl_fact_alloc(s->cx, k * sizeof *h);
  for (uint32_t l = 0; l < s->nlocks; l++) {
    if (!(mask & cs__bit(l))) continue;
    const CsLock *lk = &s->locks[l];
    h[*n].cls = cs__obj(s->cx, &lk->cls);
    h[*n].line = lk->at ? rl_loc(s->cx, lk->at).line : 0;
    h[(*n)++].read = lk->read;
  }
  return h;
}

/* A RL_FACT_C_BALANCE fact about lock lk. */
static RlFact *cs__balance(RlCtx *cx, RlNode at, RlCBalance what, const CsLock *lk) {
  RlFact *f = rl_fact_new(cx, RL_FACT_C_BALANCE, at);
  f->balance.what = (uint8_t)what;
  f->balance.text = rl_fact_str(cx, lk->text);
  f->balance.cls = cs__obj(cx, &lk->cls);
  return f;
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
  return (s->assumed & cs__bit(l)) ? RL_CB_ASSUMED : 0;
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

static bool cs__in_loop(RlCtx *cx, RlNode n, RlNode fn) {
  for (RlNode p = rl_parent(cx, n); p && p != fn; p = rl_parent(cx, p)) {
    RlKind k = rl_kind(cx, p);
    if (k == RL_C_FOR_STMT || k == RL_C_WHILE_STMT || k == RL_C_DO_STMT) return true;
  }
  return false;
}

/* The object a thread gets is shared by the threads of a loop unless it is
 * an element of an array, a fresh allocation or an integer in disguise. */
static bool cs__shared_arg(Cs *s, RlNode spawn, RlNode arg) {
  RlCtx *cx = s->cx;
  if (!cs__in_loop(cx, spawn, s->fn)) return false;
  arg = rl_strip(cx, arg);
  if (!arg || cs__is_zero(cx, arg)) return false;
  RlNode end = rl_node_end(cx, arg);
  for (RlNode i = arg; i < end; i++)
    if (rl_kind(cx, i) == RL_C_ARRAY_SUBSCRIPT_EXPR || rl_kind(cx, i) == RL_C_CALL_EXPR)
      return false;
  if (rl_kind(cx, arg) == RL_C_UNARY_OPERATOR && cs__op_is(cx, arg, "&")) {
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
      if (k == RL_C_FOR_STMT || k == RL_C_WHILE_STMT || k == RL_C_DO_STMT) loop = p;
    }
    RlNode le = rl_node_end(cx, loop);
    for (RlNode i = loop; i < le; i++) {
      if (rl_kind(cx, i) == RL_C_VAR_DECL && strcmp(rl_c_name(cx, i), nm) == 0) return false;
      if (rl_kind(cx, i) == RL_C_BINARY_OPERATOR && cs__op_is(cx, i, "=")) {
        RlNode l = rl_strip(cx, rl_first_child(cx, i));
        if (rl_kind(cx, l) == RL_C_DECL_REF_EXPR && strcmp(rl_c_name(cx, l), nm) == 0)
          return false;
      }
    }
    return true;
  }
  return false;
}

/* A flag global changed where no access fact says so (phase 2 then
 * trusts no guard on it): its address is taken (`&mode`), or it is
 * assigned in code the path walk did not reach (`walked` is false). */
static void cs__change(Cs *s, RlNode ref, bool walked) {
  RlCtx *cx = s->cx;
  RlNode top = ref, p = rl_parent(cx, ref);
  while (rl_kind(cx, p) == RL_C_PAREN_EXPR) top = p, p = rl_parent(cx, p);
  bool addr = rl_kind(cx, p) == RL_C_UNARY_OPERATOR && cs__op_is(cx, p, "&");
  bool write = !walked && cs__is_assign(cx, p) && rl_first_child(cx, p) == top;
  if (!addr && !write) return;
  RlCObj flag;
  if (!cs__flag(s, ref, &flag)) return;
  flag = cs__obj(cx, &flag);
  rl_fact_new(cx, RL_FACT_C_CHANGE, ref)->change.var = flag;
}

/* The RL_FACT_C_GUARD facts of the call, access or lazy initialisation
 * just recorded at `at`: the guards that hold on every path to it. */
static void cs__emit_guards(Cs *s, RlNode at, uint64_t geq, uint64_t gne) {
  for (uint32_t g = 0; g < s->nguards && !s->gbail && !s->bail; g++) {
    uint64_t b = cs__bit(g);
    if (!((geq | gne) & b)) continue;
    const CsGuard *gd = &s->guards[g];
    RlCObj var = cs__obj(s->cx, &gd->var);
    const char *spell = rl_fact_str(s->cx, gd->spell), *value = rl_fact_str(s->cx, gd->value);
    RlFact *gf = rl_fact_new(s->cx, RL_FACT_C_GUARD, at);
    gf->guard.var = var;
    gf->guard.spell = spell;
    gf->guard.value = value;
    gf->flags = (geq & b ? RL_CQ_EQ : 0) | (gne & b ? RL_CQ_NE : 0) |
                (gd->param >= 0 ? RL_CQ_PARAM : 0);
  }
}

/* The facts of event e (not EV_CALL: cs__emit_call records calls). */
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
    f->lock.cls = cs__obj(cx, &lk->cls);
    f->lock.held = cs__held(s, e->mask & ~s->assumed, &f->lock.nheld);
    f->lock.text = rl_fact_str(cx, lk->text);
    f->lock.base_param = lk->param;
    f->flags = e->flags | (lk->paramlock ? RL_CF_PARAMLOCK : 0);
    break;
  }
  case EV_ACCESS: {
    RlFact *f = rl_fact_new(cx, RL_FACT_C_ACCESS, e->at);
    f->access.var = cs__obj(cx, &e->var);
    if (e->npath) {
      RlCStep *path = rl_fact_alloc(cx, e->npath * sizeof *path);
      for (uint32_t k = 0; k < e->npath; k++)
        path[k] = (RlCStep){rl_fact_str(cx, e->path[k].field), e->path[k].how};
      f->access.path = path;
      f->access.npath = e->npath;
    }
    if (trusted) f->access.held = cs__held(s, e->mask, &f->access.nheld);
    f->access.text = rl_fact_str(cx, e->c);
    f->flags = e->flags;
    cs__emit_guards(s, e->at, e->geq, e->gne);
    break;
  }
  case EV_DOUBLE: {
    RlFact *f = cs__balance(cx, e->at, RL_CB_DOUBLE, lk);
    f->balance.nnotes = 1;
    f->flags = cs__assumes(s, e->lock);
    cs__note(cx, e->prev, rl_arena_printf(cx->scratch, "'%s' locked here", lk->text));
    cs__emit_assumes(s, e->lock);
    break;
  }
  case EV_UNHELD: {
    RlFact *f = cs__balance(cx, e->at, RL_CB_UNHELD, lk);
    f->flags = cs__assumes(s, e->lock);
    cs__emit_assumes(s, e->lock);
    break;
  }
  case EV_PAIR: {
    const CsLock *o = &s->locks[e->other];
    RlFact *f = rl_fact_new(cx, RL_FACT_C_PAIR, e->at);
    f->pair.cls = cs__obj(cx, &lk->cls);
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
    cs__emit_guards(s, e->at, e->geq, e->gne);
    break;
  }
  default:
    break;
  }
}

/* The facts of call i: RL_FACT_CALL (locks held on every path there:
 * call_mask), its guards, its known arguments (RL_FACT_C_ARGK), the
 * pointer parameters it passes on (RL_FACT_C_PASS), the thread it starts
 * (RL_FACT_SPAWN). */
static void cs__emit_call(Cs *s, RlNode i, uint64_t call_mask, uint64_t call_geq,
                          uint64_t call_gne) {
  RlCtx *cx = s->cx;
  bool trusted = !s->bail;
  const char *callee = rl_c_callee(cx, i);
  if (!*callee) return;
  const RlCObj *lcls = NULL;
  uint32_t largi = 0, argc = rl_c_argc(cx, i);
  if (!cs__opx(s, callee))
    for (uint32_t a = 0; a < argc && !lcls; a++) {
      uint32_t l = cs__lock_of(s, rl_c_arg(cx, i, a), i, true);
      if (l != UINT32_MAX && !s->locks[l].local) lcls = &s->locks[l].cls, largi = a + 1;
    }
  RlFact *cf = rl_fact_new(cx, RL_FACT_CALL, i);
  cf->call.callee = rl_fact_str(cx, callee);
  if (trusted) cf->call.held = cs__held(s, call_mask, &cf->call.nheld);
  if (lcls) cf->call.lock = cs__obj(cx, lcls);
  cf->call.lock_arg = largi;
  cs__emit_guards(s, i, call_geq, call_gne);
  /* integer arguments known at the call: constants, or a parameter of
   * this function passed on unchanged (for the callee's guards) */
  for (uint32_t a = 0; a < argc && a < 32; a++) {
    RlNode av = rl_strip(cx, rl_c_arg(cx, i, a));
    const char *spell, *value;
    int p = -1;
    if (cs__const(s, av, &spell, &value)) {
      cs__argk(cx, i, callee, a, spell, value);
    } else if (cs__pflag(s, av, &p)) {
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
      p = cs__param_index(s, rl_c_name(cx, av));
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
  int routine = strcmp(callee, "pthread_create") == 0 ? 2
                : strcmp(callee, "thrd_create") == 0  ? 1
                                                      : -1;
  uint32_t warg = 0;
  if (routine < 0 && rl_c_wrapper(cx, RL_WRAP_THREAD_CREATE, callee, &warg))
    routine = (int)warg; /* c.threadCreateFunctions; its argument follows */
  if (routine < 0) return;
  RlNode r = rl_strip(cx, rl_c_arg(cx, i, (uint32_t)routine));
  if (rl_kind(cx, r) == RL_C_UNARY_OPERATOR) r = rl_strip(cx, rl_first_child(cx, r));
  if (rl_kind(cx, r) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, r) != RL_REF_FUNCTION) return;
  RlNode arg = rl_c_arg(cx, i, (uint32_t)routine + 1);
  RlFact *sf = rl_fact_new(cx, RL_FACT_SPAWN, i);
  sf->spawn.routine = rl_fact_str(cx, rl_c_name(cx, r));
  sf->spawn.api = rl_fact_str(cx, callee);
  sf->spawn.arg = rl_fact_str(cx, arg ? rl_text_dup(cx, rl_strip(cx, arg)) : "");
  sf->flags = (cs__in_loop(cx, i, s->fn) ? RL_CF_LOOP : 0) |
              (arg && cs__shared_arg(s, i, arg) ? RL_CF_SHARED_ARG : 0);
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
    uint64_t b = cs__bit(l);
    const CsLock *lk = &s->locks[l];
    /* a lock this function only ever releases for its caller (a mode
     * argument picks lock or unlock: memcached's pause_threads) is an API,
     * not a leak */
    if ((s->suppressed & b) || !lk->acquired || !lk->own_rel) continue;
    bool released = false, mixed = false;
    for (uint32_t x = 0; x < s->nexits; x++) {
      if (s->exits[x].rel_any & b) released = true;
      /* one return that holds it on some paths and released it on others:
       * a conditional lock function (`return rc;` holding it on success) */
      if ((s->exits[x].rel_any & b) && (s->exits[x].held_any & b) &&
          rl_kind(cx, s->exits[x].at) == RL_C_RETURN_STMT && rl_first_child(cx, s->exits[x].at))
        mixed = true;
    }
    if (!released || mixed) continue;
    for (uint32_t x = 0; x < s->nexits; x++) {
      if (!(s->exits[x].held_any & b)) continue;
      /* the last `return value;` holding it, earlier ones releasing it:
       * "returns 0 with the lock held", a conditional lock function */
      if (s->exits[x].at == last_ret && rl_first_child(cx, last_ret)) {
        size_t vl;
        const char *v = rl_text(cx, rl_first_child(cx, last_ret), &vl);
        bool error_value = (vl && v[0] == '-') || (vl == 4 && memcmp(v, "NULL", 4) == 0) ||
                           (vl == 5 && memcmp(v, "false", 5) == 0);
        if (!error_value) continue;
      }
      RlFact *f = cs__balance(cx, s->exits[x].at, RL_CB_LEAK, lk);
      f->balance.nnotes = 1;
      f->flags = (s->exits[x].at == s->body ? RL_CB_AT_END : 0u) | cs__assumes(s, l);
      cs__note(cx, lk->at, rl_arena_printf(cx->scratch, "'%s' locked here", lk->text));
      cs__emit_assumes(s, l);
    }
  }
}

/* RL_FACT_C_WRAPPER: the lock effects the function has for its callers. */
static void cs__emit_wrappers(Cs *s) {
  RlCtx *cx = s->cx;
  CsFunc fx;
  memset(&fx, 0, sizeof fx);
  cs__effects(s, &fx);
  for (uint8_t k = 0; k < fx.neff; k++) {
    RlFact *f = rl_fact_new(cx, RL_FACT_C_WRAPPER, s->body);
    f->wrapper.acquire = fx.eff[k].acquire;
    f->wrapper.cls = cs__obj(cx, &fx.eff[k].cls);
    f->wrapper.param = fx.eff[k].param;
    f->flags = (fx.eff[k].paramlock ? RL_CF_PARAMLOCK : 0) | (fx.eff[k].read ? RL_CF_READ : 0);
  }
}

static void cs__emit(Cs *s) {
  RlCtx *cx = s->cx;
  RlFact *ff = rl_fact_new(cx, RL_FACT_FUNC, s->fn);
  ff->fn.name = ff->fn.bare = rl_fact_str(cx, s->fname);
  ff->fn.nparams = s->nparams;
  ff->flags = RL_FF_EXPORTED;
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
    if (rl_kind(cx, i) == RL_C_DECL_REF_EXPR) cs__change(s, i, accessed);
    if (rl_kind(cx, i) == RL_C_CALL_EXPR) cs__emit_call(s, i, call_mask, call_geq, call_gne);
  }
  if (!trusted || s->exits_overflow) return;
  cs__emit_leaks(s);
  cs__emit_wrappers(s);
}

/* Section - the file */

static void cs__globals(RlCtx *cx) {
  for (RlNode c = rl_first_child(cx, rl_root(cx)); c; c = rl_next_sibling(cx, c)) {
    if (rl_kind(cx, c) != RL_C_VAR_DECL) continue;
    const char *t = rl_c_type(cx, c);
    uint32_t fl = 0;
    if (strncmp(t, "_Thread_local", 13) == 0) fl |= RL_CG_TLS;
    if (cs__atomic_type(t)) fl |= RL_CG_ATOMIC;
    if (cs__sync_type(t)) fl |= RL_CG_SYNC;
    RlFact *f = rl_fact_new(cx, RL_FACT_C_GLOBAL, c);
    f->global.var.kind = RL_CO_GLOBAL;
    f->global.var.name = rl_fact_str(cx, rl_c_name(cx, c));
    f->global.var.owner = "";
    f->global.var.file_local = rl_str_starts_with(rl_text_dup(cx, c), "static");
    f->global.type = rl_fact_str(cx, t);
    f->flags = fl;
  }
}

void rl_csum_extract(RlCtx *cx) {
  Cs *s = rl_alloc(cx, sizeof *s);
  s->cx = cx;
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
  qsort(s->statics, s->nstatics, sizeof *s->statics, cs__cmp_u64);
  uint32_t n = rl_node_count(cx);
  uint32_t nf = 0;
  for (RlNode i = 1; i < n; i++)
    if (rl_kind(cx, i) == RL_C_FUNCTION_DECL && rl_child(cx, i, RL_F_BODY)) nf++;
  s->funcs = rl_alloc(cx, (nf + 1) * sizeof *s->funcs);
  for (RlNode i = 1; i < n; i++)
    if (rl_kind(cx, i) == RL_C_FUNCTION_DECL && rl_child(cx, i, RL_F_BODY))
      s->funcs[s->nfuncs++].name = rl_hash_str(RL_FNV_INIT, rl_c_name(cx, i));
  qsort(s->funcs, s->nfuncs, sizeof *s->funcs, cs__cmp_func);
  /* pass 1: wrapper effects (twice, so a wrapper of a wrapper is seen) */
  for (int round = 0; round < 2; round++)
    for (RlNode i = 1; i < n; i++) {
      if (rl_kind(cx, i) != RL_C_FUNCTION_DECL) continue;
      RlNode body = rl_child(cx, i, RL_F_BODY);
      if (!body) continue;
      s->fn = i;
      s->body = body;
      s->fname = rl_c_name(cx, i);
      s->emit = false;
      i = rl_node_end(cx, i) - 1;
      if (!cs__lockish(s, body, rl_node_end(cx, body))) continue;
      cs__run(s);
      CsFunc *f = cs__func(s, s->fname);
      if (f) cs__effects(s, f);
    }
  /* pass 2: facts */
  s->evslot = rl_alloc(cx, n * sizeof *s->evslot);
  cs__globals(cx);
  for (RlNode c = rl_first_child(cx, rl_root(cx)); c; c = rl_next_sibling(cx, c))
    if (rl_kind(cx, c) == RL_C_VAR_DECL)
      for (RlNode i = c; i < rl_node_end(cx, c); i++)
        if (rl_kind(cx, i) == RL_C_DECL_REF_EXPR) cs__change(s, i, true); /* `= &mode` */
  for (RlNode i = 1; i < n; i++) {
    if (rl_kind(cx, i) != RL_C_FUNCTION_DECL) continue;
    RlNode body = rl_child(cx, i, RL_F_BODY);
    if (!body) continue;
    s->fn = i;
    s->body = body;
    s->fname = rl_c_name(cx, i);
    s->emit = true;
    cs__run(s);
    cs__emit(s);
    for (uint32_t k = 0; k < s->ev.n; k++) s->evslot[s->ev.v[k].at] = 0;
    s->ev.n = 0;
    i = rl_node_end(cx, i) - 1;
  }
  RL_VEC_FREE(s->ev);
}
