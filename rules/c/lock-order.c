/* c/lock-order.c - the C check of lock-order.
 *
 * Phase 2 over the C summaries (analyzer/csum.c, cgraph.c): the project's
 * lock-order graph has an edge A -> B when B is taken while A is held -
 * directly, through a lock wrapper, or in a function called with A held.
 * Nodes are lock classes (a global, or `struct T.field`). Each strongly
 * connected group of the graph is one possible deadlock, reported once at
 * its first edge with every edge of a shortest cycle as a related
 * location. Also reported: two parameters of the same type locked in
 * argument order with nothing comparing them (transfer(a, b) against
 * transfer(b, a)). Not edges: trylocks (they do not wait), two read locks,
 * locks of locals, and a class to itself (two instances of one type; only
 * the parameter form above). Doc: rules/lock-order.md */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../analyzer/rule_api.h"

#define MAX_ACQ 32

typedef struct Edge {
  uint32_t from, to;
  const RlFact *at;  /* where `to` is taken (or the call that takes it) */
  const char *via;   /* callee that takes it, or NULL */
  uint32_t from_line;
} Edge;

typedef struct Graph {
  const RlProject *px;
  const RlCObj **cls; /* lock classes */
  const char **names; /* their unique spellings (statics carry "@@file") */
  const char **disp;  /* the same without "@@file" */
  uint32_t nnames, capnames;
  Edge *e;
  uint32_t ne, cape;
} Graph;

/* o's spelling (rl_c_obj_print), malloc'ed. */
static char *spell(const RlProject *px, const RlCObj *o) {
  size_t n = rl_c_obj_print(px, o, NULL, 0);
  char *s = malloc(n + 1);
  rl_c_obj_print(px, o, s, n + 1);
  return s;
}

static uint32_t node(Graph *g, const RlCObj *c) {
  for (uint32_t i = 0; i < g->nnames; i++)
    if (rl_c_obj_eq(g->cls[i], c)) return i;
  if (g->nnames == g->capnames) {
    g->capnames = g->capnames ? g->capnames * 2 : 64;
    g->cls = realloc(g->cls, g->capnames * sizeof *g->cls);
    g->names = realloc(g->names, g->capnames * sizeof *g->names);
    g->disp = realloc(g->disp, g->capnames * sizeof *g->disp);
  }
  g->cls[g->nnames] = c;
  g->names[g->nnames] = spell(g->px, c);
  g->disp[g->nnames] = spell(NULL, c);
  return g->nnames++;
}

/* Locks that can be in a cycle: not a parameter, not a function's local
 * (a pointer to a mutex held in a local is: it names some other mutex). */
static bool usable(const RlCObj *c) {
  if (!c || c->kind == RL_CO_NONE || c->kind == RL_CO_PARAM) return false;
  return !(c->kind == RL_CO_LOCAL && !c->deref);
}

static void edge(Graph *g, const RlCObj *a, const RlCObj *b, const RlFact *at, const char *via,
                 uint32_t from_line) {
  if (!usable(a) || !usable(b)) return;
  if (rl_c_obj_eq(a, b)) return;
  uint32_t x = node(g, a), y = node(g, b);
  for (uint32_t i = 0; i < g->ne; i++)
    if (g->e[i].from == x && g->e[i].to == y) return;
  if (g->ne == g->cape) {
    g->cape = g->cape ? g->cape * 2 : 64;
    g->e = realloc(g->e, g->cape * sizeof *g->e);
  }
  g->e[g->ne++] = (Edge){x, y, at, via, from_line};
}

/* Locks a function takes, itself or through its callees. */
typedef struct Acq {
  const RlCObj *cls[MAX_ACQ];
  const RlFact *at[MAX_ACQ];
  uint32_t n;
} Acq;

static bool acq_add(Acq *a, const RlCObj *cls, const RlFact *at) {
  for (uint32_t i = 0; i < a->n; i++)
    if (rl_c_obj_eq(a->cls[i], cls)) return false;
  if (a->n == MAX_ACQ) return false;
  a->cls[a->n] = cls;
  a->at[a->n++] = at;
  return true;
}

/* The lock (acquire) or unlock wrapper fact of function fn, or NULL. */
static const RlFact *wrapper(const RlCGraph *cg, int32_t fn, bool acquire) {
  uint32_t n;
  const RlFact *f = rl_cgraph_facts(cg, fn, &n);
  for (uint32_t i = 0; i < n; i++)
    if (f[i].kind == RL_FACT_C_WRAPPER && f[i].wrapper.acquire == acquire) return &f[i];
  return NULL;
}

/* Class a call to wrapper w locks: its own, or the mutex argument's. */
static const RlCObj *wrapped_class(const RlFact *w, const RlFact *call) {
  if (!(w->flags & RL_CF_PARAMLOCK)) return &w->wrapper.cls;
  return call->call.lock_arg && (int32_t)call->call.lock_arg == w->wrapper.param + 1
             ? &call->call.lock
             : NULL;
}

/* Does the call f[i] of function c rule out c's locks of class b with
 * its constant arguments? Yes when c takes b itself (not through its
 * calls), and every lock of b in c sits under a parameter guard the
 * call's constants contradict (`reschedule(e, true)` of
 * `if (!handover) lock(&e->a)`). */
static bool ruled_out(const RlCGraph *cg, const Acq *acq, int32_t c, const RlCObj *b,
                      const RlFact *f, uint32_t n, uint32_t i) {
  uint32_t k;
  const RlFact *ff = rl_cgraph_facts(cg, c, &k);
  bool any = false;
  for (uint32_t l = 0; l < k; l++) {
    if (ff[l].kind == RL_FACT_CALL) {
      int32_t cc = rl_cgraph_callee(cg, c, l);
      if (cc < 0) continue;
      for (uint32_t x = 0; x < acq[cc].n; x++)
        if (rl_c_obj_eq(acq[cc].cls[x], b)) return false;
      continue;
    }
    if (ff[l].kind != RL_FACT_C_LOCK || !rl_c_obj_eq(&ff[l].lock.cls, b)) continue;
    if (rl_c_runs_for_call(ff, k, l, f, n, i)) return false;
    any = true;
  }
  return any;
}

static void build(Graph *g, const RlCGraph *cg) {
  uint32_t nf = rl_cgraph_nfuncs(cg);
  Acq *acq = calloc(nf + 1, sizeof *acq);
  for (uint32_t fn = 0; fn < nf; fn++) {
    uint32_t n;
    const RlFact *f = rl_cgraph_facts(cg, (int32_t)fn, &n);
    for (uint32_t i = 0; i < n; i++)
      if (f[i].kind == RL_FACT_C_LOCK &&
          !(f[i].flags & (RL_CF_TRY | RL_CF_PARAMLOCK | RL_CF_FRESH)) &&
          usable(&f[i].lock.cls))
        acq_add(&acq[fn], &f[i].lock.cls, &f[i]);
  }
  for (int round = 0; round < 6; round++) {
    bool changed = false;
    for (uint32_t fn = 0; fn < nf; fn++) {
      uint32_t n;
      const RlFact *f = rl_cgraph_facts(cg, (int32_t)fn, &n);
      for (uint32_t i = 0; i < n; i++) {
        int32_t c = rl_cgraph_callee(cg, (int32_t)fn, i);
        if (c < 0 || (uint32_t)c == fn) continue;
        for (uint32_t k = 0; k < acq[c].n; k++)
          if (acq_add(&acq[fn], acq[c].cls[k], &f[i])) changed = true;
        const RlFact *w = wrapper(cg, c, true);
        const RlCObj *wc = w ? wrapped_class(w, &f[i]) : NULL;
        if (wc && usable(wc) && acq_add(&acq[fn], wc, &f[i])) changed = true;
      }
    }
    if (!changed) break;
  }
  for (uint32_t fn = 0; fn < nf; fn++) {
    uint32_t n;
    const RlFact *f = rl_cgraph_facts(cg, (int32_t)fn, &n);
    /* locks held through wrappers of other files, in source order */
    const RlCObj *wheld[8];
    uint32_t wline[8], nw = 0;
    for (uint32_t i = 0; i < n; i++) {
      if (f[i].kind == RL_FACT_C_LOCK && !(f[i].flags & (RL_CF_TRY | RL_CF_FRESH))) {
        bool read = (f[i].flags & RL_CF_READ) != 0;
        const RlCObj *a = &f[i].lock.cls;
        for (uint32_t h = 0; h < f[i].lock.nheld; h++) {
          const RlCHeld *e = &f[i].lock.held[h];
          if (!(read && e->read) && !e->fresh) edge(g, &e->cls, a, &f[i], NULL, e->line);
        }
        for (uint32_t k = 0; k < nw; k++)
          if (!rl_c_held_has(f[i].lock.held, f[i].lock.nheld, wheld[k]))
            edge(g, wheld[k], a, &f[i], NULL, wline[k]);
      } else if (f[i].kind == RL_FACT_C_UNLOCK) {
        for (uint32_t k = 0; k < nw; k++)
          if (rl_c_obj_eq(wheld[k], &f[i].lock.cls)) wheld[k] = wheld[--nw];
      } else if (f[i].kind == RL_FACT_CALL) {
        int32_t c = rl_cgraph_callee(cg, (int32_t)fn, i);
        if (c < 0) continue;
        const RlCHeld *held = f[i].call.held;
        uint32_t nheld = f[i].call.nheld;
        for (uint32_t k = 0; k < acq[c].n; k++) {
          const RlCObj *b = acq[c].cls[k];
          if (ruled_out(cg, acq, c, b, f, n, i)) continue;
          for (uint32_t h = 0; h < nheld; h++)
            if (!held[h].fresh) edge(g, &held[h].cls, b, &f[i], f[i].call.callee, held[h].line);
          for (uint32_t j = 0; j < nw; j++)
            edge(g, wheld[j], b, &f[i], f[i].call.callee, wline[j]);
        }
        const RlFact *w = wrapper(cg, c, true);
        const RlCObj *wc = w ? wrapped_class(w, &f[i]) : NULL;
        if (wc) {
          for (uint32_t h = 0; h < nheld; h++)
            if (!held[h].fresh) edge(g, &held[h].cls, wc, &f[i], NULL, held[h].line);
          for (uint32_t j = 0; j < nw; j++) edge(g, wheld[j], wc, &f[i], NULL, wline[j]);
          uint32_t nfc;
          const RlFact *cf = rl_cgraph_facts(cg, c, &nfc);
          if (nfc && cf[0].file != f[i].file && nw < 8 && usable(wc)) {
            wheld[nw] = wc;
            wline[nw++] = f[i].loc.line;
          }
        }
        const RlFact *u = wrapper(cg, c, false);
        const RlCObj *uc = u ? wrapped_class(u, &f[i]) : NULL;
        for (uint32_t k = 0; uc && k < nw; k++)
          if (rl_c_obj_eq(wheld[k], uc)) wheld[k] = wheld[--nw];
      }
    }
  }
  free(acq);
}

/* Tarjan's strongly connected components, iteratively. */
static void scc(const Graph *g, uint32_t *comp) {
  uint32_t n = g->nnames;
  uint32_t *index = malloc((n + 1) * sizeof *index), *low = malloc((n + 1) * sizeof *low);
  uint32_t *stack = malloc((n + 1) * sizeof *stack), *cs = malloc((n + 1) * sizeof *cs);
  uint32_t *ei = malloc((n + 1) * sizeof *ei);
  bool *on = calloc(n + 1, sizeof *on);
  for (uint32_t i = 0; i < n; i++) index[i] = UINT32_MAX, comp[i] = UINT32_MAX;
  uint32_t idx = 0, sp = 0, ncomp = 0;
  for (uint32_t root = 0; root < n; root++) {
    if (index[root] != UINT32_MAX) continue;
    uint32_t csp = 0;
    cs[csp++] = root;
    index[root] = low[root] = idx++;
    stack[sp++] = root;
    on[root] = true;
    ei[root] = 0;
    while (csp) {
      uint32_t v = cs[csp - 1];
      bool pushed = false;
      while (ei[v] < g->ne) {
        const Edge *e = &g->e[ei[v]++];
        if (e->from != v) continue;
        uint32_t w = e->to;
        if (index[w] == UINT32_MAX) {
          index[w] = low[w] = idx++;
          stack[sp++] = w;
          on[w] = true;
          ei[w] = 0;
          cs[csp++] = w;
          pushed = true;
          break;
        } else if (on[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
      }
      if (pushed) continue;
      if (low[v] == index[v]) {
        uint32_t w;
        do {
          w = stack[--sp];
          on[w] = false;
          comp[w] = ncomp;
        } while (w != v);
        ncomp++;
      }
      csp--;
      if (csp) {
        uint32_t u = cs[csp - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  free(index);
  free(low);
  free(stack);
  free(cs);
  free(ei);
  free(on);
}

static int cmp_loc(const RlFact *a, const RlFact *b, const RlProject *px) {
  int c = strcmp(rl_project_path(px, a->file), rl_project_path(px, b->file));
  if (c) return c;
  if (a->loc.line != b->loc.line) return a->loc.line < b->loc.line ? -1 : 1;
  return a->loc.col < b->loc.col ? -1 : a->loc.col > b->loc.col;
}

static void report_cycles(RlProject *px, const RlRule *rule, Graph *g) {
  uint32_t n = g->nnames;
  if (!n) return;
  uint32_t *comp = malloc(n * sizeof *comp);
  scc(g, comp);
  uint32_t *prev = malloc(n * sizeof *prev), *queue = malloc(n * sizeof *queue);
  bool *done = calloc(n, sizeof *done);
  for (uint32_t start = 0; start < n; start++) {
    uint32_t c = comp[start];
    if (done[c]) continue;
    /* the component's smallest name starts the cycle (deterministic) */
    uint32_t s = start, size = 0;
    for (uint32_t i = 0; i < n; i++)
      if (comp[i] == c) {
        size++;
        if (strcmp(g->names[i], g->names[s]) < 0) s = i;
      }
    done[c] = true;
    if (size < 2) continue;
    /* shortest cycle through s inside the component (BFS back to s) */
    for (uint32_t i = 0; i < n; i++) prev[i] = UINT32_MAX;
    uint32_t qh = 0, qt = 0, last = UINT32_MAX;
    queue[qt++] = s;
    while (qh < qt && last == UINT32_MAX) {
      uint32_t v = queue[qh++];
      for (uint32_t e = 0; e < g->ne; e++) {
        if (g->e[e].from != v || comp[g->e[e].to] != c) continue;
        uint32_t w = g->e[e].to;
        if (w == s) {
          last = e;
          break;
        }
        if (prev[w] != UINT32_MAX) continue;
        prev[w] = e;
        queue[qt++] = w;
      }
    }
    if (last == UINT32_MAX) continue;
    const Edge *cyc[64];
    uint32_t nc = 0;
    for (uint32_t e = last; nc < 64;) {
      cyc[nc++] = &g->e[e];
      if (g->e[e].from == s) break;
      e = prev[g->e[e].from];
    }
    /* cyc is reversed: put it in order, starting at the earliest location */
    for (uint32_t i = 0; i < nc / 2; i++) {
      const Edge *t = cyc[i];
      cyc[i] = cyc[nc - 1 - i];
      cyc[nc - 1 - i] = t;
    }
    uint32_t first = 0;
    for (uint32_t i = 1; i < nc; i++)
      if (cmp_loc(cyc[i]->at, cyc[first]->at, px) < 0) first = i;
    const Edge *e0 = cyc[first];
    const Edge *e1 = cyc[(first + 1) % nc];
    RlReport *r;
    if (nc == 2) {
      r = rl_project_report(px, rule, e0->at,
                            "'%s' is taken while '%s' is held, and %s takes '%s' while holding "
                            "'%s' (%s:%u): two threads on these paths can deadlock",
                            g->disp[e0->to], g->disp[e0->from],
                            *e1->at->func ? e1->at->func : "another path", g->disp[e1->to],
                            g->disp[e1->from], rl_project_path(px, e1->at->file),
                            e1->at->loc.line);
    } else {
      char chain[512];
      size_t len = 0;
      chain[0] = 0;
      for (uint32_t i = 0; i < nc && len < sizeof chain - 64; i++) {
        const Edge *e = cyc[(first + i) % nc];
        len += (size_t)snprintf(chain + len, sizeof chain - len, "'%s' -> ", g->disp[e->from]);
      }
      snprintf(chain + len, sizeof chain - len, "'%s'", g->disp[e0->from]);
      r = rl_project_report(px, rule, e0->at,
                            "lock-order cycle %s: threads taking these locks on these paths "
                            "at once can deadlock",
                            chain);
    }
    /* C code gets the C runtime, never the JS withLocks of the rule's hint */
    rl_project_hint(px, r,
                    "Acquire the locks in one global order on every path: the runtime's "
                    "rl_rt_lock_pair(&a, &b) or rl_rt_lock_n(locks, n) (runtime/c) take them "
                    "in a fixed order for you.");
    for (uint32_t i = 0; i < nc; i++) {
      const Edge *e = cyc[(first + i) % nc];
      if (e->via)
        rl_project_related(px, r, e->at, "'%s' taken (in '%s') while '%s' is held", g->disp[e->to],
                           e->via, g->disp[e->from]);
      else
        rl_project_related(px, r, e->at, "'%s' taken while '%s' is held", g->disp[e->to],
                           g->disp[e->from]);
    }
  }
  free(comp);
  free(prev);
  free(queue);
  free(done);
}

static void report_pairs(RlProject *px, const RlRule *rule) {
  uint32_t nfiles = rl_project_nfiles(px);
  for (uint32_t file = 0; file < nfiles; file++) {
    if (rl_project_lang(px, file) != RL_LANG_C) continue;
    uint32_t n;
    const RlFact *f = rl_project_facts(px, file, &n);
    for (uint32_t i = 0; i < n; i++) {
      if (f[i].kind != RL_FACT_C_PAIR) continue;
      char *g_disp = spell(px, &f[i].pair.cls);
      RlReport *r = rl_project_report(
          px, rule, &f[i],
          "'%s' is locked while '%s' is held, two locks of the same type ('%s') taken in "
          "argument order: a call with the arguments swapped running at the same time "
          "deadlocks",
          f[i].pair.second, f[i].pair.first, g_disp);
      free(g_disp);
      if (i + 1 < n && f[i + 1].kind == RL_FACT_C_NOTE)
        rl_project_related(px, r, &f[i + 1], "%s", f[i + 1].note.msg);
      rl_project_hint(px, r,
                      "Lock the two in a fixed order, for example by address: the runtime's "
                      "rl_rt_lock_pair(&a->mu, &b->mu) does it (runtime/c).");
    }
  }
}

static void project(RlProject *px, const RlRule *rule) {
  RlCGraph *cg = rl_cgraph_new(px);
  Graph g;
  memset(&g, 0, sizeof g);
  g.px = px;
  build(&g, cg);
  report_cycles(px, rule, &g);
  report_pairs(px, rule);
  for (uint32_t i = 0; i < g.nnames; i++) {
    free((void *)g.names[i]);
    free((void *)g.disp[i]);
  }
  free(g.cls);
  free(g.names);
  free(g.disp);
  free(g.e);
  rl_cgraph_delete(cg);
}

const RlCheck rl_check_c_lock_order = {
    .langs = RL_LANG_C,
    .project = project,
};
