/* lsp.c - `racelint lsp`: a Language Server (LSP 3.17) over stdio.
 *
 * Threads: the main thread reads and answers messages; one analysis thread
 * runs phase 1 on changed documents (after a short debounce) and on the
 * workspace's files (indexed in the background at start), then phase 2
 * over the whole workspace, and pushes diagnostics. Everything below `mu`
 * in RlLsp is shared and guarded by it; output is serialised by out_mu.
 * A newer version of a document makes the analysis of an older one be
 * thrown away. Positions are UTF-16 code units unless the client offers
 * UTF-8. Malformed input gets a JSON-RPC error or is skipped; it never stops
 * the server. The wire (output, positions, diagnostics as JSON, reading)
 * is lsp_wire.c's; the state both share is lsp_int.h. */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ast.h"
#include "config.h"
#include "diag.h"
#include "discover.h"
#include "emit_util.h"
#include "engine.h"
#include "fix.h"
#include "front_js.h"
#include "lsp.h"
#include "lsp_int.h"
#include "pkgtypes.h"
#include "session.h"
#include "suppress.h"
#include "util.h"

#ifndef RL_VERSION
#define RL_VERSION "0.0.0-dev"
#endif

/* Section - the workspace model (callers hold mu) */

/* Shows the current set's errors not shown yet (configs load lazily, as
 * files are looked up). */
static void rl_lsp__config_errors(RlLsp *l) {
  RlLspConfigs *c = l->configs;
  for (; c->logged < rl_configset_nerrors(c->set); c->logged++)
    rl_lsp_wire_log(l, 1, "racelint: %s", rl_configset_error(c->set, c->logged));
}

static RlLspEntry *rl_lsp__entry(RlLsp *l, const char *path, bool create) {
  for (uint32_t i = 0; i < l->entries.n; i++)
    if (strcmp(l->entries.v[i]->path, path) == 0) return l->entries.v[i];
  if (!create) return NULL;
  RlLspEntry *e = rl_calloc(1, sizeof *e);
  e->path = rl_strdup(path);
  e->rel = rl_discover_relative(l->root ? l->root : "/", path);
  e->uri = rl_lsp_wire_path_to_uri(path);
  rl_config_settings(&l->s, rl_configset_for(l->configs->set, path), path, NULL, &e->settings);
  rl_lsp__config_errors(l);
  RL_VEC_PUSH(l->entries, e);
  return e;
}

static RlLspDoc *rl_lsp__doc(RlLsp *l, const char *uri) {
  for (uint32_t i = 0; i < l->docs.n; i++)
    if (strcmp(l->docs.v[i]->uri, uri) == 0) return l->docs.v[i];
  return NULL;
}

static RlLspConfigs *rl_lsp__configs_new(RlLsp *l) {
  RlLspConfigs *c = rl_calloc(1, sizeof *c);
  c->set = rl_configset_new(&l->s, l->config);
  c->refs = 1;
  return c;
}

/* Drops one reference (caller holds mu); frees the set at the last. */
static void rl_lsp__configs_release(RlLspConfigs *c) {
  if (!c || --c->refs) return;
  rl_configset_delete(c->set);
  free(c);
}

static void rl_lsp__reload_config(RlLsp *l) {
  rl_lsp__configs_release(l->configs); /* analyses in flight keep theirs */
  l->configs = rl_lsp__configs_new(l);
  for (uint32_t i = 0; i < l->entries.n; i++) {
    RlLspEntry *e = l->entries.v[i];
    rl_config_settings(&l->s, rl_configset_for(l->configs->set, e->path), e->path, NULL,
                       &e->settings);
    if (!e->open) e->pending = true;
  }
  for (uint32_t i = 0; i < l->docs.n; i++) {
    l->docs.v[i]->dirty = true;
    l->docs.v[i]->changed_ms = 0;
  }
  rl_lsp__config_errors(l);
  pthread_cond_broadcast(&l->cv);
}

/* Section - diagnostics */

/* Pull diagnostics: asks the client to pull again when what it pulled for
 * an open document has changed with no edit of that document (a config
 * reload, another file changed on disk or in the editor). After an edit the
 * client pulls by itself. One refresh per pull of a document. Holds mu. */
static void rl_lsp__refresh(RlLsp *l) {
  if (!l->refresh) return;
  bool changed = false;
  for (uint32_t i = 0; i < l->docs.n; i++) {
    RlLspDoc *doc = l->docs.v[i];
    RlLspEntry *e = doc->entry;
    if (!e->ever_pulled || !e->res || doc->dirty || e->pulled_version != doc->version) continue;
    json_t *diags = rl_lsp_wire_diags(l, e);
    if (rl_lsp_wire_signature_json(diags) != e->pulled) {
      changed = true;
      e->ever_pulled = false;
    }
    json_decref(diags);
  }
  if (!changed) return;
  char id[32];
  snprintf(id, sizeof id, "racelint-refresh-%llu", (unsigned long long)++l->refresh_seq);
  rl_lsp_wire_send(l, json_pack("{s:s,s:s,s:s}", "jsonrpc", "2.0", "id", id, "method",
                                "workspace/diagnostic/refresh"));
}

/* The declaration files of the packages the workspace imports, as the
 * command line reads them (cli/main.c, rl_main__project), when
 * floating-promise or callback-promise-mix is on for some file: read again only when
 * what the files ask them changes (an import, a dropped call), not at
 * every keystroke. Appends them to *files; returns how many. Shows the
 * set's notice (package types not found) once, and again only when it
 * says something else. Holds mu. */
static uint32_t rl_lsp__pkgtypes(RlLsp *l, RlEngineFile ***files, uint32_t n, uint32_t *cap) {
  const RlSession *s = &l->s;
  /* each file by its own settings, as the command line decides: a folder's
   * config may turn these rules on (racelint:strict) or off */
  if (s->parse_only || !(rl_engine_any_enabled(s, *files, n, "floating-promise") ||
                         rl_engine_any_enabled(s, *files, n, "callback-promise-mix")))
    return 0;
  uint64_t q = rl_pkgtypes_questions(s, *files, n);
  if (!l->pkgs || q != l->pkgs_q) {
    rl_pkgtypes_delete(l->pkgs);
    l->pkgs = rl_pkgtypes_load(s, 1, *files, n);
    l->pkgs_q = q;
    const char *msg = rl_pkgtypes_notice(l->pkgs);
    if (msg && (!l->pkgs_notice || strcmp(msg, l->pkgs_notice) != 0))
      rl_lsp_wire_log(l, 2, "racelint: %s", msg);
    free(l->pkgs_notice);
    l->pkgs_notice = msg ? rl_strdup(msg) : NULL;
  }
  uint32_t np;
  RlEngineFile **pf = rl_pkgtypes_files(l->pkgs, &np);
  if (n + np > *cap) {
    *cap = n + np;
    *files = rl_realloc(*files, *cap * sizeof **files);
  }
  if (np) memcpy(*files + n, pf, np * sizeof *pf);
  return np;
}

/* Runs phase 2 over the workspace and pushes what changed (holds mu). */
static void rl_lsp__project_and_publish(RlLsp *l, RlLspEntry *force) {
  RL_VEC(RlEngineFile *) files = {0};
  for (uint32_t i = 0; i < l->entries.n; i++)
    if (l->entries.v[i]->res) RL_VEC_PUSH(files, l->entries.v[i]->res);
  uint32_t np = rl_lsp__pkgtypes(l, &files.v, files.n, &files.cap);
  rl_engine_project_pkgs(&l->s, files.v, files.n + np, rl_pkgtypes_resolve, l->pkgs);
  rl_suppress_apply(&l->s, files.v, files.n);
  for (uint32_t i = 0; i < files.n; i++) {
    rl_diag_sort(files.v[i]->diags.v, files.v[i]->diags.n);
    rl_diag_fingerprints(files.v[i]->diags.v, files.v[i]->diags.n);
  }
  RL_VEC_FREE(files);
  if (l->pull) { /* the client asks when it wants them */
    rl_lsp__refresh(l);
    return;
  }
  for (uint32_t i = 0; i < l->docs.n; i++) {
    RlLspDoc *doc = l->docs.v[i];
    RlLspEntry *e = doc->entry;
    if (!e->res || doc->dirty) continue;
    json_t *diags = rl_lsp_wire_diags(l, e);
    uint64_t sig = rl_lsp_wire_signature_json(diags);
    if (e->ever_published && sig == e->published && e != force) {
      json_decref(diags);
      continue;
    }
    e->published = sig;
    e->ever_published = true;
    rl_lsp_wire_notify(l, "textDocument/publishDiagnostics",
                       json_pack("{s:s,s:I,s:o}", "uri", doc->uri, "version",
                                 (json_int_t)doc->version, "diagnostics", diags));
  }
}

/* Section - the analysis thread */

/* The path a finding's message names (lock-order's "... (bank.c:19)"):
 * relative to the workspace folder, as the CLI run there prints it; the
 * absolute path when there is no folder or the file is outside it. The
 * engine reads files and parses C by the absolute path only. */
static const char *rl_lsp__disp(const RlLsp *l, const RlLspEntry *e) {
  return l->root && e->rel[0] != '/' ? e->rel : e->path;
}

typedef struct RlLspWork {
  RlLspEntry *entry;
  const char *disp; /* the path findings name: e.g. lock-order's "(bank.c:19)" */
  RlJsTree *tree; /* a copy of the document's tree, replaced by the new one */
  char *text; /* NULL: from disk */
  size_t len;
  int64_t version;
  RlFileSettings settings;
  RlEngineFile *res;
} RlLspWork;

static void *rl_lsp__analysis_thread(void *arg) {
  RlLsp *l = arg;
  RlWorker *w = rl_worker_new(&l->s);
  pthread_mutex_lock(&l->mu);
  while (!l->stop) {
    RL_VEC(RlLspWork) work = {0};
    uint64_t now = rl_lsp_wire_now_ms(), next_due = 0;
    for (uint32_t i = 0; i < l->docs.n; i++) {
      RlLspDoc *d = l->docs.v[i];
      if (!d->dirty) continue;
      if (now - d->changed_ms >= RL_LSP_DEBOUNCE_MS) {
        /* the tree goes with the work; edits meanwhile are queued */
        RlLspWork wk = {d->entry, rl_lsp__disp(l, d->entry), d->tree,
                        rl_strndup(d->text, d->len), d->len, d->version, d->entry->settings,
                        NULL};
        d->tree = NULL;
        d->tree_out = true;
        d->tree_reset = false;
        d->pending.n = 0;
        RL_VEC_PUSH(work, wk);
        d->dirty = false;
      } else if (!next_due || d->changed_ms + RL_LSP_DEBOUNCE_MS < next_due) {
        next_due = d->changed_ms + RL_LSP_DEBOUNCE_MS;
      }
    }
    RlLspEntry *force = work.n ? work.v[0].entry : NULL;
    if (!work.n) /* open documents first, then the workspace index */
      for (uint32_t i = 0; i < l->entries.n && work.n < RL_LSP_INDEX_BATCH; i++) {
        RlLspEntry *e = l->entries.v[i];
        if (!e->pending || e->open) continue;
        e->pending = false;
        RlLspWork wk = {e, rl_lsp__disp(l, e), NULL, NULL, 0, 0, e->settings, NULL};
        RL_VEC_PUSH(work, wk);
      }
    if (!work.n) {
      if (next_due) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t wait = next_due - now;
        ts.tv_sec += (time_t)(wait / 1000);
        ts.tv_nsec += (long)(wait % 1000) * 1000000L;
        if (ts.tv_nsec >= 1000000000L) ts.tv_sec++, ts.tv_nsec -= 1000000000L;
        pthread_cond_timedwait(&l->cv, &l->mu, &ts);
      } else {
        pthread_cond_wait(&l->cv, &l->mu);
      }
      continue;
    }
    l->busy++;
    /* the settings in `work` point into this set: keep it alive */
    RlLspConfigs *held = l->configs;
    held->refs++;
    pthread_mutex_unlock(&l->mu);
    for (uint32_t i = 0; i < work.n; i++) {
      RlLspWork *wk = &work.v[i];
      wk->res = rl_engine_analyze_doc(w, wk->disp, wk->entry->rel, wk->entry->path,
                                      wk->text, wk->len, &wk->settings,
                                      wk->text ? &wk->tree : NULL);
    }
    pthread_mutex_lock(&l->mu);
    l->busy--;
    rl_lsp__configs_release(held);
    for (uint32_t i = 0; i < work.n; i++) {
      RlLspWork *wk = &work.v[i];
      RlLspEntry *e = wk->entry;
      RlLspDoc *doc = NULL;
      for (uint32_t k = 0; k < l->docs.n; k++)
        if (l->docs.v[k]->entry == e) doc = l->docs.v[k];
      /* the tree comes back first, whether or not the result is current */
      if (wk->text && doc && doc->tree_out) {
        doc->tree_out = false;
        if (doc->tree_reset || !wk->tree) {
          rl_front_js_tree_delete(wk->tree);
          doc->tree = NULL;
        } else {
          for (uint32_t k = 0; k < doc->pending.n; k++) {
            const RlLspTsEdit *te = &doc->pending.v[k];
            rl_front_js_tree_edit(wk->tree, te->start, te->old_end, te->new_end, te->sr, te->sc,
                                  te->orow, te->ocol, te->nr, te->nc);
          }
          doc->tree = wk->tree;
        }
        doc->pending.n = 0;
        doc->tree_reset = false;
      } else {
        rl_front_js_tree_delete(wk->tree);
      }
      wk->tree = NULL;
      /* stale: the document changed (or opened/closed) meanwhile */
      bool stale = wk->text ? (!doc || doc->version != wk->version || doc->dirty)
                            : (e->open || e->pending);
      if (stale) {
        rl_engine_file_delete(wk->res);
        free(wk->text);
        continue;
      }
      rl_engine_file_delete(e->res);
      e->res = wk->res;
      /* settings live in the entry: point the result at them */
      e->res->settings = &e->settings;
      free(e->snap);
      e->snap = wk->text;
      e->snap_len = wk->len;
      e->snap_version = wk->version;
    }
    RL_VEC_FREE(work);
    rl_lsp__project_and_publish(l, force);
    pthread_cond_broadcast(&l->idle);
  }
  pthread_mutex_unlock(&l->mu);
  rl_worker_delete(w);
  return NULL;
}

/* Section - requests and notifications */

static json_t *rl_lsp__initialize(RlLsp *l, json_t *params) {
  json_t *caps = json_object_get(params, "capabilities");
  json_t *enc = json_object_get(json_object_get(caps, "general"), "positionEncodings");
  size_t i;
  json_t *v;
  json_array_foreach(enc, i, v) {
    if (json_is_string(v) && strcmp(json_string_value(v), "utf-8") == 0) l->utf8 = true;
  }
  l->pull = json_object_get(json_object_get(caps, "textDocument"), "diagnostic") != NULL;
  l->refresh = json_is_true(json_object_get(
      json_object_get(json_object_get(caps, "workspace"), "diagnostics"), "refreshSupport"));
  const char *root_uri = json_string_value(json_object_get(params, "rootUri"));
  json_t *folders = json_object_get(params, "workspaceFolders");
  if (json_is_array(folders) && json_array_size(folders) > 0)
    root_uri = json_string_value(json_object_get(json_array_get(folders, 0), "uri"));
  char *root = root_uri ? rl_lsp_wire_uri_to_path(root_uri) : NULL;
  if (!root && json_string_value(json_object_get(params, "rootPath")))
    root = rl_strdup(json_string_value(json_object_get(params, "rootPath")));
  char *real = root ? realpath(root, NULL) : NULL;
  free(root);
  l->root = real; /* NULL: no workspace, single files only */
  free(l->s.root);
  l->s.root = rl_strdup(real ? real : "/");
  json_t *sync = json_pack("{s:b,s:i,s:{s:b}}", "openClose", 1, "change", 2, "save",
                           "includeText", 0);
  json_t *c = json_pack("{s:s,s:o,s:{s:[s]}}", "positionEncoding", l->utf8 ? "utf-8" : "utf-16",
                        "textDocumentSync", sync, "codeActionProvider", "codeActionKinds",
                        "quickfix");
  if (l->pull)
    json_object_set_new(c, "diagnosticProvider",
                        json_pack("{s:s,s:b,s:b}", "identifier", "racelint",
                                  "interFileDependencies", 1, "workspaceDiagnostics", 0));
  json_object_set_new(c, "workspace",
                      json_pack("{s:{s:b}}", "workspaceFolders", "supported", 1));
  return json_pack("{s:o,s:{s:s,s:s}}", "capabilities", c, "serverInfo", "name", "racelint",
                   "version", RL_VERSION);
}

static void rl_lsp__index_workspace(RlLsp *l) {
  if (!l->root || l->no_index) return;
  const char *paths[] = {l->root};
  RlDiscovery disc;
  rl_discover(paths, 1, l->root, false, &disc);
  for (uint32_t i = 0; i < disc.files.n; i++) {
    const char *abs = disc.files.v[i].abs_path;
    if (rl_config_ignored(rl_configset_for(l->configs->set, abs), abs)) continue;
    RlLspEntry *e = rl_lsp__entry(l, abs, true);
    if (!e->open) e->pending = true;
  }
  rl_discovery_free(&disc);
  pthread_cond_broadcast(&l->cv);
}

static void rl_lsp__did_open(RlLsp *l, json_t *params) {
  json_t *td = json_object_get(params, "textDocument");
  const char *uri = json_string_value(json_object_get(td, "uri"));
  const char *text = json_string_value(json_object_get(td, "text"));
  if (!uri || !text) return;
  char *path = rl_lsp_wire_uri_to_path(uri);
  if (!path || rl_engine_lang_of(path) == RL_LANG_NONE) {
    free(path);
    return;
  }
  RlLspDoc *d = rl_lsp__doc(l, uri);
  if (!d) {
    d = rl_calloc(1, sizeof *d);
    d->uri = rl_strdup(uri);
    RL_VEC_PUSH(l->docs, d);
  }
  free(d->text);
  d->len = json_string_length(json_object_get(td, "text"));
  d->text = rl_strndup(text, d->len);
  rl_front_js_tree_delete(d->tree); /* new text: parse afresh */
  d->tree = NULL;
  if (d->tree_out) d->tree_reset = true;
  d->version = json_integer_value(json_object_get(td, "version"));
  d->entry = rl_lsp__entry(l, path, true);
  d->entry->open = true;
  d->entry->ever_published = false;
  d->entry->ever_pulled = false;
  d->dirty = true;
  d->changed_ms = 0; /* no debounce for an open */
  free(path);
  pthread_cond_broadcast(&l->cv);
}

static void rl_lsp__did_change(RlLsp *l, json_t *params) {
  json_t *td = json_object_get(params, "textDocument");
  const char *uri = json_string_value(json_object_get(td, "uri"));
  RlLspDoc *d = rl_lsp__doc(l, uri ? uri : "");
  if (!d) return;
  json_t *changes = json_object_get(params, "contentChanges");
  size_t i;
  json_t *ch;
  json_array_foreach(changes, i, ch) {
    json_t *text = json_object_get(ch, "text");
    if (!json_is_string(text)) continue;
    json_t *range = json_object_get(ch, "range");
    const char *t = json_string_value(text);
    size_t tl = json_string_length(text);
    if (!range) {
      free(d->text);
      d->text = rl_strndup(t, tl);
      d->len = tl;
      rl_front_js_tree_delete(d->tree); /* a full replacement: parse afresh */
      d->tree = NULL;
      if (d->tree_out) d->tree_reset = true;
      continue;
    }
    json_t *st = json_object_get(range, "start"), *en = json_object_get(range, "end");
    size_t a =
        rl_lsp_wire_offset(l, d->text, d->len, json_integer_value(json_object_get(st, "line")),
                           json_integer_value(json_object_get(st, "character")));
    size_t b =
        rl_lsp_wire_offset(l, d->text, d->len, json_integer_value(json_object_get(en, "line")),
                           json_integer_value(json_object_get(en, "character")));
    if (b < a) b = a;
    if (d->tree || d->tree_out) {
      uint32_t sr, sc, orow, ocol, nr, nc;
      rl_lsp_wire_point(d->text, a, &sr, &sc);
      rl_lsp_wire_point(d->text, b, &orow, &ocol);
      nr = sr;
      nc = sc;
      for (size_t k = 0; k < tl; k++) {
        if (t[k] == '\n') nr++, nc = 0;
        else nc++;
      }
      if (d->tree_out) {
        RlLspTsEdit te = {(uint32_t)a, (uint32_t)b, (uint32_t)(a + tl), sr, sc, orow, ocol, nr, nc};
        RL_VEC_PUSH(d->pending, te);
      } else {
        rl_front_js_tree_edit(d->tree, (uint32_t)a, (uint32_t)b, (uint32_t)(a + tl), sr, sc, orow,
                              ocol, nr, nc);
      }
    }
    size_t nl = d->len - (b - a) + tl;
    char *nt = rl_malloc(nl + 1);
    memcpy(nt, d->text, a);
    memcpy(nt + a, t, tl);
    memcpy(nt + a + tl, d->text + b, d->len - b);
    nt[nl] = 0;
    free(d->text);
    d->text = nt;
    d->len = nl;
  }
  json_t *ver = json_object_get(td, "version");
  if (json_is_integer(ver)) d->version = json_integer_value(ver);
  /* An edit is analysed at once, unless the previous one is still waiting
   * for the analysis thread: then edits are arriving faster than they can
   * be analysed, and they are coalesced until a pause of
   * RL_LSP_DEBOUNCE_MS. */
  uint64_t now = rl_lsp_wire_now_ms();
  d->changed_ms = d->dirty ? now : 0;
  d->last_edit_ms = now;
  d->dirty = true;
  pthread_cond_broadcast(&l->cv);
}

static void rl_lsp__did_close(RlLsp *l, json_t *params) {
  const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
  for (uint32_t i = 0; uri && i < l->docs.n; i++) {
    RlLspDoc *d = l->docs.v[i];
    if (strcmp(d->uri, uri) != 0) continue;
    d->entry->open = false;
    d->entry->pending = true; /* back to the version on disk */
    free(d->entry->snap);
    d->entry->snap = NULL;
    d->entry->ever_published = false;
    rl_front_js_tree_delete(d->tree);
    RL_VEC_FREE(d->pending);
    free(d->uri);
    free(d->text);
    free(d);
    l->docs.v[i] = l->docs.v[--l->docs.n];
    if (!l->pull)
      rl_lsp_wire_notify(l, "textDocument/publishDiagnostics",
                         json_pack("{s:s,s:[]}", "uri", uri, "diagnostics"));
    pthread_cond_broadcast(&l->cv);
    return;
  }
}

static void rl_lsp__watched(RlLsp *l, json_t *params) {
  json_t *changes = json_object_get(params, "changes");
  size_t i;
  json_t *c;
  bool config = false;
  json_array_foreach(changes, i, c) {
    const char *uri = json_string_value(json_object_get(c, "uri"));
    char *path = uri ? rl_lsp_wire_uri_to_path(uri) : NULL;
    if (!path) continue;
    if (rl_str_ends_with(path, "/.racelint.json")) {
      config = true;
    } else if (rl_engine_lang_of(path) != RL_LANG_NONE) {
      RlLspEntry *e = rl_lsp__entry(l, path, json_integer_value(json_object_get(c, "type")) != 3);
      if (e && !e->open) {
        if (json_integer_value(json_object_get(c, "type")) == 3) {
          rl_engine_file_delete(e->res); /* deleted */
          e->res = NULL;
        } else {
          e->pending = true;
        }
      }
    }
    free(path);
  }
  if (config) rl_lsp__reload_config(l);
  pthread_cond_broadcast(&l->cv);
}

/* Waits until the document at uri has been analysed (pull diagnostics,
 * code actions). No clock: while this (the reader) thread waits, no edit
 * can arrive, so the document's analysis ends (bounded by the parse
 * limits) and the analysis thread broadcasts `idle` after it. Answering
 * after a fixed time instead would give a loaded machine's client the
 * previous version's diagnostics, with nothing telling it to pull again. */
static RlLspEntry *rl_lsp__settled(RlLsp *l, const char *uri) {
  for (;;) {
    RlLspDoc *d = rl_lsp__doc(l, uri);
    if (!d) return NULL;
    if (!d->dirty && d->entry->res && d->entry->snap_version == d->version)
      return d->entry;
    if (!d->dirty && !d->tree_out) return d->entry; /* nothing more is coming */
    pthread_cond_wait(&l->idle, &l->mu);
  }
}

static json_t *rl_lsp__edit(RlLsp *l, const RlLspEntry *e, const RlLines *lines,
                            const RlEdit *edits, uint32_t n) {
  json_t *arr = json_array();
  for (uint32_t i = 0; i < n; i++)
    json_array_append_new(
        arr, json_pack("{s:{s:o,s:o},s:o}", "range", "start",
                       rl_lsp_wire_pos(l, lines, e->snap, e->snap_len, edits[i].start), "end",
                       rl_lsp_wire_pos(l, lines, e->snap, e->snap_len, edits[i].end), "newText",
                       rl_emit_jstr(edits[i].text)));
  return json_pack("{s:{s:o}}", "changes", e->uri, arr);
}

/* "Fix all": for rule `rule`, the first non-suggestion fix of each of its
 * findings in the file, skipping one that overlaps an earlier pick, as one
 * action when at least two findings are fixed; NULL otherwise. */
static json_t *rl_lsp__fix_all(RlLsp *l, const RlLspEntry *e, const RlLines *lines,
                               const struct RlRule *rule) {
  RL_VEC(const RlFix *) picks = {0};
  RL_VEC(RlEdit) edits = {0};
  bool unsafe = false;
  for (uint32_t i = 0; i < e->res->diags.n; i++) {
    const RlDiag *d = e->res->diags.v[i];
    if (d->rule != rule) continue;
    const RlFix *fx = NULL;
    for (uint32_t f = 0; f < d->nfixes && !fx; f++)
      if (d->fixes[f].safety != RL_FIX_SUGGESTION && d->fixes[f].nedits) fx = &d->fixes[f];
    bool clash = !fx;
    for (uint32_t k = 0; k < picks.n && !clash; k++) clash = rl_fix_overlaps(fx, picks.v[k]);
    if (clash) continue;
    RL_VEC_PUSH(picks, fx);
    if (fx->safety != RL_FIX_SAFE) unsafe = true;
    for (uint32_t k = 0; k < fx->nedits; k++) {
      bool dup = false; /* the same edit offered by two findings: once */
      for (uint32_t j = 0; j < edits.n && !dup; j++)
        dup = edits.v[j].start == fx->edits[k].start && edits.v[j].end == fx->edits[k].end &&
              strcmp(edits.v[j].text, fx->edits[k].text) == 0;
      if (!dup) RL_VEC_PUSH(edits, fx->edits[k]);
    }
  }
  json_t *a = NULL;
  if (picks.n >= 2) {
    char *title = rl_asprintf("Fix all %u %s findings in this file%s", picks.n, rule->id,
                              unsafe ? " (includes unsafe fixes: review them)" : "");
    a = json_pack("{s:s,s:s,s:o}", "title", title, "kind", "quickfix", "edit",
                  rl_lsp__edit(l, e, lines, edits.v, edits.n));
    free(title);
  }
  RL_VEC_FREE(picks);
  RL_VEC_FREE(edits);
  return a;
}

static json_t *rl_lsp__code_actions(RlLsp *l, json_t *params) {
  const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
  json_t *actions = json_array();
  RlLspEntry *e = uri ? rl_lsp__settled(l, uri) : NULL;
  RlLspDoc *doc = uri ? rl_lsp__doc(l, uri) : NULL;
  if (!e || !e->res || !e->snap || !doc || doc->version != e->snap_version) return actions;
  json_t *range = json_object_get(params, "range");
  int64_t first = json_integer_value(json_object_get(json_object_get(range, "start"), "line"));
  int64_t last = json_integer_value(json_object_get(json_object_get(range, "end"), "line"));
  RlLines lines;
  rl_lines_build(&lines, e->snap, e->snap_len);
  for (uint32_t i = 0; i < e->res->diags.n; i++) {
    const RlDiag *d = e->res->diags.v[i];
    int64_t dl = (int64_t)d->loc.line - 1;
    if (dl < first || dl > last) continue;
    json_t *diag = rl_lsp_wire_diag_json(l, d, e, &lines);
    for (uint32_t f = 0; f < d->nfixes; f++) {
      const RlFix *fx = &d->fixes[f];
      json_array_append_new(actions,
                            json_pack("{s:s,s:s,s:[O],s:b,s:o}", "title", fx->title, "kind",
                                      "quickfix", "diagnostics", diag, "isPreferred",
                                      fx->safety == RL_FIX_SAFE && f == 0, "edit",
                                      rl_lsp__edit(l, e, &lines, fx->edits, fx->nedits)));
    }
    /* always: silence it with a reviewed suppression comment */
    uint32_t ls = lines.starts[d->loc.line - 1], k = ls;
    while (k < e->snap_len && (e->snap[k] == ' ' || e->snap[k] == '\t')) k++;
    char *indent = rl_strndup(e->snap + ls, k - ls);
    char *text = rl_asprintf("%s// racelint-disable-next-line %s -- reviewed: TODO say why "
                             "this is safe\n", indent, d->rule->id);
    RlEdit ed = {ls, ls, text, {0}};
    char *title = rl_asprintf("Suppress %s on this line", d->rule->id);
    json_array_append_new(actions, json_pack("{s:s,s:s,s:[O],s:o}", "title", title, "kind",
                                             "quickfix", "diagnostics", diag, "edit",
                                             rl_lsp__edit(l, e, &lines, &ed, 1)));
    free(title);
    free(text);
    free(indent);
    json_decref(diag);
  }
  /* then, once per rule with a fix among these findings: fix all of it */
  RL_VEC(const struct RlRule *) done = {0};
  for (uint32_t i = 0; i < e->res->diags.n; i++) {
    const RlDiag *d = e->res->diags.v[i];
    int64_t dl = (int64_t)d->loc.line - 1;
    if (dl < first || dl > last || !d->nfixes) continue;
    bool seen = false;
    for (uint32_t k = 0; k < done.n && !seen; k++) seen = done.v[k] == d->rule;
    if (seen) continue;
    RL_VEC_PUSH(done, d->rule);
    json_t *a = rl_lsp__fix_all(l, e, &lines, d->rule);
    if (a) json_array_append_new(actions, a);
  }
  RL_VEC_FREE(done);
  rl_lines_free(&lines);
  return actions;
}

/* Handles one message; returns false on `exit`. */
static bool rl_lsp__dispatch(RlLsp *l, json_t *msg, int *exit_code) {
  const char *method = json_string_value(json_object_get(msg, "method"));
  json_t *id = json_object_get(msg, "id");
  json_t *params = json_object_get(msg, "params");
  bool is_request = id != NULL;
  if (!method) {
    if (is_request && !json_object_get(msg, "result") && !json_object_get(msg, "error"))
      rl_lsp_wire_error(l, id, -32600, "invalid request: no method");
    return true; /* a response to something we sent: nothing to do */
  }
  if (strcmp(method, "exit") == 0) {
    *exit_code = l->shutdown ? 0 : 1;
    return false;
  }
  pthread_mutex_lock(&l->mu);
  if (strcmp(method, "initialize") == 0) {
    if (l->initialized) {
      rl_lsp_wire_error(l, id, -32600, "initialize was already sent");
    } else {
      json_t *r = rl_lsp__initialize(l, params);
      l->initialized = true;
      rl_lsp_wire_reply(l, id, r);
    }
  } else if (!l->initialized) {
    if (is_request) rl_lsp_wire_error(l, id, -32002, "the server is not initialized");
  } else if (l->shutdown && strcmp(method, "shutdown") != 0) {
    if (is_request) rl_lsp_wire_error(l, id, -32600, "the server is shutting down");
  } else if (strcmp(method, "initialized") == 0) {
    rl_lsp__index_workspace(l);
  } else if (strcmp(method, "shutdown") == 0) {
    l->shutdown = true;
    rl_lsp_wire_reply(l, id, NULL);
  } else if (strcmp(method, "textDocument/didOpen") == 0) {
    rl_lsp__did_open(l, params);
  } else if (strcmp(method, "textDocument/didChange") == 0) {
    rl_lsp__did_change(l, params);
  } else if (strcmp(method, "textDocument/didClose") == 0) {
    rl_lsp__did_close(l, params);
  } else if (strcmp(method, "textDocument/didSave") == 0) {
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    if (uri && rl_str_ends_with(uri, "/.racelint.json")) rl_lsp__reload_config(l);
  } else if (strcmp(method, "workspace/didChangeWatchedFiles") == 0) {
    rl_lsp__watched(l, params);
  } else if (strcmp(method, "workspace/didChangeConfiguration") == 0) {
    rl_lsp__reload_config(l);
  } else if (strcmp(method, "textDocument/codeAction") == 0) {
    rl_lsp_wire_reply(l, id, rl_lsp__code_actions(l, params));
  } else if (strcmp(method, "textDocument/diagnostic") == 0) {
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    RlLspEntry *e = uri ? rl_lsp__settled(l, uri) : NULL;
    json_t *items = e ? rl_lsp_wire_diags(l, e) : json_array();
    RlLspDoc *doc = e ? rl_lsp__doc(l, uri) : NULL;
    if (doc) { /* what the client now has (rl_lsp__refresh) */
      e->pulled = rl_lsp_wire_signature_json(items);
      e->pulled_version = doc->version;
      e->ever_pulled = true;
    }
    rl_lsp_wire_reply(l, id, json_pack("{s:s,s:o}", "kind", "full", "items", items));
  } else if (is_request) {
    rl_lsp_wire_error(l, id, -32601, "method not supported by racelint");
  } /* unknown notifications ($/cancelRequest, $/setTrace ...) are ignored */
  pthread_mutex_unlock(&l->mu);
  return true;
}

static int rl_lsp__serve(FILE *in, FILE *out, unsigned flags, const char *config);

int rl_lsp_serve(FILE *in, FILE *out) { return rl_lsp_serve_opts(in, out, 0); }

int rl_lsp_serve_opts(FILE *in, FILE *out, unsigned flags) {
  return rl_lsp__serve(in, out, flags, NULL);
}

/* config: the --config file (borrowed for the whole session), or NULL. */
static int rl_lsp__serve(FILE *in, FILE *out, unsigned flags, const char *config) {
  RlLsp *l = rl_calloc(1, sizeof *l);
  l->no_index = (flags & RL_LSP_NO_INDEX) != 0;
  l->config = config;
  rl_session_init(&l->s);
  /* the fuzzer: libclang in this process, where its coverage is (no worker) */
  l->s.c_in_process = l->no_index;
  const char *err = NULL;
  if (!rl_session_prepare(&l->s, &err)) {
    fprintf(stderr, "racelint lsp: %s\n", err);
    return 2;
  }
  l->s.root = rl_strdup("/");
  l->out = out;
  pthread_mutex_init(&l->mu, NULL);
  pthread_mutex_init(&l->out_mu, NULL);
  pthread_cond_init(&l->cv, NULL);
  pthread_cond_init(&l->idle, NULL);
  l->configs = rl_lsp__configs_new(l);
  pthread_t th;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 8u << 20);
  if (pthread_create(&th, &attr, rl_lsp__analysis_thread, l) != 0) {
    fprintf(stderr, "racelint lsp: cannot start the analysis thread\n");
    return 2;
  }
  pthread_attr_destroy(&attr);
  int exit_code = 1; /* EOF without shutdown/exit */
  for (;;) {
    char *body = NULL;
    size_t len = 0;
    int r = rl_lsp_wire_read(l, in, &body, &len);
    if (r == 0) break;
    if (r < 0) continue;
    json_error_t je;
    json_t *msg = json_loadb(body, len, JSON_DECODE_ANY, &je);
    free(body);
    if (!msg || !json_is_object(msg)) {
      rl_lsp_wire_error(l, NULL, msg ? -32600 : -32700,
                        msg ? "invalid request: not a JSON object" : "parse error: invalid JSON");
      json_decref(msg);
      continue;
    }
    bool go_on = rl_lsp__dispatch(l, msg, &exit_code);
    json_decref(msg);
    if (!go_on) break;
  }
  pthread_mutex_lock(&l->mu);
  l->stop = true;
  pthread_cond_broadcast(&l->cv);
  pthread_mutex_unlock(&l->mu);
  pthread_join(th, NULL);
  for (uint32_t i = 0; i < l->docs.n; i++) {
    rl_front_js_tree_delete(l->docs.v[i]->tree);
    RL_VEC_FREE(l->docs.v[i]->pending);
    free(l->docs.v[i]->uri);
    free(l->docs.v[i]->text);
    free(l->docs.v[i]);
  }
  RL_VEC_FREE(l->docs);
  for (uint32_t i = 0; i < l->entries.n; i++) {
    RlLspEntry *e = l->entries.v[i];
    rl_engine_file_delete(e->res);
    free(e->path);
    free(e->rel);
    free(e->uri);
    free(e->snap);
    free(e);
  }
  RL_VEC_FREE(l->entries);
  rl_pkgtypes_delete(l->pkgs);
  free(l->pkgs_notice);
  rl_lsp__configs_release(l->configs);
  free(l->root);
  rl_session_free(&l->s);
  pthread_mutex_destroy(&l->mu);
  pthread_mutex_destroy(&l->out_mu);
  pthread_cond_destroy(&l->cv);
  pthread_cond_destroy(&l->idle);
  free(l);
  return exit_code;
}

int rl_lsp_main(int argc, char **argv) {
  /* argv[0] is "lsp". --stdio is what many clients add; stdio is the only
   * transport, so it is accepted and changes nothing. */
  const char *config = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--stdio") == 0) continue;
    if (strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
      config = argv[++i];
    } else if (strncmp(argv[i], "--config=", 9) == 0 && argv[i][9]) {
      config = argv[i] + 9;
    } else {
      fprintf(stderr,
              "racelint lsp: unknown argument '%s'\n"
              "usage: racelint lsp [--config FILE] [--stdio]\n",
              argv[i]);
      return 2;
    }
  }
  return rl_lsp__serve(stdin, stdout, 0, config);
}
