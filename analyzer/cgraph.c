/* cgraph.c - the project's C call graph, composed from the per-function
 * summaries (csum.c) in phase 2: functions by name across files, callers,
 * the thread start routines that reach each function, and the locks every
 * caller holds when it calls a function (its entry lockset). Rules build
 * one with rl_cgraph_new() in project() and delete it when done. */
#include <stdlib.h>
#include <string.h>

#include "rule_api.h"
#include "util.h"

typedef struct CgFunc {
  const char *name;
  uint32_t file, first, end; /* facts [first, end) of its file */
  uint64_t threads;          /* bit t: reached from thread routine t */
  char *entry;               /* held set at every call site; NULL = not called yet */
  bool entry_top;
} CgFunc;

struct RlCGraph {
  const RlProject *px;
  CgFunc *f;
  uint32_t n;
  uint32_t *by_name; /* indexes sorted by name */
  const RlFact *spawn[64];
  int32_t routine[64]; /* the routine's function */
  bool multi[64];
  uint32_t nthreads;
};

static int cg__cmp(const void *a, const void *b, void *ctx) {
  const CgFunc *f = ctx;
  const CgFunc *x = &f[*(const uint32_t *)a], *y = &f[*(const uint32_t *)b];
  int c = strcmp(x->name, y->name);
  if (c) return c;
  return x->file < y->file ? -1 : x->file > y->file;
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

const char *rl_cgraph_entry_held(const RlCGraph *self, int32_t fn) {
  if (fn < 0 || (uint32_t)fn >= self->n || !self->f[fn].entry) return "";
  return self->f[fn].entry;
}

uint32_t rl_cgraph_nthreads(const RlCGraph *self) { return self->nthreads; }
const RlFact *rl_cgraph_spawn(const RlCGraph *self, uint32_t t) {
  return t < self->nthreads ? self->spawn[t] : NULL;
}
int32_t rl_cgraph_thread_of(const RlCGraph *self, const RlFact *spawn) {
  int32_t r = rl_cgraph_func(self, spawn->a, spawn->file);
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

/* Is class c (length n) in held set h? */
bool rl_c_held_has(const char *h, const char *c, size_t n) {
  RlCHeld e;
  while (rl_c_held_next(&h, &e))
    if (e.len == n && memcmp(e.cls, c, n) == 0) return true;
  return false;
}

/* a ∩ b, as a new string (malloc). */
static char *cg__inter(const char *a, const char *b) {
  RlBuf out = {0};
  RlCHeld e;
  const char *p = a;
  while (rl_c_held_next(&p, &e)) {
    if (!rl_c_held_has(b, e.cls, e.len)) continue;
    rl_buf_printf(&out, "%.*s\t%u\t%c\n", (int)e.len, e.cls, e.line, e.read ? 'R' : 'W');
  }
  char *r = rl_strdup(rl_buf_cstr(&out));
  rl_buf_free(&out);
  return r;
}

static char *cg__union(const char *a, const char *b) {
  RlBuf out = {0};
  rl_buf_puts(&out, a);
  RlCHeld e;
  const char *p = b;
  while (rl_c_held_next(&p, &e))
    if (!rl_c_held_has(a, e.cls, e.len))
      rl_buf_printf(&out, "%.*s\t%u\t%c\n", (int)e.len, e.cls, e.line, e.read ? 'R' : 'W');
  char *r = rl_strdup(rl_buf_cstr(&out));
  rl_buf_free(&out);
  return r;
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
        g->f[g->n++] = (CgFunc){f[i].a, file, i, UINT32_MAX, 0, NULL, false};
      }
    }
    if (g->n && g->f[g->n - 1].file == file && g->f[g->n - 1].end == UINT32_MAX)
      g->f[g->n - 1].end = n;
  }
  g->by_name = rl_malloc((g->n + 1) * sizeof *g->by_name);
  for (uint32_t i = 0; i < g->n; i++) g->by_name[i] = i;
  qsort_r(g->by_name, g->n, sizeof *g->by_name, cg__cmp, g->f);
  /* threads: one per routine function (a static `worker` in two files is
   * two routines); started twice or in a loop = several at once */
  for (uint32_t file = 0; file < nfiles; file++) {
    if (rl_project_lang(px, file) != RL_LANG_C) continue;
    uint32_t n;
    const RlFact *f = rl_project_facts(px, file, &n);
    for (uint32_t i = 0; i < n; i++) {
      if (f[i].kind != RL_FACT_SPAWN) continue;
      int32_t r = rl_cgraph_func(g, f[i].a, file);
      if (r < 0) continue;
      bool dup = false;
      for (uint32_t t = 0; t < g->nthreads; t++)
        if (g->routine[t] == r) {
          dup = true;
          g->multi[t] = true;
        }
      if (dup || g->nthreads == 64) continue;
      g->routine[g->nthreads] = r;
      g->multi[g->nthreads] = (f[i].flags & RL_CF_LOOP) != 0;
      g->spawn[g->nthreads++] = &f[i];
    }
  }
  /* threads: breadth-first from each routine */
  uint32_t *queue = rl_malloc((g->n + 1) * sizeof *queue);
  for (uint32_t t = 0; t < g->nthreads; t++) {
    int32_t r = g->routine[t];
    uint32_t qh = 0, qt = 0;
    g->f[r].threads |= UINT64_C(1) << t;
    queue[qt++] = (uint32_t)r;
    while (qh < qt) {
      uint32_t fn = queue[qh++];
      uint32_t n;
      const RlFact *ff = rl_cgraph_facts(g, (int32_t)fn, &n);
      for (uint32_t i = 0; i < n; i++) {
        if (ff[i].kind != RL_FACT_CALL) continue;
        int32_t c = rl_cgraph_func(g, ff[i].a, g->f[fn].file);
        if (c < 0 || (g->f[c].threads & (UINT64_C(1) << t))) continue;
        g->f[c].threads |= UINT64_C(1) << t;
        if (qt < g->n) queue[qt++] = (uint32_t)c;
      }
    }
  }
  free(queue);
  /* entry locksets: intersection over call sites of (held there + the
   * caller's entry set); thread routines and uncalled functions start
   * with nothing held. A few rounds are enough for real call chains. */
  for (uint32_t i = 0; i < g->n; i++) g->f[i].entry = NULL;
  for (uint32_t t = 0; t < g->nthreads; t++) {
    g->f[g->routine[t]].entry_top = true; /* pinned empty */
  }
  for (int round = 0; round < 4; round++) {
    bool changed = false;
    char **next = rl_calloc(g->n + 1, sizeof *next);
    bool *called = rl_calloc(g->n + 1, sizeof *called);
    for (uint32_t fn = 0; fn < g->n; fn++) {
      uint32_t n;
      const RlFact *ff = rl_cgraph_facts(g, (int32_t)fn, &n);
      const char *mine = g->f[fn].entry ? g->f[fn].entry : "";
      for (uint32_t i = 0; i < n; i++) {
        if (ff[i].kind != RL_FACT_CALL) continue;
        int32_t c = rl_cgraph_func(g, ff[i].a, g->f[fn].file);
        if (c < 0 || (uint32_t)c == fn) continue;
        char *site = cg__union(ff[i].b, mine);
        if (!called[c]) {
          called[c] = true;
          next[c] = site;
        } else {
          char *x = cg__inter(next[c], site);
          free(next[c]);
          free(site);
          next[c] = x;
        }
      }
    }
    for (uint32_t fn = 0; fn < g->n; fn++) {
      char *v = called[fn] && !g->f[fn].entry_top ? next[fn] : NULL;
      if (!v) free(next[fn]);
      if (v && !*v) {
        free(v);
        v = NULL;
      }
      const char *old = g->f[fn].entry ? g->f[fn].entry : "";
      if (strcmp(old, v ? v : "") != 0) changed = true;
      free(g->f[fn].entry);
      g->f[fn].entry = v;
    }
    free(next);
    free(called);
    if (!changed) break;
  }
  return g;
}

void rl_cgraph_delete(RlCGraph *self) {
  if (!self) return;
  for (uint32_t i = 0; i < self->n; i++) free(self->f[i].entry);
  free(self->f);
  free(self->by_name);
  free(self);
}
