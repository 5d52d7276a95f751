/* emit_sarif.c - SARIF 2.1.0 for GitHub code scanning and other viewers.
 * Rules carry their help (the markdown doc), default level, tags and
 * precision; results carry ruleIndex, level, locations relative to
 * %SRCROOT% (the run root), relatedLocations, partialFingerprints, and
 * the mechanical fixes (fixes[].artifactChanges[].replacements).
 * Columns are Unicode code points (run.columnKind). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "emit_util.h"
#include "rule_api.h"
#include "util.h"

#ifndef RL_REPO_URL
#define RL_REPO_URL "https://github.com/racelint/racelint"
#endif

static const char *rl_sarif__level(RlSeverity s) {
  return s == RL_SEV_ERROR ? "error" : s == RL_SEV_WARNING ? "warning" : "note";
}

/* "check-then-act" -> "CheckThenAct" (SARIF rule names are identifiers). */
static char *rl_sarif__pascal(const char *id) {
  char *s = rl_strdup(id);
  size_t k = 0;
  bool up = true;
  for (const char *p = id; *p; p++) {
    if (*p == '-') {
      up = true;
      continue;
    }
    s[k++] = up && *p >= 'a' && *p <= 'z' ? (char)(*p - 32) : *p;
    up = false;
  }
  s[k] = 0;
  return s;
}

/* Appends s with '[' and ']' escaped (SARIF embedded-link syntax). */
static void rl_sarif__escape(RlBuf *b, const char *s) {
  for (; *s; s++) {
    if (*s == '[' || *s == ']' || *s == '\\') rl_buf_putc(b, '\\');
    rl_buf_putc(b, *s);
  }
}

static json_t *rl_sarif__artifact(const char *rel_path) {
  char *uri;
  json_t *o;
  if (rel_path[0] == '/') {
    char *enc = rl_emit_uri_path(rel_path);
    uri = rl_asprintf("file://%s", enc);
    free(enc);
    o = json_pack("{s:s}", "uri", uri);
  } else {
    uri = rl_emit_uri_path(rel_path);
    o = json_pack("{s:s,s:s}", "uri", uri, "uriBaseId", "%SRCROOT%");
  }
  free(uri);
  return o;
}

static json_t *rl_sarif__location(const char *rel_path, const RlLoc *l, const char *snippet) {
  json_t *region = json_pack("{s:i,s:i,s:i,s:i}", "startLine", (json_int_t)l->line,
                             "startColumn", (json_int_t)l->col_cp, "endLine",
                             (json_int_t)l->end_line, "endColumn", (json_int_t)l->end_col_cp);
  if (snippet && *snippet)
    json_object_set_new(region, "snippet", json_pack("{s:o}", "text", rl_emit_jstr(snippet)));
  return json_pack("{s:{s:o,s:o}}", "physicalLocation", "artifactLocation",
                   rl_sarif__artifact(rel_path), "region", region);
}

static json_t *rl_sarif__rule(const RlRule *r) {
  json_t *o = json_object();
  json_object_set_new(o, "id", json_string(r->id));
  char *name = rl_sarif__pascal(r->id);
  json_object_set_new(o, "name", json_string(name));
  free(name);
  json_object_set_new(o, "shortDescription", json_pack("{s:s}", "text", r->title));
  json_object_set_new(o, "fullDescription", json_pack("{s:s}", "text", r->summary));
  char *url = rl_doc_url(r->id);
  json_object_set_new(o, "helpUri", json_string(url));
  free(url);
  const char *doc = rl_rule_doc(r->id);
  json_object_set_new(o, "help",
                      json_pack("{s:o,s:o}", "text", rl_emit_jstr(doc ? doc : r->summary),
                                "markdown", rl_emit_jstr(doc ? doc : r->summary)));
  json_object_set_new(o, "defaultConfiguration",
                      json_pack("{s:s}", "level", rl_sarif__level(r->severity)));
  json_t *tags = json_array();
  json_array_append_new(tags, json_string(r->category == RL_CAT_SECURITY ? "security"
                                          : r->category == RL_CAT_CORRECTNESS
                                              ? "correctness"
                                              : "concurrency"));
  if (r->category != RL_CAT_CORRECTNESS) json_array_append_new(tags, json_string("correctness"));
  if (r->cwe) {
    char *t = rl_asprintf("external/cwe/cwe-%s", r->cwe);
    json_array_append_new(tags, json_string(t));
    free(t);
  }
  json_t *props = json_pack("{s:o,s:s}", "tags", tags, "precision",
                            r->precision ? r->precision : "high");
  if (r->category == RL_CAT_SECURITY) json_object_set_new(props, "security-severity",
                                                          json_string("7.0"));
  json_object_set_new(o, "properties", props);
  return o;
}

/* result.fixes: one per fix whose edits all have a position, each
 * replacement a deleted region (empty for an insertion) and the inserted
 * text; properties.applicability says safe, unsafe or suggestion. NULL
 * when there is none. */
static json_t *rl_sarif__fixes(const RlDiag *d) {
  json_t *fixes = json_array();
  for (uint32_t i = 0; i < d->nfixes; i++) {
    const RlFix *fx = &d->fixes[i];
    bool ok = fx->nedits > 0;
    for (uint32_t k = 0; k < fx->nedits; k++) ok = ok && fx->edits[k].loc.line > 0;
    if (!ok) continue;
    json_t *reps = json_array();
    for (uint32_t k = 0; k < fx->nedits; k++) {
      const RlLoc *l = &fx->edits[k].loc;
      json_t *region = json_pack("{s:i,s:i,s:i,s:i}", "startLine", (json_int_t)l->line,
                                 "startColumn", (json_int_t)l->col_cp, "endLine",
                                 (json_int_t)l->end_line, "endColumn", (json_int_t)l->end_col_cp);
      json_array_append_new(reps, json_pack("{s:o,s:{s:o}}", "deletedRegion", region,
                                            "insertedContent", "text",
                                            rl_emit_jstr(fx->edits[k].text)));
    }
    const char *app = fx->safety == RL_FIX_SAFE     ? "safe"
                      : fx->safety == RL_FIX_UNSAFE ? "unsafe"
                                                    : "suggestion";
    json_array_append_new(
        fixes, json_pack("{s:{s:o},s:[{s:o,s:o}],s:{s:s}}", "description", "text",
                         rl_emit_jstr(fx->title), "artifactChanges", "artifactLocation",
                         rl_sarif__artifact(d->rel_path), "replacements", reps, "properties",
                         "applicability", app));
  }
  if (json_array_size(fixes) == 0) {
    json_decref(fixes);
    return NULL;
  }
  return fixes;
}

static json_t *rl_sarif__result(const RlRun *run, const RlDiag *d) {
  json_t *o = json_object();
  json_object_set_new(o, "ruleId", json_string(d->rule->id));
  for (uint32_t i = 0; i < run->nrules; i++)
    if (run->rules[i] == d->rule) json_object_set_new(o, "ruleIndex", json_integer(i));
  json_object_set_new(o, "level", json_string(rl_sarif__level(d->severity)));
  /* SARIF message text: literal brackets are escaped, and each related
   * location is linked as [its message](id) so viewers make it clickable. */
  RlBuf t = {0};
  rl_sarif__escape(&t, d->msg);
  if (t.len && !strchr(".!?", t.data[t.len - 1])) rl_buf_putc(&t, '.');
  for (uint32_t i = 0; i < d->nrelated; i++) {
    rl_buf_puts(&t, i == 0 ? " See: [" : "; [");
    rl_sarif__escape(&t, d->related[i].msg);
    rl_buf_printf(&t, "](%u)", i + 1);
    if (i + 1 == d->nrelated) rl_buf_putc(&t, '.');
  }
  if (d->hint && *d->hint) {
    rl_buf_puts(&t, " Fix: ");
    rl_sarif__escape(&t, d->hint);
  }
  json_object_set_new(o, "message", json_pack("{s:o}", "text", rl_emit_jstr(rl_buf_cstr(&t))));
  rl_buf_free(&t);
  json_t *locs = json_array();
  json_array_append_new(locs, rl_sarif__location(d->rel_path, &d->loc, d->line_text));
  json_object_set_new(o, "locations", locs);
  if (d->nrelated) {
    json_t *rel = json_array();
    for (uint32_t i = 0; i < d->nrelated; i++) {
      json_t *l = rl_sarif__location(d->related[i].rel_path, &d->related[i].loc, NULL);
      json_object_set_new(l, "id", json_integer(i + 1));
      json_object_set_new(l, "message",
                          json_pack("{s:o}", "text", rl_emit_jstr(d->related[i].msg)));
      json_array_append_new(rel, l);
    }
    json_object_set_new(o, "relatedLocations", rel);
  }
  json_t *pf = json_pack("{s:s}", "racelint/v1", d->fingerprint);
  if (d->line_hash) json_object_set_new(pf, "primaryLocationLineHash", json_string(d->line_hash));
  json_object_set_new(o, "partialFingerprints", pf);
  if (d->baseline) json_object_set_new(o, "baselineState", json_string(d->baseline));
  json_t *fixes = rl_sarif__fixes(d);
  if (fixes) json_object_set_new(o, "fixes", fixes);
  if (d->suppressed)
    json_object_set_new(o, "suppressions",
                        json_pack("[{s:s,s:o}]", "kind", "inSource", "justification",
                                  rl_emit_jstr(d->suppressed)));
  return o;
}

void rl_emit_sarif(const RlRun *run, FILE *out) {
  json_t *rules = json_array();
  for (uint32_t i = 0; i < run->nrules; i++)
    json_array_append_new(rules, rl_sarif__rule(run->rules[i]));
  json_t *driver = json_pack("{s:s,s:s,s:s,s:s,s:o}", "name", "racelint", "version",
                             run->tool_version, "semanticVersion", run->tool_version,
                             "informationUri", RL_REPO_URL,
                             "rules", rules);
  json_t *results = json_array();
  for (uint32_t i = 0; i < run->ndiags; i++)
    json_array_append_new(results, rl_sarif__result(run, run->diags[i]));
  for (uint32_t i = 0; i < run->nbaselined; i++)
    json_array_append_new(results, rl_sarif__result(run, run->baselined[i]));
  for (uint32_t i = 0; i < run->nsuppressed; i++)
    json_array_append_new(results, rl_sarif__result(run, run->suppressed[i]));
  json_t *notes = json_array();
  bool ok = true;
  for (uint32_t i = 0; i < run->nnotices; i++) {
    const RlNotice *x = &run->notices[i];
    if (x->is_error) ok = false;
    char *text = x->path ? rl_asprintf("%s: %s", x->path, x->msg) : rl_strdup(x->msg);
    json_t *n = json_pack("{s:s,s:{s:o}}", "level", x->is_error ? "error" : "warning",
                          "message", "text", rl_emit_jstr(text));
    free(text);
    json_array_append_new(notes, n);
  }
  char *enc = rl_emit_uri_path(run->root);
  char *root_uri = rl_asprintf("file://%s%s", enc, rl_str_ends_with(run->root, "/") ? "" : "/");
  free(enc);
  json_t *runobj = json_pack(
      "{s:{s:o},s:{s:{s:s}},s:s,s:o,s:[{s:b,s:o}]}", "tool", "driver", driver,
      "originalUriBaseIds", "%SRCROOT%", "uri", root_uri, "columnKind", "unicodeCodePoints",
      "results", results, "invocations", "executionSuccessful", ok,
      "toolExecutionNotifications", notes);
  free(root_uri);
  json_t *root = json_pack("{s:s,s:s,s:[o]}", "$schema",
                           "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0",
                           "runs", runobj);
  json_dumpf(root, out, JSON_INDENT(2));
  fputc('\n', out);
  json_decref(root);
}
