/* cgraph_values.c - the C call graph's function values: starters, the
 * store table, the threads they start (cgraph_int.h; cgraph.c builds the
 * rest of the graph). cg_threads() finds every thread routine, those of
 * spawn records and those started through function values.
 *
 * Function values (RL_FACT_C_FNREF, csum_fnref.c) add threads and calls.
 * A function that gives its parameter p to a thread-create call starts
 * threads (spawnp bit p), and so does one that gives its own parameter to
 * such a function's parameter p, to a fixpoint; a function that stores
 * its parameter into a field stores what its callers give there (pstore).
 * The functions stored into each field (the store table) are those of
 * the program's stores and initializers, and of calls giving a function
 * to a storing parameter. A function given to a starter, or a field given
 * to one (each function stored there, up to CG_MAXFIELD), is a thread
 * routine; its spawn record is made here (kind RL_FACT_SPAWN, at the
 * call). A call through a field (RL_FR_CALL) reaches the functions
 * stored there, none when more than CG_MAXFIELD are (a dispatch table too
 * wide to say which runs). */
#include <stdlib.h>
#include <string.h>

#include "cgraph_int.h"

static int cg__cmp_store(const void *a, const void *b) {
  const CgStore *x = a, *y = b;
  int c = strcmp(x->owner, y->owner);
  if (!c) c = strcmp(x->name, y->name);
  if (!c) c = (x->fn > y->fn) - (x->fn < y->fn);
  return c;
}

/* The functions stored into field o: store.v[*lo ..] (the count). */
uint32_t cg_stored(const RlCGraph *g, const RlCObj *o, uint32_t *lo) {
  CgStore key = {o->owner, o->name, INT32_MIN, 0};
  uint32_t a = 0, b = g->store.n;
  while (a < b) {
    uint32_t mid = a + (b - a) / 2;
    if (cg__cmp_store(&g->store.v[mid], &key) < 0) a = mid + 1;
    else b = mid;
  }
  *lo = a;
  uint32_t e = a;
  while (e < g->store.n && strcmp(g->store.v[e].owner, o->owner) == 0 &&
         strcmp(g->store.v[e].name, o->name) == 0)
    e++;
  return e - a;
}

static void cg__pstore_add(RlCGraph *g, int32_t fn, uint32_t param, const RlCObj *o,
                           bool *changed) {
  for (uint32_t k = 0; k < g->pstore.n; k++) {
    const CgStore *x = &g->pstore.v[k];
    if (x->fn == fn && x->param == param && strcmp(x->owner, o->owner) == 0 &&
        strcmp(x->name, o->name) == 0)
      return;
  }
  if (g->pstore.n >= CG_MAXSTORE) return;
  RL_VEC_PUSH(g->pstore, ((CgStore){o->owner, o->name, fn, param}));
  *changed = true;
}

/* The function fnref fact x (of function fn) names, or -1. */
static int32_t cg__fn_of(const RlCGraph *g, const RlFact *x) {
  return *x->fnref.fn ? rl_cgraph_func(g, x->fnref.fn, x->file) : -1;
}

/* Starters (spawnp), storing parameters (pstore), then the store table. */
static void cg__values(RlCGraph *g) {
  bool changed = false;
  for (uint32_t fn = 0; fn < g->n; fn++) {
    uint32_t n;
    const RlFact *ff = rl_cgraph_facts(g, (int32_t)fn, &n);
    for (uint32_t i = 0; i < n; i++) {
      const RlFact *x = &ff[i];
      if (x->kind != RL_FACT_C_FNREF || x->fnref.param < 0 || x->fnref.param >= 32) continue;
      uint32_t p = (uint32_t)x->fnref.param;
      if (x->fnref.what == RL_FR_ARG && (x->flags & RL_CF_ROUTINE)) {
        g->f[fn].spawnp |= UINT32_C(1) << p;
        if (x->flags & RL_CF_LOOP) g->f[fn].spawnp_loop |= UINT32_C(1) << p;
      } else if (x->fnref.what == RL_FR_STORE) {
        cg__pstore_add(g, (int32_t)fn, p, &x->fnref.into, &changed);
      }
    }
  }
  /* wrappers of wrappers: a parameter given on to a starting or storing one */
  changed = true;
  for (int round = 0; round < 8 && changed; round++) {
    changed = false;
    for (uint32_t fn = 0; fn < g->n; fn++) {
      uint32_t n;
      const RlFact *ff = rl_cgraph_facts(g, (int32_t)fn, &n);
      for (uint32_t i = 0; i < n; i++) {
        const RlFact *x = &ff[i];
        if (x->kind != RL_FACT_C_FNREF || x->fnref.what != RL_FR_ARG || x->fnref.param < 0 ||
            x->fnref.param >= 32 || x->fnref.arg >= 32 || (x->flags & RL_CF_ROUTINE))
          continue;
        int32_t c = rl_cgraph_func(g, x->fnref.callee, x->file);
        if (c < 0 || (uint32_t)c == fn) continue;
        uint32_t p = UINT32_C(1) << x->fnref.param, a = UINT32_C(1) << x->fnref.arg;
        if ((g->f[c].spawnp & a) && !(g->f[fn].spawnp & p)) {
          g->f[fn].spawnp |= p;
          changed = true;
        }
        if (((g->f[c].spawnp_loop & a) || ((g->f[c].spawnp & a) && (x->flags & RL_CF_LOOP))) &&
            !(g->f[fn].spawnp_loop & p)) {
          g->f[fn].spawnp_loop |= p;
          changed = true;
        }
        for (uint32_t k = 0; k < g->pstore.n; k++) {
          CgStore y = g->pstore.v[k]; /* copy: the vector may move */
          if (y.fn != c || y.param != x->fnref.arg) continue;
          RlCObj o = {.kind = RL_CO_FIELD, .owner = y.owner, .name = y.name};
          cg__pstore_add(g, (int32_t)fn, (uint32_t)x->fnref.param, &o, &changed);
        }
      }
    }
  }
  /* the store table */
  for (uint32_t fn = 0; fn < g->n; fn++) {
    uint32_t n;
    const RlFact *ff = rl_cgraph_facts(g, (int32_t)fn, &n);
    for (uint32_t i = 0; i < n && g->store.n < CG_MAXSTORE; i++) {
      const RlFact *x = &ff[i];
      if (x->kind != RL_FACT_C_FNREF) continue;
      int32_t r = cg__fn_of(g, x);
      if (r < 0) continue;
      if (x->fnref.what == RL_FR_STORE) {
        RL_VEC_PUSH(g->store, ((CgStore){x->fnref.into.owner, x->fnref.into.name, r, 0}));
      } else if (x->fnref.what == RL_FR_ARG) {
        int32_t c = rl_cgraph_func(g, x->fnref.callee, x->file);
        for (uint32_t k = 0; c >= 0 && k < g->pstore.n && g->store.n < CG_MAXSTORE; k++)
          if (g->pstore.v[k].fn == c && g->pstore.v[k].param == x->fnref.arg)
            RL_VEC_PUSH(g->store,
                        ((CgStore){g->pstore.v[k].owner, g->pstore.v[k].name, r, 0}));
      }
    }
  }
  /* facts of functions outside every function's range (file-scope
   * initializers before the first function) */
  uint32_t nfiles = rl_project_nfiles(g->px);
  for (uint32_t file = 0; file < nfiles; file++) {
    if (rl_project_lang(g->px, file) != RL_LANG_C) continue;
    uint32_t n;
    const RlFact *f = rl_project_facts(g->px, file, &n);
    for (uint32_t i = 0; i < n && f[i].kind != RL_FACT_FUNC && g->store.n < CG_MAXSTORE; i++) {
      if (f[i].kind != RL_FACT_C_FNREF || f[i].fnref.what != RL_FR_STORE) continue;
      int32_t r = cg__fn_of(g, &f[i]);
      if (r >= 0)
        RL_VEC_PUSH(g->store, ((CgStore){f[i].fnref.into.owner, f[i].fnref.into.name, r, 0}));
    }
  }
  if (g->store.n) qsort(g->store.v, g->store.n, sizeof *g->store.v, cg__cmp_store);
  /* duplicates out */
  uint32_t w = 0;
  for (uint32_t k = 0; k < g->store.n; k++)
    if (!w || cg__cmp_store(&g->store.v[w - 1], &g->store.v[k]) != 0)
      g->store.v[w++] = g->store.v[k];
  g->store.n = w;
}

/* Does function fn start threads through its parameters (a starter)? */
static bool cg__starter(const RlCGraph *g, int32_t fn) {
  if (g->f[fn].spawnp) return true;
  for (uint32_t k = 0; k < g->pstore.n; k++)
    if (g->pstore.v[k].fn == fn) return true;
  return false;
}

/* Does starter fn run more than once: called from two places or in a
 * loop, or called once by a starter that does (up to four levels)? */
static bool cg__many(const RlCGraph *g, int32_t fn, int depth) {
  uint32_t sites = 0;
  int32_t caller = -1;
  for (uint32_t c = 0; c < g->n && sites < 2; c++) {
    uint32_t n;
    const RlFact *ff = rl_cgraph_facts(g, (int32_t)c, &n);
    for (uint32_t i = 0; i < n && sites < 2; i++)
      if (ff[i].kind == RL_FACT_CALL && g->f[c].callee[i] == fn) {
        if (ff[i].flags & RL_CF_LOOP) return true;
        sites++;
        caller = (int32_t)c;
      }
  }
  if (sites >= 2) return true;
  return sites == 1 && depth < 4 && caller != fn && cg__starter(g, caller) &&
         cg__many(g, caller, depth + 1);
}

/* The function whose facts hold fact x, or -1. */
static int32_t cg__holder(const RlCGraph *g, const RlFact *x) {
  for (uint32_t fn = 0; fn < g->n; fn++) {
    uint32_t n;
    const RlFact *ff = rl_cgraph_facts(g, (int32_t)fn, &n);
    if (n && x >= ff && x < ff + n) return (int32_t)fn;
  }
  return -1;
}

/* Thread routine r, started by spawn record sp (in a loop: loop). */
static void cg__thread(RlCGraph *g, int32_t r, const RlFact *sp, bool loop) {
  for (uint32_t t = 0; t < g->nthreads; t++)
    if (g->routine[t] == r) {
      g->multi[t] = true;
      return;
    }
  if (g->nthreads == 64) return;
  g->routine[g->nthreads] = r;
  g->multi[g->nthreads] = loop;
  g->spawn[g->nthreads++] = sp;
}

/* The threads started through starters and fields: routine r, from the
 * call x in function fn. */
static void cg__made(RlCGraph *g, const RlFact *x, int32_t r, bool loop) {
  for (uint32_t t = 0; t < g->nthreads; t++)
    if (g->routine[t] == r) {
      g->multi[t] = true;
      return;
    }
  if (g->nthreads == 64 || g->nmade == 64) return;
  RlFact *sp = &g->made[g->nmade++];
  *sp = *x;
  sp->kind = RL_FACT_SPAWN;
  sp->spawn.routine = g->f[r].name;
  sp->spawn.api = x->fnref.callee;
  sp->spawn.arg = "";
  int32_t fn = cg__holder(g, x);
  if (!loop && fn >= 0 && cg__starter(g, fn)) loop = cg__many(g, fn, 0);
  sp->flags = loop ? RL_CF_LOOP : 0;
  cg__thread(g, r, sp, loop);
}

static void cg__starts(RlCGraph *g) {
  for (uint32_t fn = 0; fn < g->n; fn++) {
    uint32_t n;
    const RlFact *ff = rl_cgraph_facts(g, (int32_t)fn, &n);
    for (uint32_t i = 0; i < n; i++) {
      const RlFact *x = &ff[i];
      if (x->kind != RL_FACT_C_FNREF || x->fnref.what != RL_FR_ARG || x->fnref.param >= 0 ||
          x->fnref.arg >= 32)
        continue;
      bool loop = (x->flags & RL_CF_LOOP) != 0;
      if (!(x->flags & RL_CF_ROUTINE)) {
        int32_t c = rl_cgraph_func(g, x->fnref.callee, x->file);
        uint32_t a = UINT32_C(1) << x->fnref.arg;
        if (c < 0 || !(g->f[c].spawnp & a)) continue;
        if (g->f[c].spawnp_loop & a) loop = true;
      }
      int32_t r = cg__fn_of(g, x);
      if (r >= 0) {
        cg__made(g, x, r, loop);
        continue;
      }
      if (x->fnref.field.kind != RL_CO_FIELD) continue;
      uint32_t lo, k = cg_stored(g, &x->fnref.field, &lo);
      for (uint32_t j = 0; j < k && k <= CG_MAXFIELD; j++) cg__made(g, x, g->store.v[lo + j].fn, loop);
    }
  }
}

/* The thread routines: one per routine function (a static `worker` in two
 * files is two routines), started twice or in a loop = several at once;
 * those of spawn records first, then those started through the project's
 * own starters and fields (a routine a starter starts runs several times
 * when the starter does). */
void cg_threads(RlCGraph *g) {
  uint32_t nfiles = rl_project_nfiles(g->px);
  for (uint32_t file = 0; file < nfiles; file++) {
    if (rl_project_lang(g->px, file) != RL_LANG_C) continue;
    uint32_t n;
    const RlFact *f = rl_project_facts(g->px, file, &n);
    for (uint32_t i = 0; i < n; i++) {
      if (f[i].kind != RL_FACT_SPAWN) continue;
      int32_t r = rl_cgraph_func(g, f[i].spawn.routine, file);
      if (r >= 0) cg__thread(g, r, &f[i], (f[i].flags & RL_CF_LOOP) != 0);
    }
  }
  cg__values(g);
  for (uint32_t t = 0; t < g->nthreads; t++) {
    int32_t fn = g->multi[t] ? -1 : cg__holder(g, g->spawn[t]);
    if (fn >= 0 && cg__starter(g, fn)) g->multi[t] = cg__many(g, fn, 0);
  }
  cg__starts(g);
}
