/* emit_json.c - the JSON report (schema: docs/json-schema.md). Every string
 * is valid UTF-8 whatever bytes the input held (invalid sequences become
 * U+FFFD). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "emit_util.h"
#include "rule_api.h"
#include "util.h"

#define RL_JSON_VERSION 1

static json_t *rl_json__range(const RlLoc *l) {
  return json_pack("{s:{s:i,s:i},s:{s:i,s:i}}", "start", "line", (json_int_t)l->line,
                   "column", (json_int_t)l->col_cp, "end", "line", (json_int_t)l->end_line,
                   "column", (json_int_t)l->end_col_cp);
}

/* The finding's mechanical fixes: title, applicability, and the edits as
 * line/column ranges (code points, as `range`) and byte offsets of the
 * file as analysed, with the text that replaces them. */
static json_t *rl_json__fixes(const RlDiag *d) {
  json_t *fixes = json_array();
  for (uint32_t i = 0; i < d->nfixes; i++) {
    const RlFix *fx = &d->fixes[i];
    json_t *edits = json_array();
    for (uint32_t k = 0; k < fx->nedits; k++) {
      const RlEdit *e = &fx->edits[k];
      json_t *eo = json_object();
      if (e->loc.line) json_object_set_new(eo, "range", rl_json__range(&e->loc));
      json_object_set_new(eo, "startOffset", json_integer(e->start));
      json_object_set_new(eo, "endOffset", json_integer(e->end));
      json_object_set_new(eo, "text", rl_emit_jstr(e->text));
      json_array_append_new(edits, eo);
    }
    const char *app = fx->safety == RL_FIX_SAFE     ? "safe"
                      : fx->safety == RL_FIX_UNSAFE ? "unsafe"
                                                    : "suggestion";
    json_array_append_new(fixes, json_pack("{s:o,s:s,s:o}", "title", rl_emit_jstr(fx->title),
                                           "applicability", app, "edits", edits));
  }
  return fixes;
}

static json_t *rl_json__diag(const RlDiag *d) {
  json_t *o = json_object();
  json_object_set_new(o, "ruleId", json_string(d->rule->id));
  json_object_set_new(o, "severity", json_string(rl_severity_name(d->severity)));
  json_object_set_new(o, "message", rl_emit_jstr(d->msg));
  json_object_set_new(o, "path", rl_emit_jstr(d->rel_path));
  json_object_set_new(o, "range", rl_json__range(&d->loc));
  json_t *rel = json_array();
  for (uint32_t i = 0; i < d->nrelated; i++) {
    const RlRelated *r = &d->related[i];
    json_t *ro = json_object();
    json_object_set_new(ro, "path", rl_emit_jstr(r->rel_path));
    json_object_set_new(ro, "range", rl_json__range(&r->loc));
    json_object_set_new(ro, "message", rl_emit_jstr(r->msg));
    json_array_append_new(rel, ro);
  }
  json_object_set_new(o, "related", rel);
  json_object_set_new(o, "fix", rl_emit_jstr(d->hint ? d->hint : ""));
  if (d->nfixes) json_object_set_new(o, "fixes", rl_json__fixes(d));
  char *url = rl_doc_url(d->rule->id);
  json_object_set_new(o, "helpUri", json_string(url));
  free(url);
  json_object_set_new(o, "function", rl_emit_jstr(d->func ? d->func : ""));
  json_object_set_new(o, "fingerprint", json_string(d->fingerprint));
  if (d->suppressed) json_object_set_new(o, "justification", rl_emit_jstr(d->suppressed));
  if (d->baseline) json_object_set_new(o, "baselineState", json_string(d->baseline));
  return o;
}

void rl_emit_json(const RlRun *run, FILE *out) {
  json_t *root = json_object();
  json_object_set_new(root, "version", json_integer(RL_JSON_VERSION));
  json_object_set_new(root, "tool",
                      json_pack("{s:s,s:s}", "name", "racelint", "version", run->tool_version));
  json_object_set_new(root, "root", rl_emit_jstr(run->root));
  json_t *f = json_array();
  uint32_t count[4] = {0};
  for (uint32_t i = 0; i < run->ndiags; i++) {
    json_array_append_new(f, rl_json__diag(run->diags[i]));
    count[run->diags[i]->severity]++;
  }
  json_object_set_new(root, "findings", f);
  json_t *s = json_array();
  for (uint32_t i = 0; i < run->nsuppressed; i++)
    json_array_append_new(s, rl_json__diag(run->suppressed[i]));
  json_object_set_new(root, "suppressed", s);
  json_t *n = json_array();
  for (uint32_t i = 0; i < run->nnotices; i++) {
    const RlNotice *x = &run->notices[i];
    json_t *o = json_object();
    json_object_set_new(o, "level", json_string(x->is_error ? "error" : "warning"));
    json_object_set_new(o, "path", x->path ? rl_emit_jstr(x->path) : json_null());
    json_object_set_new(o, "message", rl_emit_jstr(x->msg));
    json_array_append_new(n, o);
  }
  json_object_set_new(root, "notices", n);
  json_object_set_new(
      root, "summary",
      json_pack("{s:i,s:i,s:i,s:i,s:i,s:i,s:i}", "files", (json_int_t)run->files_scanned,
                "baselined", (json_int_t)run->nbaselined,
                "findings", (json_int_t)run->ndiags, "errors", (json_int_t)count[RL_SEV_ERROR],
                "warnings", (json_int_t)count[RL_SEV_WARNING], "notes",
                (json_int_t)count[RL_SEV_NOTE], "suppressed", (json_int_t)run->nsuppressed));
  json_dumpf(root, out, JSON_INDENT(2));
  fputc('\n', out);
  json_decref(root);
}
