/* pkgtypes.c - reads the .d.ts of the packages a JS/TS project imports
 * (pkgtypes.h): resolves bare specifiers under node_modules, reads the
 * entry declaration files and what they import or re-export (breadth
 * first, within RL_PKGTYPES_MAX_*), each once per run, as facts-only
 * engine results on the worker pool. Phase 2 (engine.c's
 * rl_project_resolve) maps a bare import to its entry through
 * rl_pkgtypes_entry; js_types.c then follows exports and base types in
 * those files as in the project's own.
 *
 * Not read: `declare module "x" { ... }` blocks (so @types/node's modules
 * are not; floating-promise knows fs/promises and the other built-in
 * promise APIs by name), `typesVersions` redirections, `exports` patterns
 * other than a trailing "*", tsconfig `paths`. */
#include "pkgtypes.h"

#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "discover.h"
#include "scheduler.h"
#include "util.h"

/* Section - a string map (open addressing; keys and values owned) */

typedef struct Slot {
  char *key;
  char *val; /* NULL: looked up, nothing there */
} Slot;

typedef struct Map {
  Slot *v;
  uint32_t cap, n;
} Map;

static Slot *map_slot(Map *m, const char *key, bool *found) {
  if (m->n * 2 >= m->cap) {
    Map g = {rl_calloc(m->cap ? m->cap * 2 : 64, sizeof(Slot)), m->cap ? m->cap * 2 : 64, 0};
    for (uint32_t i = 0; i < m->cap; i++) {
      if (!m->v[i].key) continue;
      bool f;
      *map_slot(&g, m->v[i].key, &f) = m->v[i];
      g.n++;
    }
    free(m->v);
    *m = g;
  }
  uint32_t i = (uint32_t)rl_hash_str(RL_FNV_INIT, key) & (m->cap - 1);
  while (m->v[i].key && strcmp(m->v[i].key, key) != 0) i = (i + 1) & (m->cap - 1);
  *found = m->v[i].key != NULL;
  return &m->v[i];
}

static const Slot *map_get(const Map *m, const char *key) {
  if (!m->cap) return NULL;
  uint32_t i = (uint32_t)rl_hash_str(RL_FNV_INIT, key) & (m->cap - 1);
  while (m->v[i].key) {
    if (strcmp(m->v[i].key, key) == 0) return &m->v[i];
    i = (i + 1) & (m->cap - 1);
  }
  return NULL;
}

/* Records key -> val (val copied; NULL allowed) unless key is there. */
static void map_put(Map *m, const char *key, const char *val) {
  bool found;
  Slot *s = map_slot(m, key, &found);
  if (found) return;
  s->key = rl_strdup(key);
  s->val = val ? rl_strdup(val) : NULL;
  m->n++;
}

static void map_free(Map *m) {
  for (uint32_t i = 0; i < m->cap; i++) {
    free(m->v[i].key);
    free(m->v[i].val);
  }
  free(m->v);
  memset(m, 0, sizeof *m);
}

/* Section - the set */

struct RlPkgTypes {
  Map entry;  /* "<dir>\n<spec>" -> entry .d.ts (realpath) or NULL */
  Map seen;   /* .d.ts path -> "" once queued */
  Map pkgs;   /* package name -> "1" types found, NULL not found */
  Map dirs;   /* node_modules path -> "1" a directory, NULL not */
  Map ents;   /* "<package dir>\n<subpath>" -> pkg_entry's result */
  Map names;  /* the names the scanned files ask packages about */
  Map members; /* the function and method names their questions call */
  int asking; /* the rule whose facts ask (floating-promise's index) */
  int asking2; /* callback-promise-mix's: its listeners' receiver types
                  (its facts with c = "type") */
  RL_VEC(RlEngineFile *) files;
  RlFileSettings off;
  uint32_t imported, found, node_modules_dirs, big;
  uint64_t bytes;
  bool capped;
  char *missing[3]; /* a few packages without types, for the notice */
  uint32_t nmissing;
  char *notice;
};

/* Node's built-in modules: typed by @types/node's `declare module`
 * blocks, which are not read; never counted as missing. */
static const char *const builtins[] = {
    "assert", "async_hooks", "buffer", "child_process", "cluster", "console", "constants",
    "crypto", "dgram", "diagnostics_channel", "dns", "domain", "events", "fs", "http",
    "http2", "https", "inspector", "module", "net", "os", "path", "perf_hooks", "process",
    "punycode", "querystring", "readline", "repl", "stream", "string_decoder", "sys",
    "timers", "tls", "trace_events", "tty", "url", "util", "v8", "vm", "wasi",
    "worker_threads", "zlib"};

static bool is_relative(const char *spec) {
  return spec[0] == '.' || spec[0] == '/';
}

/* The package name of a bare specifier (`a` of `a/b`, `@s/a` of `@s/a/b`)
 * into buf; *sub the rest after its '/' ("" if none). False when it is
 * not a package (relative, a URL, a built-in). */
static bool split_spec(const char *spec, char *buf, size_t cap, const char **sub) {
  if (!*spec || is_relative(spec) || strchr(spec, ':') || strchr(spec, '\\')) return false;
  const char *slash = strchr(spec, '/');
  if (spec[0] == '@') {
    if (!slash) return false;
    slash = strchr(slash + 1, '/');
  }
  size_t n = slash ? (size_t)(slash - spec) : strlen(spec);
  if (n == 0 || n >= cap) return false;
  memcpy(buf, spec, n);
  buf[n] = 0;
  *sub = slash ? slash + 1 : "";
  for (size_t i = 0; i < RL_COUNTOF(builtins); i++)
    if (strcmp(buf, builtins[i]) == 0) return false;
  return true;
}

static bool is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A regular file's realpath (heap), or NULL. */
static char *real_file(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) return NULL;
  return realpath(p, NULL);
}

static bool is_dts(const char *p) {
  return rl_str_ends_with(p, ".d.ts") || rl_str_ends_with(p, ".d.mts") ||
         rl_str_ends_with(p, ".d.cts");
}

/* The declaration file for path p (relative to dir): p itself when a
 * .d.ts, p.d.ts, p with .js/.mjs/.cjs as .d.ts/.d.mts/.d.cts,
 * p/index.d.ts. Heap realpath or NULL. */
static char *dts_for(const char *dir, const char *p) {
  char *base = rl_path_join(dir, p);
  char *r = NULL;
  if (is_dts(base)) {
    r = real_file(base);
  } else {
    static const struct {
      const char *js, *dts;
    } swap[] = {{".js", ".d.ts"}, {".mjs", ".d.mts"}, {".cjs", ".d.cts"}, {".ts", ".d.ts"}};
    for (size_t i = 0; i < RL_COUNTOF(swap) && !r; i++) {
      if (!rl_str_ends_with(base, swap[i].js)) continue;
      char *c = rl_asprintf("%.*s%s", (int)(strlen(base) - strlen(swap[i].js)), base,
                            swap[i].dts);
      r = real_file(c);
      free(c);
    }
    if (!r) {
      char *c = rl_asprintf("%s.d.ts", base);
      r = real_file(c);
      free(c);
    }
    if (!r) {
      char *c = rl_asprintf("%s/index.d.ts", base);
      r = real_file(c);
      free(c);
    }
  }
  free(base);
  return r;
}

/* The path an `exports` target gives for types: a string, the "types"
 * condition, else the first of import/require/node/default that has one;
 * an array's first that has one. Borrowed from the JSON, or NULL. */
static const char *types_target(json_t *t, int depth) {
  if (!t || depth > 6) return NULL;
  if (json_is_string(t)) return json_string_value(t);
  if (json_is_array(t)) {
    for (size_t i = 0; i < json_array_size(t); i++) {
      const char *r = types_target(json_array_get(t, i), depth + 1);
      if (r) return r;
    }
    return NULL;
  }
  if (!json_is_object(t)) return NULL;
  static const char *const conds[] = {"types", "typings", "import", "require", "node",
                                      "default"};
  for (size_t i = 0; i < RL_COUNTOF(conds); i++) {
    const char *r = types_target(json_object_get(t, conds[i]), depth + 1);
    if (r) return r;
  }
  return NULL;
}

/* The `exports` entry for subpath key ("." or "./sub"): exact, or a
 * "./prefix*" pattern (the match substituted into *star_out, heap). */
static json_t *exports_entry(json_t *ex, const char *key, char **star_out) {
  *star_out = NULL;
  if (!json_is_object(ex)) return strcmp(key, ".") == 0 ? ex : NULL;
  const char *k;
  json_t *v;
  bool subpaths = false;
  json_object_foreach(ex, k, v) if (k[0] == '.') subpaths = true;
  if (!subpaths) return strcmp(key, ".") == 0 ? ex : NULL;
  json_t *e = json_object_get(ex, key);
  if (e) return e;
  json_object_foreach(ex, k, v) {
    const char *star = strchr(k, '*');
    if (!star || star[1]) continue;
    size_t pre = (size_t)(star - k);
    if (strncmp(key, k, pre) == 0 && strlen(key) > pre) {
      *star_out = rl_strdup(key + pre);
      return v;
    }
  }
  return NULL;
}

/* The entry declaration file of package directory pd for subpath sub
 * ("" for the package itself). Heap realpath or NULL. */
static char *pkg_entry(const char *pd, const char *sub) {
  if (!is_dir(pd)) return NULL;
  char *pj = rl_path_join(pd, "package.json");
  json_error_t jerr;
  json_t *root = json_load_file(pj, 0, &jerr);
  free(pj);
  char *r = NULL;
  char *key = *sub ? rl_asprintf("./%s", sub) : rl_strdup(".");
  char *star = NULL;
  json_t *ex = exports_entry(json_object_get(root, "exports"), key, &star);
  const char *t = types_target(ex, 0);
  if (t) {
    if (star) {
      const char *s = strchr(t, '*');
      char *full = s ? rl_asprintf("%.*s%s%s", (int)(s - t), t, star, s + 1) : rl_strdup(t);
      r = dts_for(pd, full);
      free(full);
    } else {
      r = dts_for(pd, t);
    }
  }
  free(star);
  free(key);
  if (!r && !*sub) {
    static const char *const fields[] = {"types", "typings", "main"};
    for (size_t i = 0; i < RL_COUNTOF(fields) && !r; i++) {
      json_t *f = json_object_get(root, fields[i]);
      if (json_is_string(f)) r = dts_for(pd, json_string_value(f));
    }
    if (!r) r = dts_for(pd, "index.d.ts");
  } else if (!r) {
    r = dts_for(pd, sub);
  }
  json_decref(root);
  return r;
}

static bool is_dir_cached(RlPkgTypes *self, const char *p) {
  const Slot *c = map_get(&self->dirs, p);
  if (c) return c->val != NULL;
  bool d = is_dir(p);
  map_put(&self->dirs, p, d ? "1" : NULL);
  return d;
}

/* pkg_entry, once per package directory and subpath. Heap or NULL. */
static char *pkg_entry_cached(RlPkgTypes *self, const char *pd, const char *sub) {
  char *key = rl_asprintf("%s\n%s", pd, sub);
  const Slot *c = map_get(&self->ents, key);
  char *r;
  if (c) {
    r = c->val ? rl_strdup(c->val) : NULL;
  } else {
    r = is_dir_cached(self, pd) ? pkg_entry(pd, sub) : NULL;
    map_put(&self->ents, key, r);
  }
  free(key);
  return r;
}

/* Resolves bare `spec` from directory dir: node_modules up the tree,
 * the package then @types/<name>. Heap realpath or NULL; counts in
 * self->node_modules_dirs the node_modules directories seen. */
static char *resolve_bare(RlPkgTypes *self, const char *dir, const char *pkg,
                          const char *sub) {
  char types_name[PATH_MAX];
  if (pkg[0] == '@') { /* @scope/name -> @types/scope__name */
    const char *sl = strchr(pkg, '/');
    snprintf(types_name, sizeof types_name, "@types/%.*s__%s", (int)(sl - pkg - 1), pkg + 1,
             sl + 1);
  } else {
    snprintf(types_name, sizeof types_name, "@types/%s", pkg);
  }
  char *d = rl_strdup(dir);
  char *r = NULL;
  for (int guard = 0; guard < 64 && !r; guard++) {
    const char *base = strrchr(d, '/');
    if (!base || strcmp(base, "/node_modules") != 0) {
      char *nm = rl_path_join(*d ? d : "/", "node_modules");
      if (is_dir_cached(self, nm)) {
        self->node_modules_dirs++;
        char *pd = rl_path_join(nm, pkg);
        r = pkg_entry_cached(self, pd, sub);
        free(pd);
        if (!r) {
          char *td = rl_path_join(nm, types_name);
          r = pkg_entry_cached(self, td, sub);
          free(td);
        }
      }
      free(nm);
    }
    char *slash = strrchr(d, '/');
    if (!slash || slash == d) {
      if (!slash || !d[1]) break;
      d[1] = 0; /* "/x" -> "/" */
      continue;
    }
    *slash = 0;
  }
  free(d);
  return r;
}

static char *dirname_of(const char *p) {
  const char *sl = strrchr(p, '/');
  if (!sl) return rl_strdup(".");
  if (sl == p) return rl_strdup("/");
  return rl_strndup(p, (size_t)(sl - p));
}

typedef struct Batch {
  const RlSession *s;
  char **paths;
  RlEngineFile **out;
  const RlFileSettings *off;
} Batch;

static void analyze_one(RlWorker *w, uint32_t i, void *ctx) {
  Batch *b = ctx;
  char *rel = b->s->root ? rl_discover_relative(b->s->root, b->paths[i]) : NULL;
  b->out[i] = rl_engine_analyze_types(w, b->paths[i], rel ? rel : b->paths[i], b->off);
  free(rel);
}

typedef RL_VEC(char *) PathVec;

/* Queues a declaration file once, within the caps. */
static void enqueue(RlPkgTypes *self, PathVec *q, char *path) {
  bool found;
  Slot *s = map_slot(&self->seen, path, &found);
  if (found) {
    free(path);
    return;
  }
  s->key = rl_strdup(path);
  s->val = rl_strdup("");
  self->seen.n++;
  struct stat st;
  if (stat(path, &st) != 0 || (uint64_t)st.st_size > RL_PKGTYPES_MAX_FILE) {
    self->big += stat(path, &st) == 0;
    free(path);
    return;
  }
  if (self->files.n + q->n >= RL_PKGTYPES_MAX_FILES ||
      self->bytes + (uint64_t)st.st_size > RL_PKGTYPES_MAX_BYTES) {
    self->capped = true;
    free(path);
    return;
  }
  self->bytes += (uint64_t)st.st_size;
  RL_VEC_PUSH(*q, path);
}

static bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '$';
}

/* Does text t[0..len) name `name` as a whole word on a line that starts
 * with `export` or `declare` (a declaration or an export clause, not an
 * import or a use in a signature)? */
static bool declares_text(const char *t, size_t len, const char *name) {
  size_t n = strlen(name);
  for (const char *p = t, *end = t + len; p < end;) {
    const char *h = memmem(p, (size_t)(end - p), name, n);
    if (!h) return false;
    p = h + n;
    if ((h > t && ident_char(h[-1])) || (p < end && ident_char(*p))) continue;
    const char *ls = h;
    while (ls > t && ls[-1] != '\n') ls--;
    while (ls < h && (*ls == ' ' || *ls == '\t')) ls++;
    if ((size_t)(h - ls) >= 6 && (memcmp(ls, "export", 6) == 0 || memcmp(ls, "declar", 6) == 0))
      return true;
  }
  return false;
}

/* Does the text of file `path` contain a name the scanned files ask
 * about? (A cheap test before parsing the dozens of files a package's
 * index.d.ts star-exports.) */
static bool mentions(const RlPkgTypes *self, const char *path) {
  char *buf;
  size_t len;
  int err;
  if (rl_read_file(path, RL_PKGTYPES_MAX_FILE, &buf, &len, &err) != RL_READ_OK) return false;
  bool hit = false;
  for (uint32_t i = 0; i < self->names.cap && !hit; i++) {
    const char *k = self->names.v[i].key;
    if (k) hit = declares_text(buf, len, k);
  }
  free(buf);
  return hit;
}

/* The bare and relative specifiers of file f (imports and re-exports):
 * bare ones resolved from its directory into the entry map (and their
 * entries queued), relative ones queued when f is a declaration file. */
/* Does declaration file f need its import of `local`: a base type or a
 * type name whose verdict its facts leave to the declaring file (an
 * alias)? Imports used only in parameter types are not followed. */
static bool needs_import(const RlPkgTypes *self, const RlEngineFile *f, const char *local) {
  for (uint32_t i = 0; i < f->facts.n; i++) {
    const RlFact *fa = &f->facts.v[i];
    if (fa->kind != RL_FACT_JS_TYPE || strcmp(fa->jstype.type, local) != 0) continue;
    /* a base; the return type of a function or method asked about */
    if (fa->jstype.what == RL_JT_BASE || map_get(&self->members, fa->jstype.member)) return true;
  }
  return false;
}

/* Does a scanned file ask phase 2 about import fa: a rule's fact names
 * its binding (floating-promise's dropped calls of an imported function,
 * of a method on a receiver of an imported type) or its module (a
 * namespace member), or it is a local class's or interface's base? Packages
 * nobody asks about are not read. */
static void want_name(RlPkgTypes *self, const char *name) {
  if (*name && strcmp(name, "default") != 0) map_put(&self->names, name, "");
}

static bool wanted(RlPkgTypes *self, const RlEngineFile *f, const RlFact *imp) {
  bool any = false;
  for (uint32_t i = 0; i < f->facts.n; i++) {
    const RlFact *fa = &f->facts.v[i];
    if (fa->kind == RL_FACT_JS_TYPE && fa->jstype.what == RL_JT_BASE &&
        strcmp(fa->jstype.type, imp->import.local) == 0) {
      want_name(self, imp->import.imported);
      return true;
    }
    /* callback-promise-mix asks with the facts it marks c = "type" (its
     * listeners' receiver types), not with its array-method callbacks */
    if (fa->kind < RL_FACT_RULE ||
        ((int)fa->rule != self->asking &&
         ((int)fa->rule != self->asking2 || strcmp(fa->c, "type") != 0)))
      continue;
    if (strcmp(fa->a, imp->import.local) == 0) {
      want_name(self, imp->import.imported);
      return true;
    }
    if (imp->import.what == RL_IMPORT_NAMESPACE && strcmp(fa->b, imp->import.module) == 0) {
      want_name(self, fa->a);
      any = true;
    }
  }
  return any;
}

static void follow(RlPkgTypes *self, const RlEngineFile *f, bool is_decl, PathVec *q) {
  char *dir = dirname_of(f->abs_path);
  for (uint32_t i = 0; i < f->facts.n; i++) {
    const RlFact *fa = &f->facts.v[i];
    const char *spec = fa->kind == RL_FACT_IMPORT   ? fa->import.module
                       : fa->kind == RL_FACT_EXPORT ? fa->export.from
                                                    : NULL;
    if (!spec || !*spec) continue;
    /* a declaration file: its re-exports of names asked for, and the
     * imports its facts name */
    if (is_decl && fa->kind == RL_FACT_IMPORT && !needs_import(self, f, fa->import.local))
      continue;
    if (is_decl && fa->kind == RL_FACT_EXPORT && strcmp(fa->export.name, "*") != 0) {
      if (!map_get(&self->names, fa->export.name)) continue;
      want_name(self, fa->export.local);
    }
    bool ask = is_decl || fa->kind == RL_FACT_EXPORT || wanted(self, f, fa);
    if (is_relative(spec)) {
      if (!is_decl || spec[0] == '/') continue;
      char *p = dts_for(dir, spec);
      /* `export * from`: read only when it may export a name asked for */
      if (p && fa->kind == RL_FACT_EXPORT && strcmp(fa->export.name, "*") == 0 &&
          !mentions(self, p)) {
        free(p);
        continue;
      }
      if (p) enqueue(self, q, p);
      continue;
    }
    char pkg[512];
    const char *sub;
    if (!split_spec(spec, pkg, sizeof pkg, &sub)) continue;
    char *key = rl_asprintf("%s\n%s", dir, spec);
    const Slot *hit = map_get(&self->entry, key);
    char *e;
    if (hit) {
      e = hit->val ? rl_strdup(hit->val) : NULL;
    } else {
      /* resolved even when not read: the notice counts what is missing */
      e = resolve_bare(self, dir, pkg, sub);
      map_put(&self->entry, key, e);
    }
    free(key);
    if (!is_decl) {
      bool known;
      Slot *ps = map_slot(&self->pkgs, pkg, &known);
      if (!known) {
        ps->key = rl_strdup(pkg);
        self->pkgs.n++;
        self->imported++;
      }
      if (e && !ps->val) {
        ps->val = rl_strdup("1");
        self->found++;
      }
    }
    if (e && ask) enqueue(self, q, e);
    else free(e);
  }
  free(dir);
}

static bool any_types(const RlPkgTypes *self, const char *pkg) {
  const Slot *s = map_get(&self->pkgs, pkg);
  return s && s->val;
}

static void build_notice(RlPkgTypes *self) {
  uint32_t missing = self->imported - self->found;
  /* a few names, for the message */
  for (uint32_t i = 0; i < self->pkgs.cap && self->nmissing < RL_COUNTOF(self->missing); i++) {
    const Slot *s = &self->pkgs.v[i];
    if (s->key && !any_types(self, s->key)) self->missing[self->nmissing++] = s->key;
  }
  RlBuf b = {0};
  if (missing) {
    if (!self->node_modules_dirs)
      rl_buf_printf(&b, "package types not found: no node_modules directory above the scanned "
                        "files, so the .d.ts of the %u imported package%s",
                    missing, missing == 1 ? "" : "s");
    else
      rl_buf_printf(&b, "package types not found for %u of %u imported package%s", missing,
                    self->imported, self->imported == 1 ? "" : "s");
    rl_buf_puts(&b, " (");
    for (uint32_t i = 0; i < self->nmissing; i++)
      rl_buf_printf(&b, "%s'%s'", i ? ", " : "", self->missing[i]);
    if (missing > self->nmissing) rl_buf_puts(&b, ", ...");
    rl_buf_printf(&b, ")%s: calls of their promise-returning functions and methods are not "
                      "reported by floating-promise (only built-in promise APIs and "
                      "js.promiseFunctions are), nor async listeners on their emitter "
                      "classes by callback-promise-mix; install the dependencies (npm ci) "
                      "before the scan to check them",
                  self->node_modules_dirs ? "" : " could not be read");
  }
  if (self->capped) {
    if (b.len) rl_buf_puts(&b, "; ");
    rl_buf_printf(&b, "package types: stopped after %u declaration files (%llu KiB), the cap; "
                      "what the rest declare is unknown",
                  self->files.n, (unsigned long long)(self->bytes >> 10));
  }
  self->notice = b.len ? rl_strdup(rl_buf_cstr(&b)) : NULL;
  rl_buf_free(&b);
}

RlPkgTypes *rl_pkgtypes_load(const RlSession *s, uint32_t jobs, RlEngineFile *const *files,
                             uint32_t n) {
  RlPkgTypes *self = rl_calloc(1, sizeof *self);
  self->off.context = -1; /* every rule off: facts only */
  self->asking = rl_session_rule_index(s, "floating-promise");
  self->asking2 = rl_session_rule_index(s, "callback-promise-mix");
  PathVec q = {0};
  for (uint32_t i = 0; i < n; i++) {
    if (!files[i] || !(files[i]->lang & RL_LANG_JSTS)) continue;
    for (uint32_t j = 0; j < files[i]->facts.n; j++) {
      const RlFact *fa = &files[i]->facts.v[j];
      if (fa->kind < RL_FACT_RULE || (int)fa->rule != self->asking) continue;
      if (*fa->a) map_put(&self->members, fa->a, "");
      if (*fa->b) map_put(&self->members, fa->b, "");
    }
  }
  for (uint32_t i = 0; i < n; i++)
    if (files[i] && (files[i]->lang & RL_LANG_JSTS)) follow(self, files[i], false, &q);
  /* breadth first: the entries, then what they import, ... */
  while (q.n) {
    Batch b = {s, q.v, rl_calloc(q.n, sizeof(RlEngineFile *)), &self->off};
    uint32_t nb = q.n;
    q.v = NULL;
    q.n = q.cap = 0;
    rl_scheduler_run(s, jobs ? jobs : 1, nb, analyze_one, NULL, &b);
    for (uint32_t i = 0; i < nb; i++) {
      RL_VEC_PUSH(self->files, b.out[i]);
      follow(self, b.out[i], true, &q);
      free(b.paths[i]);
    }
    free(b.paths);
    free(b.out);
  }
  RL_VEC_FREE(q);
  build_notice(self);
  return self;
}

void rl_pkgtypes_delete(RlPkgTypes *self) {
  if (!self) return;
  for (uint32_t i = 0; i < self->files.n; i++) rl_engine_file_delete(self->files.v[i]);
  RL_VEC_FREE(self->files);
  map_free(&self->entry);
  map_free(&self->seen);
  map_free(&self->pkgs);
  map_free(&self->dirs);
  map_free(&self->ents);
  map_free(&self->names);
  map_free(&self->members);
  free(self->notice);
  free(self);
}

RlEngineFile **rl_pkgtypes_files(const RlPkgTypes *self, uint32_t *n) {
  *n = self ? self->files.n : 0;
  return self ? self->files.v : NULL;
}

const char *rl_pkgtypes_entry(const RlPkgTypes *self, const char *from_abs, const char *spec) {
  if (!self || !self->entry.n) return NULL;
  char *dir = dirname_of(from_abs);
  char *key = rl_asprintf("%s\n%s", dir, spec);
  const Slot *s = map_get(&self->entry, key);
  free(key);
  free(dir);
  return s ? s->val : NULL;
}

const char *rl_pkgtypes_notice(const RlPkgTypes *self) { return self ? self->notice : NULL; }

void rl_pkgtypes_counts(const RlPkgTypes *self, uint32_t *imported, uint32_t *found,
                        uint32_t *files, uint32_t *big) {
  *big = self ? self->big : 0;
  *imported = self ? self->imported : 0;
  *found = self ? self->found : 0;
  *files = self ? self->files.n : 0;
}

const char *rl_pkgtypes_resolve(const void *self, const char *from_abs, const char *spec) {
  return rl_pkgtypes_entry(self, from_abs, spec);
}

uint64_t rl_pkgtypes_questions(const RlSession *s, RlEngineFile *const *files, uint32_t n) {
  int fp = rl_session_rule_index(s, "floating-promise");
  int cpm = rl_session_rule_index(s, "callback-promise-mix");
  uint64_t h = RL_FNV_INIT;
  for (uint32_t i = 0; i < n; i++) {
    const RlEngineFile *f = files[i];
    if (!f || !(f->lang & RL_LANG_JSTS)) continue;
    h = rl_hash_str(h, f->abs_path);
    for (uint32_t j = 0; j < f->facts.n; j++) {
      const RlFact *fa = &f->facts.v[j];
      uint8_t k = (uint8_t)(fa->kind & 0xffu);
      if (fa->kind == RL_FACT_IMPORT) {
        h = rl_hash_bytes(h, &k, 1);
        h = rl_hash_str(rl_hash_str(h, fa->import.local), fa->import.module);
        h = rl_hash_str(h, fa->import.imported);
        h = rl_hash_bytes(h, &fa->import.what, 1);
      } else if (fa->kind == RL_FACT_EXPORT) {
        h = rl_hash_bytes(h, &k, 1);
        h = rl_hash_str(rl_hash_str(h, fa->export.name), fa->export.local);
        h = rl_hash_str(h, fa->export.from);
      } else if (fa->kind == RL_FACT_JS_TYPE && fa->jstype.what == RL_JT_BASE) {
        h = rl_hash_bytes(h, &k, 1);
        h = rl_hash_str(h, fa->jstype.type);
      } else if (fa->kind >= RL_FACT_RULE && ((int)fa->rule == fp || (int)fa->rule == cpm)) {
        h = rl_hash_bytes(h, &k, 1);
        h = rl_hash_str(rl_hash_str(rl_hash_str(h, fa->a), fa->b), fa->c);
      }
    }
  }
  return h;
}
