/* cgraph.c - the project's C call graph, composed from the per-function
 * summaries (csum.c) in phase 2: functions by name across files, callers,
 * the thread start routines that reach each function, and the locks every
 * caller holds when it calls a function (its entry lockset). Rules build
 * one with rl_cgraph_new() in project() and delete it when done.
 *
 * Thread reachability is sensitive to mode flags: a call runs only under
 * its guards (RL_FACT_C_GUARD: `mode == READ`, `mode != IDLE` on every
 * path to it), and a chain of calls whose guards contradict each other
 * (the thread reads a client only when `mode == READ`, the reader runs a
 * command only when `mode == IDLE`) is not followed. Only flags the thread
 * cannot change are trusted: none of the functions it reaches writes
 * them, and their address is never taken. Reachability and that set are
 * computed together: start trusting every flag, drop those a reached
 * function writes, recompute until none is dropped. The model assumes a
 * flag does not change while the thread runs one chain (the main thread
 * switches modes while the workers are parked).
 *
 * Guards may also test a function's own parameters (RL_CQ_PARAM). A call
 * whose arguments are constants (RL_FACT_C_ARGK) visits the callee with
 * those parameter values known, so `helper(c, 1)` does not follow the
 * `else free_client(c)` of `if (async)` in helper. The values hold inside
 * that callee only, and in the callees it passes the parameter on to
 * unchanged; only parameters some guard tests (there or further on) are
 * kept, so a constant log level does not multiply a function's visits.
 *
 * The function's own accesses and lazy initialisations carry guards too:
 * a thread runs one (rl_cgraph_fact_threads) only if at least one of the
 * contexts it visits the function with allows them. Once a function has
 * been visited CG_MAXV - 1 times its last visit knows nothing, and allows
 * every guard.
 *
 * Calls made in a fork() child that ends in exec or _exit (RL_CF_CHILD)
 * are not followed: the child is a process of its own, with one thread.
 *
 * Threads started through the project's own functions (starters, fields
 * holding functions) are found in cgraph_values.c. */
#include <stdlib.h>
#include <string.h>

#include "cgraph_int.h"

/* A known fact about a flag along a chain: flag == / != a constant. */
typedef struct CgCons {
  uint32_t flag;
  uint32_t how; /* RL_CQ_EQ | RL_CQ_NE */
  const char *spell, *value;
} CgCons;

#define CG_MAXC 8 /* constraints carried along one chain */
#define CG_MAXV 8 /* distinct constraint sets one function is visited with */
#define CG_MAXP 4 /* parameter values known on entry */

/* A parameter's value on entry: a constant argument at the call. */
typedef struct CgParam {
  uint32_t param;
  const char *spell, *value;
} CgParam;

/* What is known when a function runs: flag constraints along the chain,
 * and the values of its own parameters (only those its guards test). */
typedef struct CgSet {
  uint32_t n, np;
  CgCons c[CG_MAXC];
  CgParam p[CG_MAXP];
} CgSet;

static int cg__cmp(const void *a, const void *b, void *ctx) {
  const CgFunc *f = ctx;
  const CgFunc *x = &f[*(const uint32_t *)a], *y = &f[*(const uint32_t *)b];
  int c = strcmp(x->name, y->name);
  if (c) return c;
  return x < y ? -1 : x > y; /* index order (which is file order) */
}

uint32_t rl_cgraph_named(const RlCGraph *self, const char *name, const uint32_t **fns) {
  uint32_t lo = 0, hi = self->n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (strcmp(self->f[self->by_name[mid]].name, name) < 0) lo = mid + 1;
    else hi = mid;
  }
  uint32_t end = lo;
  while (end < self->n && strcmp(self->f[self->by_name[end]].name, name) == 0) end++;
  *fns = self->by_name + lo;
  return end - lo;
}

int32_t rl_cgraph_func(const RlCGraph *self, const char *name, uint32_t prefer_file) {
  uint32_t lo = 0, hi = self->n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (strcmp(self->f[self->by_name[mid]].name, name) < 0) lo = mid + 1;
    else hi = mid;
  }
  int32_t first = -1;
  for (uint32_t i = lo; i < self->n && strcmp(self->f[self->by_name[i]].name, name) == 0; i++) {
    if (first < 0) first = (int32_t)self->by_name[i];
    if (self->f[self->by_name[i]].file == prefer_file) return (int32_t)self->by_name[i];
  }
  return first;
}

int32_t rl_cgraph_callee(const RlCGraph *self, int32_t fn, uint32_t i) {
  if (fn < 0 || (uint32_t)fn >= self->n || i >= self->f[fn].end - self->f[fn].first) return -1;
  return self->f[fn].callee[i];
}

const RlFact *rl_cgraph_facts(const RlCGraph *self, int32_t fn, uint32_t *n) {
  if (fn < 0 || (uint32_t)fn >= self->n) {
    *n = 0;
    return NULL;
  }
  const CgFunc *f = &self->f[fn];
  uint32_t nf;
  const RlFact *all = rl_project_facts(self->px, f->file, &nf);
  *n = f->end - f->first;
  return all + f->first;
}

uint32_t rl_cgraph_nfuncs(const RlCGraph *self) { return self->n; }

uint64_t rl_cgraph_threads(const RlCGraph *self, int32_t fn) {
  return fn >= 0 && (uint32_t)fn < self->n ? self->f[fn].threads : 0;
}

uint64_t rl_cgraph_fact_threads(const RlCGraph *self, int32_t fn, const RlFact *fact) {
  uint32_t n;
  const RlFact *f = rl_cgraph_facts(self, fn, &n);
  if (!f || fact < f || fact >= f + n) return 0;
  const CgFunc *cf = &self->f[fn];
  return cf->deny ? cf->threads & ~cf->deny[fact - f] : cf->threads;
}

const RlCHeld *rl_cgraph_entry_held(const RlCGraph *self, int32_t fn, uint32_t *n) {
  *n = 0;
  if (fn < 0 || (uint32_t)fn >= self->n || !self->f[fn].entry) return NULL;
  *n = self->f[fn].nentry;
  return self->f[fn].entry;
}

/* The definition of the calling file wins; otherwise any definition of the
 * project (a test program's no-op stub of the same name does not hide the
 * real one). */
const RlCObj *rl_cgraph_global_wrapper(const RlCGraph *self, int32_t fn, uint32_t i,
                                       bool acquire) {
  uint32_t n;
  const RlFact *f = rl_cgraph_facts(self, fn, &n);
  int32_t c = rl_cgraph_callee(self, fn, i);
  if (c < 0 || f[i].kind != RL_FACT_CALL) return NULL;
  const char *name = f[i].call.callee;
  uint32_t file = f[i].file;
  const uint32_t *named = (const uint32_t *)&c;
  uint32_t nnamed = 1;
  if (self->f[c].file != file) nnamed = rl_cgraph_named(self, name, &named);
  for (uint32_t k = 0; k < nnamed; k++) {
    const CgFunc *d = &self->f[named[k]];
    if (acquire ? d->wacq : d->wrel) return acquire ? d->wacq : d->wrel;
  }
  return NULL;
}

/* A function the project declares but does not define here (its file's
 * code is under a platform #ifdef the build would set) whose name says it
 * ends the process: `nni_plat_abort`, `os_panic`. */
static bool cg__ends_by_name(const char *name) {
  char low[64];
  size_t n = strlen(name);
  if (n >= sizeof low) return false;
  for (size_t i = 0; i <= n; i++)
    low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] - 'A' + 'a' : name[i]);
  return strstr(low, "abort") || strstr(low, "panic");
}

bool rl_cgraph_noreturn(const RlCGraph *self, const char *name, uint32_t file) {
  const uint32_t *named;
  uint32_t k = rl_cgraph_named(self, name, &named);
  if (!k) return cg__ends_by_name(name);
  for (uint32_t i = 0; i < k; i++)
    if (self->f[named[i]].file == file) return self->f[named[i]].noret;
  for (uint32_t i = 0; i < k; i++)
    if (!self->f[named[i]].noret) return false;
  return true;
}

/* Functions that never return: flagged so by their file (RL_FF_NORETURN),
 * or ending in a call of one (RL_CF_TAIL), to a fixpoint: nng's
 * nni_panic() ends in nni_plat_abort(), which calls abort(), each in a
 * file of its own. */
static void cg__noreturn(RlCGraph *g) {
  for (uint32_t fn = 0; fn < g->n; fn++) {
    uint32_t n;
    const RlFact *ff = rl_cgraph_facts(g, (int32_t)fn, &n);
    g->f[fn].noret = n && (ff[0].flags & RL_FF_NORETURN);
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t fn = 0; fn < g->n; fn++) {
      if (g->f[fn].noret) continue;
      uint32_t n;
      const RlFact *ff = rl_cgraph_facts(g, (int32_t)fn, &n);
      for (uint32_t i = 0; i < n && !g->f[fn].noret; i++)
        if (ff[i].kind == RL_FACT_CALL && (ff[i].flags & RL_CF_TAIL) &&
            rl_cgraph_noreturn(g, ff[i].call.callee, ff[i].file))
          changed = g->f[fn].noret = true;
    }
  }
}

uint32_t rl_cgraph_nthreads(const RlCGraph *self) { return self->nthreads; }
const RlFact *rl_cgraph_spawn(const RlCGraph *self, uint32_t t) {
  return t < self->nthreads ? self->spawn[t] : NULL;
}
int32_t rl_cgraph_thread_of(const RlCGraph *self, const RlFact *spawn) {
  int32_t r = rl_cgraph_func(self, spawn->spawn.routine, spawn->file);
  for (uint32_t t = 0; r >= 0 && t < self->nthreads; t++)
    if (self->routine[t] == r) return (int32_t)t;
  return -1;
}

int32_t rl_cgraph_routine(const RlCGraph *self, uint32_t t) {
  return t < self->nthreads ? self->routine[t] : -1;
}

bool rl_cgraph_multi(const RlCGraph *self, uint32_t t) {
  return t < self->nthreads && self->multi[t];
}

/* A held set being built (malloc). */
typedef struct CgHeld {
  RlCHeld *v;
  uint32_t n;
} CgHeld;

/* The entries of a whose class is in b, in a's order (a new set). */
static CgHeld cg__inter(const CgHeld *a, const CgHeld *b) {
  CgHeld r = {rl_malloc((a->n + 1) * sizeof *r.v), 0};
  for (uint32_t i = 0; i < a->n; i++)
    if (rl_c_held_has(b->v, b->n, &a->v[i].cls)) r.v[r.n++] = a->v[i];
  return r;
}

/* a, then the entries of b whose class is not in a (a new set). */
static CgHeld cg__union(const RlCHeld *a, uint32_t na, const RlCHeld *b, uint32_t nb) {
  CgHeld r = {rl_malloc((na + nb + 1) * sizeof *r.v), 0};
  if (na) memcpy(r.v, a, na * sizeof *a);
  r.n = na;
  for (uint32_t i = 0; i < nb; i++)
    if (!rl_c_held_has(a, na, &b[i].cls)) r.v[r.n++] = b[i];
  return r;
}

/* Are held sets a and b the same, entry by entry? */
static bool cg__held_eq(const RlCHeld *a, uint32_t na, const RlCHeld *b, uint32_t nb) {
  if (na != nb) return false;
  for (uint32_t i = 0; i < na; i++)
    if (!rl_c_obj_eq(&a[i].cls, &b[i].cls) || a[i].line != b[i].line || a[i].read != b[i].read)
      return false;
  return true;
}

/* Section - thread reachability under mode flags */

/* An order of flag variables (globals): name, then static or not, then
 * the file of a static. */
static int cg__cmp_var(const void *a, const void *b) {
  const RlCObj *x = *(const RlCObj *const *)a, *y = *(const RlCObj *const *)b;
  int c = strcmp(x->name, y->name);
  if (c) return c;
  if (x->file_local != y->file_local) return x->file_local < y->file_local ? -1 : 1;
  if (!x->file_local || x->file == y->file) return 0;
  return x->file < y->file ? -1 : 1;
}

typedef struct CgFlags {
  const RlCObj **name; /* sorted, unique */
  uint32_t n;
  bool *addr;        /* it may change unseen (RL_FACT_C_CHANGE) */
  struct {
    uint32_t flag;
    int32_t fn;
  } *writer;         /* functions that write a flag */
  uint32_t nwriter;
} CgFlags;

/* The index of flag `var` (a global variable), or -1. */
static int32_t cg__flag(const CgFlags *fl, const RlCObj *var) {
  if (var->kind != RL_CO_GLOBAL) return -1;
  const RlCObj **p = bsearch(&var, fl->name, fl->n, sizeof *fl->name, cg__cmp_var);
  return p ? (int32_t)(p - fl->name) : -1;
}

/* The flags guards test, with where they are written or escape. */
static void cg__flags(const RlCGraph *g, CgFlags *fl) {
  RL_VEC(const RlCObj *) names = {0};
  for (uint32_t fn = 0; fn < g->n; fn++) {
    uint32_t n;
    const RlFact *f = rl_cgraph_facts(g, (int32_t)fn, &n);
    for (uint32_t i = 0; i < n; i++)
      if (f[i].kind == RL_FACT_C_GUARD && !(f[i].flags & RL_CQ_PARAM))
        RL_VEC_PUSH(names, &f[i].guard.var);
  }
  if (names.n) qsort(names.v, names.n, sizeof *names.v, cg__cmp_var);
  uint32_t m = 0;
  for (uint32_t i = 0; i < names.n; i++)
    if (!m || cg__cmp_var(&names.v[m - 1], &names.v[i]) != 0) names.v[m++] = names.v[i];
  fl->name = names.v;
  fl->n = m;
  fl->addr = rl_calloc(m + 1, sizeof *fl->addr);
  fl->writer = NULL;
  fl->nwriter = 0;
  if (!m) return;
  uint32_t cap = 0;
  for (uint32_t fn = 0; fn < g->n; fn++) {
    uint32_t n;
    const RlFact *f = rl_cgraph_facts(g, (int32_t)fn, &n);
    for (uint32_t i = 0; i < n; i++) {
      /* a write of the variable itself (not of a part of it) */
      if (f[i].kind != RL_FACT_C_ACCESS || !(f[i].flags & RL_CA_WRITE) || f[i].access.npath)
        continue;
      int32_t k = cg__flag(fl, &f[i].access.var);
      if (k < 0) continue;
      if (fl->nwriter == cap) {
        cap = cap ? cap * 2 : 16;
        fl->writer = rl_realloc(fl->writer, cap * sizeof *fl->writer);
      }
      fl->writer[fl->nwriter].flag = (uint32_t)k;
      fl->writer[fl->nwriter++].fn = (int32_t)fn;
    }
  }
  /* changes the summaries cannot follow, anywhere (also in a global's
   * initialiser: `int *p = &mode;`) */
  uint32_t nfiles = rl_project_nfiles(g->px);
  for (uint32_t file = 0; file < nfiles; file++) {
    if (rl_project_lang(g->px, file) != RL_LANG_C) continue;
    uint32_t n;
    const RlFact *f = rl_project_facts(g->px, file, &n);
    for (uint32_t i = 0; i < n; i++)
      if (f[i].kind == RL_FACT_C_CHANGE) {
        int32_t k = cg__flag(fl, &f[i].change.var);
        if (k >= 0) fl->addr[k] = true;
      }
  }
}

/* Do constants (spell, value) x and y name the same value? 1 surely,
 * 0 surely not, -1 unknown (two names whose values are unknown). */
static int cg__same(const char *xs, const char *xv, const char *ys, const char *yv) {
  if (xv && yv) return strcmp(xv, yv) == 0;
  return strcmp(xs, ys) == 0 ? 1 : -1;
}

/* Can `flag how spell` hold together with set c? */
static bool cg__fits(const CgSet *c, const CgCons *k) {
  for (uint32_t i = 0; i < c->n; i++) {
    const CgCons *x = &c->c[i];
    if (x->flag != k->flag) continue;
    int same = cg__same(x->spell, x->value, k->spell, k->value);
    if ((x->how & RL_CQ_EQ) && (k->how & RL_CQ_EQ) && same == 0) return false;
    if ((x->how & RL_CQ_EQ) && (k->how & RL_CQ_NE) && same == 1) return false;
    if ((x->how & RL_CQ_NE) && (k->how & RL_CQ_EQ) && same == 1) return false;
  }
  return true;
}

static bool cg__has(const CgSet *c, const CgCons *k) {
  for (uint32_t i = 0; i < c->n; i++)
    if (c->c[i].flag == k->flag && c->c[i].how == k->how &&
        cg__same(c->c[i].spell, c->c[i].value, k->spell, k->value) == 1)
      return true;
  return false;
}

static const CgParam *cg__param(const CgSet *c, uint32_t param) {
  for (uint32_t i = 0; i < c->np; i++)
    if (c->p[i].param == param) return &c->p[i];
  return NULL;
}

/* Does a (as a set of constraints) hold wherever b does (a ⊆ b)? */
static bool cg__weaker(const CgSet *a, const CgSet *b) {
  for (uint32_t i = 0; i < a->n; i++)
    if (!cg__has(b, &a->c[i])) return false;
  for (uint32_t i = 0; i < a->np; i++) {
    const CgParam *x = cg__param(b, a->p[i].param);
    if (!x || cg__same(x->spell, x->value, a->p[i].spell, a->p[i].value) != 1) return false;
  }
  return true;
}

/* Can parameter guard k (RL_FACT_C_GUARD with RL_CQ_PARAM) hold when the
 * parameter values of c are known? */
static bool cg__param_fits(const CgSet *c, const RlFact *k) {
  const CgParam *x = cg__param(c, k->guard.var.param);
  if (!x) return true;
  int same = cg__same(x->spell, x->value, k->guard.spell, k->guard.value);
  if ((k->flags & RL_CQ_EQ) && same == 0) return false;
  if ((k->flags & RL_CQ_NE) && same == 1) return false;
  return true;
}

/* Adds guard gf (an RL_FACT_C_GUARD) to `next`: a trusted flag's guard
 * becomes a constraint, a parameter guard is checked against the values
 * `params` knows. false: it contradicts them. */
static bool cg__apply(CgSet *next, const CgSet *params, const RlFact *gf, const CgFlags *fl,
                      const bool *trusted) {
  if (gf->flags & RL_CQ_PARAM) return cg__param_fits(params, gf);
  int32_t k = cg__flag(fl, &gf->guard.var);
  if (k < 0 || !trusted[k]) return true;
  CgCons cons = {(uint32_t)k, gf->flags & (RL_CQ_EQ | RL_CQ_NE), gf->guard.spell,
                 gf->guard.value};
  if (!cg__fits(next, &cons)) return false;
  if (!cg__has(next, &cons) && next->n < CG_MAXC) next->c[next->n++] = cons;
  return true;
}

typedef struct CgItem {
  uint32_t fn, set;
} CgItem;

/* The contexts one thread visits each function with. */
typedef struct CgVisits {
  RL_VEC(CgSet) sets;
  uint32_t *vis; /* sets function fn was visited with: vis[fn * CG_MAXV + k] */
  uint8_t *nvis; /* how many; 0 = not reached */
} CgVisits;

/* Functions reached from routine t's function under the trusted flags,
 * and the contexts each is visited with (`out`, freed by the caller with
 * cg__visits_free). */
static void cg__reach_one(const RlCGraph *g, int32_t routine, const CgFlags *fl,
                          const bool *trusted, bool *reach, CgVisits *out) {
  RL_VEC(CgSet) sets = {0};
  RL_VEC(CgItem) queue = {0};
  uint32_t *vis = rl_malloc((size_t)(g->n + 1) * CG_MAXV * sizeof *vis);
  uint8_t *nvis = rl_calloc(g->n + 1, 1);
  CgSet empty = {0};
  RL_VEC_PUSH(sets, empty);
  RL_VEC_PUSH(queue, ((CgItem){(uint32_t)routine, 0}));
  vis[(uint32_t)routine * CG_MAXV] = 0;
  nvis[routine] = 1;
  reach[routine] = true;
  for (uint32_t qh = 0; qh < queue.n; qh++) {
    CgItem it = queue.v[qh];
    uint32_t n;
    const RlFact *ff = rl_cgraph_facts(g, (int32_t)it.fn, &n);
    for (uint32_t i = 0; i < n; i++) {
      if (ff[i].kind == RL_FACT_C_FNREF && ff[i].fnref.what == RL_FR_CALL) {
        /* through a field: the functions stored there, nothing known */
        uint32_t lo, k = cg_stored(g, &ff[i].fnref.field, &lo);
        for (uint32_t j = 0; j < k && k <= CG_MAXFIELD; j++) {
          int32_t c = g->store.v[lo + j].fn;
          if (nvis[c]) continue;
          CgSet none = {0};
          RL_VEC_PUSH(sets, none);
          vis[(uint32_t)c * CG_MAXV] = sets.n - 1;
          nvis[c] = 1;
          reach[c] = true;
          RL_VEC_PUSH(queue, ((CgItem){(uint32_t)c, sets.n - 1}));
        }
        continue;
      }
      /* a fork() child's calls run in a process of their own (csum) */
      if (ff[i].kind != RL_FACT_CALL || (ff[i].flags & RL_CF_CHILD)) continue;
      int32_t c = g->f[it.fn].callee[i];
      if (c < 0) continue;
      CgSet next = sets.v[it.set]; /* copy: the vector may move */
      const CgSet *cur = &sets.v[it.set];
      next.np = 0; /* the callee's own parameters, from the arguments */
      bool ok = true;
      for (uint32_t j = i + 1; j < n && ok; j++) {
        if (ff[j].kind == RL_FACT_C_ARGK) {
          uint32_t arg = ff[j].argk.arg;
          if (arg >= 32 || !(g->f[c].pguard & (UINT32_C(1) << arg)) || next.np == CG_MAXP)
            continue;
          CgParam v = {arg, ff[j].argk.spell, ff[j].argk.value};
          if (ff[j].flags & RL_CQ_PARAM) { /* the caller's parameter, passed on */
            const CgParam *x = cg__param(cur, ff[j].argk.param);
            if (!x) continue;
            v.spell = x->spell;
            v.value = x->value;
          }
          next.p[next.np++] = v;
          continue;
        }
        if (ff[j].kind != RL_FACT_C_GUARD) break;
        ok = cg__apply(&next, cur, &ff[j], fl, trusted);
      }
      if (!ok) continue;
      bool seen = false;
      for (uint32_t v = 0; v < nvis[c] && !seen; v++)
        seen = cg__weaker(&sets.v[vis[(uint32_t)c * CG_MAXV + v]], &next);
      if (seen) continue;
      if (nvis[c] == CG_MAXV - 1) next.n = next.np = 0; /* too many: visit it unconstrained */
      if (nvis[c] == CG_MAXV) continue;
      RL_VEC_PUSH(sets, next);
      vis[(uint32_t)c * CG_MAXV + nvis[c]++] = sets.n - 1;
      reach[c] = true;
      RL_VEC_PUSH(queue, ((CgItem){(uint32_t)c, sets.n - 1}));
    }
  }
  RL_VEC_FREE(queue);
  out->sets.v = sets.v;
  out->sets.n = sets.n;
  out->sets.cap = sets.cap;
  out->vis = vis;
  out->nvis = nvis;
}

static void cg__visits_free(CgVisits *v) {
  RL_VEC_FREE(v->sets);
  free(v->vis);
  free(v->nvis);
}

/* Can the guards ff[0..n) (RL_FACT_C_GUARD facts, those of one access)
 * all hold in context c? Only trusted flags count; an unconstrained
 * context (the visit cap's last one) allows everything. */
static bool cg__allows(const CgSet *c, const RlFact *ff, uint32_t n, const CgFlags *fl,
                       const bool *trusted) {
  CgSet next = *c;
  for (uint32_t j = 0; j < n; j++)
    if (!cg__apply(&next, c, &ff[j], fl, trusted)) return false;
  return true;
}

/* Thread t reaches these functions in contexts `v`: mark the accesses and
 * lazy initialisations whose guards no context allows (deny bit t). */
static void cg__deny(RlCGraph *g, uint32_t t, const CgVisits *v, const CgFlags *fl,
                     const bool *trusted) {
  for (uint32_t fn = 0; fn < g->n; fn++) {
    if (!v->nvis[fn] || !g->f[fn].guarded) continue;
    uint32_t n;
    const RlFact *ff = rl_cgraph_facts(g, (int32_t)fn, &n);
    for (uint32_t i = 0; i < n; i++) {
      if (ff[i].kind != RL_FACT_C_ACCESS && ff[i].kind != RL_FACT_C_LAZY) continue;
      uint32_t ng = 0;
      while (i + 1 + ng < n && ff[i + 1 + ng].kind == RL_FACT_C_GUARD) ng++;
      if (!ng) continue;
      bool allowed = false;
      for (uint32_t k = 0; k < v->nvis[fn] && !allowed; k++)
        allowed = cg__allows(&v->sets.v[v->vis[fn * CG_MAXV + k]], &ff[i + 1], ng, fl, trusted);
      if (allowed) continue;
      if (!g->f[fn].deny) g->f[fn].deny = rl_calloc(n, sizeof *g->f[fn].deny);
      g->f[fn].deny[i] |= UINT64_C(1) << t;
    }
  }
}

static void cg__reach(RlCGraph *g) {
  CgFlags fl;
  cg__flags(g, &fl);
  bool *trusted = rl_calloc(fl.n + 1, sizeof *trusted);
  bool *reach = rl_calloc(g->n + 1, sizeof *reach);
  for (uint32_t t = 0; t < g->nthreads; t++) {
    for (uint32_t k = 0; k < fl.n; k++) trusted[k] = !fl.addr[k];
    for (;;) {
      memset(reach, 0, (g->n + 1) * sizeof *reach);
      CgVisits v;
      cg__reach_one(g, g->routine[t], &fl, trusted, reach, &v);
      /* a flag the thread writes itself is no mode flag for it */
      bool dropped = false;
      for (uint32_t w = 0; w < fl.nwriter; w++)
        if (trusted[fl.writer[w].flag] && reach[fl.writer[w].fn]) {
          trusted[fl.writer[w].flag] = false;
          dropped = true;
        }
      if (!dropped) cg__deny(g, t, &v, &fl, trusted);
      cg__visits_free(&v);
      if (!dropped) break;
    }
    for (uint32_t fn = 0; fn < g->n; fn++)
      if (reach[fn]) g->f[fn].threads |= UINT64_C(1) << t;
  }
  free(reach);
  free(trusted);
  free(fl.addr);
  free(fl.writer);
  free(fl.name);
}

RlCGraph *rl_cgraph_new(const RlProject *px) {
  RlCGraph *g = rl_calloc(1, sizeof *g);
  g->px = px;
  uint32_t cap = 0;
  uint32_t nfiles = rl_project_nfiles(px);
  for (uint32_t file = 0; file < nfiles; file++) {
    if (rl_project_lang(px, file) != RL_LANG_C) continue;
    uint32_t n;
    const RlFact *f = rl_project_facts(px, file, &n);
    for (uint32_t i = 0; i < n; i++) {
      if (f[i].kind == RL_FACT_FUNC) {
        if (g->n) {
          CgFunc *prev = &g->f[g->n - 1];
          if (prev->file == file && prev->end == UINT32_MAX) prev->end = i;
        }
        if (g->n == cap) {
          cap = cap ? cap * 2 : 64;
          g->f = rl_realloc(g->f, cap * sizeof *g->f);
        }
        g->f[g->n++] = (CgFunc){f[i].fn.name, file, i,    UINT32_MAX, 0,    0,    0,    NULL,
                                0,           false, 0,    false,      NULL, NULL, NULL, NULL,
                                false};
      } else if (f[i].kind == RL_FACT_C_WRAPPER && g->n && g->f[g->n - 1].file == file) {
        /* the first of each kind, a global lock taken with no argument */
        CgFunc *w = &g->f[g->n - 1];
        if (f[i].wrapper.param < 0 && !(f[i].flags & (RL_CF_PARAMLOCK | RL_CF_READ)) &&
            f[i].wrapper.cls.kind != RL_CO_NONE) {
          if (f[i].wrapper.acquire && !w->wacq) w->wacq = &f[i].wrapper.cls;
          if (!f[i].wrapper.acquire && !w->wrel) w->wrel = &f[i].wrapper.cls;
        }
      } else if (f[i].kind == RL_FACT_C_GUARD && g->n && g->f[g->n - 1].file == file) {
        if ((f[i].flags & RL_CQ_PARAM) && f[i].guard.var.param < 32)
          g->f[g->n - 1].pguard |= UINT32_C(1) << f[i].guard.var.param;
        uint32_t k = i;
        while (k > 0 && f[k - 1].kind == RL_FACT_C_GUARD) k--;
        if (k > 0 && (f[k - 1].kind == RL_FACT_C_ACCESS || f[k - 1].kind == RL_FACT_C_LAZY))
          g->f[g->n - 1].guarded = true;
      }
    }
    if (g->n && g->f[g->n - 1].file == file && g->f[g->n - 1].end == UINT32_MAX)
      g->f[g->n - 1].end = n;
  }
  g->by_name = rl_malloc((g->n + 1) * sizeof *g->by_name);
  for (uint32_t i = 0; i < g->n; i++) g->by_name[i] = i;
  qsort_r(g->by_name, g->n, sizeof *g->by_name, cg__cmp, g->f);
  cg__noreturn(g);
  /* every call resolved once: the fixpoints below revisit them often */
  for (uint32_t fn = 0; fn < g->n; fn++) {
    uint32_t n;
    const RlFact *ff = rl_cgraph_facts(g, (int32_t)fn, &n);
    g->f[fn].callee = rl_malloc((n + 1) * sizeof *g->f[fn].callee);
    for (uint32_t i = 0; i < n; i++)
      g->f[fn].callee[i] =
          ff[i].kind == RL_FACT_CALL ? rl_cgraph_func(g, ff[i].call.callee, g->f[fn].file) : -1;
  }
  /* threads: spawn records, then starters and fields */
  cg_threads(g);
  /* parameters worth knowing on entry: tested by a guard, or passed on
   * unchanged to a callee's such parameter */
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t fn = 0; fn < g->n; fn++) {
      uint32_t n;
      const RlFact *ff = rl_cgraph_facts(g, (int32_t)fn, &n);
      int32_t c = -1;
      for (uint32_t i = 0; i < n; i++) {
        if (ff[i].kind == RL_FACT_CALL) c = g->f[fn].callee[i];
        if (ff[i].kind != RL_FACT_C_ARGK || !(ff[i].flags & RL_CQ_PARAM) || c < 0) continue;
        uint32_t p = ff[i].argk.param, arg = ff[i].argk.arg;
        if (arg >= 32 || p >= 32 || !(g->f[c].pguard & (UINT32_C(1) << arg)) ||
            (g->f[fn].pguard & (UINT32_C(1) << p)))
          continue;
        g->f[fn].pguard |= UINT32_C(1) << p;
        changed = true;
      }
    }
  }
  /* threads: breadth-first from each routine, under the mode flags */
  cg__reach(g);
  /* entry locksets: intersection over call sites of (held there + the
   * caller's entry set); thread routines and uncalled functions start
   * with nothing held. A few rounds are enough for real call chains. */
  for (uint32_t i = 0; i < g->n; i++) g->f[i].entry = NULL;
  for (uint32_t t = 0; t < g->nthreads; t++) {
    g->f[g->routine[t]].entry_top = true; /* pinned empty */
  }
  for (int round = 0; round < 4; round++) {
    bool changed = false;
    CgHeld *next = rl_calloc(g->n + 1, sizeof *next);
    bool *called = rl_calloc(g->n + 1, sizeof *called);
    for (uint32_t fn = 0; fn < g->n; fn++) {
      uint32_t n;
      const RlFact *ff = rl_cgraph_facts(g, (int32_t)fn, &n);
      RlCHeld wheld[8]; /* other files' argument-less wrappers, in source order */
      uint32_t nwh = 0;
      for (uint32_t i = 0; i < n; i++) {
        int32_t c = g->f[fn].callee[i];
        if (c < 0 || (uint32_t)c == fn) continue;
        CgHeld own = cg__union(ff[i].call.held, ff[i].call.nheld, wheld, nwh);
        CgHeld site = cg__union(own.v, own.n, g->f[fn].entry, g->f[fn].nentry);
        free(own.v);
        if (g->f[c].file != ff[i].file) {
          const RlCObj *wc = rl_cgraph_global_wrapper(g, (int32_t)fn, i, true);
          const RlCObj *uc = wc ? NULL : rl_cgraph_global_wrapper(g, (int32_t)fn, i, false);
          if (wc && nwh < RL_COUNTOF(wheld) && !rl_c_held_has(wheld, nwh, wc))
            wheld[nwh++] = (RlCHeld){*wc, ff[i].loc.line, false, false};
          for (uint32_t k = 0; uc && k < nwh; k++)
            if (rl_c_obj_eq(&wheld[k].cls, uc)) wheld[k--] = wheld[--nwh];
        }
        if (!called[c]) {
          called[c] = true;
          next[c] = site;
        } else {
          CgHeld x = cg__inter(&next[c], &site);
          free(next[c].v);
          free(site.v);
          next[c] = x;
        }
      }
    }
    for (uint32_t fn = 0; fn < g->n; fn++) {
      CgHeld v = {NULL, 0};
      if (called[fn] && !g->f[fn].entry_top) v = next[fn];
      else free(next[fn].v);
      if (v.v && !v.n) {
        free(v.v);
        v.v = NULL;
      }
      if (!cg__held_eq(g->f[fn].entry, g->f[fn].nentry, v.v, v.n)) changed = true;
      free(g->f[fn].entry);
      g->f[fn].entry = v.v;
      g->f[fn].nentry = v.n;
    }
    free(next);
    free(called);
    if (!changed) break;
  }
  return g;
}

void rl_cgraph_delete(RlCGraph *self) {
  if (!self) return;
  RL_VEC_FREE(self->store);
  RL_VEC_FREE(self->pstore);
  for (uint32_t i = 0; i < self->n; i++) {
    free(self->f[i].entry);
    free(self->f[i].deny);
    free(self->f[i].callee);
  }
  free(self->f);
  free(self->by_name);
  free(self);
}

/* Argument `arg` of the call f[i] when it is a constant (its
 * RL_FACT_C_ARGK), or NULL. */
static const RlFact *cg__const_arg(const RlFact *f, uint32_t n, uint32_t i, uint32_t arg) {
  for (uint32_t j = i + 1; j < n && (f[j].kind == RL_FACT_C_GUARD || f[j].kind == RL_FACT_C_ARGK);
       j++)
    if (f[j].kind == RL_FACT_C_ARGK && !(f[j].flags & RL_CQ_PARAM) && f[j].argk.arg == arg)
      return &f[j];
  return NULL;
}

/* 1: constants spelled/valued (as, av) and (bs, bv) are equal, 0: they
 * differ, -1: unknown (values "" when not known). */
static int cg__same_const(const char *as, const char *av, const char *bs, const char *bv) {
  if (*av && *bv) return strcmp(av, bv) == 0;
  return strcmp(as, bs) == 0 ? 1 : -1;
}

bool rl_c_runs_for_call(const RlFact *ff, uint32_t k, uint32_t l, const RlFact *f, uint32_t n,
                          uint32_t i) {
  for (uint32_t j = l + 1; j < k && ff[j].kind == RL_FACT_C_GUARD; j++) {
    if (!(ff[j].flags & RL_CQ_PARAM)) continue;
    const RlFact *a = cg__const_arg(f, n, i, ff[j].guard.var.param);
    if (!a) continue;
    int same = cg__same_const(a->argk.spell, a->argk.value, ff[j].guard.spell, ff[j].guard.value);
    if ((ff[j].flags & RL_CQ_EQ) && same == 0) return false;
    if ((ff[j].flags & RL_CQ_NE) && same == 1) return false;
  }
  return true;
}
