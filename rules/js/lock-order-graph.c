/* js/lock-order-graph.c - phase 2 of the JavaScript/TypeScript
 * lock-order check: the lock graph across files. Every "B taken while A
 * held" fact (and every call made under A to a function that takes B, one
 * call deep) becomes an edge between project-wide lock names; each simple
 * cycle is reported once, at its earliest edge, unless one outer lock is
 * held around every edge of it. Phase 1 is rules/js/lock-order.c.
 * Doc: rules/lock-order.md */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../analyzer/rule_api.h"
#include "lock-order.h"

/* The canonical names of the other named locks held around an edge. */
typedef struct Gates {
  char **v;
  uint32_t n;
} Gates;

typedef struct Edge {
  uint32_t u, v;
  const RlFact *f;     /* where: the acquisition, or the call (via != NULL) */
  const char *to_disp; /* the lock taken, as written */
  const char *via;     /* the function called under the lock that takes it */
  Gates gates;  /* of the earliest occurrence that held other locks */
  bool ungated; /* some occurrence held no other lock */
} Edge;

typedef struct Graph {
  char **names;
  uint32_t nnames, cap;
  Edge *e;
  uint32_t ne, ecap;
} Graph;

static char *cat3(const char *a, const char *b, const char *c) {
  size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
  char *s = malloc(la + lb + lc + 1);
  if (!s) abort();
  memcpy(s, a, la);
  memcpy(s + la, b, lb);
  memcpy(s + la + lb, c, lc + 1);
  return s;
}

/* The RL_FACT_IMPORT of local binding a[0..alen), or the RL_FACT_EXPORT
 * of exported name a[0..alen), of `file`. */
static const RlFact *find_fact(const RlProject *px, uint32_t file, uint16_t kind,
                               const char *a, size_t alen) {
  uint32_t n;
  const RlFact *fs = rl_project_facts(px, file, &n);
  for (uint32_t i = 0; i < n; i++) {
    if (fs[i].kind != kind) continue;
    const char *name = kind == RL_FACT_IMPORT ? fs[i].import.local : fs[i].export.name;
    if (strlen(name) == alen && memcmp(name, a, alen) == 0) return &fs[i];
  }
  return NULL;
}

/* Canonical project-wide name of lock `id` of kind `kind` recorded in
 * `file`. */
static char *canonical(const RlProject *px, uint32_t file, char kind, const char *id) {
  const char *path = rl_project_path(px, file);
  /* module variables, class fields and keyed locks (AsyncLock keys) of
   * this file's lock objects are names local to the file */
  if (kind == 'm' || kind == 'c') return cat3(path, "#", id);
  if (kind == 'k') return cat3(path, "#k:", id);
  if (kind != 'i') {
    char pre[3] = {kind, ':', 0};
    return cat3(pre, id, "");
  }
  const char *s = id;
  size_t nl = strcspn(s, ".[(");
  const RlFact *imp = find_fact(px, file, RL_FACT_IMPORT, s, nl);
  if (!imp) return cat3(path, "#", s);
  const char *tail = s + nl;
  char exported[256];
  bool ns = imp->import.what == RL_IMPORT_NAMESPACE;
  if (ns && *tail == '.') {
    size_t k = strcspn(tail + 1, ".[(");
    if (k >= sizeof exported) k = sizeof exported - 1;
    memcpy(exported, tail + 1, k);
    exported[k] = 0;
    tail += 1 + k;
  } else {
    snprintf(exported, sizeof exported, "%s", ns ? "*" : imp->import.imported);
  }
  int32_t t = rl_project_resolve(px, file, imp->import.module);
  if (t < 0) {
    char *a = cat3("pkg:", imp->import.module, "#");
    char *b = cat3(a, exported, tail);
    free(a);
    return b;
  }
  /* follow export aliases and re-exports a few steps */
  for (int hop = 0; hop < 4; hop++) {
    const RlFact *ex = find_fact(px, (uint32_t)t, RL_FACT_EXPORT, exported, strlen(exported));
    if (!ex) break;
    snprintf(exported, sizeof exported, "%s", ex->export.local);
    if (!*ex->export.from) break;
    int32_t t2 = rl_project_resolve(px, (uint32_t)t, ex->export.from);
    if (t2 < 0) break;
    t = t2;
  }
  char *a = cat3(rl_project_path(px, (uint32_t)t), "#", exported);
  char *b = cat3(a, tail, "");
  free(a);
  return b;
}

static uint32_t intern(Graph *g, char *name) {
  for (uint32_t i = 0; i < g->nnames; i++)
    if (strcmp(g->names[i], name) == 0) {
      free(name);
      return i;
    }
  if (g->nnames == g->cap) {
    g->cap = g->cap ? g->cap * 2 : 16;
    g->names = realloc(g->names, g->cap * sizeof *g->names);
    if (!g->names) abort();
  }
  g->names[g->nnames] = name;
  return g->nnames++;
}

static int fact_cmp(const RlProject *px, const RlFact *a, const RlFact *b) {
  int c = strcmp(rl_project_path(px, a->file), rl_project_path(px, b->file));
  if (c) return c;
  if (a->loc.line != b->loc.line) return a->loc.line < b->loc.line ? -1 : 1;
  if (a->loc.col != b->loc.col) return a->loc.col < b->loc.col ? -1 : 1;
  return 0;
}

static const char *base_name(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

static bool gates_has(const Gates *gs, const char *name) {
  for (uint32_t i = 0; i < gs->n; i++)
    if (strcmp(gs->v[i], name) == 0) return true;
  return false;
}

static void gates_free(Gates *gs) {
  for (uint32_t i = 0; i < gs->n; i++) free(gs->v[i]);
  free(gs->v);
  gs->v = NULL;
  gs->n = 0;
}

/* Is some gate (a lock held around the edge) common to every edge? */
static bool gated(const Graph *g, const uint32_t *cyc, uint32_t k) {
  for (uint32_t i = 0; i < k; i++)
    if (g->e[cyc[i]].ungated) return false;
  const Gates *first = &g->e[cyc[0]].gates;
  for (uint32_t j = 0; j < first->n; j++) {
    bool all = *first->v[j] != 0;
    for (uint32_t i = 1; i < k && all; i++) all = gates_has(&g->e[cyc[i]].gates, first->v[j]);
    if (all) return true;
  }
  return false;
}

/* " via g()" for an edge through a call, "" otherwise. */
static const char *via_text(const Edge *e, char *buf, size_t cap) {
  if (!e->via) return "";
  snprintf(buf, cap, " via %s()", e->via);
  return buf;
}

static void report_cycle(RlProject *px, const RlRule *rule, const Graph *g,
                         const uint32_t *cyc, uint32_t k) {
  uint32_t first = 0;
  char v1[300], v2[300];
  for (uint32_t i = 1; i < k; i++)
    if (fact_cmp(px, g->e[cyc[i]].f, g->e[cyc[first]].f) < 0) first = i;
  const RlFact *at = g->e[cyc[first]].f;
  char msg[2048];
  size_t n = 0;
  msg[0] = 0;
  const Edge *eat = &g->e[cyc[first]];
  if (k == 2) {
    const Edge *eo = &g->e[cyc[1 - first]];
    const RlFact *o = eo->f;
    snprintf(msg, sizeof msg,
             "'%s' and '%s' are taken in opposite orders: %s takes '%s' then '%s'%s (%s:%u) "
             "and %s",
             at->a, eat->to_disp, at->c, at->a, eat->to_disp,
             via_text(eat, v1, sizeof v1), base_name(rl_project_path(px, at->file)),
             at->loc.line, o->c);
    n = strlen(msg);
    snprintf(msg + n, sizeof msg - n,
             " takes '%s' then '%s'%s (%s:%u), so two calls running at once can each hold one "
             "and wait forever for the other",
             o->a, eo->to_disp, via_text(eo, v2, sizeof v2),
             base_name(rl_project_path(px, o->file)), o->loc.line);
  } else {
    n = (size_t)snprintf(msg, sizeof msg, "locks are taken in a cycle (");
    for (uint32_t j = 0; j < k && n < sizeof msg; j++) {
      const Edge *e = &g->e[cyc[(first + j) % k]];
      const RlFact *f = e->f;
      n += (size_t)snprintf(msg + n, sizeof msg - n, "%s'%s' then '%s'%s in %s (%s:%u)",
                            j ? ", " : "", f->a, e->to_disp, via_text(e, v1, sizeof v1),
                            f->c,
                            base_name(rl_project_path(px, f->file)), f->loc.line);
    }
    if (n < sizeof msg)
      snprintf(msg + n, sizeof msg - n,
               "), so calls running at once can each hold one and wait forever for the next");
  }
  RlReport *r = rl_project_report(px, rule, at, "%s", msg);
  for (uint32_t j = 0; j < k; j++) {
    const Edge *e = &g->e[cyc[(first + j) % k]];
    const RlFact *f = e->f;
    if (e->via)
      rl_project_related(px, r, f, "'%s' taken in %s(), called while holding '%s' (line %u) in %s",
                         e->to_disp, e->via, f->a, f->aux, f->c);
    else
      rl_project_related(px, r, f, "'%s' taken while holding '%s' (line %u) in %s",
                         e->to_disp, f->a, f->aux, f->c);
  }
}

static int edge_cmp(const void *a, const void *b) {
  const Edge *x = a, *y = b;
  if (x->u != y->u) return x->u < y->u ? -1 : 1;
  if (x->v != y->v) return x->v < y->v ? -1 : 1;
  return 0;
}

/* Adds "f->a (canonical in f's file) -> to", keeping one edge per pair:
 * the earliest occurrence. Takes ownership of `to`. */
static void add_edge(const RlProject *px, Graph *g, const RlFact *f, char *to,
                     const char *to_disp, const char *via) {
  uint32_t u = intern(g, canonical(px, f->file, LOCK_KIND(f, 0), f->a));
  uint32_t v = intern(g, to);
  if (u == v) return;
  /* gates: the other locks held (the gate facts at f), canonical */
  Gates gates = {NULL, 0};
  uint16_t gate_kind = f->kind == FACT_LOCK_EDGE ? FACT_LOCK_EDGE_GATE : FACT_LOCK_CALL_GATE;
  uint32_t nf;
  const RlFact *fs = rl_project_facts(px, f->file, &nf);
  for (uint32_t i = 0; i < nf; i++) {
    const RlFact *gf = &fs[i];
    if (gf->kind != gate_kind || gf->rule != f->rule || gf->loc.line != f->loc.line ||
        gf->loc.col != f->loc.col || strcmp(gf->b, f->a) != 0 || strcmp(gf->c, f->b) != 0 ||
        LOCK_KIND(gf, 1) != LOCK_KIND(f, 0) || LOCK_KIND(gf, 2) != LOCK_KIND(f, 1))
      continue;
    gates.v = realloc(gates.v, (gates.n + 1) * sizeof *gates.v);
    if (!gates.v) abort();
    gates.v[gates.n++] = canonical(px, f->file, LOCK_KIND(gf, 0), gf->a);
  }
  uint32_t k = 0;
  while (k < g->ne && !(g->e[k].u == u && g->e[k].v == v)) k++;
  if (k < g->ne) {
    if (!gates.n) g->e[k].ungated = true;
    if (fact_cmp(px, f, g->e[k].f) < 0) {
      g->e[k].f = f;
      g->e[k].to_disp = to_disp;
      g->e[k].via = via;
      if (gates.n) {
        gates_free(&g->e[k].gates);
        g->e[k].gates = gates;
        gates = (Gates){NULL, 0};
      }
    }
    gates_free(&gates);
    return;
  }
  if (g->ne == g->ecap) {
    g->ecap = g->ecap ? g->ecap * 2 : 16;
    g->e = realloc(g->e, g->ecap * sizeof *g->e);
    if (!g->e) abort();
  }
  g->e[g->ne++] = (Edge){u, v, f, to_disp, via, gates, gates.n == 0};
}

#define MAX_DEPTH 6
#define MAX_CYCLES 64

void rl_js_lock_order_project(RlProject *px, const RlRule *self) {
  Graph g;
  memset(&g, 0, sizeof g);
  uint32_t nfiles = rl_project_nfiles(px);
  for (uint32_t file = 0; file < nfiles; file++) {
    if (!(rl_project_lang(px, file) & RL_LANG_JSTS)) continue;
    uint32_t n;
    const RlFact *facts = rl_project_facts(px, file, &n);
    for (uint32_t i = 0; i < n; i++) {
      const RlFact *f = &facts[i];
      if (!rl_fact_of(px, f, self)) continue;
      if (f->kind == FACT_LOCK_EDGE) {
        add_edge(px, &g, f, canonical(px, file, LOCK_KIND(f, 1), f->b), f->b, NULL);
        continue;
      }
      if (f->kind != FACT_LOCK_CALL && f->kind != FACT_LOCK_CALL_IMPORT) continue;
      /* the callee's own named locks, one call deep */
      uint32_t cfile = file;
      const char *cname = f->b;
      if (f->kind == FACT_LOCK_CALL_IMPORT) {
        const RlFact *fn = rl_project_js_binding(px, file, f->b);
        if (!fn) continue;
        cfile = fn->file;
        cname = fn->fn.name;
      }
      uint32_t cn;
      const RlFact *cf = rl_project_facts(px, cfile, &cn);
      for (uint32_t j = 0; j < cn; j++)
        if (cf[j].kind == FACT_LOCK_ACQ && rl_fact_of(px, &cf[j], self) &&
            strcmp(cf[j].b, cname) == 0)
          add_edge(px, &g, f, canonical(px, cfile, LOCK_KIND(&cf[j], 0), cf[j].a), cf[j].a,
                   cname);
    }
  }
  if (g.ne > 1) {
    /* deterministic node numbering: by canonical name */
    uint32_t *rank = malloc(g.nnames * sizeof *rank);
    if (!rank) abort();
    for (uint32_t i = 0; i < g.nnames; i++) {
      rank[i] = 0;
      for (uint32_t j = 0; j < g.nnames; j++)
        if (strcmp(g.names[j], g.names[i]) < 0) rank[i]++;
    }
    for (uint32_t i = 0; i < g.ne; i++) g.e[i].u = rank[g.e[i].u], g.e[i].v = rank[g.e[i].v];
    free(rank);
    qsort(g.e, g.ne, sizeof *g.e, edge_cmp);
    /* simple cycles, each found once from its smallest node */
    uint32_t cycles = 0;
    for (uint32_t s = 0; s < g.nnames && cycles < MAX_CYCLES; s++) {
      uint32_t path[MAX_DEPTH], next[MAX_DEPTH], depth = 0;
      uint32_t node = s;
      next[0] = 0;
      for (;;) {
        uint32_t ei = next[depth];
        while (ei < g.ne && g.e[ei].u != node) ei++;
        if (ei >= g.ne || g.e[ei].u != node) {
          if (depth == 0) break;
          depth--; /* backtrack */
          node = g.e[path[depth]].u;
          next[depth] = path[depth] + 1;
          continue;
        }
        next[depth] = ei + 1;
        uint32_t v = g.e[ei].v;
        if (v == s) {
          path[depth] = ei;
          if (!gated(&g, path, depth + 1) && cycles < MAX_CYCLES) {
            report_cycle(px, self, &g, path, depth + 1);
            cycles++;
          }
          continue;
        }
        if (v < s || depth + 1 >= MAX_DEPTH) continue;
        bool on_path = false;
        for (uint32_t d = 0; d < depth; d++)
          if (g.e[path[d]].u == v) on_path = true;
        if (on_path) continue;
        path[depth] = ei;
        depth++;
        node = v;
        next[depth] = 0;
      }
    }
  }
  for (uint32_t i = 0; i < g.nnames; i++) free(g.names[i]);
  for (uint32_t i = 0; i < g.ne; i++) gates_free(&g.e[i].gates);
  free(g.names);
  free(g.e);
}
