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

/* A LOCK fact of `fn` with class c[0..n), taken with nothing held; none if
 * `fn` unlocks that class before (it drops its caller's lock to sleep and
 * takes it back: memcached's item_crawl_hash). */
static const RlFact *first_lock(const RlCGraph *g, int32_t fn, const char *c, size_t n) {
  uint32_t k;
  const RlFact *ff = rl_cgraph_facts(g, fn, &k);
  for (uint32_t i = 0; i < k; i++) {
    if (ff[i].kind == RL_FACT_C_UNLOCK && strlen(ff[i].a) == n && memcmp(ff[i].a, c, n) == 0)
      return NULL;
    if (ff[i].kind == RL_FACT_C_LOCK && !*ff[i].b && !(ff[i].flags & (RL_CF_TRY | RL_CF_READ)) &&
        strlen(ff[i].a) == n && memcmp(ff[i].a, c, n) == 0)
      return &ff[i];
  }
  return NULL;
}

/* The LOCK fact in the same function as `call` at line `line` of class c. */
static const RlFact *lock_at(const RlFact *f, uint32_t n, const RlFact *call, uint32_t line,
                             const char *c, size_t len) {
  for (uint32_t i = 0; i < n; i++)
    if (f[i].kind == RL_FACT_C_LOCK && f[i].loc.line == line && strcmp(f[i].func, call->func) == 0 &&
        strlen(f[i].a) == len && memcmp(f[i].a, c, len) == 0)
      return &f[i];
  return NULL;
}

/* A call, made with a global lock held, of a function of the same file
 * that takes that lock first thing. */
static void calls_relock(RlProject *px, const RlRule *self, const RlCGraph *g, uint32_t file,
                         const RlFact *f, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    if (f[i].kind != RL_FACT_CALL || !*f[i].b) continue;
    int32_t fn = rl_cgraph_func(g, f[i].a, file);
    if (fn < 0) continue;
    uint32_t k;
    const RlFact *ff = rl_cgraph_facts(g, fn, &k);
    if (!k || ff[0].file != file) continue;
    const char *h = f[i].b;
    RlCHeld e;
    while (rl_c_held_next(&h, &e)) {
      size_t dl = e.len; /* the name without "@@file" (static globals) */
      for (size_t q = 0; q + 1 < e.len; q++)
        if (e.cls[q] == '@' && e.cls[q + 1] == '@') {
          dl = q;
          break;
        }
      if (e.read || memchr(e.cls, '.', dl) || memchr(e.cls, '$', dl) ||
          memchr(e.cls, '*', dl) || memchr(e.cls, '[', dl))
        continue;
      const RlFact *l = first_lock(g, fn, e.cls, e.len);
      if (!l) continue;
      RlReport *r = rl_project_report(px, self, &f[i],
                                      "calls '%s', which locks '%s' again (line %u) while this "
                                      "function holds it: a normal mutex deadlocks on itself",
                                      f[i].a, l->c, l->loc.line);
      const RlFact *mine = lock_at(f, n, &f[i], e.line, e.cls, e.len);
      if (mine) rl_project_related(px, r, mine, "'%s' locked here", mine->c);
      rl_project_related(px, r, l, "'%s' locks it again here", f[i].a);
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
    any = true;
    int32_t fn = rl_cgraph_func(g, f[j].a, file);
    if (fn < 0) return false;
    uint32_t k;
    const RlFact *ff = rl_cgraph_facts(g, fn, &k);
    bool ok = false;
    for (uint32_t m = 0; m < k && !ok; m++)
      ok = ff[m].kind == RL_FACT_C_WRAPPER && strcmp(ff[m].a, f[j].b) == 0 &&
           (ff[m].flags & RL_CF_PARAMLOCK) && ff[m].aux == f[j].aux;
    if (!ok) return false;
  }
  return any;
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
      const RlFact *note = f[i].aux && i + 1 < n && f[i + 1].kind == RL_FACT_C_NOTE ? &f[i + 1] : NULL;
      RlReport *r;
      if (strcmp(f[i].a, "double") == 0) {
        r = rl_project_report(px, self, &f[i],
                              "'%s' is locked again while this path already holds it (locked "
                              "at line %u): a normal mutex deadlocks on itself",
                              f[i].b, note ? note->loc.line : 0);
      } else if (strcmp(f[i].a, "unheld") == 0) {
        r = rl_project_report(px, self, &f[i],
                              "'%s' is unlocked here although a path reaching this line "
                              "already unlocked it: unlocking a mutex the thread does not "
                              "hold is undefined behaviour",
                              f[i].b);
      } else if (f[i].flags & 1u) {
        r = rl_project_report(px, self, &f[i],
                              "'%s' can reach its end with '%s' still locked (locked at line "
                              "%u), while its other paths unlock it: the next lock deadlocks",
                              f[i].func, f[i].b, note ? note->loc.line : 0);
      } else {
        r = rl_project_report(px, self, &f[i],
                              "this return leaves '%s' locked (locked at line %u), while other "
                              "paths of '%s' unlock it: the next lock deadlocks",
                              f[i].b, note ? note->loc.line : 0, f[i].func);
      }
      if (note) rl_project_related(px, r, note, "%s", note->a);
    }
  }
  rl_cgraph_delete(g);
}

const RlRule rl_rule_lock_balance = {
    .id = "lock-balance",
    .title = "Unbalanced lock and unlock",
    .summary = "Finds unlocks of mutexes that are not held, double locks, and return paths that leave a mutex locked.",
    .langs = RL_LANG_C,
    .severity = RL_SEV_ERROR,
    .category = RL_CAT_CONCURRENCY,
    .cwe = "667",
    .precision = "high",
    .hint = "Unlock on every path, for example with a single exit label (goto out) that unlocks; keep lock and unlock in the same function.",
    .project = project,
};
