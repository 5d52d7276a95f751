/* c/shared-mutable-state.c - the C check of shared-mutable-state.
 *
 * Phase 2 over the C summaries (analyzer/csum.c, cgraph.c). A write (or
 * x++, x += ...) of a global, a static local, or a field of the object
 * every thread of a loop gets as its argument, is reported when:
 * - it runs in code a thread start routine reaches through calls, in a
 *   context (mode flags, constant arguments) its own guards allow,
 * - no lock is held there, neither in the function nor at every call of
 *   it (the entry lockset), and it is not atomic (_Atomic, atomic_*,
 *   __atomic/__sync builtins), nor thread-local;
 * - and the variable is also accessed by another thread (another routine,
 *   or the same routine started several times), or by the spawning
 *   function after pthread_create/thrd_create and before the join.
 * Accesses before the spawn and after the join are not concurrent, nor are
 * those of a fork() child that ends in exec or _exit (its own process), nor
 * are accesses in functions that hand data over with a semaphore, a
 * barrier, a condition variable or a fence (the order is theirs).
 * The spawner's access in the branch exclusive with the spawn's (guards
 * on one parameter or unchanged global: `if (threaded) pthread_create(..);
 * else work();`) is not concurrent with that thread either.
 * Nor is a variable every concurrent write of which stores the same
 * constant (a flag only ever raised, an idempotent constant).
 * One finding per variable and function. A write that is the lazy
 * initialisation lazy-init-race reports (`if (!g) g = ...`) is left to it.
 * CWE-362/366.
 * Doc: rules/shared-mutable-state.md */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../analyzer/rule_api.h"

/* Calls that order memory between threads without a lock held at the
 * access: a function that uses them hands data over on purpose. */
static const char *const sync_calls[] = {
    "sem_post", "sem_wait", "sem_timedwait", "sem_trywait", "pthread_barrier_wait",
    "pthread_cond_wait", "pthread_cond_timedwait", "pthread_cond_signal",
    "pthread_cond_broadcast", "cnd_wait", "cnd_timedwait", "cnd_signal", "cnd_broadcast",
    "atomic_thread_fence", "__atomic_thread_fence", "__sync_synchronize", "pthread_spin_lock",
};

static bool syncs(const RlFact *f, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    if (f[i].kind != RL_FACT_CALL) continue;
    for (size_t k = 0; k < RL_COUNTOF(sync_calls); k++)
      if (strcmp(f[i].call.callee, sync_calls[k]) == 0) return true;
  }
  return false;
}

typedef struct Acc {
  const RlFact *f;
  const char *var; /* the variable, or "routine#$0->field" */
  uint64_t threads; /* thread routines that run it */
  uint64_t after;   /* spawner, after the spawn of these routines */
  bool unlocked;
  bool syncs; /* its function hands data over with a semaphore, barrier... */
} Acc;

static int cmp_acc(const void *a, const void *b) {
  const Acc *x = a, *y = b;
  int c = strcmp(x->var, y->var);
  if (c) return c;
  if (x->f->file != y->f->file) return x->f->file < y->f->file ? -1 : 1;
  return x->f->loc.start < y->f->loc.start ? -1 : x->f->loc.start > y->f->loc.start;
}

/* Do a (a write with no lock) and b run at the same time? */
static bool concurrent(const RlCGraph *g, const Acc *a, const Acc *b, uint32_t *why) {
  for (uint32_t t = 0; t < rl_cgraph_nthreads(g); t++) {
    uint64_t bit = UINT64_C(1) << t;
    if (!(a->threads & bit)) continue;
    if (b->after & bit) {
      *why = t;
      return true;
    }
    for (uint32_t u = 0; u < rl_cgraph_nthreads(g); u++) {
      uint64_t ub = UINT64_C(1) << u;
      if (!(b->threads & ub)) continue;
      if (u != t || rl_cgraph_multi(g, t)) {
        *why = u;
        return true;
      }
    }
  }
  return false;
}

/* Do all the writes of acc[i..j) (one variable, the accesses that can
 * run concurrently) store one and the same constant (`too_late = 1`
 * from every thread: a flag only ever raised)? Then no write can undo
 * another, and a reader sees the old value or that constant. Not if a
 * thread waits for the flag (a read in a loop's condition: it hands data
 * over, and the compiler may hoist the read), nor if a writer tests the
 * variable before writing it (a state change: `if (op == READ) { ...;
 * op = IDLE; }`). */
static bool same_constant(const Acc *acc, uint32_t i, uint32_t j) {
  const char *k = NULL;
  for (uint32_t m = i; m < j; m++) {
    const RlFact *f = acc[m].f;
    if (f->flags & RL_CA_POLL) return false;
    if (!(f->flags & RL_CA_WRITE)) continue;
    if ((f->flags & RL_CA_RMW) || !*f->access.value) return false;
    for (uint32_t r = i; r < j; r++)
      if (acc[r].f->file == f->file && strcmp(acc[r].f->func, f->func) == 0 &&
          !(acc[r].f->flags & RL_CA_WRITE) && acc[r].f->loc.start < f->loc.start)
        return false;
    if (k && strcmp(k, f->access.value) != 0) return false;
    k = f->access.value;
  }
  return k != NULL;
}

/* The RL_FACT_C_GUARD facts right after f[i] (*n of them). */
static const RlFact *guards_after(const RlFact *f, uint32_t nf, uint32_t i, uint32_t *n) {
  *n = 0;
  while (i + 1 + *n < nf && f[i + 1 + *n].kind == RL_FACT_C_GUARD) (*n)++;
  return f + i + 1;
}

/* Can guards a and b (of one function) never hold together: the same
 * parameter, or the same global the function does not write, `== K` and
 * `!= K`, or `== K` and `== L`? (`if (threaded) pthread_create(...);
 * else work();`: one call takes one branch.) A global only counts where
 * no loop can run both (`in_loop`: the spawn is in a loop). */
static bool exclusive(const RlFact *f, uint32_t nf, const RlFact *a, uint32_t na,
                      const RlFact *b, uint32_t nb, bool in_loop) {
  for (uint32_t x = 0; x < na; x++)
    for (uint32_t y = 0; y < nb; y++) {
      const RlFact *g = &a[x], *h = &b[y];
      if ((g->flags & RL_CQ_PARAM) != (h->flags & RL_CQ_PARAM)) continue;
      bool param = (g->flags & RL_CQ_PARAM) != 0;
      if (param ? g->guard.var.param != h->guard.var.param
                : (in_loop || !rl_c_obj_eq(&g->guard.var, &h->guard.var)))
        continue;
      if (!param) { /* the function must not change the global */
        bool written = false;
        for (uint32_t k = 0; k < nf && !written; k++)
          written = f[k].kind == RL_FACT_C_ACCESS && (f[k].flags & RL_CA_WRITE) &&
                    !f[k].access.npath && rl_c_obj_eq(&f[k].access.var, &g->guard.var);
        if (written) continue;
      }
      int same = *g->guard.value && *h->guard.value
                     ? strcmp(g->guard.value, h->guard.value) == 0
                     : (strcmp(g->guard.spell, h->guard.spell) == 0 ? 1 : -1);
      if (same == 1 && (((g->flags & RL_CQ_EQ) && (h->flags & RL_CQ_NE)) ||
                        ((g->flags & RL_CQ_NE) && (h->flags & RL_CQ_EQ))))
        return true;
      if (same == 0 && (g->flags & RL_CQ_EQ) && (h->flags & RL_CQ_EQ)) return true;
    }
  return false;
}

/* Is access f of a global (itself, not a part of it) that is
 * thread-local, atomic or a synchronisation object? */
static bool skipped_global(const RlProject *px, const RlFact *a) {
  if (a->access.var.kind != RL_CO_GLOBAL || a->access.npath) return false;
  uint32_t nf = rl_project_nfiles(px);
  for (uint32_t file = 0; file < nf; file++) {
    if (rl_project_lang(px, file) != RL_LANG_C) continue;
    uint32_t n;
    const RlFact *f = rl_project_facts(px, file, &n);
    for (uint32_t i = 0; i < n; i++)
      if (f[i].kind == RL_FACT_C_GLOBAL && (f[i].flags & (RL_CG_TLS | RL_CG_ATOMIC | RL_CG_SYNC)) &&
          rl_c_obj_eq(&f[i].global.var, &a->access.var))
        return true;
  }
  return false;
}

/* The key an access is grouped by: its variable and path, spelled
 * ("stats.n", "count@@src/a.c"); malloc'ed. */
static char *access_key(const RlProject *px, const RlFact *a) {
  size_t n = rl_c_obj_print(px, &a->access.var, NULL, 0);
  for (uint32_t k = 0; k < a->access.npath; k++) n += 2 + strlen(a->access.path[k].field);
  char *s = malloc(n + 1);
  size_t len = rl_c_obj_print(px, &a->access.var, s, n + 1);
  for (uint32_t k = 0; k < a->access.npath; k++) {
    const RlCStep *st = &a->access.path[k];
    const char *how = st->how == RL_CS_ARROW ? "->" : st->how == RL_CS_DOT ? "." : "[]";
    len += (size_t)snprintf(s + len, n + 1 - len, "%s%s", how, st->field);
  }
  return s;
}

/* Is the lazy initialisation fact z about variable v (a global or a
 * static local, by its name)? */
static bool lazy_of(const RlFact *z, const RlCObj *v) {
  return (v->kind == RL_CO_GLOBAL || v->kind == RL_CO_STATIC_LOCAL) &&
         strcmp(z->lazy.var, v->name) == 0;
}

/* The object every thread of a loop gets: from the routine's parameter 0
 * to the helpers it is passed on to (one function, one parameter each). */
typedef struct SharedArg {
  int32_t fn, thread, param;
} SharedArg;

static uint32_t shared_args(RlCGraph *g, SharedArg shared[64]) {
  uint32_t nshared = 0;
  for (uint32_t t = 0; t < rl_cgraph_nthreads(g) && nshared < 64; t++)
    if (rl_cgraph_spawn(g, t)->flags & RL_CF_SHARED_ARG) {
      shared[nshared].fn = rl_cgraph_routine(g, t);
      shared[nshared].thread = (int32_t)t;
      shared[nshared++].param = 0;
    }
  for (uint32_t k = 0; k < nshared; k++) {
    uint32_t n;
    const RlFact *f = rl_cgraph_facts(g, shared[k].fn, &n);
    for (uint32_t i = 0; i < n && nshared < 64; i++) {
      if (f[i].kind != RL_FACT_C_PASS || (int32_t)f[i].pass.param != shared[k].param) continue;
      int32_t c = rl_cgraph_func(g, f[i].pass.callee, f[i].file);
      bool seen = c < 0;
      for (uint32_t m = 0; m < nshared && !seen; m++) seen = shared[m].fn == c;
      if (seen) continue;
      shared[nshared].fn = c;
      shared[nshared].thread = shared[k].thread;
      shared[nshared++].param = (int32_t)f[i].pass.arg;
    }
  }
  return nshared;
}

/* Reports each variable that some thread writes without a lock while
 * another access of it can run at the same time, once per function, from
 * the accesses `acc` collected by project(). */
static void report_races(RlProject *px, const RlRule *rule, RlCGraph *g, Acc *acc,
                         uint32_t nacc) {
  if (nacc > 1) qsort(acc, nacc, sizeof *acc, cmp_acc);
  for (uint32_t i = 0; i < nacc;) {
    uint32_t j = i;
    while (j < nacc && strcmp(acc[j].var, acc[i].var) == 0) j++;
    bool skip = (acc[i].f->access.var.kind != RL_CO_PARAM && skipped_global(px, acc[i].f)) ||
                same_constant(acc, i, j);
    const char *last_func = NULL;
    uint32_t last_file = UINT32_MAX;
    for (uint32_t k = i; k < j && !skip; k++) {
      const Acc *w = &acc[k];
      if (!(w->f->flags & RL_CA_WRITE) || !w->unlocked || !w->threads || w->syncs) continue;
      if (last_func && w->f->file == last_file && strcmp(w->f->func, last_func) == 0) continue;
      const Acc *other = NULL;
      uint32_t why = 0;
      for (uint32_t m = i; m < j && !other; m++)
        if (!acc[m].syncs && concurrent(g, w, &acc[m], &why)) other = &acc[m];
      if (!other) continue;
      last_func = w->f->func;
      last_file = w->f->file;
      const RlFact *sp = rl_cgraph_spawn(g, why);
      const char *name = *w->f->access.text ? w->f->access.text : w->var;
      RlReport *r;
      if (other->after & (UINT64_C(1) << why)) {
        r = rl_project_report(px, rule, w->f,
                              "'%s' is %s here without a lock by thread '%s', while '%s' "
                              "accesses it at line %u after starting that thread and before "
                              "joining it",
                              name, (w->f->flags & RL_CA_RMW) ? "updated" : "written", sp->spawn.routine,
                              other->f->func, other->f->loc.line);
      } else if (other == w && !rl_cgraph_multi(g, why)) {
        /* two routines run this function, each started once */
        const char *first = sp->spawn.routine;
        for (uint32_t t = 0; t < rl_cgraph_nthreads(g); t++)
          if (t != why && (w->threads & (UINT64_C(1) << t))) {
            first = rl_cgraph_spawn(g, t)->spawn.routine;
            break;
          }
        r = rl_project_report(px, rule, w->f,
                              "'%s' is %s here without a lock, and threads '%s' and '%s' "
                              "both run this",
                              name, (w->f->flags & RL_CA_RMW) ? "updated" : "written", first,
                              sp->spawn.routine);
      } else if (other == w) {
        /* several at once: a spawn in a loop, or the routine started more
         * than once (two plain pthread_create calls are not a loop) */
        bool loop = (sp->flags & RL_CF_LOOP) != 0;
        r = rl_project_report(px, rule, w->f,
                              "'%s' is %s here without a lock, and several '%s' threads run "
                              "this at once (started %s at line %u)",
                              name, (w->f->flags & RL_CA_RMW) ? "updated" : "written",
                              sp->spawn.routine, loop ? "in a loop" : "more than once, first",
                              sp->loc.line);
      } else {
        r = rl_project_report(px, rule, w->f,
                              "'%s' is %s here without a lock, while thread '%s' also "
                              "accesses it in '%s' (line %u)",
                              name, (w->f->flags & RL_CA_RMW) ? "updated" : "written", sp->spawn.routine,
                              other->f->func, other->f->loc.line);
      }
      if (other != w) rl_project_related(px, r, other->f, "'%s' also accessed here", name);
      rl_project_related(px, r, sp, "thread '%s' started here", sp->spawn.routine);
    }
    i = j;
  }
}

static void project(RlProject *px, const RlRule *rule) {
  RlCGraph *g = rl_cgraph_new(px);
  if (!rl_cgraph_nthreads(g)) {
    rl_cgraph_delete(g);
    return;
  }
  SharedArg shared[64];
  uint32_t nshared = shared_args(g, shared);
  Acc *acc = NULL;
  uint32_t nacc = 0, cap = 0;
  char **owned = NULL;
  uint32_t nowned = 0, capowned = 0;
  uint32_t nf = rl_cgraph_nfuncs(g);
  for (uint32_t fn = 0; fn < nf; fn++) {
    uint32_t n;
    const RlFact *f = rl_cgraph_facts(g, (int32_t)fn, &n);
    uint64_t threads = rl_cgraph_threads(g, (int32_t)fn);
    uint32_t nentry;
    (void)rl_cgraph_entry_held(g, (int32_t)fn, &nentry);
    bool entry_locked = nentry != 0;
    bool fsyncs = syncs(f, n);
    /* spawn windows of this function: [spawn line, join line) */
    uint32_t wstart[16], wend[16], wcall[16];
    int32_t wthread[16];
    bool wloop[16];
    uint32_t nw = 0;
    for (uint32_t i = 0; i < n && nw < 16; i++) {
      if (f[i].kind == RL_FACT_CALL) wcall[nw] = i; /* the spawn's own call */
      if (f[i].kind != RL_FACT_SPAWN) continue;
      int32_t t = rl_cgraph_thread_of(g, &f[i]);
      if (t < 0) continue;
      uint32_t end = UINT32_MAX;
      for (uint32_t j = i + 1; j < n; j++)
        if (f[j].kind == RL_FACT_CALL && f[j].loc.line > f[i].loc.line &&
            (strcmp(f[j].call.callee, "pthread_join") == 0 ||
             strcmp(f[j].call.callee, "thrd_join") == 0)) {
          end = f[j].loc.line;
          break;
        }
      wloop[nw] = (f[i].flags & RL_CF_LOOP) != 0;
      wstart[nw] = f[i].loc.line;
      wend[nw] = end;
      wthread[nw++] = t;
    }
    /* does this function get (as parameter shared_param) the object all
     * threads of a routine share? */
    int32_t shared_routine = -1, shared_param = -1;
    for (uint32_t k = 0; k < nshared; k++)
      if (shared[k].fn == (int32_t)fn) {
        shared_routine = shared[k].thread;
        shared_param = shared[k].param;
      }
    /* global locks held through argument-less wrappers of other files,
     * in source order (as lock-order does) */
    const RlCObj *wheld[8];
    uint32_t nwh = 0;
    for (uint32_t i = 0; i < n; i++) {
      if (f[i].kind == RL_FACT_CALL) {
        const RlCObj *wc = rl_cgraph_global_wrapper(g, (int32_t)fn, i, true);
        if (wc && nwh < 8) wheld[nwh++] = wc;
        const RlCObj *uc = wc ? NULL : rl_cgraph_global_wrapper(g, (int32_t)fn, i, false);
        for (uint32_t k = 0; uc && k < nwh; k++)
          if (rl_c_obj_eq(wheld[k], uc)) wheld[k--] = wheld[--nwh];
        continue;
      }
      if (f[i].kind != RL_FACT_C_ACCESS || (f[i].flags & (RL_CA_ATOMIC | RL_CA_CHILD))) continue;
      if (f[i].flags & RL_CA_WRITE) {
        /* lazy initialisation of this variable here: lazy-init-race's */
        bool lazy = false;
        for (uint32_t k = 0; k < n && !lazy; k++)
          lazy = f[k].kind == RL_FACT_C_LAZY && lazy_of(&f[k], &f[i].access.var);
        if (lazy) continue;
      }
      /* the threads that reach it in a context its own guards allow */
      uint64_t fthreads = rl_cgraph_fact_threads(g, (int32_t)fn, &f[i]);
      const RlCObj *var = &f[i].access.var;
      Acc a = {&f[i], NULL, fthreads, 0,
               !entry_locked && !nwh && !f[i].access.nheld && !(f[i].flags & RL_CA_MAYBE_LOCKED),
               fsyncs};
      if (var->kind == RL_CO_PARAM) {
        /* through a parameter: only the shared argument of a routine,
         * through the pointer */
        if (shared_routine < 0 || (int32_t)var->param != shared_param || !f[i].access.npath ||
            f[i].access.path[0].how != RL_CS_ARROW)
          continue;
        const char *routine = rl_cgraph_spawn(g, (uint32_t)shared_routine)->spawn.routine;
        char *key = access_key(px, &f[i]);
        const char *tail = key + rl_c_obj_print(px, var, NULL, 0);
        size_t len = strlen(routine) + strlen(tail) + 8;
        char *v = malloc(len);
        snprintf(v, len, "%s#arg%s", routine, tail);
        free(key);
        a.var = v;
        uint64_t sb = UINT64_C(1) << shared_routine;
        a.threads = (threads & sb) && !(fthreads & sb) ? 0 : sb;
      } else {
        a.var = access_key(px, &f[i]);
        uint32_t nga;
        const RlFact *ga = guards_after(f, n, i, &nga);
        for (uint32_t w = 0; w < nw; w++) {
          if (f[i].loc.line <= wstart[w] || f[i].loc.line >= wend[w]) continue;
          uint32_t ngs;
          const RlFact *gs = guards_after(f, n, wcall[w], &ngs);
          if (exclusive(f, n, gs, ngs, ga, nga, wloop[w])) continue;
          a.after |= UINT64_C(1) << wthread[w];
        }
      }
      if (nowned == capowned) {
        capowned = capowned ? capowned * 2 : 16;
        owned = realloc(owned, capowned * sizeof *owned);
      }
      owned[nowned++] = (char *)a.var;
      if (!a.threads && !a.after) continue;
      if (nacc == cap) {
        cap = cap ? cap * 2 : 64;
        acc = realloc(acc, cap * sizeof *acc);
      }
      acc[nacc++] = a;
    }
  }
  report_races(px, rule, g, acc, nacc);
  for (uint32_t i = 0; i < nowned; i++) free(owned[i]);
  free(owned);
  free(acc);
  rl_cgraph_delete(g);
}

const RlCheck rl_check_c_shared_mutable_state = {
    .langs = RL_LANG_C,
    .project = project,
};
