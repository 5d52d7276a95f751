/* lock-balance.c - unbalanced lock and unlock (C).
 *
 * Reports what the per-function summaries (analyzer/csum.c) found on the
 * paths of one function: an unlock of a mutex that this path already
 * unlocked, a lock of a mutex this path already holds (not for read locks,
 * nor in a file that makes recursive mutexes), and a return that keeps a
 * lock which other returns of the same function release. A function whose
 * every return holds the lock is a lock wrapper and is not reported; nor is
 * a lock whose state an unknown function may change (it was passed to it).
 * CWE-667/764/765/832. Doc: rules/lock-balance.md */
#include "../analyzer/rule_api.h"

#include <string.h>

#include "c/fixes.h"

/* Phase 1 records, at a return that every path reaches with a lock held,
 * a fact carrying the fix "unlock before it" (c/fixes.c); phase 2 gives it
 * to the leak finding raised at that return for that lock. */
enum { FACT_UNLOCK_FIX = RL_FACT_RULE };

static void check(RlCtx *cx, RlNode ret, void *state) {
  (void)state;
  rl_c_fix_unlock_return(cx, ret, FACT_UNLOCK_FIX);
}

/* The fix fact recorded at `leak`'s return for its lock, or NULL. */
static const RlFact *unlock_fix(const RlProject *px, const RlRule *rule, const RlFact *f,
                                uint32_t n, const RlFact *leak) {
  for (uint32_t i = 0; i < n; i++)
    if (f[i].kind == FACT_UNLOCK_FIX && rl_fact_of(px, &f[i], rule) &&
        f[i].loc.start == leak->loc.start && f[i].loc.end == leak->loc.end &&
        strcmp(f[i].a, leak->balance.text) == 0)
      return &f[i];
  return NULL;
}

/* A LOCK fact of `fn` with class c, taken with nothing held, that the
 * constant arguments of the call f[i] let run; none if `fn` unlocks that
 * class before (it drops its caller's lock to sleep and takes it back:
 * memcached's item_crawl_hash). */
static const RlFact *first_lock(const RlCGraph *g, int32_t fn, const RlCObj *c, const RlFact *f,
                                uint32_t n, uint32_t i) {
  uint32_t k;
  const RlFact *ff = rl_cgraph_facts(g, fn, &k);
  for (uint32_t l = 0; l < k; l++) {
    if ((ff[l].kind != RL_FACT_C_UNLOCK && ff[l].kind != RL_FACT_C_LOCK) ||
        !rl_c_obj_eq(&ff[l].lock.cls, c) || !rl_c_runs_for_call(ff, k, l, f, n, i))
      continue;
    if (ff[l].kind == RL_FACT_C_UNLOCK) return NULL;
    if (!ff[l].lock.nheld && !(ff[l].flags & (RL_CF_TRY | RL_CF_READ))) return &ff[l];
  }
  return NULL;
}

/* The LOCK fact in the same function as `call` at line `line` of class c. */
static const RlFact *lock_at(const RlFact *f, uint32_t n, const RlFact *call, uint32_t line,
                             const RlCObj *c) {
  for (uint32_t i = 0; i < n; i++)
    if (f[i].kind == RL_FACT_C_LOCK && f[i].loc.line == line && strcmp(f[i].func, call->func) == 0 &&
        rl_c_obj_eq(&f[i].lock.cls, c))
      return &f[i];
  return NULL;
}

/* A mutex that is a variable of its own: a global or a static local, not
 * one reached through a pointer; an element of an array counts only for a
 * static array. */
static bool plain_lock(const RlCObj *c) {
  if (c->kind != RL_CO_GLOBAL && c->kind != RL_CO_STATIC_LOCAL) return false;
  return !c->deref && (!c->nelem || c->file_local);
}

/* A call, made with a global lock held, of a function of the same file
 * that takes that lock first thing (unless the call's constant arguments
 * rule that lock out: `add(r, m, 0)` of `if (needs_lock) lock(...)`). */
static void calls_relock(RlProject *px, const RlRule *self, const RlCGraph *g, uint32_t file,
                         const RlFact *f, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    if (f[i].kind != RL_FACT_CALL || !f[i].call.nheld) continue;
    int32_t fn = rl_cgraph_func(g, f[i].call.callee, file);
    if (fn < 0) continue;
    uint32_t k;
    const RlFact *ff = rl_cgraph_facts(g, fn, &k);
    if (!k || ff[0].file != file) continue;
    for (uint32_t h = 0; h < f[i].call.nheld; h++) {
      const RlCHeld *e = &f[i].call.held[h];
      if (e->read || !plain_lock(&e->cls)) continue;
      const RlFact *l = first_lock(g, fn, &e->cls, f, n, i);
      if (!l) continue;
      RlReport *r = rl_project_report(px, self, &f[i],
                                      "calls '%s', which locks '%s' again (line %u) while this "
                                      "function holds it: a normal mutex deadlocks on itself",
                                      f[i].call.callee, l->lock.text, l->loc.line);
      const RlFact *mine = lock_at(f, n, &f[i], e->line, &e->cls);
      if (mine) rl_project_related(px, r, mine, "'%s' locked here", mine->lock.text);
      rl_project_related(px, r, l, "'%s' locks it again here", f[i].call.callee);
      break;
    }
  }
}

/* The functions of other files that phase 1 took for lock wrappers by
 * their names (the RL_FACT_C_ASSUME facts after finding i): are they? */
static bool assumptions_hold(const RlCGraph *g, uint32_t file, const RlFact *f, uint32_t n,
                             uint32_t i) {
  uint32_t j = i + 1;
  while (j < n && f[j].kind == RL_FACT_C_NOTE) j++;
  bool any = false;
  for (; j < n && f[j].kind == RL_FACT_C_ASSUME; j++) {
    if (f[j].flags & RL_CF_RETURNS) continue;
    any = true;
    int32_t fn = rl_cgraph_func(g, f[j].assume.callee, file);
    if (fn < 0) return false;
    uint32_t k;
    const RlFact *ff = rl_cgraph_facts(g, fn, &k);
    bool ok = false;
    for (uint32_t m = 0; m < k && !ok; m++)
      ok = ff[m].kind == RL_FACT_C_WRAPPER && ff[m].wrapper.acquire == f[j].assume.acquire &&
           (ff[m].flags & RL_CF_PARAMLOCK) && ff[m].wrapper.param == (int32_t)f[j].assume.arg;
    if (!ok) return false;
  }
  return any;
}

/* Does a function that finding i's paths all call (the RL_FACT_C_ASSUME
 * facts flagged RL_CF_RETURNS after it) never return? Then those paths
 * end there, and the finding is not real (nng's unlock, then
 * nni_panic(), defined two files away, then the unlock of the path that
 * did not fail). */
static bool path_ends(const RlCGraph *g, uint32_t file, const RlFact *f, uint32_t n, uint32_t i) {
  uint32_t j = i + 1;
  while (j < n && f[j].kind == RL_FACT_C_NOTE) j++;
  for (; j < n && f[j].kind == RL_FACT_C_ASSUME; j++)
    if ((f[j].flags & RL_CF_RETURNS) && rl_cgraph_noreturn(g, f[j].assume.callee, file))
      return true;
  return false;
}

static void project(RlProject *px, const RlRule *self) {
  uint32_t nf = rl_project_nfiles(px);
  RlCGraph *g = rl_cgraph_new(px);
  for (uint32_t file = 0; file < nf; file++) {
    if (rl_project_lang(px, file) != RL_LANG_C) continue;
    uint32_t n;
    const RlFact *f = rl_project_facts(px, file, &n);
    calls_relock(px, self, g, file, f, n);
    for (uint32_t i = 0; i < n; i++) {
      if (f[i].kind != RL_FACT_C_BALANCE) continue;
      if ((f[i].flags & RL_CB_ASSUMED) && !assumptions_hold(g, file, f, n, i)) continue;
      if ((f[i].flags & RL_CB_RETURNS) && path_ends(g, file, f, n, i)) continue;
      const RlFact *note = f[i].balance.nnotes && i + 1 < n && f[i + 1].kind == RL_FACT_C_NOTE
                               ? &f[i + 1]
                               : NULL;
      RlReport *r;
      const char *text = f[i].balance.text;
      if (f[i].balance.what == RL_CB_DOUBLE) {
        r = rl_project_report(px, self, &f[i],
                              "'%s' is locked again while this path already holds it (locked "
                              "at line %u): a normal mutex deadlocks on itself",
                              text, note ? note->loc.line : 0);
      } else if (f[i].balance.what == RL_CB_UNHELD) {
        r = rl_project_report(px, self, &f[i],
                              "'%s' is unlocked here although a path reaching this line "
                              "already unlocked it: unlocking a mutex the thread does not "
                              "hold is undefined behaviour",
                              text);
      } else if (f[i].flags & RL_CB_AT_END) {
        r = rl_project_report(px, self, &f[i],
                              "'%s' can reach its end with '%s' still locked (locked at line "
                              "%u), while its other paths unlock it: the next lock deadlocks",
                              f[i].func, text, note ? note->loc.line : 0);
      } else {
        r = rl_project_report(px, self, &f[i],
                              "this return leaves '%s' locked (locked at line %u), while other "
                              "paths of '%s' unlock it: the next lock deadlocks",
                              text, note ? note->loc.line : 0, f[i].func);
        const RlFact *fix = unlock_fix(px, self, f, n, &f[i]);
        if (fix) rl_project_fix(px, r, fix);
      }
      if (note) rl_project_related(px, r, note, "%s", note->note.msg);
    }
  }
  rl_cgraph_delete(g);
}

static const RlKind kinds[] = {RL_C_RETURN_STMT};

const RlRule rl_rule_lock_balance = {
    .id = "lock-balance",
    .title = "Unbalanced lock and unlock",
    .summary = "Finds unlocks of mutexes that are not held, double locks, and return paths that leave a mutex locked.",
    .langs = RL_LANG_C,
    .severity = RL_SEV_ERROR,
    .category = RL_CAT_CONCURRENCY,
    .cwe = "667",
    .precision = "high",
    /* issue 16: on C code no rule was tuned on, 3 of 18 findings read were
     * real (development 2 of 10, held out 1 of 8): racelint:strict until
     * constant arguments and lock hand-over reach callees (rules/<id>.md) */
    .strict = true,
    .hint = "Unlock on every path, for example with a single exit label (goto out) that unlocks; keep lock and unlock in the same function.",
    .kinds = kinds,
    .nkinds = RL_COUNTOF(kinds),
    .check = check,
    .project = project,
};
