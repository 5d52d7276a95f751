/* c/lazy-init-race.c - the C check of lazy-init-race.
 *
 * Phase 2 over the C summaries (analyzer/csum.c records every
 * `if (!g) { ... g = ...; }` on a global or static g that is not atomic,
 * not thread-local, and not checked with a lock held).
 * - Double-checked locking, or a check outside the lock that the
 *   initialisation takes: reported wherever it is (the lock says the code
 *   expects threads), since the unlocked read of a plain variable races.
 * - Plain lazy initialisation: reported when two threads can run it at
 *   once - the function is reached from two thread routines, or from one
 *   started several times - and no lock is held at every call of it.
 *   A thread counts only if it reaches the function in a context (mode
 *   flags, constant arguments) that the check's own guards allow.
 * pthread_once/call_once routines are not reached by calls, so they are
 * never reported; nor is an initialisation that stores constants only and
 * sets the checked variable last (RL_CL_CONST: a second run changes
 * nothing), nor one in a fork() child that ends in exec or _exit.
 * The plain `if (!g) g = expr;` gets the pthread_once fix (fixes.c), built
 * in phase 1 and kept on a fact; so does double-checked locking whose
 * outer block is exactly lock / inner check / unlock (call_once for C11
 * mtx_t). CWE-609. Doc: rules/lazy-init-race.md */
#include <string.h>

#include "../../analyzer/rule_api.h"
#include "fixes.h"

/* Phase 1 records, for a lazy initialisation the fix can rewrite, a fact
 * at its condition that carries the fix (fixes.c); phase 2 gives it to
 * the finding raised at the RL_FACT_C_LAZY of the same place. */
enum {
  FACT_ONCE_FIX = RL_FACT_RULE + 40, /* after the JS check's kinds */
  FACT_DCL_FIX,                      /* the fix of double-checked locking */
};

static void check(RlCtx *cx, RlNode ifs, void *state) {
  (void)state;
  rl_c_fix_lazy_once(cx, ifs, FACT_ONCE_FIX, FACT_DCL_FIX);
}

/* The fix fact of `kind` recorded at lazy's place, or NULL. */
static const RlFact *once_fix(const RlProject *px, const RlRule *rule, const RlFact *lazy,
                              uint16_t kind) {
  uint32_t n;
  const RlFact *f = rl_project_facts(px, lazy->file, &n);
  for (uint32_t i = 0; i < n; i++)
    if (f[i].kind == kind && rl_fact_of(px, &f[i], rule) &&
        f[i].loc.start == lazy->loc.start && f[i].loc.end == lazy->loc.end)
      return &f[i];
  return NULL;
}

static bool concurrent(const RlCGraph *g, uint64_t threads, uint32_t *which) {
  uint32_t nbits = 0;
  for (uint32_t t = 0; t < rl_cgraph_nthreads(g); t++) {
    if (!(threads & (UINT64_C(1) << t))) continue;
    if (!nbits) *which = t;
    nbits++;
    if (rl_cgraph_multi(g, t)) {
      *which = t;
      return true;
    }
  }
  return nbits >= 2;
}

static void project(RlProject *px, const RlRule *rule) {
  RlCGraph *g = rl_cgraph_new(px);
  uint32_t nf = rl_cgraph_nfuncs(g);
  for (uint32_t fn = 0; fn < nf; fn++) {
    uint32_t n;
    const RlFact *f = rl_cgraph_facts(g, (int32_t)fn, &n);
    for (uint32_t i = 0; i < n; i++) {
      if (f[i].kind != RL_FACT_C_LAZY || (f[i].flags & (RL_CL_CHILD | RL_CL_CONST))) continue;
      if (f[i].flags & RL_CL_DCL) {
        RlReport *r = rl_project_report(
            px, rule, &f[i],
            "'%s' is checked here without the lock that its initialisation takes, and it is "
            "not atomic: another thread can see it set before the object is fully "
            "initialised, or both threads can initialise it (double-checked locking)",
            f[i].lazy.text);
        rl_project_hint(px, r,
                        "Use pthread_once()/call_once(), or make '%s' _Atomic and read it "
                        "with atomic_load_explicit(..., memory_order_acquire); the runtime's "
                        "lazy pointer does this (runtime/c).",
                        f[i].lazy.var);
        const RlFact *fix = once_fix(px, rule, &f[i], FACT_DCL_FIX);
        if (fix) rl_project_fix(px, r, fix);
        continue;
      }
      uint32_t t = 0;
      uint32_t nentry;
      (void)rl_cgraph_entry_held(g, (int32_t)fn, &nentry);
      if (nentry) continue;
      if (!concurrent(g, rl_cgraph_fact_threads(g, (int32_t)fn, &f[i]), &t)) continue;
      const RlFact *sp = rl_cgraph_spawn(g, t);
      RlReport *r = rl_project_report(
          px, rule, &f[i],
          "lazy initialisation of '%s' is not synchronised: threads running '%s' (started "
          "by thread '%s') can both see it unset and both initialise it",
          f[i].lazy.text, f[i].func, sp->spawn.routine);
      rl_project_related(px, r, sp, "thread '%s' started here", sp->spawn.routine);
      const RlFact *fix = once_fix(px, rule, &f[i], FACT_ONCE_FIX);
      if (fix) rl_project_fix(px, r, fix);
    }
  }
  rl_cgraph_delete(g);
}

static const RlKind kinds[] = {RL_C_IF_STMT};

const RlCheck rl_check_c_lazy_init_race = {
    .langs = RL_LANG_C,
    .kinds = kinds,
    .nkinds = RL_COUNTOF(kinds),
    .check = check,
    .project = project,
};
