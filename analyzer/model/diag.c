/* diag.c - severities, sorting and fingerprints of findings. */
#include "diag.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "rule_api.h"
#include "util.h"

#ifndef RL_DOCS_BASE
#define RL_DOCS_BASE "https://github.com/racelint/racelint/blob/main/rules/"
#endif

const char *rl_severity_name(RlSeverity s) {
  switch (s) {
  case RL_SEV_NOTE: return "note";
  case RL_SEV_WARNING: return "warning";
  case RL_SEV_ERROR: return "error";
  default: return "none";
  }
}

bool rl_severity_parse(const char *s, RlSeverity *out) {
  static const char *const names[] = {"none", "note", "warning", "error"};
  for (int i = 0; i < 4; i++)
    if (strcmp(s, names[i]) == 0) {
      *out = (RlSeverity)i;
      return true;
    }
  return false;
}

static int rl_diag__cmp(const void *pa, const void *pb) {
  const RlDiag *a = *(const RlDiag *const *)pa, *b = *(const RlDiag *const *)pb;
  int c = strcmp(a->rel_path, b->rel_path);
  if (c) return c;
  if (a->loc.line != b->loc.line) return a->loc.line < b->loc.line ? -1 : 1;
  if (a->loc.col != b->loc.col) return a->loc.col < b->loc.col ? -1 : 1;
  c = strcmp(a->rule->id, b->rule->id);
  if (c) return c;
  return strcmp(a->msg, b->msg);
}

void rl_diag_sort(RlDiag **v, uint32_t n) {
  if (n > 1) qsort(v, n, sizeof *v, rl_diag__cmp);
}

static uint64_t rl_diag__base(const RlDiag *d) {
  uint64_t h = rl_hash_str(RL_FNV_INIT, d->rule->id);
  h = rl_hash_str(h, d->rel_path);
  for (const char *p = d->line_text; *p; p++)
    if (!isspace((unsigned char)*p)) h = rl_hash_bytes(h, p, 1);
  h = rl_hash_bytes(h, "", 1);
  return rl_hash_str(h, d->func ? d->func : "");
}

typedef struct RlDiagKey {
  uint64_t base;
  uint32_t index;
} RlDiagKey;

static int rl_diag__cmp_key(const void *pa, const void *pb) {
  const RlDiagKey *a = pa, *b = pb;
  if (a->base != b->base) return a->base < b->base ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

void rl_diag_fingerprints(RlDiag **v, uint32_t n) {
  RlDiagKey *k = rl_malloc((n + 1) * sizeof *k);
  for (uint32_t i = 0; i < n; i++) k[i] = (RlDiagKey){rl_diag__base(v[i]), i};
  qsort(k, n, sizeof *k, rl_diag__cmp_key);
  uint32_t occurrence = 0; /* earlier findings (in sorted order) with the same base */
  for (uint32_t i = 0; i < n; i++) {
    occurrence = (i > 0 && k[i - 1].base == k[i].base) ? occurrence + 1 : 0;
    uint64_t h = rl_hash_bytes(k[i].base, &occurrence, sizeof occurrence);
    snprintf(v[k[i].index]->fingerprint, sizeof v[k[i].index]->fingerprint, "%016llx",
             (unsigned long long)h);
    snprintf(v[k[i].index]->base, sizeof v[k[i].index]->base, "%016llx",
             (unsigned long long)k[i].base);
  }
  free(k);
}

char *rl_doc_url(const char *rule_id) { return rl_asprintf(RL_DOCS_BASE "%s.md", rule_id); }

/* Section - fixes (see diag.h) */

void rl_fix_add(RlArena *a, RlDiag *d, const char *title, RlFixSafety safety, uint32_t start,
                uint32_t end, const char *text, const RlLoc *loc) {
  rl_fix_list_add(a, &d->fixes, &d->nfixes, title, safety, start, end, text, loc);
}

void rl_fix_list_add(RlArena *a, RlFix **fixes, uint32_t *n, const char *title,
                     RlFixSafety safety, uint32_t start, uint32_t end, const char *text,
                     const RlLoc *loc) {
  RlFix *fix = NULL;
  for (uint32_t i = 0; i < *n; i++)
    if (strcmp((*fixes)[i].title, title) == 0) fix = &(*fixes)[i];
  if (!fix) {
    RlFix *v = rl_arena_alloc(a, (*n + 1) * sizeof *v);
    if (*n) memcpy(v, *fixes, *n * sizeof *v);
    *fixes = v;
    fix = &v[(*n)++];
    fix->title = rl_arena_strdup(a, title);
    fix->safety = safety;
  }
  RlEdit *e = rl_arena_alloc(a, (fix->nedits + 1) * sizeof *e);
  if (fix->nedits) memcpy(e, fix->edits, fix->nedits * sizeof *e);
  e[fix->nedits] = (RlEdit){start, end < start ? start : end, rl_arena_strdup(a, text), {0}};
  if (loc) e[fix->nedits].loc = *loc;
  fix->edits = e;
  fix->nedits++;
}
