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
  const char **names; /* lock classes; statics carry "@@file" */
  const char **disp;  /* the same without "@@file" */
  uint32_t nnames, capnames;
  Edge *e;
  uint32_t ne, cape;
} Graph;

static uint32_t node(Graph *g, const char *s, size_t n) {
  for (uint32_t i = 0; i < g->nnames; i++)
    if (strlen(g->names[i]) == n && memcmp(g->names[i], s, n) == 0) return i;
  if (g->nnames == g->capnames) {
    g->capnames = g->capnames ? g->capnames * 2 : 64;
    g->names = realloc(g->names, g->capnames * sizeof *g->names);
    g->disp = realloc(g->disp, g->capnames * sizeof *g->disp);
  }
  char *c = malloc(n + 1);
  memcpy(c, s, n);
  c[n] = 0;
  g->names[g->nnames] = c;
  char *d = strdup(c);
  char *at = strstr(d, "@@");
  if (at) *at = 0;
  g->disp[g->nnames] = d;
  return g->nnames++;
}

static bool usable(const char *c, size_t n) {
  return n && c[0] != '$' && !(n > 6 && memcmp(c, "local:", 6) == 0);
}

static void edge(Graph *g, const char *a, size_t an, const char *b, size_t bn, const RlFact *at,
                 const char *via, uint32_t from_line) {
  if (!usable(a, an) || !usable(b, bn)) return;
  if (an == bn && memcmp(a, b, an) == 0) return;
  uint32_t x = node(g, a, an), y = node(g, b, bn);
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
  const char *cls[MAX_ACQ];
  const RlFact *at[MAX_ACQ];
  uint32_t n;
} Acq;

static bool acq_add(Acq *a, const char *cls, const RlFact *at) {
  for (uint32_t i = 0; i < a->n; i++)
    if (strcmp(a->cls[i], cls) == 0) return false;
  if (a->n == MAX_ACQ) return false;
  a->cls[a->n] = cls;
  a->at[a->n++] = at;
  return true;
}

/* The lock-wrapper fact of function fn, or NULL. */
static const RlFact *wrapper(const RlCGraph *cg, int32_t fn, const char *kind) {
  uint32_t n;
  const RlFact *f = rl_cgraph_facts(cg, fn, &n);
  for (uint32_t i = 0; i < n; i++)
    if (f[i].kind == RL_FACT_C_WRAPPER && strcmp(f[i].a, kind) == 0) return &f[i];
  return NULL;
}

/* Class a call to wrapper w locks: its own, or the mutex argument's. */
static const char *wrapped_class(const RlFact *w, const RlFact *call) {
  if (!(w->flags & RL_CF_PARAMLOCK)) return w->b;
  return call->aux && call->aux == w->aux ? call->c : NULL;
}

static void build(Graph *g, const RlCGraph *cg) {
  uint32_t nf = rl_cgraph_nfuncs(cg);
  Acq *acq = calloc(nf + 1, sizeof *acq);
  for (uint32_t fn = 0; fn < nf; fn++) {
    uint32_t n;
    const RlFact *f = rl_cgraph_facts(cg, (int32_t)fn, &n);
    for (uint32_t i = 0; i < n; i++)
      if (f[i].kind == RL_FACT_C_LOCK && !(f[i].flags & (RL_CF_TRY | RL_CF_PARAMLOCK)) &&
          usable(f[i].a, strlen(f[i].a)))
        acq_add(&acq[fn], f[i].a, &f[i]);
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
        const RlFact *w = wrapper(cg, c, "lock");
        const char *wc = w ? wrapped_class(w, &f[i]) : NULL;
        if (wc && usable(wc, strlen(wc)) && acq_add(&acq[fn], wc, &f[i])) changed = true;
      }
    }
    if (!changed) break;
  }
  for (uint32_t fn = 0; fn < nf; fn++) {
    uint32_t n;
    const RlFact *f = rl_cgraph_facts(cg, (int32_t)fn, &n);
    /* locks held through wrappers of other files, in source order */
    const char *wheld[8];
    uint32_t wline[8], nw = 0;
    for (uint32_t i = 0; i < n; i++) {
      RlCHeld h;
      const char *p;
      if (f[i].kind == RL_FACT_C_LOCK && !(f[i].flags & RL_CF_TRY)) {
        bool read = (f[i].flags & RL_CF_READ) != 0;
        size_t an = strlen(f[i].a);
        for (p = f[i].b; rl_c_held_next(&p, &h);)
          if (!(read && h.read)) edge(g, h.cls, h.len, f[i].a, an, &f[i], NULL, h.line);
        for (uint32_t k = 0; k < nw; k++)
          if (!rl_c_held_has(f[i].b, wheld[k], strlen(wheld[k])))
            edge(g, wheld[k], strlen(wheld[k]), f[i].a, an, &f[i], NULL, wline[k]);
      } else if (f[i].kind == RL_FACT_C_UNLOCK) {
        for (uint32_t k = 0; k < nw; k++)
          if (strcmp(wheld[k], f[i].a) == 0) wheld[k] = wheld[--nw];
      } else if (f[i].kind == RL_FACT_CALL) {
        int32_t c = rl_cgraph_callee(cg, (int32_t)fn, i);
        if (c < 0) continue;
        for (uint32_t k = 0; k < acq[c].n; k++) {
          const char *b = acq[c].cls[k];
          for (p = f[i].b; rl_c_held_next(&p, &h);)
            edge(g, h.cls, h.len, b, strlen(b), &f[i], f[i].a, h.line);
          for (uint32_t j = 0; j < nw; j++)
            edge(g, wheld[j], strlen(wheld[j]), b, strlen(b), &f[i], f[i].a, wline[j]);
        }
        const RlFact *w = wrapper(cg, c, "lock");
        const char *wc = w ? wrapped_class(w, &f[i]) : NULL;
        if (wc) {
          for (p = f[i].b; rl_c_held_next(&p, &h);)
            edge(g, h.cls, h.len, wc, strlen(wc), &f[i], NULL, h.line);
          for (uint32_t j = 0; j < nw; j++)
            edge(g, wheld[j], strlen(wheld[j]), wc, strlen(wc), &f[i], NULL, wline[j]);
          uint32_t nfc;
          const RlFact *cf = rl_cgraph_facts(cg, c, &nfc);
          if (nfc && cf[0].file != f[i].file && nw < 8 && usable(wc, strlen(wc))) {
            wheld[nw] = wc;
            wline[nw++] = f[i].loc.line;
          }
        }
        const RlFact *u = wrapper(cg, c, "unlock");
        const char *uc = u ? wrapped_class(u, &f[i]) : NULL;
        for (uint32_t k = 0; uc && k < nw; k++)
          if (strcmp(wheld[k], uc) == 0) wheld[k] = wheld[--nw];
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
      RlReport *r = rl_project_report(
          px, rule, &f[i],
          "'%s' is locked while '%s' is held, two locks of the same type ('%s') taken in "
          "argument order: a call with the arguments swapped running at the same time "
          "deadlocks",
          f[i].c, f[i].b, f[i].a);
      if (i + 1 < n && f[i + 1].kind == RL_FACT_C_NOTE)
        rl_project_related(px, r, &f[i + 1], "%s", f[i + 1].a);
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
  build(&g, cg);
  report_cycles(px, rule, &g);
  report_pairs(px, rule);
  for (uint32_t i = 0; i < g.nnames; i++) {
    free((void *)g.names[i]);
    free((void *)g.disp[i]);
  }
  free(g.names);
  free(g.disp);
  free(g.e);
  rl_cgraph_delete(cg);
}

const RlCheck rl_check_c_lock_order = {
    .langs = RL_LANG_C,
    .project = project,
};
