/* cache.c - the result cache (see cache.h). Entry format: "RLC9", the tool
 * version, the key, then the file's results as length-prefixed fields;
 * each fact as its common fields, its fixes (rl_fact_fix), then the
 * fields of its kind's record (rl_cache__w_record / rl_cache__r_record).
 * An entry is untrusted input (a CI cache can be restored from another
 * branch's run): every read is bounds-checked, every count is bounded by
 * the bytes left in the entry, every enum, flag, location and rule index is
 * checked against its range before use. Anything unexpected is a miss. */
#include "cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "facts.h"
#include "outfile.h"
#include "suppress.h"
#include "util.h"

#ifndef RL_VERSION
#define RL_VERSION "0.0.0-dev"
#endif
#define RL_CACHE_MAGIC "RLC9"
/* Entries are read whole; a larger one is a miss. */
#define RL_CACHE_MAX_ENTRY (256u << 20)

struct RlCache {
  char *dir;
};

char *rl_cache_default_dir(void) {
  const char *x = getenv("XDG_CACHE_HOME");
  if (x && *x == '/') return rl_path_join(x, "racelint");
  const char *h = getenv("HOME");
  if (h && *h == '/') return rl_asprintf("%s/.cache/racelint", h);
  return NULL;
}

static bool rl_cache__mkdirs(const char *dir) {
  char *p = rl_strdup(dir);
  for (char *s = p + 1; *s; s++) {
    if (*s != '/') continue;
    *s = 0;
    if (mkdir(p, 0700) != 0 && errno != EEXIST) {
      free(p);
      return false;
    }
    *s = '/';
  }
  bool ok = mkdir(p, 0700) == 0 || errno == EEXIST;
  free(p);
  return ok;
}

RlCache *rl_cache_open(const char *dir) {
  if (!dir || !rl_cache__mkdirs(dir) || access(dir, W_OK) != 0) return NULL;
  RlCache *c = rl_calloc(1, sizeof *c);
  c->dir = rl_strdup(dir);
  return c;
}

void rl_cache_close(RlCache *self) {
  if (!self) return;
  free(self->dir);
  free(self);
}

static char *rl_cache__path(const RlCache *c, uint64_t key) {
  /* 256 subdirectories keep directories small */
  return rl_asprintf("%s/%02x/%016llx", c->dir, (unsigned)(key >> 56), (unsigned long long)key);
}

/* Section - dependencies */

static void rl_cache__add_dir(RlEngineFile *f, const char *dir, size_t n) {
  if (!n || n >= 4096) return;
  char *d = rl_arena_strndup(&f->keep, dir, n);
  for (uint32_t i = 0; i < f->deps.n; i++)
    if (strcmp(f->deps.v[i].path, d) == 0) return;
  struct stat sb;
  RlDep dep = {d, -1, -1};
  if (stat(d, &sb) == 0) {
    dep.size = (int64_t)sb.st_size;
    dep.mtime_ns = (int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec;
  }
  RL_VEC_PUSH(f->deps, dep);
}

void rl_cache_add_search_dirs(RlEngineFile *f, const char *const *args, uint32_t n) {
  static const char *const flags[] = {"-I", "-iquote", "-isystem", "-idirafter"};
  uint32_t nheaders = f->deps.n;
  const char *slash = f->abs_path ? strrchr(f->abs_path, '/') : NULL;
  if (slash) rl_cache__add_dir(f, f->abs_path, (size_t)(slash - f->abs_path));
  for (uint32_t i = 0; i < n; i++)
    for (size_t k = 0; k < RL_COUNTOF(flags); k++) {
      size_t fl = strlen(flags[k]);
      if (strncmp(args[i], flags[k], fl) != 0) continue;
      const char *dir = args[i][fl] ? args[i] + fl : i + 1 < n ? args[++i] : NULL;
      if (dir && dir[0] == '/') rl_cache__add_dir(f, dir, strlen(dir));
      break;
    }
  for (uint32_t i = 0; i < nheaders; i++) {
    const char *h = f->deps.v[i].path, *hs = strrchr(h, '/');
    if (hs) rl_cache__add_dir(f, h, (size_t)(hs - h));
  }
}

/* Section - writing */

static void w_u32(RlBuf *b, uint32_t v) { rl_buf_put(b, &v, sizeof v); }
static void w_u64(RlBuf *b, uint64_t v) { rl_buf_put(b, &v, sizeof v); }
static void w_str(RlBuf *b, const char *s) {
  if (!s) {
    w_u32(b, UINT32_MAX);
    return;
  }
  uint32_t n = (uint32_t)strlen(s);
  w_u32(b, n);
  rl_buf_put(b, s, n);
}
static void w_loc(RlBuf *b, const RlLoc *l) { rl_buf_put(b, l, sizeof *l); }

static void w_obj(RlBuf *b, const RlCObj *o) {
  w_u32(b, o->kind);
  w_u32(b, o->param);
  w_u32(b, o->nelem);
  w_u32(b, (uint32_t)o->file_local | (uint32_t)o->deref << 1);
  w_str(b, o->name);
  w_str(b, o->owner);
}

static void w_held(RlBuf *b, const RlCHeld *h, uint32_t n) {
  w_u32(b, n);
  for (uint32_t i = 0; i < n; i++) {
    w_obj(b, &h[i].cls);
    w_u32(b, h[i].line);
    w_u32(b, (uint32_t)h[i].read | (uint32_t)h[i].fresh << 1);
  }
}

/* Fixes: a finding's, a fact's. */
static void w_fixes(RlBuf *b, const RlFix *fx, uint32_t n) {
  w_u32(b, n);
  for (uint32_t j = 0; j < n; j++) {
    w_str(b, fx[j].title);
    w_u32(b, fx[j].safety);
    w_u32(b, fx[j].nedits);
    for (uint32_t k = 0; k < fx[j].nedits; k++) {
      w_u32(b, fx[j].edits[k].start);
      w_u32(b, fx[j].edits[k].end);
      w_str(b, fx[j].edits[k].text);
      w_loc(b, &fx[j].edits[k].loc);
    }
  }
}

/* The record of fact x, by its kind (rule_api.h); a rule's own kinds are
 * their three strings. */
static void rl_cache__w_record(RlBuf *b, const RlFact *x) {
  if (x->rule != 0xFFFF) {
    w_str(b, x->a);
    w_str(b, x->b);
    w_str(b, x->c);
    return;
  }
  switch (x->kind) {
  case RL_FACT_FUNC:
    w_str(b, x->fn.name);
    w_str(b, x->fn.bare);
    w_str(b, x->fn.cls);
    w_u32(b, x->fn.nparams);
    break;
  case RL_FACT_IMPORT:
    w_str(b, x->import.local);
    w_str(b, x->import.module);
    w_str(b, x->import.imported);
    w_u32(b, x->import.what);
    break;
  case RL_FACT_EXPORT:
    w_str(b, x->export.name);
    w_str(b, x->export.local);
    w_str(b, x->export.from);
    break;
  case RL_FACT_CALL:
    w_str(b, x->call.callee);
    w_held(b, x->call.held, x->call.nheld);
    w_u32(b, x->call.lock_arg);
    w_obj(b, &x->call.lock);
    break;
  case RL_FACT_SPAWN:
    w_str(b, x->spawn.routine);
    w_str(b, x->spawn.api);
    w_str(b, x->spawn.arg);
    break;
  case RL_FACT_C_LOCK:
  case RL_FACT_C_UNLOCK:
    w_obj(b, &x->lock.cls);
    w_held(b, x->lock.held, x->lock.nheld);
    w_u32(b, (uint32_t)x->lock.base_param);
    w_str(b, x->lock.text);
    break;
  case RL_FACT_C_ACCESS:
    w_obj(b, &x->access.var);
    w_u32(b, x->access.npath);
    for (uint32_t i = 0; i < x->access.npath; i++) {
      w_str(b, x->access.path[i].field);
      w_u32(b, x->access.path[i].how);
    }
    w_held(b, x->access.held, x->access.nheld);
    w_str(b, x->access.text);
    w_str(b, x->access.value);
    break;
  case RL_FACT_C_GLOBAL:
    w_obj(b, &x->global.var);
    w_str(b, x->global.type);
    break;
  case RL_FACT_C_WRAPPER:
    w_obj(b, &x->wrapper.cls);
    w_u32(b, (uint32_t)x->wrapper.param);
    w_u32(b, x->wrapper.acquire);
    break;
  case RL_FACT_C_BALANCE:
    w_obj(b, &x->balance.cls);
    w_str(b, x->balance.text);
    w_u32(b, x->balance.nnotes);
    w_u32(b, x->balance.what);
    break;
  case RL_FACT_C_PAIR:
    w_obj(b, &x->pair.cls);
    w_str(b, x->pair.first);
    w_str(b, x->pair.second);
    w_u32(b, x->pair.nnotes);
    break;
  case RL_FACT_C_LAZY:
    w_str(b, x->lazy.var);
    w_str(b, x->lazy.text);
    break;
  case RL_FACT_C_NOTE: w_str(b, x->note.msg); break;
  case RL_FACT_C_PASS:
    w_str(b, x->pass.callee);
    w_u32(b, x->pass.arg);
    w_u32(b, x->pass.param);
    break;
  case RL_FACT_C_ASSUME:
    w_str(b, x->assume.callee);
    w_u32(b, x->assume.arg);
    w_u32(b, x->assume.acquire);
    break;
  case RL_FACT_C_GUARD:
    w_obj(b, &x->guard.var);
    w_str(b, x->guard.spell);
    w_str(b, x->guard.value);
    break;
  case RL_FACT_C_CHANGE: w_obj(b, &x->change.var); break;
  case RL_FACT_C_ARGK:
    w_str(b, x->argk.callee);
    w_str(b, x->argk.spell);
    w_str(b, x->argk.value);
    w_u32(b, x->argk.arg);
    w_u32(b, x->argk.param);
    break;
  case RL_FACT_C_FNREF:
    w_obj(b, &x->fnref.field);
    w_obj(b, &x->fnref.into);
    w_str(b, x->fnref.fn);
    w_str(b, x->fnref.callee);
    w_u32(b, x->fnref.arg);
    w_u32(b, (uint32_t)x->fnref.param);
    w_u32(b, x->fnref.what);
    break;
  case RL_FACT_JS_TYPE:
    w_str(b, x->jstype.owner);
    w_str(b, x->jstype.member);
    w_str(b, x->jstype.type);
    w_u32(b, x->jstype.what);
    w_u32(b, x->jstype.verdict);
    break;
  default:
    break;
  }
}

void rl_cache_put(RlCache *self, const RlEngineFile *f, uint64_t key) {
  if (!self) return;
  RlBuf b = {0};
  rl_buf_put(&b, RL_CACHE_MAGIC, 4);
  w_str(&b, RL_VERSION);
  w_u64(&b, key);
  w_u32(&b, f->analyzed);
  w_u32(&b, f->incomplete_line);
  w_u32(&b, f->setup_incomplete);
  w_str(&b, f->missing_header);
  w_u64(&b, f->content_hash);
  w_u32(&b, f->deps.n);
  for (uint32_t i = 0; i < f->deps.n; i++) {
    w_str(&b, f->deps.v[i].path);
    w_u64(&b, (uint64_t)f->deps.v[i].size);
    w_u64(&b, (uint64_t)f->deps.v[i].mtime_ns);
  }
  w_u32(&b, f->notices.n);
  for (uint32_t i = 0; i < f->notices.n; i++) {
    w_str(&b, f->notices.v[i].msg);
    w_u32(&b, f->notices.v[i].is_error);
  }
  w_u32(&b, f->local.n);
  for (uint32_t i = 0; i < f->local.n; i++) {
    const RlDiag *d = f->local.v[i];
    w_str(&b, d->rule->id);
    w_u32(&b, d->severity);
    w_loc(&b, &d->loc);
    w_str(&b, d->msg);
    w_str(&b, d->hint);
    w_str(&b, d->func);
    w_str(&b, d->line_text);
    w_u32(&b, d->nrelated);
    for (uint32_t j = 0; j < d->nrelated; j++) {
      w_str(&b, d->related[j].path);
      w_str(&b, d->related[j].rel_path);
      w_loc(&b, &d->related[j].loc);
      w_str(&b, d->related[j].msg);
    }
    w_fixes(&b, d->fixes, d->nfixes);
  }
  w_u32(&b, f->facts.n);
  for (uint32_t i = 0; i < f->facts.n; i++) {
    const RlFact *x = &f->facts.v[i];
    w_u32(&b, x->kind);
    w_str(&b, x->rule == 0xFFFF ? NULL : ""); /* resolved by id below */
    w_u32(&b, x->rule);
    w_u32(&b, x->flags);
    w_u32(&b, x->aux);
    w_str(&b, x->func);
    w_loc(&b, &x->loc);
    w_str(&b, x->line_text);
    w_fixes(&b, x->fixes, x->nfixes);
    rl_cache__w_record(&b, x);
  }
  w_u32(&b, f->supps.n);
  for (uint32_t i = 0; i < f->supps.n; i++) {
    const RlSuppression *sp = &f->supps.v[i];
    w_u32(&b, sp->kind);
    w_u32(&b, sp->first);
    w_u32(&b, sp->last);
    w_loc(&b, &sp->loc);
    w_str(&b, sp->line_text);
    w_str(&b, sp->id);
    w_str(&b, sp->reason);
    w_u32(&b, sp->nids);
    w_u32(&b, sp->en_nids);
    const RlEdit *ed[2] = {&sp->del, &sp->en};
    for (int k = 0; k < 2; k++) { /* the fix of unused-suppression */
      w_u32(&b, ed[k]->start);
      w_u32(&b, ed[k]->end);
      w_str(&b, ed[k]->text);
      w_loc(&b, &ed[k]->loc);
    }
  }
  rl_buf_put(&b, "END!", 4);
  char *path = rl_cache__path(self, key);
  char *slash = strrchr(path, '/');
  *slash = 0;
  (void)rl_cache__mkdirs(path);
  /* A cache restored from another run's archive may hold anything. The
   * subdirectory must be one: a symbolic link there would put the entry
   * (file names and source lines included) in whatever directory it names.
   * The entry path must be a file, a link (replaced) or nothing: a FIFO,
   * socket or device would be written as a stream (a FIFO's open waits for
   * a reader forever). Anything else: not written, a later miss. */
  struct stat sb;
  bool ok = lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
  *slash = '/';
  if (ok && lstat(path, &sb) == 0) ok = S_ISREG(sb.st_mode) || S_ISLNK(sb.st_mode);
  if (ok) (void)rl_outfile_write(path, b.data, b.len, 0600); /* a failed write is a later miss */
  free(path);
  rl_buf_free(&b);
}

/* Section - fact fingerprints */

/* Prints the function line of facts v[0..n) (one function's). */
static void rl_cache__dump_func(FILE *out, const RlEngineFile *f, const RlFact *v, uint32_t n) {
  RlBuf b = {0};
  uint32_t line = 0;
  const char *name = v[0].func[0] ? v[0].func : "-";
  uint64_t *each = rl_malloc((n ? n : 1) * sizeof *each);
  for (uint32_t i = 0; i < n; i++) {
    const RlFact *x = &v[i];
    if (x->kind == RL_FACT_FUNC && f->lang == RL_LANG_C) {
      name = x->fn.name;
      line = x->loc.line;
    }
    size_t at = b.len;
    w_u32(&b, x->kind);
    w_u32(&b, x->flags);
    w_u32(&b, x->aux);
    w_loc(&b, &x->loc);
    w_u32(&b, x->rule); /* the same binary on both runs: the same registry */
    rl_cache__w_record(&b, x);
    each[i] = rl_hash_bytes(RL_FNV_INIT, b.data + at, b.len - at);
  }
  fprintf(out, "f\t%s\t%s\t%u\t%u\t%016llx\n", f->rel_path, name, line, n,
          (unsigned long long)rl_hash_bytes(RL_FNV_INIT, b.data, b.len));
  for (uint32_t i = 0; i < n; i++)
    fprintf(out, "x\t%u\t%u\t%016llx\n", v[i].kind, v[i].loc.line, (unsigned long long)each[i]);
  free(each);
  rl_buf_free(&b);
}

void rl_cache_dump_c_facts(FILE *out, const RlEngineFile *f) {
  if (f->lang != RL_LANG_C) return;
  fprintf(out, "F\t%s\t%d\t%u\t%d\t%s\n", f->rel_path, f->analyzed, f->incomplete_line,
          f->setup_incomplete, f->missing_header ? f->missing_header : "-");
  /* a function's facts are consecutive, its RL_FACT_FUNC first or last */
  for (uint32_t i = 0, j; i < f->facts.n; i = j) {
    const char *fn = f->facts.v[i].func;
    for (j = i + 1; j < f->facts.n && strcmp(f->facts.v[j].func, fn) == 0; j++) {}
    rl_cache__dump_func(out, f, f->facts.v + i, j - i);
  }
}

/* Section - reading */

typedef struct RlReader {
  const char *p, *end;
  RlArena *arena;
  bool bad;
} RlReader;

static uint32_t r_u32(RlReader *r) {
  uint32_t v = 0;
  if (r->end - r->p < 4) {
    r->bad = true;
    return 0;
  }
  memcpy(&v, r->p, 4);
  r->p += 4;
  return v;
}

static uint64_t r_u64(RlReader *r) {
  uint64_t v = 0;
  if (r->end - r->p < 8) {
    r->bad = true;
    return 0;
  }
  memcpy(&v, r->p, 8);
  r->p += 8;
  return v;
}

static const char *r_str(RlReader *r) {
  uint32_t n = r_u32(r);
  if (n == UINT32_MAX || r->bad) return NULL;
  if ((size_t)(r->end - r->p) < n) {
    r->bad = true;
    return NULL;
  }
  const char *s = rl_arena_strndup(r->arena, r->p, n);
  r->p += n;
  return s;
}

static void r_loc(RlReader *r, RlLoc *l) {
  if ((size_t)(r->end - r->p) < sizeof *l) {
    r->bad = true;
    memset(l, 0, sizeof *l);
    return;
  }
  memcpy(l, r->p, sizeof *l);
  r->p += sizeof *l;
}

/* The smallest number of bytes each record takes in an entry: a count read
 * from an entry can never exceed what the rest of the entry could hold, so
 * what is allocated for it is bounded by the entry's length. */
#define RL_CACHE_STR_MIN 4u
#define RL_CACHE_LOC_SIZE ((uint32_t)sizeof(RlLoc))
#define RL_CACHE_DEP_MIN (RL_CACHE_STR_MIN + 16u)
#define RL_CACHE_NOTICE_MIN (RL_CACHE_STR_MIN + 4u)
#define RL_CACHE_DIAG_MIN (5u * RL_CACHE_STR_MIN + 12u + RL_CACHE_LOC_SIZE)
#define RL_CACHE_RELATED_MIN (3u * RL_CACHE_STR_MIN + RL_CACHE_LOC_SIZE)
#define RL_CACHE_FIX_MIN (RL_CACHE_STR_MIN + 8u)
#define RL_CACHE_EDIT_MIN (RL_CACHE_STR_MIN + 8u + RL_CACHE_LOC_SIZE)
/* kind, rule, flags, aux, the count of fixes; the rule's id, func, line
 * text; the smallest record (a note's one string) */
#define RL_CACHE_FACT_MIN (4u * RL_CACHE_STR_MIN + 20u + RL_CACHE_LOC_SIZE)
#define RL_CACHE_SUPP_MIN (5u * RL_CACHE_STR_MIN + 36u + 3u * RL_CACHE_LOC_SIZE)

/* A count of records of at least `min` bytes each; bad (and 0) when the
 * rest of the entry cannot hold that many. */
static uint32_t r_count(RlReader *r, uint32_t min) {
  uint32_t n = r_u32(r);
  if (r->bad || n > (size_t)(r->end - r->p) / min) {
    r->bad = true;
    return 0;
  }
  return n;
}

/* An enum field: bad unless lo <= v <= hi. */
static uint32_t r_enum(RlReader *r, uint32_t lo, uint32_t hi) {
  uint32_t v = r_u32(r);
  if (v < lo || v > hi) r->bad = true;
  return v;
}

/* A boolean field: 0 or 1. */
static bool r_bool(RlReader *r) { return r_enum(r, 0, 1) != 0; }

/* Fixes as w_fixes wrote them (*n their count); bad when a title or a
 * text is missing or an edit ends before it starts. */
static RlFix *r_fixes(RlReader *r, uint32_t *n) {
  *n = r_count(r, RL_CACHE_FIX_MIN);
  if (r->bad) return NULL;
  RlFix *v = rl_arena_alloc(r->arena, (*n + 1) * sizeof *v);
  for (uint32_t j = 0; j < *n && !r->bad; j++) {
    RlFix *fx = &v[j];
    fx->title = r_str(r);
    fx->safety = (RlFixSafety)r_enum(r, RL_FIX_SAFE, RL_FIX_SUGGESTION);
    fx->nedits = r_count(r, RL_CACHE_EDIT_MIN);
    if (r->bad || !fx->title) {
      r->bad = true;
      return NULL;
    }
    fx->edits = rl_arena_alloc(r->arena, (fx->nedits + 1) * sizeof *fx->edits);
    for (uint32_t k = 0; k < fx->nedits && !r->bad; k++) {
      fx->edits[k].start = r_u32(r);
      fx->edits[k].end = r_u32(r);
      fx->edits[k].text = r_str(r);
      r_loc(r, &fx->edits[k].loc);
      if (!fx->edits[k].text || fx->edits[k].start > fx->edits[k].end) r->bad = true;
    }
  }
  return v;
}

/* A location as the engine makes them: lines from 1, columns from 1, the
 * end not before the start. */
static void r_valid_loc(RlReader *r, RlLoc *l) {
  r_loc(r, l);
  if (l->line == 0 || l->col == 0 || l->col_cp == 0 || l->end_line < l->line ||
      l->start > l->end || (l->end_line == l->line && l->end_col < l->col))
    r->bad = true;
}

/* Is a recorded dependency unchanged on disk? size -1: it was missing. */
static bool rl_cache__dep_fresh(const RlDep *dep) {
  struct stat sb;
  if (dep->size == -1) return stat(dep->path, &sb) != 0;
  return stat(dep->path, &sb) == 0 && sb.st_size == dep->size &&
         (int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec == dep->mtime_ns;
}

/* A string that may not be absent ("" in the record). */
static const char *r_name(RlReader *r) {
  const char *s = r_str(r);
  return s ? s : "";
}

/* The minimum sizes of the parts of a fact's record. */
#define RL_CACHE_OBJ_MIN (2u * RL_CACHE_STR_MIN + 16u)
#define RL_CACHE_HELD_MIN (RL_CACHE_OBJ_MIN + 8u)
#define RL_CACHE_STEP_MIN (RL_CACHE_STR_MIN + 4u)

static void r_obj(RlReader *r, RlCObj *o) {
  memset(o, 0, sizeof *o);
  o->kind = (uint8_t)r_enum(r, RL_CO_NONE, RL_CO_PARAM);
  o->param = (uint8_t)r_enum(r, 0, UINT8_MAX);
  o->nelem = (uint8_t)r_enum(r, 0, UINT8_MAX);
  uint32_t fl = r_enum(r, 0, 3);
  o->file_local = fl & 1;
  o->deref = (fl >> 1) & 1;
  o->name = r_name(r);
  o->owner = r_name(r);
}

static const RlCHeld *r_held(RlReader *r, uint32_t *n) {
  *n = r_count(r, RL_CACHE_HELD_MIN);
  if (!*n || r->bad) return NULL;
  RlCHeld *h = rl_arena_alloc(r->arena, *n * sizeof *h);
  for (uint32_t i = 0; i < *n && !r->bad; i++) {
    r_obj(r, &h[i].cls);
    h[i].line = r_u32(r);
    uint32_t rf = r_enum(r, 0, 3);
    h[i].read = rf & 1;
    h[i].fresh = (rf >> 1) & 1;
  }
  return h;
}

/* Reads the record of fact x (whose kind and rule are read); false if the
 * kind is not one this version writes. */
static bool rl_cache__r_record(RlReader *r, RlFact *x) {
  rl_facts_init_record(x);
  if (x->rule != 0xFFFF) {
    x->a = r_name(r);
    x->b = r_name(r);
    x->c = r_name(r);
    return true;
  }
  switch (x->kind) {
  case RL_FACT_FUNC:
    x->fn.name = r_name(r);
    x->fn.bare = r_name(r);
    x->fn.cls = r_name(r);
    x->fn.nparams = r_u32(r);
    return true;
  case RL_FACT_IMPORT:
    x->import.local = r_name(r);
    x->import.module = r_name(r);
    x->import.imported = r_name(r);
    x->import.what = (uint8_t)r_enum(r, RL_IMPORT_NAMED, RL_IMPORT_NAMESPACE);
    return true;
  case RL_FACT_EXPORT:
    x->export.name = r_name(r);
    x->export.local = r_name(r);
    x->export.from = r_name(r);
    return true;
  case RL_FACT_CALL:
    x->call.callee = r_name(r);
    x->call.held = r_held(r, &x->call.nheld);
    x->call.lock_arg = r_u32(r);
    r_obj(r, &x->call.lock);
    return true;
  case RL_FACT_SPAWN:
    x->spawn.routine = r_name(r);
    x->spawn.api = r_name(r);
    x->spawn.arg = r_name(r);
    return true;
  case RL_FACT_C_LOCK:
  case RL_FACT_C_UNLOCK:
    r_obj(r, &x->lock.cls);
    x->lock.held = r_held(r, &x->lock.nheld);
    x->lock.base_param = (int32_t)r_u32(r);
    x->lock.text = r_name(r);
    return true;
  case RL_FACT_C_ACCESS: {
    r_obj(r, &x->access.var);
    uint32_t n = r_count(r, RL_CACHE_STEP_MIN);
    RlCStep *path = n && !r->bad ? rl_arena_alloc(r->arena, n * sizeof *path) : NULL;
    for (uint32_t i = 0; i < n && !r->bad; i++) {
      path[i].field = r_name(r);
      path[i].how = (uint8_t)r_enum(r, RL_CS_DOT, RL_CS_ELEM);
    }
    x->access.path = path;
    x->access.npath = r->bad ? 0 : n;
    x->access.held = r_held(r, &x->access.nheld);
    x->access.text = r_name(r);
    x->access.value = r_name(r);
    return true;
  }
  case RL_FACT_C_GLOBAL:
    r_obj(r, &x->global.var);
    x->global.type = r_name(r);
    return true;
  case RL_FACT_C_WRAPPER:
    r_obj(r, &x->wrapper.cls);
    x->wrapper.param = (int32_t)r_u32(r);
    x->wrapper.acquire = r_bool(r);
    return true;
  case RL_FACT_C_BALANCE:
    r_obj(r, &x->balance.cls);
    x->balance.text = r_name(r);
    x->balance.nnotes = r_u32(r);
    x->balance.what = (uint8_t)r_enum(r, RL_CB_DOUBLE, RL_CB_LEAK);
    return true;
  case RL_FACT_C_PAIR:
    r_obj(r, &x->pair.cls);
    x->pair.first = r_name(r);
    x->pair.second = r_name(r);
    x->pair.nnotes = r_u32(r);
    return true;
  case RL_FACT_C_LAZY:
    x->lazy.var = r_name(r);
    x->lazy.text = r_name(r);
    return true;
  case RL_FACT_C_NOTE: x->note.msg = r_name(r); return true;
  case RL_FACT_C_PASS:
    x->pass.callee = r_name(r);
    x->pass.arg = r_u32(r);
    x->pass.param = r_u32(r);
    return true;
  case RL_FACT_C_ASSUME:
    x->assume.callee = r_name(r);
    x->assume.arg = r_u32(r);
    x->assume.acquire = r_bool(r);
    return true;
  case RL_FACT_C_GUARD:
    r_obj(r, &x->guard.var);
    x->guard.spell = r_name(r);
    x->guard.value = r_name(r);
    return true;
  case RL_FACT_C_CHANGE: r_obj(r, &x->change.var); return true;
  case RL_FACT_C_ARGK:
    x->argk.callee = r_name(r);
    x->argk.spell = r_name(r);
    x->argk.value = r_name(r);
    x->argk.arg = r_u32(r);
    x->argk.param = r_u32(r);
    return true;
  case RL_FACT_C_FNREF:
    r_obj(r, &x->fnref.field);
    r_obj(r, &x->fnref.into);
    x->fnref.fn = r_name(r);
    x->fnref.callee = r_name(r);
    x->fnref.arg = r_u32(r);
    x->fnref.param = (int32_t)r_u32(r);
    x->fnref.what = (uint8_t)r_enum(r, RL_FR_STORE, RL_FR_CALL);
    return true;
  case RL_FACT_JS_TYPE:
    x->jstype.owner = r_name(r);
    x->jstype.member = r_name(r);
    x->jstype.type = r_name(r);
    x->jstype.what = (uint8_t)r_enum(r, RL_JT_FUNC, RL_JT_ALIAS);
    x->jstype.verdict = (uint8_t)r_enum(r, RL_JT_UNKNOWN, RL_JT_NOT);
    return true;
  default:
    return false;
  }
}

bool rl_cache_get(RlCache *self, const RlSession *s, RlEngineFile *f, uint64_t key) {
  if (!self) return false;
  char *path = rl_cache__path(self, key);
  char *data;
  size_t len;
  int err;
  RlReadStatus st = rl_read_file(path, RL_CACHE_MAX_ENTRY, &data, &len, &err);
  free(path);
  if (st != RL_READ_OK) return false;
  bool ok = rl_cache_decode(s, f, key, data, len);
  free(data);
  return ok;
}

bool rl_cache_decode(const RlSession *s, RlEngineFile *f, uint64_t key, const char *data,
                     size_t len) {
  RlReader r = {data, data + len, &f->keep, false};
  bool ok = false, analyzed = f->analyzed;
  if (len < 8 || memcmp(data, RL_CACHE_MAGIC, 4) != 0 || memcmp(data + len - 4, "END!", 4) != 0)
    goto done;
  r.p += 4;
  r.end -= 4;
  const char *ver = r_str(&r);
  if (!ver || strcmp(ver, RL_VERSION) != 0 || r_u64(&r) != key) goto done;
  f->analyzed = r_bool(&r);
  f->incomplete_line = r_u32(&r);
  f->setup_incomplete = r_bool(&r);
  f->missing_header = r_str(&r);
  if (r_u64(&r) != f->content_hash) goto done; /* also part of the key: a foreign entry */
  uint32_t n = r_count(&r, RL_CACHE_DEP_MIN);
  for (uint32_t i = 0; i < n && !r.bad; i++) {
    RlDep dep;
    dep.path = r_str(&r);
    dep.size = (int64_t)r_u64(&r);
    dep.mtime_ns = (int64_t)r_u64(&r);
    if (dep.size < -1) r.bad = true;
    if (!dep.path || r.bad || !rl_cache__dep_fresh(&dep)) goto done; /* changed, vanished */
    RL_VEC_PUSH(f->deps, dep);
  }
  n = r_count(&r, RL_CACHE_NOTICE_MIN);
  for (uint32_t i = 0; i < n && !r.bad; i++) {
    RlNotice x;
    x.path = f->path;
    x.msg = r_str(&r);
    x.is_error = r_bool(&r);
    if (!x.msg || r.bad) goto done;
    RL_VEC_PUSH(f->notices, x);
  }
  n = r_count(&r, RL_CACHE_DIAG_MIN);
  for (uint32_t i = 0; i < n && !r.bad; i++) {
    RlDiag *d = rl_arena_alloc(&f->keep, sizeof *d + 16); /* room for the engine's RlReport */
    memset(d, 0, sizeof *d);
    const char *id = r_str(&r);
    int idx = id ? rl_session_rule_index(s, id) : -1;
    if (idx < 0) goto done;
    d->rule = s->rules[idx];
    d->severity = (RlSeverity)r_enum(&r, RL_SEV_NOTE, RL_SEV_ERROR);
    d->path = f->path;
    d->rel_path = f->rel_path;
    r_valid_loc(&r, &d->loc);
    d->msg = r_str(&r);
    d->hint = r_str(&r);
    d->func = r_str(&r);
    d->line_text = r_str(&r);
    if (!d->line_text) d->line_text = ""; /* read by fingerprints and emitters */
    d->nrelated = r_count(&r, RL_CACHE_RELATED_MIN);
    if (r.bad || !d->msg) goto done;
    d->related = rl_arena_alloc(&f->keep, (d->nrelated + 1) * sizeof *d->related);
    for (uint32_t j = 0; j < d->nrelated && !r.bad; j++) {
      RlRelated *rel = &d->related[j];
      const char *p = r_str(&r), *rp = r_str(&r);
      /* phase-1 related locations are in this file */
      rel->path = p && strcmp(p, f->path) == 0 ? f->path : p;
      rel->rel_path = rp && strcmp(rp, f->rel_path) == 0 ? f->rel_path : rp;
      r_valid_loc(&r, &rel->loc);
      rel->msg = r_str(&r);
      if (!rel->path || !rel->rel_path || !rel->msg) r.bad = true;
    }
    d->fixes = r_fixes(&r, &d->nfixes);
    if (r.bad) goto done;
    RL_VEC_PUSH(f->local, d);
  }
  n = r_count(&r, RL_CACHE_FACT_MIN);
  for (uint32_t i = 0; i < n && !r.bad; i++) {
    RlFact x;
    memset(&x, 0, sizeof x);
    uint32_t kind = r_enum(&r, RL_FACT_FUNC, UINT16_MAX);
    x.kind = (uint16_t)kind;
    (void)r_str(&r);
    uint32_t rule = r_u32(&r);
    x.rule = (uint16_t)rule;
    /* the engine's own facts have no rule; a rule's facts name their rule */
    if (kind < RL_FACT_RULE ? rule != 0xFFFF : rule >= s->nrules)
      goto done;
    x.flags = r_u32(&r);
    x.aux = r_u32(&r);
    x.func = r_name(&r);
    r_valid_loc(&r, &x.loc);
    x.line_text = r_str(&r);
    if (!x.line_text) x.line_text = ""; /* becomes a finding's line text in phase 2 */
    x.fixes = r_fixes(&r, &x.nfixes);
    if (r.bad) goto done;
    if (!x.nfixes) x.fixes = NULL;
    if (!rl_cache__r_record(&r, &x) || r.bad) goto done;
    RL_VEC_PUSH(f->facts, x);
  }
  n = r_count(&r, RL_CACHE_SUPP_MIN);
  for (uint32_t i = 0; i < n && !r.bad; i++) {
    RlSuppression sp;
    memset(&sp, 0, sizeof sp);
    sp.kind = (RlSuppKind)r_enum(&r, RL_SUPP_NEXT_LINE, RL_SUPP_FILE);
    sp.first = r_u32(&r);
    sp.last = r_u32(&r);
    r_valid_loc(&r, &sp.loc);
    sp.line_text = r_str(&r);
    if (!sp.line_text) sp.line_text = "";
    sp.id = r_str(&r);
    sp.reason = r_str(&r);
    sp.nids = r_u32(&r);
    sp.en_nids = r_u32(&r);
    RlEdit *ed[2] = {&sp.del, &sp.en};
    for (int k = 0; k < 2; k++) {
      ed[k]->start = r_u32(&r);
      ed[k]->end = r_u32(&r);
      ed[k]->text = r_str(&r); /* NULL: none */
      r_loc(&r, &ed[k]->loc);
      if (ed[k]->start > ed[k]->end) r.bad = true;
    }
    if (!sp.id) sp.id = "";
    if (!sp.reason) sp.reason = "";
    if (sp.first > sp.last) r.bad = true;
    if (r.bad) goto done;
    RL_VEC_PUSH(f->supps, sp);
  }
  ok = !r.bad && r.p == r.end;
done:
  if (!ok) { /* leave nothing half-filled */
    f->local.n = f->facts.n = f->supps.n = f->notices.n = f->deps.n = 0;
    f->analyzed = analyzed;
    f->incomplete_line = 0;
    f->setup_incomplete = false;
    f->missing_header = NULL;
  }
  return ok;
}
