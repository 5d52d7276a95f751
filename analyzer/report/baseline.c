/* baseline.c - baseline files (see baseline.h). Matching and writing go
 * through a hash index on (rule, path, key): linear in findings + entries. */
#include "baseline.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "emit_util.h"
#include "outfile.h"
#include "rule_api.h"
#include "util.h"

#define RL_BASELINE_VERSION 1

typedef struct RlBaseEntry {
  char *rule, *path, *base, *message;
  uint32_t count, matched;
} RlBaseEntry;

struct RlBaseline {
  RL_VEC(RlBaseEntry) v;
  char *tool;
};

RlBaseline *rl_baseline_load(const char *path, char **err) {
  json_error_t je;
  char *text;
  size_t len;
  int errn = 0;
  /* read whole, then parsed from memory (jansson's file reader takes a
   * stdio call per byte) */
  RlReadStatus st = rl_read_file(path, (size_t)1 << 30, &text, &len, &errn);
  if (st != RL_READ_OK) {
    *err = rl_asprintf("%s: cannot read the baseline: %s", path,
                       rl_read_status_text(st, errn, "larger than 1 GiB"));
    return NULL;
  }
  json_t *root = json_loadb(text, len, 0, &je);
  free(text);
  if (!root) {
    *err = rl_asprintf("%s:%d:%d: invalid baseline JSON: %s", path, je.line, je.column, je.text);
    return NULL;
  }
  json_t *items = json_object_get(root, "findings");
  if (!json_is_object(root) || json_integer_value(json_object_get(root, "version")) != 1 ||
      !json_is_array(items)) {
    *err = rl_asprintf("%s: not a racelint baseline (version 1 with a findings array)", path);
    json_decref(root);
    return NULL;
  }
  RlBaseline *b = rl_calloc(1, sizeof *b);
  size_t i;
  json_t *e;
  json_array_foreach(items, i, e) {
    const char *rule = json_string_value(json_object_get(e, "ruleId"));
    const char *p = json_string_value(json_object_get(e, "path"));
    const char *base = json_string_value(json_object_get(e, "key"));
    const char *msg = json_string_value(json_object_get(e, "message"));
    json_int_t count = json_integer_value(json_object_get(e, "count"));
    if (!rule || !p || !base || count <= 0) continue;
    RlBaseEntry be = {rl_strdup(rule), rl_strdup(p), rl_strdup(base), rl_strdup(msg ? msg : ""),
                      (uint32_t)count, 0};
    RL_VEC_PUSH(b->v, be);
  }
  json_decref(root);
  return b;
}

void rl_baseline_delete(RlBaseline *self) {
  if (!self) return;
  for (uint32_t i = 0; i < self->v.n; i++) {
    free(self->v.v[i].rule);
    free(self->v.v[i].path);
    free(self->v.v[i].base);
    free(self->v.v[i].message);
  }
  RL_VEC_FREE(self->v);
  free(self);
}

/* Section - the index: (rule, path, key) -> entry, open addressing. Paths
 * are compared in their UTF-8-repaired form, the form written to the file
 * (JSON has no raw bytes); the key hashes the raw path, so two names that
 * differ only in invalid bytes still have different keys. */

typedef struct RlBaseIndex {
  uint32_t *slot; /* entry index + 1; 0 = empty */
  uint32_t mask;
} RlBaseIndex;

static uint64_t rl_baseline__hash(const char *rule, const char *path, const char *base) {
  uint64_t h = rl_hash_str(RL_FNV_INIT, rule);
  h = rl_hash_bytes(h, "", 1);
  h = rl_hash_str(h, path);
  h = rl_hash_bytes(h, "", 1);
  return rl_hash_str(h, base);
}

static void rl_baseline__index_init(RlBaseIndex *ix, uint32_t n) {
  uint32_t cap = 16;
  while (cap < 2u * n + 1) cap *= 2;
  ix->slot = rl_calloc(cap, sizeof *ix->slot);
  ix->mask = cap - 1;
}

/* The slot of (rule, path, base) among v's entries: its index + 1, or the
 * empty slot where it would go (*found false). */
static uint32_t *rl_baseline__probe(const RlBaseIndex *ix, const RlBaseEntry *v, const char *rule,
                                    const char *path, const char *base, bool *found) {
  uint32_t i = (uint32_t)rl_baseline__hash(rule, path, base) & ix->mask;
  for (;; i = (i + 1) & ix->mask) {
    uint32_t k = ix->slot[i];
    if (!k) {
      *found = false;
      return &ix->slot[i];
    }
    const RlBaseEntry *e = &v[k - 1];
    if (strcmp(e->base, base) == 0 && strcmp(e->rule, rule) == 0 && strcmp(e->path, path) == 0) {
      *found = true;
      return &ix->slot[i];
    }
  }
}

/* d's path as the baseline file holds it: repaired to valid UTF-8. Returns
 * d->rel_path, or b's text. */
static const char *rl_baseline__path(const RlDiag *d, RlBuf *b) {
  size_t n = strlen(d->rel_path);
  if (rl_utf8_valid(d->rel_path, n)) return d->rel_path;
  b->len = 0;
  rl_utf8_repair(b, d->rel_path, n);
  return rl_buf_cstr(b);
}

uint32_t rl_baseline_apply(RlBaseline *self, RlDiag **v, uint32_t n) {
  RlBaseIndex ix;
  rl_baseline__index_init(&ix, self->v.n);
  bool found;
  for (uint32_t i = 0; i < self->v.n; i++) { /* a repeated entry adds to the first's count */
    RlBaseEntry *e = &self->v.v[i];
    uint32_t *slot = rl_baseline__probe(&ix, self->v.v, e->rule, e->path, e->base, &found);
    if (!found) {
      *slot = i + 1;
    } else {
      RlBaseEntry *f = &self->v.v[*slot - 1];
      f->count = f->count + e->count < f->count ? UINT32_MAX : f->count + e->count;
      e->count = 0;
    }
  }
  RlBuf pb = {0};
  uint32_t unchanged = 0;
  for (uint32_t i = 0; i < n; i++) {
    const char *path = rl_baseline__path(v[i], &pb);
    uint32_t *slot = rl_baseline__probe(&ix, self->v.v, v[i]->rule->id, path, v[i]->base, &found);
    RlBaseEntry *e = found ? &self->v.v[*slot - 1] : NULL;
    if (e && e->matched < e->count) {
      e->matched++;
      v[i]->baseline = "unchanged";
      unchanged++;
    } else {
      v[i]->baseline = "new";
    }
  }
  rl_buf_free(&pb);
  free(ix.slot);
  return unchanged;
}

uint32_t rl_baseline_absent(const RlBaseline *self, FILE *out) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < self->v.n; i++) {
    const RlBaseEntry *e = &self->v.v[i];
    if (e->matched >= e->count) continue;
    n += e->count - e->matched;
    if (out) { /* the baseline is the repository's: its strings are escaped */
      fprintf(out, "racelint: baseline: %u x [", e->count - e->matched);
      rl_emit_term_escape(out, e->rule, strlen(e->rule), false);
      fputs("] ", out);
      rl_emit_term_escape(out, e->path, strlen(e->path), false);
      fputs(" no longer found: ", out);
      rl_emit_term_escape(out, e->message, strlen(e->message), false);
      fputc('\n', out);
    }
  }
  return n;
}

static int rl_baseline__dump(json_t *items, const char *path, const char *tool) {
  json_t *root = json_pack("{s:i,s:s,s:o}", "version", RL_BASELINE_VERSION, "tool",
                           tool ? tool : "racelint", "findings", items);
  int rc;
  RlOutFile *o = rl_outfile_open(path, 0666, &rc);
  if (o) {
    if (json_dumpf(root, rl_outfile_stream(o), JSON_INDENT(2)) != 0) {
      rc = errno ? errno : EIO;
      rl_outfile_abort(o);
    } else {
      rc = rl_outfile_commit(o);
    }
  }
  json_decref(root);
  return rc;
}

int rl_baseline_write(const char *path, const char *tool_version, RlDiag **v, uint32_t n) {
  /* one entry per (rule, path, key), counting occurrences, in the order of
   * first occurrence (v is sorted); grouped through the index: linear */
  RL_VEC(RlBaseEntry) groups = {0};
  RL_VEC(const RlDiag *) first = {0};
  RlBaseIndex ix;
  rl_baseline__index_init(&ix, n);
  RlBuf pb = {0};
  bool found;
  for (uint32_t i = 0; i < n; i++) {
    const char *p = rl_baseline__path(v[i], &pb);
    uint32_t *slot = rl_baseline__probe(&ix, groups.v, v[i]->rule->id, p, v[i]->base, &found);
    if (found) {
      groups.v[*slot - 1].count++;
      continue;
    }
    RlBaseEntry g = {(char *)v[i]->rule->id, rl_strdup(p), v[i]->base, NULL, 1, 0};
    RL_VEC_PUSH(groups, g);
    RL_VEC_PUSH(first, v[i]);
    *slot = groups.n;
  }
  json_t *items = json_array();
  for (uint32_t i = 0; i < groups.n; i++) {
    const RlBaseEntry *g = &groups.v[i];
    json_array_append_new(
        items, json_pack("{s:s,s:o,s:s,s:i,s:o}", "ruleId", g->rule, "path", rl_emit_jstr(g->path),
                         "key", g->base, "count", (json_int_t)g->count, "message",
                         rl_emit_jstr(first.v[i]->msg)));
    free(g->path);
  }
  rl_buf_free(&pb);
  free(ix.slot);
  RL_VEC_FREE(groups);
  RL_VEC_FREE(first);
  char *tool = rl_asprintf("racelint %s", tool_version);
  int rc = rl_baseline__dump(items, path, tool);
  free(tool);
  return rc;
}

int rl_baseline_prune(const RlBaseline *self, const char *path) {
  json_t *items = json_array();
  for (uint32_t i = 0; i < self->v.n; i++) {
    const RlBaseEntry *e = &self->v.v[i];
    if (!e->matched) continue;
    json_array_append_new(items, json_pack("{s:s,s:o,s:s,s:i,s:o}", "ruleId", e->rule, "path",
                                           rl_emit_jstr(e->path), "key", e->base, "count",
                                           (json_int_t)e->matched, "message",
                                           rl_emit_jstr(e->message)));
  }
  return rl_baseline__dump(items, path, NULL);
}
