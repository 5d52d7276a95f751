/* baseline.c - baseline files (see baseline.h). */
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
  json_t *root = json_load_file(path, 0, &je);
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

static RlBaseEntry *rl_baseline__find(RlBaseline *self, const RlDiag *d) {
  for (uint32_t i = 0; i < self->v.n; i++) {
    RlBaseEntry *e = &self->v.v[i];
    if (strcmp(e->base, d->base) == 0 && strcmp(e->rule, d->rule->id) == 0 &&
        strcmp(e->path, d->rel_path) == 0)
      return e;
  }
  return NULL;
}

uint32_t rl_baseline_apply(RlBaseline *self, RlDiag **v, uint32_t n) {
  uint32_t unchanged = 0;
  for (uint32_t i = 0; i < n; i++) {
    RlBaseEntry *e = rl_baseline__find(self, v[i]);
    if (e && e->matched < e->count) {
      e->matched++;
      v[i]->baseline = "unchanged";
      unchanged++;
    } else {
      v[i]->baseline = "new";
    }
  }
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
  json_t *items = json_array();
  /* one entry per (rule, path, key), counting occurrences; v is sorted */
  for (uint32_t i = 0; i < n; i++) {
    bool seen = false;
    for (uint32_t j = 0; j < i && !seen; j++)
      seen = strcmp(v[j]->base, v[i]->base) == 0 && v[j]->rule == v[i]->rule &&
             strcmp(v[j]->rel_path, v[i]->rel_path) == 0;
    if (seen) continue;
    uint32_t count = 0;
    for (uint32_t j = i; j < n; j++)
      if (strcmp(v[j]->base, v[i]->base) == 0 && v[j]->rule == v[i]->rule &&
          strcmp(v[j]->rel_path, v[i]->rel_path) == 0)
        count++;
    json_array_append_new(
        items, json_pack("{s:s,s:o,s:s,s:i,s:o}", "ruleId", v[i]->rule->id, "path",
                         rl_emit_jstr(v[i]->rel_path), "key", v[i]->base, "count",
                         (json_int_t)count, "message", rl_emit_jstr(v[i]->msg)));
  }
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
