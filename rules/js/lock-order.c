/* js/lock-order.c - the JavaScript/TypeScript check of lock-order: several
 * locks held at once without a consistent order.
 *
 * Phase 1 walks each function (and the module's top level) in source order
 * and keeps the set of locks held: `await m.acquire()` / `m.lock()` until
 * the release function, `m.release()` or `m.unlock()`; the callback of
 * `m.runExclusive(cb)`, redlock's `using(...)` and AsyncLock's
 * `lock.acquire(key, cb)`; redlock's `acquire([resource])` / `lock(resource)`.
 * Lock identity is the lock expression as written: a module variable (or
 * import), `this.xLock` as "Class.xLock", a redlock resource string.
 *   (a) two locks of the same shape taken from different parameters or
 *       variables (`from.lock` then `to.lock`) with no ordering step before
 *       (a sort, an id comparison): reported here, at the second lock.
 *   (b) every pair "B taken while A held" of named locks becomes a fact;
 *       project() builds the graph over all files and reports each cycle
 *       once, at its first edge, with every edge as a related location.
 *       A cycle whose edges all hold one common outer lock is not a
 *       deadlock (the outer lock serialises them) and is not reported.
 *       A call made under a named lock to a function of the same file, a
 *       `this.` method or an imported function adds edges to the named
 *       locks that function takes (one call deep).
 * Not modelled: deeper call chains, locks passed through local aliases,
 * loops taking one lock per element. Doc: rules/lock-order.md */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../analyzer/rule_api.h"
#include "lock-order.h"


#define MAX_HELD 32
#define MAX_RES 8

typedef struct Lock {
  RlNode call;  /* the acquiring call */
  RlNode expr;  /* the lock expression */
  RlNode until; /* callback forms: held until this node; 0 = until released */
  const char *handle; /* release function / lock object variable, or NULL */
  const char *id;     /* named lock ("m:x", "i:x", "c:C.x", "r:res", ...) or NULL */
  const char *text;   /* as written, for messages */
  const char *shape;  /* dynamic locks: the text with local names replaced by $ */
  bool released;
  bool nonblocking; /* tryAcquire / tryLock: fails instead of waiting */
} Lock;

typedef struct Walk {
  RlNode top; /* the function (or program) being walked */
  Lock held[MAX_HELD];
  uint32_t n;
} Walk;

/* Section - names */

static const char *const lock_words[] = {"lock",  "locks", "mutex",    "mutexes", "mtx",
                                         "latch", "sem",   "semaphore", "redlock", "rwlock"};

/* Does the identifier-like text s[0..n) contain a lock word (camelCase,
 * snake_case and digits split words)? */
static bool has_lock_word(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    while (i < n && !isalpha((unsigned char)s[i])) i++;
    if (i >= n) break;
    size_t b = i++;
    while (i < n && islower((unsigned char)s[i])) i++;
    if (i - b == 1) /* an upper-case run: "RWLock" */
      while (i < n && isupper((unsigned char)s[i]) &&
             !(i + 1 < n && islower((unsigned char)s[i + 1])))
        i++;
    size_t len = i - b;
    for (size_t w = 0; w < RL_COUNTOF(lock_words); w++) {
      size_t wl = strlen(lock_words[w]);
      if (wl != len) continue;
      size_t k = 0;
      while (k < wl && tolower((unsigned char)s[b + k]) == lock_words[w][k]) k++;
      if (k == wl) return true;
    }
  }
  return false;
}

static bool node_has_lock_word(const RlCtx *cx, RlNode n) {
  size_t len;
  const char *s = rl_text(cx, n, &len);
  return has_lock_word(s, len);
}

/* The last name of an expression: `b` in a.b, `locks` in locks[i] and
 * locks.get(i), `getLock` in getLock(i). */
static RlNode last_name(const RlCtx *cx, RlNode e) {
  for (;;) {
    e = rl_strip(cx, e);
    switch (rl_kind(cx, e)) {
    case RL_JS_MEMBER_EXPRESSION:
      return rl_child(cx, e, RL_F_PROPERTY);
    case RL_JS_SUBSCRIPT_EXPRESSION:
      e = rl_child(cx, e, RL_F_OBJECT);
      break;
    case RL_JS_CALL_EXPRESSION: {
      RlNode f = rl_strip(cx, rl_child(cx, e, RL_F_FUNCTION));
      if (rl_kind(cx, f) == RL_JS_MEMBER_EXPRESSION) {
        RlNode prop = rl_child(cx, f, RL_F_PROPERTY);
        if (node_has_lock_word(cx, prop)) return prop; /* this.lockFor(id) */
        e = rl_child(cx, f, RL_F_OBJECT);
        break;
      }
      return f;
    }
    default:
      return e;
    }
  }
}

/* `withTimeout(m, ms)` and `tryAcquire(m)` (async-mutex) wrap the lock m;
 * *try_ (may be NULL) is set for tryAcquire, which never waits. */
static RlNode unwrap_try(RlCtx *cx, RlNode e, bool *try_) {
  e = rl_strip(cx, e);
  while (rl_kind(cx, e) == RL_JS_CALL_EXPRESSION && !rl_js_callee_object(cx, e)) {
    const char *f = rl_js_callee_name(cx, e);
    if (strcmp(f, "withTimeout") != 0 && strcmp(f, "tryAcquire") != 0) break;
    if (try_ && strcmp(f, "tryAcquire") == 0) *try_ = true;
    RlNode a = rl_js_arg(cx, e, 0);
    if (!a) break;
    e = rl_strip(cx, a);
  }
  return e;
}

static RlNode unwrap(RlCtx *cx, RlNode e) { return unwrap_try(cx, e, NULL); }

/* Is `v` (an initialiser) a lock constructor: new Mutex(), withTimeout(...)? */
static bool is_lock_value(RlCtx *cx, RlNode v) {
  v = rl_strip(cx, v);
  if (rl_kind(cx, v) == RL_JS_NEW_EXPRESSION)
    return node_has_lock_word(cx, rl_child(cx, v, RL_F_CONSTRUCTOR));
  if (rl_kind(cx, v) == RL_JS_CALL_EXPRESSION) {
    const char *f = rl_js_callee_name(cx, v);
    return strcmp(f, "withTimeout") == 0 || strcmp(f, "tryAcquire") == 0;
  }
  return false;
}

static bool same_text(const RlCtx *cx, RlNode a, RlNode b) {
  size_t la, lb;
  const char *sa = rl_text(cx, a, &la), *sb = rl_text(cx, b, &lb);
  return la == lb && memcmp(sa, sb, la) == 0;
}

/* Is the identifier bound to a lock: `const m = new Mutex()`, or a TS
 * parameter typed Mutex/Semaphore/...? */
static bool ident_is_lock(RlCtx *cx, RlNode id) {
  RlNode scope = rl_js_binding_scope(cx, id);
  if (!scope) return false;
  RlNode end = rl_node_end(cx, scope);
  for (RlNode i = scope; i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_JS_VARIABLE_DECLARATOR) {
      RlNode name = rl_child(cx, i, RL_F_NAME);
      if (rl_kind(cx, name) == RL_JS_IDENTIFIER && same_text(cx, name, id))
        return is_lock_value(cx, rl_child(cx, i, RL_F_VALUE));
    } else if ((k == RL_JS_REQUIRED_PARAMETER || k == RL_JS_OPTIONAL_PARAMETER) &&
               rl_parent(cx, rl_parent(cx, i)) == scope) {
      RlNode pat = rl_child(cx, i, RL_F_PATTERN);
      RlNode type = rl_child(cx, i, RL_F_TYPE);
      if (pat && type && same_text(cx, pat, id)) return node_has_lock_word(cx, type);
    }
  }
  return false;
}

/* Nearest enclosing class of n, or RL_NONE. */
static RlNode enclosing_class(const RlCtx *cx, RlNode n) {
  for (RlNode p = rl_parent(cx, n); p; p = rl_parent(cx, p)) {
    RlKind k = rl_kind(cx, p);
    if (k == RL_JS_CLASS_DECLARATION || k == RL_JS_ABSTRACT_CLASS_DECLARATION ||
        k == RL_JS_CLASS)
      return p;
  }
  return RL_NONE;
}

static const char *class_name(RlCtx *cx, RlNode cls) {
  RlNode name = rl_child(cx, cls, RL_F_NAME);
  if (name) return rl_text_dup(cx, name);
  RlNode vp = rl_parent(cx, cls);
  if (rl_kind(cx, vp) == RL_JS_VARIABLE_DECLARATOR)
    return rl_text_dup(cx, rl_child(cx, vp, RL_F_NAME));
  return NULL;
}

/* `this.x` where the class declares a field x = new Mutex()? */
static bool this_field_is_lock(RlCtx *cx, RlNode member) {
  RlNode cls = enclosing_class(cx, member);
  RlNode prop = rl_child(cx, member, RL_F_PROPERTY);
  if (!cls || !prop) return false;
  RlNode end = rl_node_end(cx, cls);
  for (RlNode i = cls; i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_JS_FIELD_DEFINITION || k == RL_JS_PUBLIC_FIELD_DEFINITION) {
      RlNode p = rl_child(cx, i, RL_F_PROPERTY);
      if (!p) p = rl_child(cx, i, RL_F_NAME);
      if (p && same_text(cx, p, prop)) {
        RlNode v = rl_child(cx, i, RL_F_VALUE);
        RlNode t = rl_child(cx, i, RL_F_TYPE);
        return (v && is_lock_value(cx, v)) || (t && node_has_lock_word(cx, t));
      }
    } else if (k == RL_JS_ASSIGNMENT_EXPRESSION) { /* this.x = new Mutex() in a constructor */
      RlNode l = rl_strip(cx, rl_child(cx, i, RL_F_LEFT));
      if (rl_kind(cx, l) == RL_JS_MEMBER_EXPRESSION &&
          rl_kind(cx, rl_strip(cx, rl_child(cx, l, RL_F_OBJECT))) == RL_JS_THIS &&
          same_text(cx, rl_child(cx, l, RL_F_PROPERTY), prop) &&
          is_lock_value(cx, rl_child(cx, i, RL_F_RIGHT)))
        return true;
    }
  }
  return false;
}

/* Does the expression name a lock (by its name, its initialiser or type)? */
static bool looks_like_lock(RlCtx *cx, RlNode e) {
  e = unwrap(cx, e);
  if (node_has_lock_word(cx, last_name(cx, e))) return true;
  if (rl_kind(cx, e) == RL_JS_IDENTIFIER) return ident_is_lock(cx, e);
  if (rl_kind(cx, e) == RL_JS_MEMBER_EXPRESSION &&
      rl_kind(cx, rl_strip(cx, rl_child(cx, e, RL_F_OBJECT))) == RL_JS_THIS)
    return this_field_is_lock(cx, e);
  return false;
}

static bool is_redlock(RlCtx *cx, RlNode recv, RlNode call) {
  size_t len;
  const char *s = rl_text(cx, last_name(cx, recv), &len);
  for (size_t i = 0; i + 7 <= len; i++) {
    size_t k = 0;
    while (k < 7 && tolower((unsigned char)s[i + k]) == "redlock"[k]) k++;
    if (k == 7) return true;
  }
  RlNode a0 = rl_strip(cx, rl_js_arg(cx, call, 0));
  return a0 && rl_kind(cx, a0) == RL_JS_ARRAY;
}

/* Section - lock identity */

/* Is identifier `id` a local or parameter of some function (a value that
 * can differ from call to call), rather than module-level or global? */
static bool is_dynamic_name(RlCtx *cx, RlNode id, RlNode top) {
  (void)top;
  RlNode scope = rl_js_binding_scope(cx, id);
  return scope && rl_kind(cx, scope) != RL_JS_PROGRAM;
}

/* Normalised text of e: no spaces, comments, parentheses or TS casts; in
 * shape mode local names become "$"; `this` becomes the class name. */
static const char *expr_text(RlCtx *cx, RlNode e, RlNode top, bool shape, bool *dynamic) {
  size_t elen;
  const char *src = rl_text(cx, e, &elen);
  bool *drop = rl_alloc(cx, elen + 1);
  const char **ins = rl_alloc(cx, (elen + 1) * sizeof *ins);
  size_t extra = 0;
  RlNode end = rl_node_end(cx, e);
  for (RlNode i = e; i < end; i++) {
    size_t len;
    const char *t = rl_text(cx, i, &len);
    size_t off = (size_t)(t - src);
    if (off > elen || off + len > elen) continue;
    RlKind k = rl_kind(cx, i);
    const char *rep = NULL;
    bool whole = false;
    if (k == RL_JS_COMMENT) {
      whole = true;
    } else if (k == RL_JS_IDENTIFIER && is_dynamic_name(cx, i, top)) {
      if (dynamic) *dynamic = true;
      if (shape) whole = true, rep = "$";
    } else if (k == RL_JS_THIS) {
      RlNode c = enclosing_class(cx, i);
      rep = c ? class_name(cx, c) : NULL;
      whole = rep != NULL;
    } else if (k == RL_JS_PARENTHESIZED_EXPRESSION || k == RL_JS_AS_EXPRESSION ||
               k == RL_JS_SATISFIES_EXPRESSION || k == RL_JS_NON_NULL_EXPRESSION ||
               k == RL_JS_TYPE_ASSERTION) {
      RlNode inner = rl_named_child(cx, i, k == RL_JS_TYPE_ASSERTION ? 1 : 0);
      if (!inner) continue;
      size_t ilen;
      const char *it = rl_text(cx, inner, &ilen);
      size_t ioff = (size_t)(it - src);
      for (size_t b = off; b < ioff && b < elen; b++) drop[b] = true;
      for (size_t b = ioff + ilen; b < off + len; b++) drop[b] = true;
      continue;
    }
    if (!whole) continue;
    for (size_t b = off; b < off + len; b++) drop[b] = true;
    if (rep) {
      ins[off] = rep;
      extra += strlen(rep);
    }
  }
  char *buf = rl_alloc(cx, elen + extra + 1);
  size_t n = 0;
  for (size_t b = 0; b < elen; b++) {
    if (ins[b])
      for (const char *r = ins[b]; *r; r++) buf[n++] = *r;
    if (!drop[b] && !isspace((unsigned char)src[b])) buf[n++] = src[b];
  }
  buf[n] = 0;
  return buf;
}

static RlNode chain_root(const RlCtx *cx, RlNode e) {
  for (;;) {
    e = rl_strip(cx, e);
    RlKind k = rl_kind(cx, e);
    if (k == RL_JS_MEMBER_EXPRESSION || k == RL_JS_SUBSCRIPT_EXPRESSION) {
      e = rl_child(cx, e, RL_F_OBJECT);
    } else if (k == RL_JS_CALL_EXPRESSION && rl_js_callee_object(cx, e)) {
      e = rl_js_callee_object(cx, e);
    } else {
      return e;
    }
  }
}

static const char *prefixed(RlCtx *cx, const char *prefix, const char *s) {
  size_t a = strlen(prefix), b = strlen(s);
  char *out = rl_alloc(cx, a + b + 1);
  memcpy(out, prefix, a);
  memcpy(out + a, s, b + 1);
  return out;
}

/* Fills l->id / l->text / l->shape for the lock expression e. `res` marks
 * a redlock resource or AsyncLock key (`recv` names the AsyncLock). */
static void identify(RlCtx *cx, Lock *l, RlNode e, RlNode top, bool res, RlNode recv) {
  bool dyn = false;
  l->expr = e;
  l->text = expr_text(cx, e, top, false, &dyn);
  const char *keyed = NULL; /* AsyncLock-style key: shown as "lock[key]" */
  if (recv) {
    const char *rt = expr_text(cx, recv, top, false, NULL);
    keyed = prefixed(cx, rt, prefixed(cx, "[", prefixed(cx, l->text, "]")));
  }
  if (dyn) {
    l->shape = expr_text(cx, e, top, true, NULL);
    if (recv) l->shape = prefixed(cx, expr_text(cx, recv, top, false, NULL), l->shape);
    if (keyed) l->text = keyed;
    return;
  }
  if (keyed) {
    const char *s = l->text;
    RlNode se = rl_strip(cx, e);
    if (rl_kind(cx, se) == RL_JS_STRING) {
      RlNode frag = rl_named_child(cx, se, 0);
      s = frag ? rl_text_dup(cx, frag) : "";
    }
    l->id = prefixed(cx, "k:", prefixed(cx, expr_text(cx, recv, top, false, NULL),
                                        prefixed(cx, "/", s)));
    l->text = keyed;
    return;
  }
  if (res) {
    const char *s = l->text;
    RlNode se = rl_strip(cx, e);
    if (rl_kind(cx, se) == RL_JS_STRING) {
      RlNode frag = rl_named_child(cx, se, 0);
      s = frag ? rl_text_dup(cx, frag) : "";
    }
    l->id = prefixed(cx, "r:", s);
    return;
  }
  RlNode root = chain_root(cx, e);
  switch (rl_kind(cx, root)) {
  case RL_JS_THIS:
    if (enclosing_class(cx, root) && class_name(cx, enclosing_class(cx, root)))
      l->id = prefixed(cx, "c:", l->text);
    break;
  case RL_JS_IDENTIFIER: {
    RlNode scope = rl_js_binding_scope(cx, root);
    if (!scope) l->id = prefixed(cx, "g:", l->text);
    else if (rl_kind(cx, scope) == RL_JS_PROGRAM)
      l->id = prefixed(cx, rl_js_resolve(cx, root, NULL) == RL_BIND_IMPORT ? "i:" : "m:",
                       l->text);
    break;
  }
  default:
    break;
  }
}

/* Section - acquisitions and releases */

/* The variable an acquisition's result is stored in (release function,
 * redlock lock object): `const release = await m.acquire()`,
 * `const [, release] = await sem.acquire()`. */
static const char *handle_of(RlCtx *cx, RlNode call) {
  RlNode p = rl_parent(cx, call);
  while (p && (rl_kind(cx, p) == RL_JS_AWAIT_EXPRESSION ||
               rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION))
    p = rl_parent(cx, p);
  RlNode name = RL_NONE;
  if (rl_kind(cx, p) == RL_JS_VARIABLE_DECLARATOR) name = rl_child(cx, p, RL_F_NAME);
  else if (rl_kind(cx, p) == RL_JS_ASSIGNMENT_EXPRESSION) name = rl_child(cx, p, RL_F_LEFT);
  if (!name) return NULL;
  if (rl_kind(cx, name) == RL_JS_ARRAY_PATTERN) {
    RlNode last = RL_NONE;
    for (RlNode c = rl_first_child(cx, name); c; c = rl_next_sibling(cx, c))
      if (rl_kind(cx, c) == RL_JS_IDENTIFIER) last = c;
    name = last;
  }
  return name && rl_kind(cx, name) == RL_JS_IDENTIFIER ? rl_text_dup(cx, name) : NULL;
}

static RlNode function_arg(RlCtx *cx, RlNode call) {
  uint32_t n = rl_js_argc(cx, call);
  for (uint32_t i = 0; i < n; i++) {
    RlNode a = rl_strip(cx, rl_js_arg(cx, call, i));
    if (rl_js_is_function(cx, a)) return a;
  }
  return RL_NONE;
}

/* `call.then(...)`: the then call, or RL_NONE. */
static RlNode then_call(RlCtx *cx, RlNode call) {
  RlNode p = rl_parent(cx, call);
  while (p && rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION) p = rl_parent(cx, p);
  if (!p || rl_kind(cx, p) != RL_JS_MEMBER_EXPRESSION) return RL_NONE;
  if (!rl_text_eq(cx, rl_child(cx, p, RL_F_PROPERTY), "then")) return RL_NONE;
  RlNode c = rl_parent(cx, p);
  return c && rl_kind(cx, c) == RL_JS_CALL_EXPRESSION && rl_field(cx, p) == RL_F_FUNCTION ? c
                                                                                          : RL_NONE;
}

/* Classifies `call` as an acquisition; fills up to MAX_RES locks and
 * returns how many (0: not an acquisition). Locks of one call are taken
 * together (a redlock resource list), not one after another. */
static uint32_t acquisitions(RlCtx *cx, RlNode call, RlNode top, Lock *out) {
  RlNode recv = rl_js_callee_object(cx, call);
  if (!recv) return 0;
  const char *m = rl_js_callee_name(cx, call);
  RlNode cb = function_arg(cx, call);
  bool configured = rl_js_config_name(cx, RL_JS_MUTEX_APIS, m);
  RlNode exprs[MAX_RES];
  uint32_t n = 0;
  bool res = false, nonblocking = false;
  RlNode key_recv = RL_NONE;
  if (strcmp(m, "runExclusive") == 0) {
    exprs[n++] = unwrap_try(cx, recv, &nonblocking);
  } else if ((strcmp(m, "tryAcquire") == 0 || strcmp(m, "tryLock") == 0) &&
             looks_like_lock(cx, recv)) {
    nonblocking = true;
    exprs[n++] = unwrap(cx, recv);
  } else if (strcmp(m, "using") == 0 || strcmp(m, "acquire") == 0 || strcmp(m, "lock") == 0 ||
             strcmp(m, "acquireLock") == 0 || configured) {
    RlNode a0 = rl_strip(cx, rl_js_arg(cx, call, 0));
    if (is_redlock(cx, recv, call)) {
      if (!a0) return 0;
      res = true;
      if (rl_kind(cx, a0) == RL_JS_ARRAY) {
        for (RlNode c = rl_first_child(cx, a0); c && n < MAX_RES; c = rl_next_sibling(cx, c))
          if (!rl_is_token(cx, c) && rl_kind(cx, c) != RL_JS_COMMENT) exprs[n++] = c;
      } else {
        exprs[n++] = a0;
      }
    } else if (strcmp(m, "using") == 0) {
      return 0;
    } else if (!configured && !looks_like_lock(cx, recv)) {
      return 0;
    } else if (cb && a0 && a0 != cb) { /* AsyncLock: lock.acquire(key, cb) */
      res = true;
      key_recv = recv;
      exprs[n++] = a0;
    } else {
      exprs[n++] = unwrap_try(cx, recv, &nonblocking);
    }
  } else {
    return 0;
  }
  const char *handle = cb ? NULL : handle_of(cx, call);
  RlNode until = cb ? rl_node_end(cx, call) : RL_NONE;
  RlNode then = then_call(cx, call);
  if (!cb && then) { /* m.acquire().then((release) => ...) */
    until = rl_node_end(cx, then);
    handle = NULL;
  }
  for (uint32_t i = 0; i < n; i++) {
    Lock *l = &out[i];
    memset(l, 0, sizeof *l);
    l->call = call;
    l->handle = handle;
    l->until = until;
    l->nonblocking = nonblocking;
    identify(cx, l, exprs[i], top, res, key_recv);
  }
  return n;
}

/* Is `fn` the callback of a lock call (runExclusive, using, acquire(k, cb))? */
static bool is_lock_callback(RlCtx *cx, RlNode fn, RlNode top) {
  RlNode p = rl_parent(cx, fn);
  while (p && rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION) p = rl_parent(cx, p);
  if (!p || rl_kind(cx, p) != RL_JS_ARGUMENTS) return false;
  Lock tmp[MAX_RES];
  RlNode call = rl_parent(cx, p);
  if (acquisitions(cx, call, top ? top : call, tmp) > 0 && tmp[0].until) return true;
  /* m.acquire().then((release) => ...) */
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  if (rl_kind(cx, f) != RL_JS_MEMBER_EXPRESSION ||
      !rl_text_eq(cx, rl_child(cx, f, RL_F_PROPERTY), "then"))
    return false;
  RlNode inner = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT));
  return rl_kind(cx, inner) == RL_JS_CALL_EXPRESSION &&
         acquisitions(cx, inner, top ? top : call, tmp) > 0;
}

/* Is the release at `rel` reached whenever the lock taken at `acq` is held:
 * no if/else/catch/?:/switch between it and their common ancestor? */
static bool unconditional(RlCtx *cx, RlNode rel, RlNode acq, const char *handle) {
  for (RlNode p = rl_parent(cx, rel); p; p = rl_parent(cx, p)) {
    if (acq >= p && acq < rl_node_end(cx, p)) return true;
    switch (rl_kind(cx, p)) {
    case RL_JS_IF_STATEMENT: {
      /* `if (lock) await lock.release()`: only skipped when nothing was taken */
      RlNode cond = rl_child(cx, p, RL_F_CONDITION);
      bool on_handle = false;
      for (RlNode i = cond; handle && cond && i < rl_node_end(cx, cond); i++)
        if (rl_kind(cx, i) == RL_JS_IDENTIFIER && rl_text_eq(cx, i, handle)) on_handle = true;
      if (on_handle) break;
      return false;
    }
    case RL_JS_ELSE_CLAUSE:
    case RL_JS_CATCH_CLAUSE:
    case RL_JS_TERNARY_EXPRESSION:
    case RL_JS_SWITCH_STATEMENT:
      return false;
    default:
      break;
    }
  }
  return true;
}

static void release_at(RlCtx *cx, Walk *w, RlNode call) {
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  RlNode handle = RL_NONE, lockexpr = RL_NONE;
  if (rl_kind(cx, f) == RL_JS_IDENTIFIER) {
    handle = f; /* release() */
  } else if (rl_kind(cx, f) == RL_JS_MEMBER_EXPRESSION) {
    const char *m = rl_js_callee_name(cx, call);
    if (strcmp(m, "release") != 0 && strcmp(m, "unlock") != 0 && strcmp(m, "releaseLock") != 0)
      return;
    RlNode obj = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT));
    RlNode a0 = rl_strip(cx, rl_js_arg(cx, call, 0));
    if (a0 && rl_kind(cx, a0) == RL_JS_IDENTIFIER) handle = a0; /* redlock.release(lock) */
    else if (rl_kind(cx, obj) == RL_JS_IDENTIFIER) handle = obj; /* lock.release() */
    lockexpr = obj;                                               /* mutex.release() */
  } else {
    return;
  }
  const char *lt = lockexpr ? expr_text(cx, lockexpr, w->top, false, NULL) : NULL;
  for (uint32_t k = w->n; k-- > 0;) {
    Lock *l = &w->held[k];
    if (l->released || l->until) continue;
    bool match = (handle && l->handle && rl_text_eq(cx, handle, l->handle)) ||
                 (lt && strcmp(lt, l->text) == 0);
    if (!match) continue;
    if (unconditional(cx, call, l->call, l->handle)) {
      /* the whole set taken by one call goes together */
      for (uint32_t j = 0; j < w->n; j++)
        if (w->held[j].call == l->call) w->held[j].released = true;
    }
    return;
  }
}

/* Section - case (a): two locks from different variables, no order */

/* Can a and b not both run: different branches of one if / ?: / switch? */
static bool exclusive(RlCtx *cx, RlNode a, RlNode b) {
  RlNode p = rl_parent(cx, b);
  while (p && !(a >= p && a < rl_node_end(cx, p))) p = rl_parent(cx, p);
  if (!p) return false;
  RlKind k = rl_kind(cx, p);
  if (k != RL_JS_IF_STATEMENT && k != RL_JS_TERNARY_EXPRESSION &&
      !(rl_parent(cx, p) && rl_kind(cx, rl_parent(cx, p)) == RL_JS_SWITCH_STATEMENT &&
        rl_field(cx, p) == RL_F_BODY))
    return false;
  RlNode ca = RL_NONE, cb = RL_NONE;
  for (RlNode c = rl_first_child(cx, p); c; c = rl_next_sibling(cx, c)) {
    if (a >= c && a < rl_node_end(cx, c)) ca = c;
    if (b >= c && b < rl_node_end(cx, c)) cb = c;
  }
  RlField fa = rl_field(cx, ca), fb = rl_field(cx, cb);
  return ca != cb && fa != RL_F_CONDITION && fb != RL_F_CONDITION;
}

#define MAX_NAMES 32

typedef struct Names {
  const char *v[MAX_NAMES];
  uint32_t n;
} Names;

static void names_add(Names *s, const char *x) {
  for (uint32_t i = 0; i < s->n; i++)
    if (strcmp(s->v[i], x) == 0) return;
  if (s->n < MAX_NAMES) s->v[s->n++] = x;
}

static bool names_has(const Names *s, const char *x) {
  for (uint32_t i = 0; i < s->n; i++)
    if (strcmp(s->v[i], x) == 0) return true;
  return false;
}

/* Local names in e, plus (one level) the names their declarations were
 * initialised from: `const [first, second] = a.id < b.id ? [a, b] : [b, a]`. */
static void related_names(RlCtx *cx, RlNode e, RlNode top, Names *out) {
  RlNode end = rl_node_end(cx, e);
  for (RlNode i = e; i < end; i++) {
    if (rl_kind(cx, i) != RL_JS_IDENTIFIER || !is_dynamic_name(cx, i, top)) continue;
    names_add(out, rl_text_dup(cx, i));
    RlNode scope = rl_js_binding_scope(cx, i);
    RlNode send = rl_node_end(cx, scope);
    for (RlNode d = scope; d < send; d++) {
      if (rl_kind(cx, d) != RL_JS_VARIABLE_DECLARATOR) continue;
      RlNode name = rl_child(cx, d, RL_F_NAME), val = rl_child(cx, d, RL_F_VALUE);
      bool binds = false;
      RlNode nend = rl_node_end(cx, name);
      for (RlNode j = name; j < nend; j++)
        if (rl_kind(cx, j) == RL_JS_IDENTIFIER && same_text(cx, j, i)) binds = true;
      if (!binds || !val) continue;
      RlNode vend = rl_node_end(cx, val);
      for (RlNode j = val; j < vend; j++)
        if (rl_kind(cx, j) == RL_JS_IDENTIFIER) names_add(out, rl_text_dup(cx, j));
      break;
    }
  }
}

static bool is_literal(const RlCtx *cx, RlNode n) {
  RlKind k = rl_kind(cx, rl_strip(cx, n));
  return k == RL_JS_NUMBER || k == RL_JS_STRING || k == RL_JS_NULL || k == RL_JS_TRUE ||
         k == RL_JS_FALSE || k == RL_JS_UNDEFINED;
}

/* An ordering step before `at`: a sort, or a comparison of the two locks'
 * owners (`a.id < b.id`, `from.key > to.key`, `x.localeCompare(y)`). */
static bool ordered(RlCtx *cx, RlNode top, const Lock *h, const Lock *l, RlNode at) {
  Names rel;
  rel.n = 0;
  related_names(cx, h->expr, top, &rel);
  related_names(cx, l->expr, top, &rel);
  for (RlNode i = top; i < at; i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_JS_CALL_EXPRESSION) {
      const char *m = rl_js_callee_name(cx, i);
      if (strcmp(m, "sort") == 0 || strcmp(m, "toSorted") == 0 || strcmp(m, "sortBy") == 0 ||
          strcmp(m, "orderBy") == 0 || strcmp(m, "localeCompare") == 0)
        return true;
      continue;
    }
    if (k != RL_JS_BINARY_EXPRESSION) continue;
    const char *op = rl_op(cx, i);
    if (strcmp(op, "<") != 0 && strcmp(op, ">") != 0 && strcmp(op, "<=") != 0 &&
        strcmp(op, ">=") != 0)
      continue;
    RlNode a = rl_child(cx, i, RL_F_LEFT), b = rl_child(cx, i, RL_F_RIGHT);
    if (!a || !b || is_literal(cx, a) || is_literal(cx, b)) continue;
    if (strcmp(expr_text(cx, a, top, true, NULL), expr_text(cx, b, top, true, NULL)) != 0)
      continue;
    RlNode end = rl_node_end(cx, i);
    for (RlNode j = i; j < end; j++)
      if (rl_kind(cx, j) == RL_JS_IDENTIFIER && names_has(&rel, rl_text_dup(cx, j)))
        return true;
  }
  return false;
}

/* TS: the declared type of a parameter or local `id`, or RL_NONE. */
static RlNode decl_type(RlCtx *cx, RlNode id) {
  RlNode scope = rl_js_binding_scope(cx, id);
  if (!scope) return RL_NONE;
  RlNode end = rl_node_end(cx, scope);
  for (RlNode i = scope; i < end; i++) {
    RlKind k = rl_kind(cx, i);
    RlNode name = RL_NONE;
    if (k == RL_JS_REQUIRED_PARAMETER || k == RL_JS_OPTIONAL_PARAMETER)
      name = rl_child(cx, i, RL_F_PATTERN);
    else if (k == RL_JS_VARIABLE_DECLARATOR)
      name = rl_child(cx, i, RL_F_NAME);
    if (name && rl_kind(cx, name) == RL_JS_IDENTIFIER && same_text(cx, name, id))
      return rl_child(cx, i, RL_F_TYPE);
  }
  return RL_NONE;
}

/* Are the two locks' owners declared with different TS types (an Order
 * and a Customer cannot be passed swapped)? */
static bool different_types(RlCtx *cx, const Lock *h, const Lock *l) {
  RlNode a = chain_root(cx, h->expr), b = chain_root(cx, l->expr);
  if (rl_kind(cx, a) != RL_JS_IDENTIFIER || rl_kind(cx, b) != RL_JS_IDENTIFIER) return false;
  RlNode ta = decl_type(cx, a), tb = decl_type(cx, b);
  if (!ta || !tb) return false;
  return strcmp(expr_text(cx, ta, RL_NONE, false, NULL),
                expr_text(cx, tb, RL_NONE, false, NULL)) != 0;
}

/* Is local `id` declared from an expression naming `from`
 * (`const parent = node.parent`)? */
static bool declared_from(RlCtx *cx, RlNode id, RlNode from) {
  RlNode scope = rl_js_binding_scope(cx, id);
  if (!scope) return false;
  RlNode end = rl_node_end(cx, scope);
  for (RlNode d = scope; d < end; d++) {
    if (rl_kind(cx, d) != RL_JS_VARIABLE_DECLARATOR) continue;
    RlNode name = rl_child(cx, d, RL_F_NAME), val = rl_child(cx, d, RL_F_VALUE);
    if (!name || rl_kind(cx, name) != RL_JS_IDENTIFIER || !same_text(cx, name, id)) continue;
    if (!val) return false;
    RlNode vend = rl_node_end(cx, val);
    for (RlNode j = val; j < vend; j++)
      if (rl_kind(cx, j) == RL_JS_IDENTIFIER && same_text(cx, j, from)) return true;
    return false;
  }
  return false;
}

/* One owner derived from the other (child then its parent): a structural
 * order, not two interchangeable arguments. */
static bool derived(RlCtx *cx, const Lock *h, const Lock *l) {
  RlNode a = chain_root(cx, h->expr), b = chain_root(cx, l->expr);
  if (rl_kind(cx, a) != RL_JS_IDENTIFIER || rl_kind(cx, b) != RL_JS_IDENTIFIER) return false;
  return declared_from(cx, b, a) || declared_from(cx, a, b);
}

static void report_unordered(RlCtx *cx, const Lock *h, const Lock *l) {
  RlLoc lh = rl_loc(cx, h->call);
  RlReport *r = rl_report(
      cx, l->call,
      "'%s' is acquired while '%s' (line %u) is held, both taken in the order the caller "
      "passed them: a concurrent call with the two swapped holds '%s' and waits for '%s' "
      "while this one waits for '%s', so both wait forever",
      l->text, h->text, lh.line, l->text, h->text, l->text);
  rl_report_related(cx, r, h->call, "'%s' acquired here", h->text);
}

/* Section - the walk */

static const char *top_name(RlCtx *cx, const Walk *w) {
  if (!w->top || rl_kind(cx, w->top) == RL_JS_PROGRAM) return "";
  return rl_function_name(cx, w->top);
}

/* The walked function's name for messages. */
static const char *context_name(RlCtx *cx, const Walk *w) {
  const char *fname = top_name(cx, w);
  if (*fname) return fname;
  return w->top && rl_kind(cx, w->top) != RL_JS_PROGRAM ? "an anonymous function"
                                                          : "the module's top level";
}

/* The gates of the fact (held, other) at `at`: a `kind` fact per named
 * lock held before held[k] (those serialise whatever happens under
 * held[k]), except `skip`. */
static void add_gates(RlCtx *cx, const Walk *w, uint32_t k, const char *skip, uint16_t kind,
                      RlNode at, const char *held, const char *other) {
  for (uint32_t j = 0; j < k; j++) {
    const Lock *g = &w->held[j];
    if (!g->id || g->released || (skip && strcmp(g->id, skip) == 0)) continue;
    bool edge = kind == FACT_LOCK_EDGE_GATE;
    rl_fact_add(cx, kind, at, g->id + 2, held + 2, edge ? other + 2 : other)->flags =
        LOCK_KINDS(g->id[0], held[0], edge ? other[0] : 0);
  }
}

/* A call under a named lock to a function of this file ("name",
 * "Class.method"; *import false) or an imported binding (*import true);
 * NULL otherwise. */
static const char *callee_ref(RlCtx *cx, RlNode call, bool *import) {
  *import = false;
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  if (rl_kind(cx, f) == RL_JS_MEMBER_EXPRESSION) {
    RlNode obj = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT));
    if (rl_kind(cx, obj) != RL_JS_THIS) return NULL;
    RlNode cls = enclosing_class(cx, call);
    const char *cn = cls ? class_name(cx, cls) : NULL;
    if (!cn) return NULL;
    const char *m = rl_text_dup(cx, rl_child(cx, f, RL_F_PROPERTY));
    return prefixed(cx, cn, prefixed(cx, ".", m));
  }
  if (rl_kind(cx, f) != RL_JS_IDENTIFIER) return NULL;
  RlNode fn = RL_NONE;
  switch (rl_js_resolve(cx, f, &fn)) {
  case RL_BIND_LOCAL:
    return fn ? rl_text_dup(cx, f) : NULL;
  case RL_BIND_IMPORT:
    *import = true;
    return rl_text_dup(cx, f);
  default:
    return NULL;
  }
}

static void on_call(RlCtx *cx, Walk *w, RlNode call) {
  const char *ref = NULL;
  bool import = false;
  for (uint32_t k = 0; k < w->n; k++) {
    const Lock *h = &w->held[k];
    if (h->released || !h->id || h->nonblocking) continue;
    if (!ref) ref = callee_ref(cx, call, &import);
    if (!ref) return;
    RlFact *f = rl_fact_add(cx, import ? FACT_LOCK_CALL_IMPORT : FACT_LOCK_CALL, call, h->id + 2,
                            ref, context_name(cx, w));
    f->aux = rl_loc(cx, h->call).line;
    f->flags = LOCK_KINDS(h->id[0], 0, 0);
    add_gates(cx, w, k, NULL, FACT_LOCK_CALL_GATE, call, h->id, ref);
  }
}

static void on_acquire(RlCtx *cx, Walk *w, Lock *ls, uint32_t nl) {
  for (uint32_t i = 0; i < nl; i++) {
    Lock *l = &ls[i];
    bool reported = false;
    if (l->nonblocking) continue; /* a try-lock never waits: no order */
    const char *fname = top_name(cx, w);
    if (l->id && *fname)
      rl_fact_add(cx, FACT_LOCK_ACQ, l->call, l->id + 2, fname, NULL)->flags =
          LOCK_KINDS(l->id[0], 0, 0);
    for (uint32_t k = 0; k < w->n; k++) {
      Lock *h = &w->held[k];
      if (h->released || h->call == l->call || exclusive(cx, h->call, l->call)) continue;
      if (strcmp(h->text, l->text) == 0) continue; /* the same lock: not an order */
      if (h->id && l->id) {
        RlFact *f =
            rl_fact_add(cx, FACT_LOCK_EDGE, l->call, h->id + 2, l->id + 2, context_name(cx, w));
        f->aux = rl_loc(cx, h->call).line;
        f->flags = LOCK_KINDS(h->id[0], l->id[0], 0);
        add_gates(cx, w, k, l->id, FACT_LOCK_EDGE_GATE, l->call, h->id, l->id);
      } else if (!h->id && !l->id && h->shape && l->shape && !reported &&
                 strcmp(h->shape, l->shape) == 0 && !different_types(cx, h, l) &&
                 !derived(cx, h, l) &&
                 !ordered(cx, w->top, h, l, l->call)) {
        report_unordered(cx, h, l);
        reported = true;
      }
    }
  }
  uint32_t live = 0; /* drop released locks, keep the order of the rest */
  for (uint32_t k = 0; k < w->n; k++)
    if (!w->held[k].released) w->held[live++] = w->held[k];
  w->n = live;
  for (uint32_t i = 0; i < nl && w->n < MAX_HELD; i++) w->held[w->n++] = ls[i];
}

static void walk(RlCtx *cx, RlNode top, RlNode body) {
  Walk *w = rl_alloc(cx, sizeof *w);
  w->top = top;
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i++) {
    for (uint32_t k = 0; k < w->n; k++)
      if (w->held[k].until && i >= w->held[k].until) w->held[k].released = true;
    if (rl_js_is_function(cx, i) && i != top) {
      if (!is_lock_callback(cx, i, top)) i = rl_node_end(cx, i) - 1;
      continue;
    }
    if (rl_kind(cx, i) != RL_JS_CALL_EXPRESSION) continue;
    Lock ls[MAX_RES];
    uint32_t nl = acquisitions(cx, i, top, ls);
    if (nl) {
      on_acquire(cx, w, ls, nl);
    } else {
      release_at(cx, w, i);
      on_call(cx, w, i);
    }
  }
}

static void check(RlCtx *cx, RlNode n, void *state) {
  (void)state;
  if (rl_kind(cx, n) == RL_JS_PROGRAM) {
    walk(cx, n, n);
    return;
  }
  /* a lock callback is walked as part of the function around it */
  if (is_lock_callback(cx, n, rl_enclosing_function(cx, n))) return;
  RlNode body = rl_child(cx, n, RL_F_BODY);
  if (body) walk(cx, n, body);
}

static const RlKind kinds[] = {RL_JS_PROGRAM,
                               RL_JS_FUNCTION_DECLARATION,
                               RL_JS_FUNCTION_EXPRESSION,
                               RL_JS_FUNCTION,
                               RL_JS_GENERATOR_FUNCTION_DECLARATION,
                               RL_JS_GENERATOR_FUNCTION,
                               RL_JS_ARROW_FUNCTION,
                               RL_JS_METHOD_DEFINITION};

const RlCheck rl_check_js_lock_order = {
    .langs = RL_LANG_JSTS,
    .kinds = kinds,
    .nkinds = RL_COUNTOF(kinds),
    .check = check,
    .project = rl_js_lock_order_project,
};
