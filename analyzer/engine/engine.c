/* engine.c - phase 1 (one file: read, parse, facts, rule dispatch) and
 * phase 2 (the project: cross-file rules over facts). See engine.h and
 * docs/ARCHITECTURE.md. */
#include "engine.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ast.h"
#include "cache.h"
#include "facts.h"
#include "lang.h"
#include "parsegate.h"
#include "suppress.h"

struct RlWorker {
  const RlSession *session;
  void *lang[RL_MAX_LANGS]; /* each language's state on this thread (lang.h) */
};

struct RlReport {
  RlDiag d;
  uint32_t cap;
  RlArena *arena;
};

RlLang rl_engine_lang_of(const char *path) {
  const char *dot = strrchr(path, '.');
  const char *slash = strrchr(path, '/');
  if (!dot || (slash && dot < slash)) return RL_LANG_NONE;
  static const struct {
    const char *ext;
    RlLang lang;
  } map[] = {{".js", RL_LANG_JS},  {".mjs", RL_LANG_JS}, {".cjs", RL_LANG_JS},
             {".jsx", RL_LANG_JS}, {".ts", RL_LANG_TS},  {".mts", RL_LANG_TS},
             {".cts", RL_LANG_TS}, {".tsx", RL_LANG_TSX}, {".c", RL_LANG_C},
             {".h", RL_LANG_C}};
  for (size_t i = 0; i < RL_COUNTOF(map); i++)
    if (strcmp(dot, map[i].ext) == 0) {
      /* .d.ts declaration files hold no code */
      if (map[i].lang == RL_LANG_TS && rl_str_ends_with(path, ".d.ts")) return RL_LANG_NONE;
      return map[i].lang;
    }
  return RL_LANG_NONE;
}

RlWorker *rl_worker_new(const RlSession *session) {
  RlWorker *w = rl_calloc(1, sizeof *w);
  w->session = session;
  for (uint32_t i = 0; i < session->nlangs; i++)
    if (session->langs[i]->worker_new) w->lang[i] = session->langs[i]->worker_new(session);
  return w;
}

void rl_worker_delete(RlWorker *self) {
  if (!self) return;
  const RlSession *s = self->session;
  for (uint32_t i = 0; i < s->nlangs; i++)
    if (s->langs[i]->worker_delete) s->langs[i]->worker_delete(self->lang[i]);
  free(self);
}

bool rl_engine_enabled(const RlSession *s, const RlEngineFile *f, uint32_t idx) {
  return f && f->settings ? f->settings->enabled[idx] : s->enabled[idx];
}

bool rl_engine_any_enabled(const RlSession *s, RlEngineFile *const *files, uint32_t n,
                           const char *id) {
  int r = rl_session_rule_index(s, id);
  if (r < 0) return false;
  for (uint32_t i = 0; i < n; i++)
    if (rl_engine_enabled(s, files[i], (uint32_t)r)) return true;
  return false;
}

void rl_engine_notice(RlEngineFile *f, bool is_error, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  RlNotice n = {f->path, rl_arena_vprintf(&f->keep, fmt, ap), is_error};
  va_end(ap);
  RL_VEC_PUSH(f->notices, n);
}

void rl_engine_file_delete(RlEngineFile *self) {
  if (!self) return;
  RL_VEC_FREE(self->local);
  RL_VEC_FREE(self->diags);
  RL_VEC_FREE(self->suppressed);
  RL_VEC_FREE(self->supps);
  RL_VEC_FREE(self->facts);
  RL_VEC_FREE(self->deps);
  RL_VEC_FREE(self->notices);
  rl_arena_free(&self->keep);
  rl_arena_free(&self->proj);
  free(self->path);
  free(self->rel_path);
  free(self->abs_path);
  free(self);
}

/* Section - findings */

static const char *rl_engine__line(RlArena *a, const char *s, size_t n) {
  if (n > 400) n = 400; /* minified code: keep the snippet short */
  return rl_arena_strndup(a, s, n);
}

/* One finding per line per cause: where two rules report the same line,
 * the one that explains it best stays (an initialisation after an await
 * is lazy-init-race's, not also a check-then-act or a shared cache fill). */
static void rl_engine__dedupe(RlEngineFile *f) {
  static const char *const pairs[][2] = {
      /* dropped, when this one is on the same line */
      {"check-then-act", "lazy-init-race"},
      {"shared-mutable-state", "lazy-init-race"},
      {"shared-mutable-state", "check-then-act"},
  };
  /* usually no finding of a rule that wins: nothing to compare */
  bool any = false;
  for (uint32_t i = 0; i < f->local.n && !any; i++)
    for (size_t p = 0; p < RL_COUNTOF(pairs) && !any; p++)
      any = strcmp(f->local.v[i]->rule->id, pairs[p][1]) == 0;
  if (!any) return;
  uint32_t out = 0;
  for (uint32_t i = 0; i < f->local.n; i++) {
    const RlDiag *d = f->local.v[i];
    bool drop = false;
    for (size_t p = 0; p < RL_COUNTOF(pairs) && !drop; p++) {
      if (strcmp(d->rule->id, pairs[p][0]) != 0) continue;
      for (uint32_t j = 0; j < f->local.n && !drop; j++)
        drop = f->local.v[j]->loc.line == d->loc.line &&
               strcmp(f->local.v[j]->rule->id, pairs[p][1]) == 0;
    }
    if (!drop) f->local.v[out++] = f->local.v[i];
  }
  f->local.n = out;
}

static RlReport *rl_engine__new_report(RlEngineFile *f, const RlSession *s,
                                       const RlRule *rule, RlLoc loc, const char *func,
                                       const char *line_text, const char *msg) {
  /* phase 1 findings live with the file, later ones in the resettable arena */
  RlArena *arena = f->phase2 ? &f->proj : &f->keep;
  RlReport *r = rl_arena_alloc(arena, sizeof *r);
  r->arena = arena;
  r->d.rule = rule;
  int idx = rl_session_rule_index(s, rule->id);
  r->d.severity = idx < 0               ? rule->severity
                  : f->settings         ? f->settings->severity[idx]
                                        : s->severity[idx];
  r->d.path = f->path;
  r->d.rel_path = f->rel_path;
  r->d.loc = loc;
  r->d.msg = msg;
  r->d.hint = rule->hint ? rule->hint : "";
  r->d.func = func ? rl_arena_strdup(arena, func) : "";
  r->d.line_text = line_text;
  /* A project-phase finding may land in a file where the rule is off. */
  if (idx < 0 || rl_engine_enabled(s, f, (uint32_t)idx)) {
    if (f->phase2) RL_VEC_PUSH(f->diags, &r->d);
    else RL_VEC_PUSH(f->local, &r->d);
  }
  return r;
}

static void rl_engine__add_related(RlReport *r, const char *path, const char *rel_path,
                                   RlLoc loc, const char *fmt, va_list ap) {
  if (r->d.nrelated == r->cap) {
    uint32_t cap = r->cap ? r->cap * 2 : 4;
    RlRelated *v = rl_arena_alloc(r->arena, cap * sizeof *v);
    if (r->d.nrelated) memcpy(v, r->d.related, r->d.nrelated * sizeof *v);
    r->d.related = v;
    r->cap = cap;
  }
  RlRelated *rel = &r->d.related[r->d.nrelated++];
  rel->path = path;
  rel->rel_path = rel_path;
  rel->loc = loc;
  rel->msg = rl_arena_vprintf(r->arena, fmt, ap);
}

RlReport *rl_report(RlCtx *cx, RlNode at, const char *fmt, ...) {
  RlLoc loc = rl_loc(cx, at);
  size_t n;
  const char *line = rl_lines_text(&cx->lines, cx->src, cx->len, loc.line, &n);
  const char *func = rl_function_name(cx, rl_enclosing_function(cx, at));
  va_list ap;
  va_start(ap, fmt);
  const char *msg = rl_arena_vprintf(&cx->file->keep, fmt, ap);
  va_end(ap);
  return rl_engine__new_report(cx->file, cx->session, cx->rule, loc, func,
                               rl_engine__line(&cx->file->keep, line, n), msg);
}

void rl_report_related(RlCtx *cx, RlReport *r, RlNode at, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  rl_engine__add_related(r, cx->file->path, cx->file->rel_path, rl_loc(cx, at), fmt, ap);
  va_end(ap);
}

void rl_report_fix_range(RlCtx *cx, RlReport *r, const char *title, RlFixSafety safety,
                         uint32_t start, uint32_t end, const char *text) {
  if (end < start) end = start;
  RlLoc loc = rl_lines_loc(&cx->lines, cx->src, cx->len, start, end);
  rl_fix_add(r->arena, &r->d, title, safety, start, end, text, &loc);
}

void rl_fact_fix(RlCtx *cx, RlFact *fact, const char *title, RlFixSafety safety,
                 uint32_t start, uint32_t end, const char *text) {
  if (end < start) end = start;
  RlLoc loc = rl_lines_loc(&cx->lines, cx->src, cx->len, start, end);
  rl_fix_list_add(&cx->file->keep, &fact->fixes, &fact->nfixes, title, safety, start, end,
                  text, &loc);
}

void rl_report_fix(RlCtx *cx, RlReport *r, const char *title, RlFixSafety safety, RlNode at,
                   bool insert_before, const char *text) {
  RlLoc l = rl_loc(cx, at);
  rl_report_fix_range(cx, r, title, safety, l.start, insert_before ? l.start : l.end, text);
}

void rl_report_severity(RlCtx *cx, RlReport *r, RlSeverity sev) {
  int idx = rl_session_rule_index(cx->session, r->d.rule->id);
  const RlFileSettings *fs = cx->file->settings;
  if (idx >= 0 && (fs ? fs->severity_set[idx] : cx->session->severity_set[idx])) return;
  r->d.severity = sev;
}

bool rl_c_wrapper(const RlCtx *cx, RlWrapKind kind, const char *fn, uint32_t *arg) {
  const RlFileSettings *fs = cx->file->settings;
  return fs && fs->config && rl_config_wrapper(fs->config, kind, fn, arg);
}

RlFileContext rl_file_context(const RlCtx *cx) {
  const RlFileSettings *fs = cx->file->settings;
  if (fs && fs->context >= 0) return (RlFileContext)fs->context;
  RlFileContext ctx = cx->file->abs_path
                          ? rl_config_context(fs ? fs->config : NULL, cx->file->abs_path,
                                              cx->file->rel_path)
                          : rl_config_context_of(cx->file->path);
  size_t n;
  const char *text = rl_text(cx, rl_root(cx), &n);
  if (ctx == RL_CTX_LIBRARY && n >= 2 && text[0] == '#' && text[1] == '!') ctx = RL_CTX_SCRIPT;
  return ctx;
}

bool rl_file_strict(const RlCtx *cx) {
  const RlFileSettings *fs = cx->file->settings;
  return fs && fs->strict;
}

bool rl_rule_narrow(const RlCtx *cx) {
  const RlFileSettings *fs = cx->file->settings;
  return fs ? fs->narrow[cx->rule_index] : cx->session->narrow[cx->rule_index];
}

bool rl_js_config_name(const RlCtx *cx, int which, const char *name) {
  const RlFileSettings *fs = cx->file->settings;
  return fs && fs->config && rl_config_js_name(fs->config, which, name);
}

void rl_report_hint(RlCtx *cx, RlReport *r, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  r->d.hint = rl_arena_vprintf(&cx->file->keep, fmt, ap);
  va_end(ap);
}

/* A copy of s[0..n) in the file's keep arena, shared with equal strings:
 * facts repeat the same function names, specifiers and source lines. */
static const char *rl_engine__intern(RlCtx *cx, const char *s, size_t n) {
  if (cx->intern_used * 2 >= cx->intern_cap) {
    uint32_t cap = cx->intern_cap ? cx->intern_cap * 2 : 256;
    const char **t = rl_arena_alloc(cx->scratch, cap * sizeof *t);
    for (uint32_t i = 0; i < cx->intern_cap; i++) {
      const char *x = cx->intern[i];
      if (!x) continue;
      uint32_t j = (uint32_t)rl_hash_str(RL_FNV_INIT, x) & (cap - 1);
      while (t[j]) j = (j + 1) & (cap - 1);
      t[j] = x;
    }
    cx->intern = t;
    cx->intern_cap = cap;
  }
  uint64_t h = rl_hash_bytes(RL_FNV_INIT, s, n);
  h = rl_hash_bytes(h, "", 1); /* as rl_hash_str of the NUL-terminated copy */
  uint32_t j = (uint32_t)h & (cx->intern_cap - 1);
  while (cx->intern[j]) {
    const char *x = cx->intern[j];
    if (strncmp(x, s, n) == 0 && x[n] == 0) return x;
    j = (j + 1) & (cx->intern_cap - 1);
  }
  const char *copy = rl_arena_strndup(&cx->file->keep, s, n);
  cx->intern[j] = copy;
  cx->intern_used++;
  return copy;
}

RlFact *rl_fact_new(RlCtx *cx, uint16_t kind, RlNode at) {
  RlEngineFile *f = cx->file;
  RlFact fact;
  memset(&fact, 0, sizeof fact);
  fact.kind = kind;
  fact.rule = (uint16_t)cx->rule_index;
  fact.loc = rl_loc(cx, at);
  size_t n;
  const char *line = rl_lines_text(&cx->lines, cx->src, cx->len, fact.loc.line, &n);
  fact.line_text = rl_engine__intern(cx, line, n > 400 ? 400 : n);
  const char *fn = rl_function_name(cx, rl_enclosing_function(cx, at));
  fact.func = rl_engine__intern(cx, fn, strlen(fn));
  rl_facts_init_record(&fact);
  RL_VEC_PUSH(f->facts, fact);
  return &f->facts.v[f->facts.n - 1];
}

const char *rl_fact_str(RlCtx *cx, const char *s) {
  return s ? rl_engine__intern(cx, s, strlen(s)) : "";
}

void *rl_fact_alloc(RlCtx *cx, size_t n) { return rl_arena_alloc(&cx->file->keep, n ? n : 1); }

RlFact *rl_fact_add(RlCtx *cx, uint16_t kind, RlNode at, const char *a,
                    const char *b, const char *c) {
  RlFact *fact = rl_fact_new(cx, kind, at);
  fact->a = rl_fact_str(cx, a);
  fact->b = rl_fact_str(cx, b);
  fact->c = rl_fact_str(cx, c);
  return fact;
}

RlDiag *rl_engine_report(const RlSession *s, RlEngineFile *f, const char *id, RlLoc loc,
                         const char *line_text, const char *msg) {
  int idx = rl_session_rule_index(s, id);
  if (idx < 0 || !rl_engine_enabled(s, f, (uint32_t)idx)) return NULL;
  RlReport *r = rl_engine__new_report(f, s, s->rules[idx], loc, "", line_text,
                                      rl_arena_strdup(f->phase2 ? &f->proj : &f->keep, msg));
  return &r->d;
}

/* Section - phase 1 */

static const RlRule *rl_engine__rule(const RlSession *s, const char *id, int *idx) {
  *idx = rl_session_rule_index(s, id);
  return *idx >= 0 ? s->rules[*idx] : NULL;
}

void rl_engine_parse_error(RlCtx *cx, uint32_t offset, const char *detail,
                                   const char *msg) {
  int idx;
  const RlRule *rule = rl_engine__rule(cx->session, "parse-error", &idx);
  if (!rule || !rl_engine_enabled(cx->session, cx->file, (uint32_t)idx)) return;
  RlLoc loc = rl_lines_loc(&cx->lines, cx->src, cx->len, offset,
                           offset < cx->len ? offset + 1 : offset);
  size_t n;
  const char *line = rl_lines_text(&cx->lines, cx->src, cx->len, loc.line, &n);
  if (!msg)
    msg = detail ? rl_arena_printf(&cx->file->keep,
                                   "syntax error: %s; findings in this file may be incomplete",
                                   detail)
                 : "syntax error; the parser recovered, but findings in this file may be "
                   "incomplete";
  rl_engine__new_report(cx->file, cx->session, rule, loc, "",
                        rl_engine__line(&cx->file->keep, line, n), msg);
}

static bool rl_engine__looks_binary(const char *buf, size_t len) {
  size_t n = len < 8192 ? len : 8192;
  return memchr(buf, 0, n) != NULL;
}

static void rl_engine__run_rules(RlCtx *cx) {
  const RlSession *s = cx->session;
  void *state[RL_MAX_SLOTS] = {0};
  bool active[RL_MAX_SLOTS] = {0};
  for (uint32_t i = 0; i < s->nslots; i++) {
    const RlSlot *sl = &s->slots[i];
    active[i] = rl_engine_enabled(s, cx->file, sl->rule) && (sl->check.langs & cx->lang);
    if (!active[i] || !sl->check.begin_file) continue;
    cx->rule = s->rules[sl->rule];
    cx->rule_index = sl->rule;
    state[i] = sl->check.begin_file(cx);
  }
  uint32_t n = cx->tree.n;
  for (uint32_t node = 1; node < n; node++) {
    uint16_t k = cx->tree.nodes[node].kind;
    for (uint8_t j = 0; j < s->ndispatch[k]; j++) {
      uint8_t i = s->dispatch[k][j];
      if (!active[i] || !s->slots[i].check.check) continue;
      cx->rule = s->rules[s->slots[i].rule];
      cx->rule_index = s->slots[i].rule;
      s->slots[i].check.check(cx, node, state[i]);
    }
  }
  for (uint32_t i = 0; i < s->nslots; i++) {
    if (!active[i] || !s->slots[i].check.end_file) continue;
    cx->rule = s->rules[s->slots[i].rule];
    cx->rule_index = s->slots[i].rule;
    s->slots[i].check.end_file(cx, state[i]);
  }
}

/* The cache key of a file: everything its phase-1 result depends on. */
static uint64_t rl_engine__cache_key(const RlSession *s, const RlEngineFile *f,
                                     const RlFileSettings *fs, const char *const *args,
                                     uint32_t nargs) {
  uint64_t h = rl_hash_bytes(RL_FNV_INIT, &s->cache_salt, sizeof s->cache_salt);
  h = rl_hash_str(h, f->path);
  h = rl_hash_str(h, f->rel_path);
  h = rl_hash_str(h, f->abs_path);
  h = rl_hash_bytes(h, &f->lang, sizeof f->lang);
  h = rl_hash_bytes(h, &f->content_hash, sizeof f->content_hash);
  const bool *en = fs ? fs->enabled : s->enabled;
  const RlSeverity *sev = fs ? fs->severity : s->severity;
  const bool *set = fs ? fs->severity_set : s->severity_set;
  h = rl_hash_bytes(h, en, s->nrules * sizeof *en);
  h = rl_hash_bytes(h, sev, s->nrules * sizeof *sev);
  h = rl_hash_bytes(h, set, s->nrules * sizeof *set);
  if (fs) h = rl_hash_bytes(h, fs->narrow, s->nrules * sizeof *fs->narrow);
  uint64_t ch = fs && fs->config ? rl_config_hash(fs->config) : 0;
  h = rl_hash_bytes(h, &ch, sizeof ch);
  h = rl_hash_bytes(h, &s->parse_timeout_us, sizeof s->parse_timeout_us);
  for (uint32_t i = 0; i < nargs; i++) h = rl_hash_str(h, args[i]);
  return h ? h : 1;
}

RlEngineFile *rl_engine_analyze(RlWorker *w, const char *path, const char *rel_path,
                                const char *abs_path, const char *text, size_t len,
                                const RlFileSettings *settings) {
  return rl_engine_analyze_doc(w, path, rel_path, abs_path, text, len, settings, NULL);
}

/* The text of file f to analyse (malloc, NUL-terminated, a BOM blanked;
 * *len its length): `text` when given (an editor's buffer), else the file
 * read from disk. NULL when it is skipped (unreadable, too big, UTF-16,
 * binary), with a notice on f saying why. */
static char *rl_engine__load(const RlSession *s, RlEngineFile *f, const char *text, size_t *len) {
  char *buf = NULL;
  if (text) {
    buf = rl_malloc(*len + 1);
    memcpy(buf, text, *len);
    buf[*len] = 0;
  } else {
    int err;
    switch (rl_read_file(f->abs_path, s->max_file_size, &buf, len, &err)) {
    case RL_READ_OK:
      break;
    case RL_READ_ERRNO:
      if (err == ENOENT) /* deleted since it was found: nothing to analyse */
        rl_engine_notice(f, false, "skipped: the file disappeared during the scan");
      else
        rl_engine_notice(f, true, "cannot read: %s", strerror(err));
      return NULL;
    case RL_READ_TOO_BIG:
      rl_engine_notice(f, false, "skipped: %zu bytes is over --max-file-size (%zu)", *len,
                       s->max_file_size);
      return NULL;
    case RL_READ_NOT_FILE:
      rl_engine_notice(f, false, "skipped: not a regular file");
      return NULL;
    }
  }
  if (*len > s->max_file_size) {
    rl_engine_notice(f, false, "skipped: %zu bytes is over --max-file-size (%zu)", *len,
                     s->max_file_size);
  } else if (*len >= 2 && ((unsigned char)buf[0] == 0xFF || (unsigned char)buf[0] == 0xFE) &&
             ((unsigned char)buf[1] == 0xFE || (unsigned char)buf[1] == 0xFF)) {
    rl_engine_notice(f, false, "skipped: UTF-16 text (convert the file to UTF-8)");
  } else if (rl_engine__looks_binary(buf, *len)) {
    rl_engine_notice(f, false, "skipped: binary file (contains NUL bytes)");
  } else {
    if (*len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) memset(buf, ' ', 3); /* BOM */
    return buf;
  }
  free(buf);
  return NULL;
}

static RlEngineFile *rl_engine__analyze(RlWorker *w, RlLang lang, const char *path,
                                        const char *rel_path, const char *abs_path,
                                        const char *text, size_t len,
                                        const RlFileSettings *settings,
                                        struct RlJsTree **jstree);

RlEngineFile *rl_engine_analyze_doc(RlWorker *w, const char *path, const char *rel_path,
                                    const char *abs_path, const char *text, size_t len,
                                    const RlFileSettings *settings, struct RlJsTree **jstree) {
  return rl_engine__analyze(w, rl_engine_lang_of(path), path, rel_path, abs_path, text, len,
                            settings, jstree);
}

RlEngineFile *rl_engine_analyze_types(RlWorker *w, const char *abs_path, const char *rel_path,
                                      const RlFileSettings *off) {
  return rl_engine__analyze(w, RL_LANG_TS, rel_path, rel_path, abs_path, NULL, 0, off, NULL);
}

static RlEngineFile *rl_engine__analyze(RlWorker *w, RlLang lang, const char *path,
                                        const char *rel_path, const char *abs_path,
                                        const char *text, size_t len,
                                        const RlFileSettings *settings,
                                        struct RlJsTree **jstree) {
  const RlSession *s = w->session;
  RlEngineFile *f = rl_calloc(1, sizeof *f);
  f->settings = settings;
  f->path = rl_strdup(path);
  f->rel_path = rl_strdup(rel_path ? rel_path : path);
  f->abs_path = rl_strdup(abs_path ? abs_path : path);
  f->lang = lang;
  char *buf = rl_engine__load(s, f, text, &len);
  if (!buf) return f;
  f->content_hash = rl_hash_bytes(RL_FNV_INIT, buf, len);

  /* the language that parses it; what else its result depends on (C flags) */
  uint32_t li = 0;
  while (li < s->nlangs && !(s->langs[li]->langs & f->lang)) li++;
  const RlLangOps *ops = li < s->nlangs ? s->langs[li] : NULL;
  RlLangJob job;
  memset(&job, 0, sizeof job);
  job.session = s;
  job.state = ops ? s->lang_state[li] : NULL;
  job.worker = ops ? w->lang[li] : NULL;
  job.file = f;
  job.settings = settings;
  job.doc_tree = jstree;
  job.first_error = UINT32_MAX;
  job.syntax = true;
  if (ops && ops->begin) ops->begin(&job);
  uint64_t key = 0;
  if (s->cache && !text && !s->parse_only) {
    key = rl_engine__cache_key(s, f, settings, job.args, job.nargs);
    if (rl_cache_get(s->cache, s, f, key)) {
      if (ops && ops->end) ops->end(&job);
      free(buf);
      return f;
    }
  }

  RlArena scratch = {0};
  RlCtx cx;
  memset(&cx, 0, sizeof cx);
  cx.session = s;
  cx.file = f;
  cx.scratch = &scratch;
  cx.keep = &f->keep;
  cx.path = f->path;
  cx.rel_path = f->rel_path;
  cx.lang = f->lang;
  cx.src = buf;
  cx.len = len;
  rl_tree_init(&cx.tree);
  rl_lines_build(&cx.lines, buf, len);

  job.cx = &cx;
  job.cached = key != 0;
  if (ops) ops->parse(&job);
  if (ops && ops->end) ops->end(&job);
  bool parsed = job.parsed;
  uint32_t first_error = job.first_error;
  const char *error_detail = job.error_detail;
  if (parsed && !s->parse_only) {
    rl_suppress_parse(&f->keep, &f->supps, buf, len);
    cx.rule = NULL; /* the facts are the engine's */
    cx.rule_index = 0xFFFF;
    ops->facts(&cx);
    /* a file that fails only for want of its build's headers or macros
     * gets no finding of its own: the run says it once (parsegate.h) */
    if (first_error != UINT32_MAX && job.syntax)
      rl_engine_parse_error(&cx, first_error, error_detail, NULL);
    rl_engine__run_rules(&cx);
    rl_engine__dedupe(f);
  }
  f->analyzed = parsed;
  f->parse_error = !parsed || first_error != UINT32_MAX;
  /* kept for the whole run: give back the vectors' spare capacity */
  if (f->facts.cap > f->facts.n) {
    f->facts.v = rl_realloc(f->facts.v, (f->facts.n ? f->facts.n : 1) * sizeof *f->facts.v);
    f->facts.cap = f->facts.n ? f->facts.n : 1;
  }
  if (key && parsed) rl_cache_put(s->cache, f, key);
  rl_lines_free(&cx.lines);
  rl_tree_free(&cx.tree);
  rl_arena_free(&scratch);
  free(buf);
  return f;
}

/* Section - phase 2 */

struct RlProject {
  const RlSession *session;
  RlEngineFile **files;
  uint32_t n;
  uint32_t *by_path; /* file indexes sorted by abs_path */
  RlEngineResolveBare resolve; /* bare specifiers -> .d.ts (may be NULL) */
  const void *resolve_ctx;
};

static int rl_engine__cmp_path(const void *a, const void *b, void *ctx) {
  RlEngineFile **files = ctx;
  return strcmp(files[*(const uint32_t *)a]->abs_path, files[*(const uint32_t *)b]->abs_path);
}

static int32_t rl_engine__find_path(const RlProject *px, const char *abs) {
  uint32_t lo = 0, hi = px->n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    int c = strcmp(px->files[px->by_path[mid]]->abs_path, abs);
    if (c == 0) return (int32_t)px->by_path[mid];
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

uint32_t rl_project_nfiles(const RlProject *px) { return px->n; }
const char *rl_project_path(const RlProject *px, uint32_t file) {
  return file < px->n ? px->files[file]->path : "";
}
const char *rl_project_rel_path(const RlProject *px, uint32_t file) {
  return file < px->n ? px->files[file]->rel_path : "";
}
RlLang rl_project_lang(const RlProject *px, uint32_t file) {
  return file < px->n ? px->files[file]->lang : RL_LANG_NONE;
}

const RlFact *rl_project_facts(const RlProject *px, uint32_t file, uint32_t *n) {
  if (file >= px->n) {
    *n = 0;
    return NULL;
  }
  *n = px->files[file]->facts.n;
  return px->files[file]->facts.v;
}

/* Normalises "a/./b/../c" in place. */
static void rl_engine__normalize(char *p) {
  char *out = p, *s = p;
  bool abs = *s == '/';
  char *segs[256];
  int ns = 0;
  RlBuf b = {0};
  char *copy = rl_strdup(p);
  for (char *tok = strtok_r(copy, "/", &s); tok; tok = strtok_r(NULL, "/", &s)) {
    if (strcmp(tok, ".") == 0) continue;
    if (strcmp(tok, "..") == 0) {
      if (ns > 0) ns--;
      continue;
    }
    if (ns < 256) segs[ns++] = tok;
  }
  if (abs) rl_buf_putc(&b, '/');
  for (int i = 0; i < ns; i++) {
    if (i) rl_buf_putc(&b, '/');
    rl_buf_puts(&b, segs[i]);
  }
  strcpy(out, rl_buf_cstr(&b)); /* never longer than the input */
  rl_buf_free(&b);
  free(copy);
}

int32_t rl_project_resolve(const RlProject *px, uint32_t file, const char *spec) {
  if (file >= px->n) return -1;
  if (!(rl_str_starts_with(spec, "./") || rl_str_starts_with(spec, "../"))) {
    /* a package: the entry .d.ts the caller's lookup read for it, if any */
    const char *entry =
        px->resolve ? px->resolve(px->resolve_ctx, px->files[file]->abs_path, spec) : NULL;
    return entry ? rl_engine__find_path(px, entry) : -1;
  }
  const char *from = px->files[file]->abs_path;
  const char *slash = strrchr(from, '/');
  size_t dl = slash ? (size_t)(slash - from) : 0;
  char *base = rl_asprintf("%.*s/%s", (int)dl, from, spec);
  rl_engine__normalize(base);
  static const char *const exts[] = {"", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs",
                                     ".mts", ".cts", "/index.ts", "/index.tsx",
                                     "/index.js", "/index.jsx", "/index.mjs",
                                     ".d.ts", "/index.d.ts", ".d.mts", ".d.cts"};
  int32_t hit = -1;
  for (int pass = 0; pass < 2 && hit < 0; pass++) {
    if (pass == 1) {
      /* TypeScript: import "./a.js" means ./a.ts */
      char *dot = strrchr(base, '.');
      char *sl = strrchr(base, '/');
      if (!dot || (sl && dot < sl)) break;
      if (strcmp(dot, ".js") && strcmp(dot, ".mjs") && strcmp(dot, ".cjs") &&
          strcmp(dot, ".jsx"))
        break;
      *dot = 0;
    }
    for (size_t i = 0; i < RL_COUNTOF(exts) && hit < 0; i++) {
      char *cand = rl_asprintf("%s%s", base, exts[i]);
      hit = rl_engine__find_path(px, cand);
      free(cand);
    }
  }
  free(base);
  return hit;
}

const RlFact *rl_project_func(const RlProject *px, uint32_t file, const char *name) {
  uint32_t n;
  const RlFact *f = rl_project_facts(px, file, &n);
  for (uint32_t i = 0; i < n; i++)
    if (f[i].kind == RL_FACT_FUNC && strcmp(f[i].fn.name, name) == 0) return &f[i];
  return NULL;
}

static const RlFact *rl_engine__binding(const RlProject *px, uint32_t file,
                                        const char *name, int depth) {
  if (depth > 8) return NULL;
  const RlFact *fn = rl_project_func(px, file, name);
  if (fn) return fn;
  uint32_t n;
  const RlFact *f = rl_project_facts(px, file, &n);
  for (uint32_t i = 0; i < n; i++) {
    if (f[i].kind != RL_FACT_IMPORT || strcmp(f[i].import.local, name) != 0) continue;
    if (f[i].import.what == RL_IMPORT_NAMESPACE) return NULL;
    int32_t target = rl_project_resolve(px, file, f[i].import.module);
    if (target < 0) return NULL;
    /* find what the target exports under that name */
    uint32_t tn;
    const RlFact *tf = rl_project_facts(px, (uint32_t)target, &tn);
    for (uint32_t j = 0; j < tn; j++) {
      if (tf[j].kind != RL_FACT_EXPORT || strcmp(tf[j].export.name, f[i].import.imported) != 0)
        continue;
      if (*tf[j].export.from) { /* export { x } from './y' */
        int32_t t2 = rl_project_resolve(px, (uint32_t)target, tf[j].export.from);
        if (t2 < 0) return NULL;
        const RlFact *r = rl_engine__binding(px, (uint32_t)t2, tf[j].export.local, depth + 1);
        return r;
      }
      return rl_engine__binding(px, (uint32_t)target, tf[j].export.local, depth + 1);
    }
    const RlFact *direct = rl_project_func(px, (uint32_t)target, f[i].import.imported);
    if (direct && (direct->flags & RL_FF_EXPORTED)) return direct;
    return NULL;
  }
  return NULL;
}

const RlFact *rl_project_js_binding(const RlProject *px, uint32_t file,
                                    const char *name) {
  return rl_engine__binding(px, file, name, 0);
}

bool rl_fact_of(const RlProject *px, const RlFact *f, const RlRule *rule) {
  return f->kind >= RL_FACT_RULE && f->rule < px->session->nrules &&
         px->session->rules[f->rule] == rule;
}

RlReport *rl_project_report(RlProject *px, const RlRule *rule, const RlFact *at,
                            const char *fmt, ...) {
  RlEngineFile *f = px->files[at->file];
  va_list ap;
  va_start(ap, fmt);
  const char *msg = rl_arena_vprintf(&f->proj, fmt, ap);
  va_end(ap);
  return rl_engine__new_report(f, px->session, rule, at->loc, at->func, at->line_text, msg);
}

void rl_project_related(RlProject *px, RlReport *r, const RlFact *at, const char *fmt,
                        ...) {
  RlEngineFile *f = px->files[at->file];
  va_list ap;
  va_start(ap, fmt);
  rl_engine__add_related(r, f->path, f->rel_path, at->loc, fmt, ap);
  va_end(ap);
}

void rl_project_hint(RlProject *px, RlReport *r, const char *fmt, ...) {
  (void)px;
  va_list ap;
  va_start(ap, fmt);
  r->d.hint = rl_arena_vprintf(r->arena, fmt, ap);
  va_end(ap);
}

void rl_project_fix(RlProject *px, RlReport *r, const RlFact *at) {
  /* the edits are byte ranges of at's file: only a finding there takes them */
  if (at->file >= px->n || px->files[at->file]->path != r->d.path) return;
  for (uint32_t i = 0; i < at->nfixes; i++) {
    const RlFix *fx = &at->fixes[i];
    for (uint32_t k = 0; k < fx->nedits; k++) {
      const RlEdit *e = &fx->edits[k];
      rl_fix_add(r->arena, &r->d, fx->title, fx->safety, e->start, e->end, e->text,
                 e->loc.line ? &e->loc : NULL);
    }
  }
}

void rl_project_severity(RlProject *px, RlReport *r, RlSeverity sev) {
  int idx = rl_session_rule_index(px->session, r->d.rule->id);
  if (idx < 0) return;
  /* the finding's file: the one whose path the report carries */
  for (uint32_t i = 0; i < px->n; i++) {
    const RlEngineFile *f = px->files[i];
    if (f->path != r->d.path) continue;
    if (f->settings ? f->settings->severity_set[idx] : px->session->severity_set[idx]) return;
    break;
  }
  r->d.severity = sev;
}

void rl_engine_project(const RlSession *session, RlEngineFile **files, uint32_t n) {
  rl_engine_project_pkgs(session, files, n, NULL, NULL);
}

void rl_engine_project_pkgs(const RlSession *session, RlEngineFile **files, uint32_t n,
                            RlEngineResolveBare resolve, const void *ctx) {
  RlProject px = {session, files, n, rl_malloc((n + 1) * sizeof(uint32_t)), resolve, ctx};
  for (uint32_t i = 0; i < n; i++) {
    RlEngineFile *f = files[i];
    rl_arena_free(&f->proj);
    f->diags.n = 0;
    f->suppressed.n = 0;
    for (uint32_t j = 0; j < f->local.n; j++) RL_VEC_PUSH(f->diags, f->local.v[j]);
    for (uint32_t j = 0; j < f->supps.n; j++) f->supps.v[j].used = false;
    f->phase2 = true; /* from here on, findings go to the proj arena */
    px.by_path[i] = i;
    rl_facts_bind(files[i]->facts.v, files[i]->facts.n, i);
  }
  qsort_r(px.by_path, n, sizeof(uint32_t), rl_engine__cmp_path, files);
  if (!session->parse_only)
    for (uint32_t i = 0; i < session->nslots; i++) {
      const RlSlot *sl = &session->slots[i];
      if (!sl->check.project) continue;
      /* a project phase runs when some file has its rule on (a strict
       * rule turned on by one folder's config, in the CLI and the LSP) */
      bool on = session->enabled[sl->rule];
      for (uint32_t k = 0; k < n && !on; k++) on = rl_engine_enabled(session, files[k], sl->rule);
      if (on) sl->check.project(&px, session->rules[sl->rule]);
    }
  free(px.by_path);
  rl_parsegate_apply(files, n); /* C findings after a parse error: notes only */
}
