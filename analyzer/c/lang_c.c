/* lang_c.c - C in the language table (lang.h): the flags a file is parsed
 * with (compile_commands.json, the config, the command line, then the caps),
 * parsing in the bounded worker process (cworker.h) or, for fuzzing, in this
 * process (front_c.h), the headers a result depends on, and the facts
 * (csum.h). */
#include "lang_c.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cache.h"
#include "csum.h"
#include "cworker.h"
#include "engine.h"
#include "front_c.h"

/* This thread's C parser: the worker process (made on the first C file),
 * or in-process libclang (session c_in_process only). */
typedef struct RlLangCWorker {
  RlCWorker *cw;
  RlCParser *c;
  char *c_error; /* why libclang could not be loaded in-process (then c is NULL) */
} RlLangCWorker;

typedef RL_VEC(const char *) RlLangCArgs;

typedef struct RlLangCJob {
  RlLangCArgs args;
  bool from_db;
} RlLangCJob;

static void *rl_lang_c__worker_new(const RlSession *s) {
  (void)s;
  return rl_calloc(1, sizeof(RlLangCWorker));
}

static void rl_lang_c__worker_delete(void *worker) {
  RlLangCWorker *w = worker;
  if (!w) return;
  rl_cworker_delete(w->cw);
  rl_front_c_parser_delete(w->c);
  free(w->c_error);
  free(w);
}

static const char *const rl_lang_c__default_args[] = {"-w", "-ferror-limit=1000"};
/* Appended after every other flag, so that they win over a database's or a
 * config's: compiler limits stay bounded (-ferror-limit=0, huge
 * -fconstexpr-steps or -fbracket-depth would let one file run away). */
static const char *const rl_lang_c__caps[] = {
    "-ferror-limit=1000", "-fbracket-depth=256", "-fconstexpr-depth=512",
    "-fconstexpr-steps=1048576", "-ftemplate-depth=1024"};

/* The first C flags of file f: its compile_commands.json entry's (from the
 * command line's database, or the config's), *from_db set; else the
 * language flag alone. Owned by the database (or static); *n their count. */
static const char *const *rl_lang_c__db_args(const RlSession *s, const RlEngineFile *f,
                                             const RlFileSettings *settings, uint32_t *n,
                                             bool *from_db) {
  static const char *const c_file[] = {"-xc"}, *const c_header[] = {"-xc-header"};
  const RlConfig *conf = settings ? settings->config : NULL;
  const RlCompDb *compdb = s->compdb ? s->compdb : rl_config_compdb(conf);
  const char *const *db = rl_compdb_args(compdb, f->abs_path, n);
  *from_db = db != NULL;
  if (db) return db;
  *n = 1;
  return rl_str_ends_with(f->path, ".h") ? c_header : c_file;
}

/* C flags: from compile_commands.json, the config, the command line. */
static void rl_lang_c__begin(RlLangJob *job) {
  const RlSession *s = job->session;
  RlLangCJob *cj = rl_calloc(1, sizeof *cj);
  uint32_t n = 0;
  const char *const *db = rl_lang_c__db_args(s, job->file, job->settings, &n, &cj->from_db);
  for (uint32_t i = 0; i < n; i++) RL_VEC_PUSH(cj->args, db[i]);
  for (size_t i = 0; i < RL_COUNTOF(rl_lang_c__default_args); i++)
    RL_VEC_PUSH(cj->args, rl_lang_c__default_args[i]);
  uint32_t nconf = 0;
  const char *const *conf_args =
      rl_config_c_args(job->settings ? job->settings->config : NULL, &nconf);
  for (uint32_t i = 0; i < nconf; i++) RL_VEC_PUSH(cj->args, conf_args[i]);
  for (uint32_t i = 0; i < s->nc_args; i++) RL_VEC_PUSH(cj->args, s->c_args[i]);
  for (uint32_t i = 0; !cj->from_db && i < s->nc_found_args; i++)
    RL_VEC_PUSH(cj->args, s->c_found_args[i]);
  for (size_t i = 0; i < RL_COUNTOF(rl_lang_c__caps); i++)
    RL_VEC_PUSH(cj->args, rl_lang_c__caps[i]);
  job->priv = cj;
  job->args = cj->args.v;
  job->nargs = cj->args.n;
}

static void rl_lang_c__end(RlLangJob *job) {
  RlLangCJob *cj = job->priv;
  if (!cj) return;
  RL_VEC_FREE(cj->args);
  free(cj);
  job->priv = NULL;
  job->args = NULL;
  job->nargs = 0;
}

/* Parses a C file: in the bounded worker process (cworker.h), or in this
 * process when the session says so (fuzzing). */
static RlCWorkerStatus rl_lang_c__parse_with(RlLangJob *job, const char *const *args,
                                             uint32_t nargs, RlCParseResult *r,
                                             const char **why) {
  const RlSession *s = job->session;
  RlLangCWorker *w = job->worker;
  const RlEngineFile *f = job->file;
  RlCtx *cx = job->cx;
  if (!s->c_in_process) {
    if (!w->cw) {
      RlCWorkerLimits lim = {s->c_timeout_ms, s->c_memory_limit};
      w->cw = rl_cworker_new(&lim);
    }
    return rl_cworker_parse(w->cw, s->parse_only, f->abs_path, cx->src, cx->len, args, nargs,
                            cx->scratch, &cx->tree, r, why);
  }
  if (!w->c && !w->c_error) w->c = rl_front_c_parser_new(&w->c_error);
  if (!w->c) {
    *why = w->c_error;
    return RL_CWORKER_NO_LIBCLANG;
  }
  if (s->parse_only) {
    memset(r, 0, sizeof *r);
    r->first_error = UINT32_MAX;
    r->ok = rl_front_c_parse_only(w->c, f->abs_path, cx->src, cx->len, args, nargs);
  } else {
    *r = rl_front_c_parse(w->c, f->abs_path, cx->src, cx->len, args, nargs, cx->scratch,
                          &cx->tree);
  }
  return RL_CWORKER_OK;
}

/* Is an identifier spelt like a macro (FOO_SIZE, PACKAGE_NAME) at src+at? */
static bool rl_lang_c__macro_name(const char *src, size_t len, size_t at) {
  size_t e = at, letters = 0;
  for (; e < len && (src[e] == '_' || (src[e] >= 'A' && src[e] <= 'Z') ||
                     (src[e] >= '0' && src[e] <= '9'));
       e++)
    letters += src[e] >= 'A' && src[e] <= 'Z';
  bool lower = e < len && src[e] >= 'a' && src[e] <= 'z';
  return letters >= 2 && !lower && !(src[at] >= '0' && src[at] <= '9');
}

/* The start of the run of [A-Z0-9_] that ends at src+at. */
static size_t rl_lang_c__upper_start(const char *src, size_t at) {
  while (at > 0 && (src[at - 1] == '_' || (src[at - 1] >= 'A' && src[at - 1] <= 'Z') ||
                    (src[at - 1] >= '0' && src[at - 1] <= '9')))
    at--;
  return at;
}

/* Is `off` inside the argument list of a macro-like name that starts its
 * line, as a function defined through a macro at file scope reads
 * (`CALLBACK(list_cb, int, ...)` with the macro's header not found:
 * "expected identifier" at `int`)? A macro-like call inside an expression
 * (`a = SQUARE(x +);`) is not such a line. */
static bool rl_lang_c__in_line_macro(const char *src, size_t len, uint32_t off) {
  int depth = 0;
  for (size_t q = off < len ? off : len; q > 0 && off - q < 512; q--) {
    char c = src[q - 1];
    if (c == ';' || c == '{' || c == '}') return false;
    if (c == ')') depth++;
    if (c != '(') continue;
    if (depth > 0) {
      depth--;
      continue;
    }
    size_t e = q - 1;
    while (e > 0 && (src[e - 1] == ' ' || src[e - 1] == '\t')) e--;
    size_t b = rl_lang_c__upper_start(src, e);
    if (b == e || !rl_lang_c__macro_name(src, len, b)) return false;
    while (b > 0 && (src[b - 1] == ' ' || src[b - 1] == '\t')) b--;
    return b == 0 || src[b - 1] == '\n';
  }
  return false;
}

/* Does the C syntax error at `off` sit on a macro the build would define:
 * at a macro-like name or just before it on the line ("Default: "
 * DEFAULT_SOCK, f() ATTR_FORMAT(...)),
 * or just inside the parentheses of one (FIELD_SIZE(struct x *, y))? A
 * function-like macro that is not defined reads as a call, an object-like
 * one as a stray identifier, and both give a "Parse Issue". */
static bool rl_lang_c__macro_error(const char *src, size_t len, uint32_t off) {
  if (off >= len) return false;
  size_t at = off;
  while (at < len && (src[at] == ' ' || src[at] == '\t')) at++; /* "expected ';'" sits before it */
  if (at < len && rl_lang_c__macro_name(src, len, at) && at > off) return true;
  at = rl_lang_c__upper_start(src, off);
  if (rl_lang_c__macro_name(src, len, at) && (at == 0 || !(src[at - 1] >= 'a' && src[at - 1] <= 'z')))
    return true;
  size_t p = off;
  while (p > 0 && (src[p - 1] == ' ' || src[p - 1] == '\t')) p--;
  if (p > 0 && src[p - 1] == '(') {
    p--;
    while (p > 0 && (src[p - 1] == ' ' || src[p - 1] == '\t')) p--;
    size_t b = rl_lang_c__upper_start(src, p);
    if (b < p && (b == 0 || !((src[b - 1] >= 'a' && src[b - 1] <= 'z'))) &&
        rl_lang_c__macro_name(src, len, b))
      return true;
  }
  return rl_lang_c__in_line_macro(src, len, off);
}

/* True when the line holding OFF is an #error or #warning directive: the
 * project's own "configure first" message, a setup problem. */
static bool rl_lang_c__error_directive(const char *src, size_t len, uint32_t off) {
  if (off >= len) return false;
  size_t b = off;
  while (b > 0 && src[b - 1] != '\n') b--;
  while (b < len && (src[b] == ' ' || src[b] == '\t')) b++;
  if (b >= len || src[b] != '#') return false;
  b++;
  while (b < len && (src[b] == ' ' || src[b] == '\t')) b++;
  return (len - b >= 5 && memcmp(src + b, "error", 5) == 0) ||
         (len - b >= 7 && memcmp(src + b, "warning", 7) == 0);
}

static void rl_lang_c__parse(RlLangJob *job) {
  const RlSession *s = job->session;
  RlLangCJob *cj = job->priv;
  RlEngineFile *f = job->file;
  RlCtx *cx = job->cx;
  RlCParseResult r;
  const char *why = NULL;
  RlCWorkerStatus st = rl_lang_c__parse_with(job, cj->args.v, cj->args.n, &r, &why);
  if (st == RL_CWORKER_OK && !r.ok && cj->from_db && !s->parse_only) {
    /* The database's flags may not suit libclang: retry with defaults. */
    rl_engine_notice(f, false, "libclang rejected the compile_commands.json flags; "
                               "parsed with default flags");
    rl_tree_free(&cx->tree);
    rl_tree_init(&cx->tree);
    const char *def[] = {"-xc", "-w"};
    st = rl_lang_c__parse_with(job, def, 2, &r, &why);
  }
  if (st == RL_CWORKER_NO_LIBCLANG) {
    f->no_libclang = rl_arena_strdup(&f->keep, why ? why : "no usable libclang");
  } else if (st == RL_CWORKER_FAILED) {
    /* this file only: a notice and a finding, and the run goes on */
    rl_engine_notice(f, false, "not analysed: %s", why);
    rl_engine_parse_error(cx, 0, NULL,
                          rl_arena_printf(&f->keep,
                                          "not analysed: %s; this file has no findings", why));
  } else {
    job->parsed = r.ok;
    job->first_error = r.first_error;
    job->error_detail = r.error_msg;
    uint32_t first_error = r.first_error;
    /* a stand-in for a generated header defines none of the build's
     * macros: a preprocessor error (`#if 64 / SIZEOF_VOID_P`, an undefined
     * function-like macro in `#if`) in a file that includes one is the
     * run's setup; a parse error there is still the file's (`return 1 }`) */
    bool stood_in = false;
    size_t sdl = s->c_stub_dir && r.syntax ? strlen(s->c_stub_dir) : 0;
    for (uint32_t i = 0; sdl && i < r.nincludes && !stood_in; i++)
      stood_in = strncmp(r.includes[i], s->c_stub_dir, sdl) == 0 && r.includes[i][sdl] == '/';
    /* racelint:strict only (rules/parse-error.md, "Presets"): a parse
     * error in a file that includes a stand-in (a name the generated
     * header would define, a branch it would have left out), and a value
     * where a declaration's parameter should be (`LogTest("tab");` at file
     * scope: a macro of the build, or a file that is not C) */
    bool strict = f->settings && f->settings->strict;
    bool strict_only = r.syntax == 1 && (stood_in || (r.error_msg && strcmp(r.error_msg,
                                                          "expected parameter declarator") == 0));
    job->syntax = r.syntax && !r.missing && !(stood_in && r.syntax == 2) &&
                  !(strict_only && !strict) && !rl_str_ends_with(f->path, ".h") &&
                  !(first_error != UINT32_MAX &&
                    ((r.syntax == 1 && rl_lang_c__macro_error(cx->src, cx->len, first_error)) ||
                     rl_lang_c__error_directive(cx->src, cx->len, first_error)));
    if (r.ok && (r.missing || first_error != UINT32_MAX)) {
      if (r.missing) f->missing_header = rl_arena_strdup(&f->keep, r.missing);
      f->setup_incomplete = !job->syntax;
      f->incomplete_line =
          first_error != UINT32_MAX
              ? rl_lines_loc(&cx->lines, cx->src, cx->len, first_error, first_error).line
              : 1;
    }
    if (!r.ok && !s->parse_only) rl_engine_notice(f, true, "libclang could not parse this file");
    for (uint32_t i = 0; i < r.nincludes; i++) { /* for the cache's validation */
      struct stat sb;
      if (stat(r.includes[i], &sb) != 0) continue;
      RlDep dep = {rl_arena_strdup(&f->keep, r.includes[i]), (int64_t)sb.st_size,
                   (int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec};
      RL_VEC_PUSH(f->deps, dep);
    }
  }
  if (job->cached) rl_cache_add_search_dirs(f, cj->args.v, cj->args.n);
}

/* Functions, calls, thread spawns and the per-function summaries (locks,
 * accesses, wrappers): csum.c. */
const RlLangOps rl_lang_c = {
    .name = "c",
    .langs = RL_LANG_C,
    .worker_new = rl_lang_c__worker_new,
    .worker_delete = rl_lang_c__worker_delete,
    .begin = rl_lang_c__begin,
    .parse = rl_lang_c__parse,
    .end = rl_lang_c__end,
    .facts = rl_csum_extract,
};
