/* cache.c - the result cache (see cache.h). Entry format: "RLC3", the tool
 * version, the key, then the file's results as length-prefixed fields;
 * each fact as its common fields, then the fields of its kind's record
 * (rl_cache__w_record). Every read is bounds-checked; anything unexpected
 * is a miss. */
#include "cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "facts.h"
#include "suppress.h"
#include "util.h"

#ifndef RL_VERSION
#define RL_VERSION "0.0.0-dev"
#endif
#define RL_CACHE_MAGIC "RLC3"

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
    w_u32(b, h[i].read);
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
    w_u32(&b, d->nfixes);
    for (uint32_t j = 0; j < d->nfixes; j++) {
      w_str(&b, d->fixes[j].title);
      w_u32(&b, d->fixes[j].safety);
      w_u32(&b, d->fixes[j].nedits);
      for (uint32_t k = 0; k < d->fixes[j].nedits; k++) {
        w_u32(&b, d->fixes[j].edits[k].start);
        w_u32(&b, d->fixes[j].edits[k].end);
        w_str(&b, d->fixes[j].edits[k].text);
      }
    }
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
  }
  rl_buf_put(&b, "END!", 4);
  char *path = rl_cache__path(self, key);
  char *slash = strrchr(path, '/');
  *slash = 0;
  (void)rl_cache__mkdirs(path);
  *slash = '/';
  char *tmp = rl_asprintf("%s.%ld.%p.tmp", path, (long)getpid(), (void *)f);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd >= 0) {
    size_t off = 0;
    bool ok = true;
    while (off < b.len) {
      ssize_t k = write(fd, b.data + off, b.len - off);
      if (k < 0 && errno == EINTR) continue;
      if (k <= 0) {
        ok = false;
        break;
      }
      off += (size_t)k;
    }
    if (close(fd) != 0) ok = false;
    if (!ok || rename(tmp, path) != 0) unlink(tmp);
  }
  free(tmp);
  free(path);
  rl_buf_free(&b);
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

/* Sanity bound for counts read from a file. */
#define RL_CACHE_MAX_COUNT 10000000u

/* A string that may not be absent ("" in the record). */
static const char *r_name(RlReader *r) {
  const char *s = r_str(r);
  return s ? s : "";
}

/* A value that must be below `limit`; anything else spoils the entry. */
static uint32_t r_below(RlReader *r, uint32_t limit) {
  uint32_t v = r_u32(r);
  if (v >= limit) {
    r->bad = true;
    return 0;
  }
  return v;
}

/* A count of elements, each at least `min` bytes in the rest of the entry. */
static uint32_t r_count(RlReader *r, size_t min) {
  uint32_t n = r_u32(r);
  if (n > RL_CACHE_MAX_COUNT || (size_t)(r->end - r->p) / (min ? min : 1) < n) {
    r->bad = true;
    return 0;
  }
  return n;
}

static void r_obj(RlReader *r, RlCObj *o) {
  memset(o, 0, sizeof *o);
  o->kind = (uint8_t)r_below(r, RL_CO_PARAM + 1);
  o->param = (uint8_t)r_below(r, 256);
  o->nelem = (uint8_t)r_below(r, 256);
  uint32_t fl = r_below(r, 4);
  o->file_local = fl & 1;
  o->deref = (fl >> 1) & 1;
  o->name = r_name(r);
  o->owner = r_name(r);
}

static const RlCHeld *r_held(RlReader *r, uint32_t *n) {
  *n = r_count(r, 32);
  if (!*n || r->bad) return NULL;
  RlCHeld *h = rl_arena_alloc(r->arena, *n * sizeof *h);
  for (uint32_t i = 0; i < *n && !r->bad; i++) {
    r_obj(r, &h[i].cls);
    h[i].line = r_u32(r);
    h[i].read = r_below(r, 2) != 0;
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
    x->import.what = (uint8_t)r_below(r, RL_IMPORT_NAMESPACE + 1);
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
    uint32_t n = r_count(r, 8);
    RlCStep *path = n && !r->bad ? rl_arena_alloc(r->arena, n * sizeof *path) : NULL;
    for (uint32_t i = 0; i < n && !r->bad; i++) {
      path[i].field = r_name(r);
      path[i].how = (uint8_t)r_below(r, RL_CS_ELEM + 1);
      if (!path[i].how) r->bad = true;
    }
    x->access.path = path;
    x->access.npath = r->bad ? 0 : n;
    x->access.held = r_held(r, &x->access.nheld);
    x->access.text = r_name(r);
    return true;
  }
  case RL_FACT_C_GLOBAL:
    r_obj(r, &x->global.var);
    x->global.type = r_name(r);
    return true;
  case RL_FACT_C_WRAPPER:
    r_obj(r, &x->wrapper.cls);
    x->wrapper.param = (int32_t)r_u32(r);
    x->wrapper.acquire = r_below(r, 2) != 0;
    return true;
  case RL_FACT_C_BALANCE:
    r_obj(r, &x->balance.cls);
    x->balance.text = r_name(r);
    x->balance.nnotes = r_u32(r);
    x->balance.what = (uint8_t)r_below(r, RL_CB_LEAK + 1);
    if (!x->balance.what) r->bad = true;
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
    x->assume.acquire = r_below(r, 2) != 0;
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
  RlReadStatus st = rl_read_file(path, 256u << 20, &data, &len, &err);
  free(path);
  if (st != RL_READ_OK) return false;
  RlReader r = {data, data + len, &f->keep, false};
  bool ok = false;
  if (len < 8 || memcmp(data, RL_CACHE_MAGIC, 4) != 0 || memcmp(data + len - 4, "END!", 4) != 0)
    goto done;
  r.p += 4;
  r.end -= 4;
  const char *ver = r_str(&r);
  if (!ver || strcmp(ver, RL_VERSION) != 0 || r_u64(&r) != key) goto done;
  f->analyzed = r_u32(&r) != 0;
  f->content_hash = r_u64(&r);
  uint32_t n = r_u32(&r);
  if (n > RL_CACHE_MAX_COUNT) goto done;
  for (uint32_t i = 0; i < n && !r.bad; i++) {
    RlDep dep = {r_str(&r), (int64_t)r_u64(&r), (int64_t)r_u64(&r)};
    struct stat sb;
    /* a header changed (or vanished): the entry is stale */
    if (!dep.path || stat(dep.path, &sb) != 0 || sb.st_size != dep.size ||
        (int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec != dep.mtime_ns)
      goto done;
    RL_VEC_PUSH(f->deps, dep);
  }
  n = r_u32(&r);
  if (n > RL_CACHE_MAX_COUNT) goto done;
  for (uint32_t i = 0; i < n && !r.bad; i++) {
    RlNotice x = {f->path, r_str(&r), r_u32(&r) != 0};
    if (!x.msg) goto done;
    RL_VEC_PUSH(f->notices, x);
  }
  n = r_u32(&r);
  if (n > RL_CACHE_MAX_COUNT) goto done;
  for (uint32_t i = 0; i < n && !r.bad; i++) {
    RlDiag *d = rl_arena_alloc(&f->keep, sizeof *d + 16); /* room for the engine's RlReport */
    const char *id = r_str(&r);
    int idx = id ? rl_session_rule_index(s, id) : -1;
    if (idx < 0) goto done;
    d->rule = s->rules[idx];
    d->severity = (RlSeverity)r_u32(&r);
    d->path = f->path;
    d->rel_path = f->rel_path;
    r_loc(&r, &d->loc);
    d->msg = r_str(&r);
    d->hint = r_str(&r);
    d->func = r_str(&r);
    d->line_text = r_str(&r);
    d->nrelated = r_u32(&r);
    if (d->nrelated > RL_CACHE_MAX_COUNT || r.bad) goto done;
    d->related = rl_arena_alloc(&f->keep, (d->nrelated + 1) * sizeof *d->related);
    for (uint32_t j = 0; j < d->nrelated; j++) {
      RlRelated *rel = &d->related[j];
      const char *p = r_str(&r), *rp = r_str(&r);
      /* phase-1 related locations are in this file */
      rel->path = p && strcmp(p, f->path) == 0 ? f->path : p;
      rel->rel_path = rp && strcmp(rp, f->rel_path) == 0 ? f->rel_path : rp;
      r_loc(&r, &rel->loc);
      rel->msg = r_str(&r);
    }
    d->nfixes = r_u32(&r);
    if (d->nfixes > RL_CACHE_MAX_COUNT || r.bad) goto done;
    d->fixes = rl_arena_alloc(&f->keep, (d->nfixes + 1) * sizeof *d->fixes);
    for (uint32_t j = 0; j < d->nfixes; j++) {
      RlFix *fx = &d->fixes[j];
      fx->title = r_str(&r);
      fx->safety = (RlFixSafety)r_u32(&r);
      fx->nedits = r_u32(&r);
      if (fx->nedits > RL_CACHE_MAX_COUNT || r.bad) goto done;
      fx->edits = rl_arena_alloc(&f->keep, (fx->nedits + 1) * sizeof *fx->edits);
      for (uint32_t k = 0; k < fx->nedits; k++) {
        fx->edits[k].start = r_u32(&r);
        fx->edits[k].end = r_u32(&r);
        fx->edits[k].text = r_str(&r);
      }
    }
    if (r.bad || !d->msg) goto done;
    RL_VEC_PUSH(f->local, d);
  }
  n = r_u32(&r);
  if (n > RL_CACHE_MAX_COUNT) goto done;
  for (uint32_t i = 0; i < n && !r.bad; i++) {
    RlFact x;
    memset(&x, 0, sizeof x);
    x.kind = (uint16_t)r_u32(&r);
    (void)r_str(&r);
    uint32_t rule = r_u32(&r);
    x.rule = (uint16_t)rule;
    if (rule != 0xFFFF && rule >= s->nrules) goto done;
    x.flags = r_u32(&r);
    x.aux = r_u32(&r);
    x.func = r_name(&r);
    r_loc(&r, &x.loc);
    x.line_text = r_str(&r);
    if (!rl_cache__r_record(&r, &x) || r.bad) goto done;
    RL_VEC_PUSH(f->facts, x);
  }
  n = r_u32(&r);
  if (n > RL_CACHE_MAX_COUNT) goto done;
  for (uint32_t i = 0; i < n && !r.bad; i++) {
    RlSuppression sp;
    memset(&sp, 0, sizeof sp);
    sp.kind = (RlSuppKind)r_u32(&r);
    sp.first = r_u32(&r);
    sp.last = r_u32(&r);
    r_loc(&r, &sp.loc);
    sp.line_text = r_str(&r);
    sp.id = r_str(&r);
    sp.reason = r_str(&r);
    if (!sp.id) sp.id = "";
    if (!sp.reason) sp.reason = "";
    RL_VEC_PUSH(f->supps, sp);
  }
  ok = !r.bad && r.p == r.end;
done:
  free(data);
  if (!ok) { /* leave nothing half-filled */
    f->local.n = f->facts.n = f->supps.n = f->notices.n = f->deps.n = 0;
  }
  return ok;
}
