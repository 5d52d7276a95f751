/* js/check-then-act.c - the JavaScript/TypeScript check of check-then-act.
 *
 * A value is read, tested in a condition, and the same resource is written
 * later in the same function, with a point in between where another call
 * (or another process) can run:
 *   const b = await getBalance(id); if (b >= amt) await setBalance(id, b - amt);
 *   if (this.stock.get(id) >= n) { await pay(); this.stock.set(id, ...); }
 *   if (this.balance >= amt) { await audit(); this.balance -= amt; }
 *   if (fs.existsSync(p)) fs.unlinkSync(p);
 * Same resource: the same receiver and key (first arguments, or `where`),
 * with get/set style names (getX/setX, fetchX/updateX, findX/saveX,
 * read/write, ORM verbs on one model), or `doc = await M.findById(); doc.save()`;
 * the same `this.`/module-level lvalue (or one it contains: `this.items`
 * for `this.items.length`); for files, the same path expression.
 * Interleaving: an awaited read (the store can change while it is in
 * flight), an await between a synchronous read and the write, and for files
 * always (other processes).
 * Not reported: in a function whose runs never overlap (rl_js_serialised),
 * on `this` of a per-call object (rl_js_per_call_this),
 * inside a lock (runExclusive, withLock, acquire(key, fn),
 * `await m.acquire()` ... `release()`), a transaction callback or after a
 * transaction is begun, a read `FOR UPDATE`; a write conditional on a
 * version/etag/expected value or NX; a resource claimed synchronously before
 * the first await (`this.busy = true`); a condition that does not guard the
 * write; a set-if-absent or cache fill whose write does not use the value
 * read (lazy initialisation is rule lazy-init-race); a key or path variable
 * assigned in between; file uses that are atomic ('wx', O_EXCL, mkdir
 * recursive, rm force) or whose failure is caught; in the default preset,
 * a file use a swap gains no one anything by (rules/js/check-then-act-files.c),
 * a cache refill whose hit path returns what the miss path stores, and an
 * idempotent setter (the write stores the parameter the check compared).
 * What a function reads, writes and awaits is collected in
 * rules/js/check-then-act-events.c; this file matches reads with writes.
 * Doc: rules/check-then-act.md */
#include <ctype.h>
#include <string.h>

#include "../../analyzer/rule_api.h"
#include "check-then-act.h"
#include "lazy-init-race.h"
#include "fixes.h"

enum {
  /* a finding on `this` of an exported class that is per call in its own
   * file (rl_js_per_call_exported): a = class, b = message; aux = id (the
   * written node), flags = how it is exported. Phase 2 reports it unless
   * the project makes the class per call (as lazy-init-race decides) or
   * lazy-init-race deferred a finding on the same line. */
  FACT_DEFER = RL_FACT_RULE,
  FACT_DEFER_AT, /* a related location of FACT_DEFER `aux`: c = its note */
  FACT_NEW,      /* `new C()` of an imported class (rl_js_lazy_record) */
  FACT_ESCAPE,   /* a call whose value escapes (FACT_NEW + 1) */
};

static const char *const hint_state =
    "Make the check and the write one atomic step: an atomic update in the store "
    "(UPDATE ... WHERE balance >= ?, a conditional write), an optimistic version "
    "check with the runtime's updateWithVersion(read, write, { update }), or hold the "
    "runtime's Mutex around read, check and write (mutex.runExclusive(async () => ...)).";

static const char *const hint_file =
    "Drop the check and handle the operation's own error (ENOENT, EEXIST): create "
    "with the 'wx' flag, mkdir with { recursive: true }, rm with { force: true }, or "
    "open the file once and check the handle (fs.promises.open, then handle.stat()).";

/* Section - names */

/* Callbacks that run under a lock or in a transaction. */
static const char *const exclusive_calls[] = {
    "runExclusive",  "withLock",         "withLocks",      "acquire",        "using",
    "lock",          "exclusive",        "synchronized",   "serialize",      "runLocked",
    "transaction",   "$transaction",     "withTransaction", "runTransaction", "runInTransaction",
    "tx",            "transact",         "updateWithVersion",
};

/* ORM-style stems that name no entity: findUnique/update, findOne/updateOne,
 * findById/save on one model. */
static const char *const generic_stems[] = {
    "",      "One",    "Many",          "ById",         "ByPk",       "First",
    "Unique", "UniqueOrThrow", "FirstOrThrow", "OneOrFail", "OneBy", "ByIdAndUpdate",
};

/* Does the pair (read name, write name) name one resource? */
static bool pair_ok(const char *rn, const char *wn) {
  if (strcmp(rn, "has") == 0) return strcmp(wn, "set") == 0 || strcmp(wn, "add") == 0;
  const char *rs = rl_cta_stem(rn, rl_cta_read_prefixes, RL_COUNTOF(rl_cta_read_prefixes));
  const char *ws = rl_cta_stem(wn, rl_cta_write_prefixes, RL_COUNTOF(rl_cta_write_prefixes));
  if (!rs || !ws) return false;
  if (strcmp(rs, ws) == 0) return true;
  bool rg = false, wg = false;
  for (size_t i = 0; i < RL_COUNTOF(generic_stems); i++) {
    if (strcmp(rs, generic_stems[i]) == 0) rg = true;
    if (strcmp(ws, generic_stems[i]) == 0) wg = true;
  }
  return rg && wg;
}

/* Section - matching */

/* Is x the same expression as e, or one e is built on (`this.items` for
 * `this.items.length`)? */
static bool contains_target(const RlCtx *cx, RlNode e, RlNode x) {
  e = rl_strip(cx, e);
  for (;;) {
    if (rl_same_expr(cx, e, x)) return true;
    RlKind k = rl_kind(cx, e);
    if (k != RL_JS_MEMBER_EXPRESSION && k != RL_JS_SUBSCRIPT_EXPRESSION) return false;
    e = rl_strip(cx, rl_child(cx, e, RL_F_OBJECT));
  }
}

/* Does object literal o name `key` (shorthand `{ id }` or `{ k: id }`)? */
static bool object_has(const RlCtx *cx, RlNode o, RlNode key) {
  o = rl_strip(cx, o);
  if (rl_kind(cx, o) != RL_JS_OBJECT) return false;
  for (RlNode p = rl_first_child(cx, o); p; p = rl_next_sibling(cx, p)) {
    if (rl_kind(cx, p) == RL_JS_SHORTHAND_PROPERTY_IDENTIFIER) {
      size_t a, b;
      const char *s = rl_text(cx, p, &a), *t = rl_text(cx, key, &b);
      if (a == b && memcmp(s, t, a) == 0) return true;
    } else if (rl_kind(cx, p) == RL_JS_PAIR && rl_same_expr(cx, rl_child(cx, p, RL_F_VALUE), key)) {
      return true;
    }
  }
  return false;
}

/* Does condition c read a field of identifier `id` (`doc.credits < n`), not
 * just test that it exists? */
static bool uses_field(const RlCtx *cx, RlNode c, RlNode id) {
  RlNode end = rl_node_end(cx, c);
  for (RlNode i = c; i < end; i++)
    if (rl_kind(cx, i) == RL_JS_MEMBER_EXPRESSION &&
        rl_same_expr(cx, rl_child(cx, i, RL_F_OBJECT), id))
      return true;
  return false;
}

/* The value of the `where` property of object literal o, or RL_NONE. */
static RlNode where_of(const RlCtx *cx, RlNode o) {
  o = rl_strip(cx, o);
  if (rl_kind(cx, o) != RL_JS_OBJECT) return RL_NONE;
  for (RlNode p = rl_first_child(cx, o); p; p = rl_next_sibling(cx, p))
    if (rl_kind(cx, p) == RL_JS_PAIR && rl_text_eq(cx, rl_child(cx, p, RL_F_KEY), "where"))
      return rl_child(cx, p, RL_F_VALUE);
  return RL_NONE;
}

/* `const doc = await Model.findById(id); ...; await doc.save()`: the
 * document variable when write w saves the document read by r. */
static RlNode doc_write(RlCtx *cx, const Read *r, RlNode w) {
  if (!r->var || !r->awaited) return RL_NONE;
  const char *wname = rl_js_callee_name(cx, w);
  RlNode wo = rl_strip(cx, rl_js_callee_object(cx, w));
  if (!wo || !(strncmp(wname, "save", 4) == 0 || strcmp(wname, "updateOne") == 0 ||
               strcmp(wname, "replaceOne") == 0 || strncmp(wname, "persist", 7) == 0))
    return RL_NONE;
  RlNode root = rl_cta_root_of(cx, wo);
  size_t len;
  const char *t = rl_text(cx, root, &len);
  return rl_kind(cx, root) == RL_JS_IDENTIFIER && rl_cta_ident_in(cx, r->var, t, len) ? root
                                                                                      : RL_NONE;
}

static bool same_call_resource(RlCtx *cx, const Read *r, RlNode w) {
  RlNode rc = r->node;
  const char *wname = rl_js_callee_name(cx, w);
  RlNode wo = rl_strip(cx, rl_js_callee_object(cx, w));
  if (doc_write(cx, r, w)) return true;
  if (!pair_ok(rl_js_callee_name(cx, rc), wname)) return false;
  RlNode ro = rl_strip(cx, rl_js_callee_object(cx, rc));
  if ((ro == RL_NONE) != (wo == RL_NONE)) return false;
  if (ro && !rl_same_expr(cx, ro, wo)) return false;
  RlNode rw = where_of(cx, rl_js_arg(cx, rc, 0)), ww = where_of(cx, rl_js_arg(cx, w, 0));
  if (rw || ww) return rw && ww && rl_same_expr(cx, rw, ww);
  uint32_t rn = rl_js_argc(cx, rc), wn = rl_js_argc(cx, w);
  if (rn == 0) /* bare read()/write() on a stream or port: no key, no resource */
  {
    const char *rs = rl_cta_stem(rl_js_callee_name(cx, rc), rl_cta_read_prefixes,
                                 RL_COUNTOF(rl_cta_read_prefixes));
    return rs && *rs;
  }
  RlNode w0 = rl_js_arg(cx, w, 0);
  if (rl_kind(cx, rl_strip(cx, w0)) == RL_JS_OBJECT)
    return object_has(cx, w0, rl_strip(cx, rl_js_arg(cx, rc, 0))) ||
           (r->var && rl_cta_uses_var(cx, w0, r->var));
  uint32_t cmp = wn > 1 ? wn - 1 : 1;
  if (cmp > rn) cmp = rn;
  for (uint32_t a = 0; a < cmp; a++)
    if (!rl_same_expr(cx, rl_js_arg(cx, rc, a), rl_js_arg(cx, w, a))) return false;
  return true;
}

/* The lvalue a write changes: assignment target, or a mutator's receiver. */
static RlNode write_target(RlCtx *cx, const Write *w) {
  if (w->kind == W_ASSIGN) {
    RlNode t = rl_child(cx, w->node, RL_F_LEFT);
    if (!t) t = rl_child(cx, w->node, RL_F_ARGUMENT);
    return rl_strip(cx, t);
  }
  if (w->kind == W_CALL &&
      rl_cta_name_in(rl_js_callee_name(cx, w->node), rl_cta_mutators, RL_COUNTOF(rl_cta_mutators)))
    return rl_strip(cx, rl_js_callee_object(cx, w->node));
  return RL_NONE;
}

static bool same_resource(RlCtx *cx, const Read *r, const Write *w) {
  switch (r->kind) {
  case R_FILE: {
    if (w->kind != W_FILE) return false;
    const FsUse *u = rl_cta_fs_use(rl_js_callee_name(cx, w->node));
    RlNode path = rl_js_arg(cx, r->node, 0);
    return (u->arg >= 0 && rl_same_expr(cx, path, rl_js_arg(cx, w->node, (uint32_t)u->arg))) ||
           (u->arg2 >= 0 && rl_same_expr(cx, path, rl_js_arg(cx, w->node, (uint32_t)u->arg2)));
  }
  case R_CALL:
    return w->kind == W_CALL && same_call_resource(cx, r, w->node);
  case R_LVAL: {
    RlNode t = write_target(cx, w);
    return t && contains_target(cx, r->node, t);
  }
  }
  return false;
}

/* Is a an ancestor of (or equal to) n? */
static bool encloses(const RlCtx *cx, RlNode a, RlNode n) {
  return a <= n && n < rl_node_end(cx, a);
}

/* Can the await `a` run on the way to x: not in the other branch of an
 * if/ternary that contains both? */
static bool on_path(const RlCtx *cx, RlNode a, RlNode x) {
  for (RlNode b = a, s = rl_parent(cx, a); s; b = s, s = rl_parent(cx, s)) {
    if (!encloses(cx, s, x)) continue;
    RlKind k = rl_kind(cx, s);
    if (k != RL_JS_IF_STATEMENT && k != RL_JS_TERNARY_EXPRESSION) return true;
    RlField f = rl_field(cx, b);
    if (f != RL_F_CONSEQUENCE && f != RL_F_ALTERNATIVE) return true;
    return encloses(cx, b, x);
  }
  return true;
}

/* Where the window after read r starts, as seen from write w: the end of
 * the read, or, for a read in a while/do condition and a write after the
 * loop, the end of the loop (an await in the body is followed by a
 * re-check). */
static RlNode horizon(const RlCtx *cx, const Read *r, RlNode w) {
  RlNode loop = rl_parent(cx, r->check);
  if (r->check && (rl_kind(cx, loop) == RL_JS_WHILE_STATEMENT || rl_kind(cx, loop) == RL_JS_DO_STATEMENT) &&
      !encloses(cx, loop, w))
    return rl_node_end(cx, loop);
  return rl_node_end(cx, r->node);
}

/* An await that runs after read r completes and before write w: RL_NONE if
 * there is none. */
static RlNode await_between(const RlCtx *cx, const Scan *sc, const Read *rd, RlNode w) {
  RlNode r = rd->node;
  RlNode rend = horizon(cx, rd, w);
  for (uint32_t i = 0; i < sc->nawaits; i++) {
    RlNode a = sc->awaits[i];
    if (a < rend || encloses(cx, a, r)) continue;
    if (encloses(cx, a, w)) continue;        /* `await write(...)`: after the write */
    if (!on_path(cx, a, w)) continue;        /* the other branch of an if */
    if (a < rl_node_end(cx, w)) return a;    /* before w, or in its arguments */
  }
  return RL_NONE;
}

/* Does statement s await (nested functions aside)? */
static bool awaits_in(RlCtx *cx, RlNode s) {
  RlNode end = rl_node_end(cx, s);
  for (RlNode i = s; i < end; i++) {
    if (rl_js_is_function(cx, i)) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    if (rl_kind(cx, i) == RL_JS_AWAIT_EXPRESSION ||
        (rl_kind(cx, i) == RL_JS_FOR_IN_STATEMENT && rl_has_token(cx, i, "await")))
      return true;
  }
  return false;
}

/* Is c a flag: `this.x` or a name? */
static bool flag_like(RlCtx *cx, RlNode c) {
  return rl_kind(cx, c) == RL_JS_IDENTIFIER ||
         (rl_kind(cx, c) == RL_JS_MEMBER_EXPRESSION &&
          rl_kind(cx, rl_strip(cx, rl_child(cx, c, RL_F_OBJECT))) == RL_JS_THIS);
}

/* `if (<cond>) return ...;` or `if (<cond>) { ...; return ...; }`, no else. */
static bool returns_if(RlCtx *cx, RlNode s) {
  if (rl_kind(cx, s) != RL_JS_IF_STATEMENT || rl_child(cx, s, RL_F_ALTERNATIVE)) return false;
  RlNode c = rl_child(cx, s, RL_F_CONSEQUENCE);
  if (rl_kind(cx, c) == RL_JS_STATEMENT_BLOCK) {
    RlNode last = RL_NONE;
    for (RlNode k = rl_first_child(cx, c); k; k = rl_next_sibling(cx, k))
      if (!rl_is_token(cx, k) && rl_kind(cx, k) != RL_JS_COMMENT) last = k;
    c = last;
  }
  return rl_kind(cx, c) == RL_JS_RETURN_STATEMENT;
}

/* Is fn a single-run function claimed by a flag before its first await:
 * `if (this.running) return;` (the flag the condition, or an operand of
 * its `||` chain) and later `this.running = true`, both among the body's
 * statements before the first one that awaits? A second call made while
 * a run is pending returns at the check, so the runs of fn never overlap
 * (the loop that drains a queue it alone removes from). */
static bool flag_claimed(RlCtx *cx, RlNode fn) {
  RlNode body = fn ? rl_child(cx, fn, RL_F_BODY) : RL_NONE;
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return false;
  RlNode checked[8];
  uint32_t nchecked = 0;
  for (RlNode s = rl_first_child(cx, body); s; s = rl_next_sibling(cx, s)) {
    if (rl_is_token(cx, s) || rl_kind(cx, s) == RL_JS_COMMENT) continue;
    if (awaits_in(cx, s)) return false;
    if (returns_if(cx, s)) {
      /* the condition, or each operand of its `||` chain, may be the flag */
      RlNode todo[16];
      uint32_t nt = 0;
      todo[nt++] = rl_child(cx, s, RL_F_CONDITION);
      while (nt) {
        RlNode c = rl_strip(cx, todo[--nt]);
        if (rl_kind(cx, c) == RL_JS_BINARY_EXPRESSION && strcmp(rl_op(cx, c), "||") == 0) {
          if (nt + 2 <= 16) {
            todo[nt++] = rl_child(cx, c, RL_F_LEFT);
            todo[nt++] = rl_child(cx, c, RL_F_RIGHT);
          }
        } else if (flag_like(cx, c) && nchecked < 8) {
          checked[nchecked++] = c;
        }
      }
      continue;
    }
    if (rl_kind(cx, s) != RL_JS_EXPRESSION_STATEMENT) continue;
    RlNode a = rl_strip(cx, rl_named_child(cx, s, 0));
    if (rl_kind(cx, a) != RL_JS_ASSIGNMENT_EXPRESSION ||
        rl_kind(cx, rl_strip(cx, rl_child(cx, a, RL_F_RIGHT))) != RL_JS_TRUE)
      continue;
    for (uint32_t i = 0; i < nchecked; i++)
      if (rl_same_expr(cx, checked[i], rl_strip(cx, rl_child(cx, a, RL_F_LEFT)))) return true;
  }
  return false;
}

/* Callback of a lock/transaction API? */
static bool in_exclusive_callback(RlCtx *cx, RlNode fn) {
  for (RlNode f = fn; f; f = rl_enclosing_function(cx, f)) {
    RlNode a = rl_parent(cx, f);
    while (a && rl_kind(cx, a) == RL_JS_PARENTHESIZED_EXPRESSION) a = rl_parent(cx, a);
    if (rl_kind(cx, a) != RL_JS_ARGUMENTS) continue;
    const char *m = rl_js_callee_name(cx, rl_parent(cx, a));
    if (rl_cta_name_in(m, exclusive_calls, RL_COUNTOF(exclusive_calls)) ||
        rl_js_config_name(cx, RL_JS_MUTEX_APIS, m))
      return true;
  }
  return false;
}

/* A lock taken (or a transaction begun) before the read and not released
 * before the write? A read `FOR UPDATE`? */
static bool locked(const RlCtx *cx, const Scan *sc, const Read *r, RlNode w) {
  if (r->kind == R_CALL &&
      (rl_cta_mentions(cx, r->node, "FOR UPDATE") || rl_cta_mentions(cx, r->node, "forUpdate") ||
       rl_cta_mentions(cx, r->node, "lock:")))
    return true;
  for (uint32_t i = 0; i < sc->nlocks; i++) {
    RlNode l = sc->locks[i];
    if (l >= r->node) continue;
    bool released = false;
    for (uint32_t j = 0; j < sc->nreleases; j++)
      if (sc->releases[j] > l && sc->releases[j] < w) released = true;
    if (!released) return true;
  }
  return false;
}

/* A write conditional on a version / etag / expected value, or NX. */
static bool conditional_write(RlCtx *cx, RlNode w) {
  if (rl_kind(cx, w) != RL_JS_CALL_EXPRESSION) return false;
  const char *name = rl_js_callee_name(cx, w);
  static const char *const names[] = {"version", "ifmatch", "compareandset", "compareandswap",
                                      "ifabsent", "ifnotexists", "setnx", "conditional"};
  size_t n = strlen(name);
  for (size_t i = 0; i < RL_COUNTOF(names); i++) {
    size_t k = strlen(names[i]);
    for (size_t j = 0; j + k <= n; j++) {
      size_t m = 0;
      while (m < k && tolower((unsigned char)name[j + m]) == names[i][m]) m++;
      if (m == k) return true;
    }
  }
  RlNode args = rl_child(cx, w, RL_F_ARGUMENTS);
  return rl_text_contains_ci(cx, args, "version") || rl_text_contains_ci(cx, args, "etag") ||
         rl_text_contains_ci(cx, args, "expected") || rl_text_contains_ci(cx, args, "ifmatch") ||
         rl_text_contains_ci(cx, args, "if-match") || rl_cta_mentions(cx, args, "'NX'") ||
         rl_cta_mentions(cx, args, "\"NX\"") || rl_cta_mentions(cx, args, "NX:") ||
         rl_cta_mentions(cx, args, "nx:");
}

/* A read (`fs.readFile(p, cb)`, `fs.open(p, 'r', cb)`) whose Node-style
 * callback looks at its error parameter: the check only spares an error,
 * and a file removed or replaced in between ends in the same handled error
 * (or reads the new file, as a later read would). Writes are not covered:
 * they can succeed on the wrong file. */
static bool read_error_handled(RlCtx *cx, RlNode w, const char *name) {
  uint32_t argc = rl_js_argc(cx, w);
  if (strcmp(name, "open") == 0) {
    if (argc != 2 && argc != 3) return false;
    if (argc == 3) {
      RlNode fl = rl_strip(cx, rl_js_arg(cx, w, 1));
      if (!rl_text_eq(cx, fl, "'r'") && !rl_text_eq(cx, fl, "\"r\"")) return false;
    }
  } else if (strcmp(name, "readFile") != 0) {
    return false;
  }
  if (argc < 2) return false;
  RlNode cb = rl_strip(cx, rl_js_arg(cx, w, argc - 1));
  if (!rl_js_is_function(cx, cb)) return false;
  RlNode err = rl_child(cx, cb, RL_F_PARAMETER);
  if (!err) {
    RlNode params = rl_child(cx, cb, RL_F_PARAMETERS);
    err = params ? rl_named_child(cx, params, 0) : RL_NONE;
  }
  if (err && rl_kind(cx, err) != RL_JS_IDENTIFIER) err = rl_named_child(cx, err, 0);
  if (!err || rl_kind(cx, err) != RL_JS_IDENTIFIER) return false;
  size_t n;
  const char *e = rl_text(cx, err, &n);
  RlNode body = rl_child(cx, cb, RL_F_BODY);
  RlNode end = body ? rl_node_end(cx, body) : RL_NONE;
  for (RlNode i = body; i && i < end; i++) {
    size_t m;
    const char *t = rl_text(cx, i, &m);
    if (rl_kind(cx, i) == RL_JS_IDENTIFIER && m == n && memcmp(t, e, n) == 0) return true;
  }
  return false;
}

/* File uses that are atomic or idempotent, or whose failure is handled. */
static bool file_use_safe(RlCtx *cx, const Scan *sc, RlNode w) {
  RlNode args = rl_child(cx, w, RL_F_ARGUMENTS);
  const char *name = rl_js_callee_name(cx, w);
  if (read_error_handled(cx, w, name)) return true;
  if (rl_cta_mentions(cx, args, "'wx") || rl_cta_mentions(cx, args, "\"wx") ||
      rl_cta_mentions(cx, args, "'ax") || rl_cta_mentions(cx, args, "\"ax") ||
      rl_cta_mentions(cx, args, "O_EXCL") || rl_cta_mentions(cx, args, "COPYFILE_EXCL"))
    return true;
  if (strncmp(name, "mkdir", 5) == 0 && rl_cta_mentions(cx, args, "recursive")) return true;
  if (strncmp(name, "rm", 2) == 0 && rl_cta_mentions(cx, args, "force")) return true;
  /* failure handled: w.catch(...), or a try with a catch */
  RlNode n = w;
  RlNode p = rl_parent(cx, n);
  while (rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION) n = p, p = rl_parent(cx, p);
  if (rl_kind(cx, p) == RL_JS_MEMBER_EXPRESSION && rl_child(cx, p, RL_F_OBJECT) == n) {
    const char *m = rl_text_dup(cx, rl_child(cx, p, RL_F_PROPERTY));
    if (strcmp(m, "catch") == 0 || strcmp(m, "then") == 0) return true;
  }
  RlNode child = w;
  for (RlNode a = rl_parent(cx, w); a && a != sc->fn; child = a, a = rl_parent(cx, a))
    if (rl_kind(cx, a) == RL_JS_TRY_STATEMENT && rl_field(cx, child) == RL_F_BODY &&
        rl_child(cx, a, RL_F_HANDLER))
      return true;
  return false;
}

/* A read of the checked path (readFile, createReadStream, open for
 * reading; not a stream, whose 'error' event nobody may listen to) whose
 * failure reaches the caller (no callback) after a check of its
 * existence, type, size or times only, in a
 * file that shows no privilege change (rl_cta_file_privileged) and
 * on a path that does not name a temporary directory. As the C rule's
 * table says: a file swapped in between makes the read fail to its caller
 * (as a missing file would) or read what the next read would read; no one
 * gains access through it. A test of what a swap defeats (the owner,
 * mode or symlink-ness: `isSymbolicLink()`, `.mode`, `.uid`, `.gid`) between
 * the check and the read keeps it reported; racelint:strict reports all. */
static bool plain_read_after_check(RlCtx *cx, const Read *r, RlNode w) {
  const char *name = rl_js_callee_name(cx, w);
  if (strncmp(name, "open", 4) == 0) {
    RlNode fl = rl_strip(cx, rl_js_arg(cx, w, 1));
    if (fl && !rl_js_is_function(cx, fl) && !rl_text_eq(cx, fl, "'r'") &&
        !rl_text_eq(cx, fl, "\"r\""))
      return false;
  } else if (strncmp(name, "readFile", 8) != 0) {
    return false;
  }
  /* a callback gets the failure: read_error_handled decides */
  if (rl_js_is_function(cx, rl_strip(cx, rl_js_arg(cx, w, rl_js_argc(cx, w) - 1)))) return false;
  if (!rl_js_arg(cx, r->node, 0)) return false;
  return !rl_cta_path_in_tmp(cx, r) && !rl_cta_owner_tested(cx, r, w) &&
         !rl_cta_file_privileged(cx);
}

static bool is_nullish(const RlCtx *cx, RlNode n) {
  n = rl_strip(cx, n);
  return rl_kind(cx, n) == RL_JS_NULL || rl_kind(cx, n) == RL_JS_UNDEFINED ||
         rl_text_eq(cx, n, "undefined") || rl_text_eq(cx, n, "null") ||
         rl_text_eq(cx, n, "void 0");
}

/* Lazy initialisation after an emptiness test (`if (!this.x) this.x = ...`,
 * `if (!m.has(k)) m.set(k, ...)`, `if (this.x) return ...; this.x = ...`):
 * rule lazy-init-race reports those. */
static bool lazy_init(RlCtx *cx, const Read *r, const Write *w) {
  bool init = false;
  if (w->kind == W_ASSIGN && rl_kind(cx, w->node) != RL_JS_UPDATE_EXPRESSION) {
    const char *op = rl_op(cx, w->node);
    init = (strcmp(op, "=") == 0 || strcmp(op, "?" "?=") == 0 || strcmp(op, "||=") == 0) &&
           rl_same_expr(cx, rl_child(cx, w->node, RL_F_LEFT), r->node);
  } else if (w->kind == W_CALL && r->kind == R_CALL &&
             strcmp(rl_js_callee_name(cx, w->node), "set") == 0) {
    const char *rn = rl_js_callee_name(cx, r->node);
    init = strcmp(rn, "has") == 0 || strcmp(rn, "get") == 0;
  }
  if (!init) return false;
  RlNode n = r->node;
  RlNode p = rl_parent(cx, n);
  while (rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION) n = p, p = rl_parent(cx, p);
  if (rl_kind(cx, p) == RL_JS_UNARY_EXPRESSION && strcmp(rl_op(cx, p), "!") == 0) return true;
  if (rl_kind(cx, p) == RL_JS_BINARY_EXPRESSION) {
    const char *op = rl_op(cx, p);
    RlNode other = rl_child(cx, p, rl_field(cx, n) == RL_F_LEFT ? RL_F_RIGHT : RL_F_LEFT);
    if (is_nullish(cx, other) && (strcmp(op, "==") == 0 || strcmp(op, "===") == 0)) return true;
    if (is_nullish(cx, other)) n = p; /* x != null: presence */
  }
  /* if (this.x) return this.x; */
  RlNode ifs = rl_parent(cx, r->check);
  if (rl_kind(cx, ifs) == RL_JS_IF_STATEMENT && rl_strip(cx, r->check) == rl_strip(cx, n)) {
    RlNode cons = rl_child(cx, ifs, RL_F_CONSEQUENCE);
    if (rl_kind(cx, cons) == RL_JS_STATEMENT_BLOCK && rl_named_child_count(cx, cons) == 1)
      cons = rl_named_child(cx, cons, 0);
    RlKind k = rl_kind(cx, cons);
    if (k == RL_JS_RETURN_STATEMENT || k == RL_JS_THROW_STATEMENT) return true;
  }
  return false;
}

/* Is u a use of the read value: the read itself (or the same lvalue), or an
 * identifier bound to it? */
static bool is_use(RlCtx *cx, const Read *r, RlNode u) {
  if (u == r->node) return true;
  if (r->kind == R_LVAL) return rl_kind(cx, u) == rl_kind(cx, r->node) && rl_same_expr(cx, u, r->node);
  if (!r->var || rl_kind(cx, u) != RL_JS_IDENTIFIER) return false;
  size_t len;
  const char *t = rl_text(cx, u, &len);
  return rl_cta_ident_in(cx, r->var, t, len);
}

/* Does check c only test whether the read value exists (`!v`, `v == null`,
 * `if (v) return v`, `m.has(k)`), never what it is? */
static bool existence_only(RlCtx *cx, const Read *r, RlNode c) {
  bool any = false;
  RlNode end = rl_node_end(cx, c);
  for (RlNode i = c; i < end; i++) {
    if (!is_use(cx, r, i)) continue;
    any = true;
    RlNode n = i, p = rl_parent(cx, i);
    while (rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION || rl_kind(cx, p) == RL_JS_AWAIT_EXPRESSION ||
           rl_kind(cx, p) == RL_JS_NON_NULL_EXPRESSION)
      n = p, p = rl_parent(cx, p);
    if (n == c || rl_strip(cx, c) == rl_strip(cx, n)) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    RlKind k = rl_kind(cx, p);
    const char *op = rl_op(cx, p);
    bool ok = (k == RL_JS_UNARY_EXPRESSION && strcmp(op, "!") == 0) ||
              (k == RL_JS_BINARY_EXPRESSION && (strcmp(op, "&&") == 0 || strcmp(op, "||") == 0));
    if (!ok && k == RL_JS_BINARY_EXPRESSION &&
        (strcmp(op, "==") == 0 || strcmp(op, "===") == 0 || strcmp(op, "!=") == 0 ||
         strcmp(op, "!==") == 0)) {
      RlNode other = rl_child(cx, p, rl_field(cx, n) == RL_F_LEFT ? RL_F_RIGHT : RL_F_LEFT);
      ok = is_nullish(cx, other);
    }
    if (!ok) return false;
    i = rl_node_end(cx, i) - 1;
  }
  return any;
}

/* Does write w store something computed from the read value? */
static bool writes_value_of(RlCtx *cx, const Read *r, const Write *w) {
  RlNode from, end;
  if (w->kind == W_ASSIGN) {
    if (rl_kind(cx, w->node) == RL_JS_UPDATE_EXPRESSION) return true;
    if (strcmp(rl_op(cx, w->node), "=") != 0) return true; /* -=, +=, ... */
    from = rl_child(cx, w->node, RL_F_RIGHT);
    end = rl_node_end(cx, from);
  } else {
    if (doc_write(cx, r, w->node)) return true;
    /* the arguments after the key */
    uint32_t skip = r->kind == R_CALL ? rl_js_argc(cx, r->node) : 0;
    if (rl_js_argc(cx, w->node) <= skip) skip = 0;
    from = rl_js_arg(cx, w->node, skip);
    end = rl_node_end(cx, rl_child(cx, w->node, RL_F_ARGUMENTS));
  }
  for (RlNode i = from; i && i < end; i++)
    if (is_use(cx, r, i)) return true;
  return false;
}

/* Is guard g an `if` that returns the value it read (`if (cached) return
 * cached;`, `if (this.tok && fresh) return this.tok.value;`): the shape of a
 * cache lookup? */
static bool returns_read(RlCtx *cx, const Read *r, RlNode g, const Write *w) {
  RlNode ifs = rl_parent(cx, g);
  if (rl_kind(cx, ifs) != RL_JS_IF_STATEMENT) return false;
  RlNode cons = rl_child(cx, ifs, RL_F_CONSEQUENCE);
  RlNode st = cons;
  if (rl_kind(cx, cons) == RL_JS_STATEMENT_BLOCK) {
    uint32_t n = rl_named_child_count(cx, cons);
    st = n ? rl_named_child(cx, cons, n - 1) : RL_NONE;
  }
  if (rl_kind(cx, st) != RL_JS_RETURN_STATEMENT) return false;
  RlNode target = r->kind == R_LVAL ? write_target(cx, w) : RL_NONE;
  RlNode end = rl_node_end(cx, st);
  for (RlNode i = st; i < end; i++) {
    if (is_use(cx, r, i)) return true;
    RlKind k = rl_kind(cx, i);
    if (target && (k == RL_JS_MEMBER_EXPRESSION || k == RL_JS_SUBSCRIPT_EXPRESSION) &&
        contains_target(cx, i, target))
      return true;
  }
  return false;
}

/* Is guard g an `if` that returns a local read from state that a write
 * after g refills (`jwk = this.jwks.keys.find(...); if (jwk && fresh)
 * return jwk; ... this.jwks = data`): a cache lookup whose hit path
 * returns what the miss path stores? */
static bool returns_cached(RlCtx *cx, const Scan *sc, RlNode g) {
  RlNode ifs = rl_parent(cx, g);
  if (rl_kind(cx, ifs) != RL_JS_IF_STATEMENT) return false;
  RlNode st = rl_child(cx, ifs, RL_F_CONSEQUENCE);
  if (rl_kind(cx, st) == RL_JS_STATEMENT_BLOCK) {
    uint32_t n = rl_named_child_count(cx, st);
    st = n ? rl_named_child(cx, st, n - 1) : RL_NONE;
  }
  if (rl_kind(cx, st) != RL_JS_RETURN_STATEMENT) return false;
  RlNode e = rl_strip(cx, rl_named_child(cx, st, 0));
  if (rl_kind(cx, e) != RL_JS_IDENTIFIER || rl_cta_owner(cx, e) != OWN_LOCAL) return false;
  size_t n;
  const char *t = rl_text(cx, e, &n);
  for (RlNode i = sc->body; i < g; i = rl_js_own_next(cx, i, g)) {
    RlNode lhs, rhs;
    if (rl_kind(cx, i) == RL_JS_VARIABLE_DECLARATOR)
      lhs = rl_child(cx, i, RL_F_NAME), rhs = rl_child(cx, i, RL_F_VALUE);
    else if (rl_kind(cx, i) == RL_JS_ASSIGNMENT_EXPRESSION)
      lhs = rl_child(cx, i, RL_F_LEFT), rhs = rl_child(cx, i, RL_F_RIGHT);
    else
      continue;
    size_t ln;
    const char *lt = rl_text(cx, lhs, &ln);
    if (!rhs || rl_kind(cx, lhs) != RL_JS_IDENTIFIER || ln != n || memcmp(lt, t, n) != 0) continue;
    for (uint32_t k = 0; k < sc->nwrites; k++) {
      const Write *o = &sc->writes[k];
      if (o->kind != W_ASSIGN || o->node < rl_node_end(cx, g)) continue;
      RlNode tgt = write_target(cx, o);
      if (!tgt || !rl_cta_shared(cx, tgt)) continue;
      RlNode end = rl_node_end(cx, rhs);
      for (RlNode j = rhs; j < end; j++) {
        RlKind k2 = rl_kind(cx, j);
        if ((k2 == RL_JS_MEMBER_EXPRESSION || k2 == RL_JS_SUBSCRIPT_EXPRESSION) &&
            rl_same_expr(cx, j, tgt))
          return true;
      }
    }
  }
  return false;
}

/* A parameter the function does not assign: what the caller asked for. */
static bool target_param(RlCtx *cx, const Scan *sc, RlNode v) {
  v = rl_strip(cx, v);
  if (rl_kind(cx, v) != RL_JS_IDENTIFIER || rl_cta_owner(cx, v) != OWN_PARAM) return false;
  for (uint32_t i = 0; i < sc->nwrites; i++)
    if (sc->writes[i].kind == W_ASSIGN && rl_same_expr(cx, write_target(cx, &sc->writes[i]), v))
      return false;
  return true;
}

/* An idempotent setter: write w stores the parameter that guard g
 * compares the read value with (`if (this.keyspace === ks) return; await
 * this.send(use(ks)); this.keyspace = ks`). The work in between is the
 * setting itself; a run that overlaps another with the same target repeats
 * it and stores the same value, and none stores something computed from
 * the stale read. Not a constant target (`if (this.state === 'started')
 * return; await start(); this.state = 'started'`, `if (v >= DONE) return;
 * await migrate(); setV(DONE)`): there the work in between is a one-off
 * job that two overlapping runs both do. */
static bool stores_compared_value(RlCtx *cx, const Scan *sc, const Read *r, RlNode g,
                                  const Write *w) {
  RlNode val;
  if (w->kind == W_ASSIGN) {
    if (rl_kind(cx, w->node) == RL_JS_UPDATE_EXPRESSION || strcmp(rl_op(cx, w->node), "=") != 0)
      return false;
    val = rl_child(cx, w->node, RL_F_RIGHT);
  } else if (w->kind == W_CALL && r->kind == R_CALL && !doc_write(cx, r, w->node)) {
    uint32_t keys = rl_js_argc(cx, r->node);
    if (rl_js_argc(cx, w->node) != keys + 1) return false;
    val = rl_js_arg(cx, w->node, keys);
  } else {
    return false;
  }
  if (!val || !target_param(cx, sc, val)) return false;
  static const char *const cmp[] = {"==", "===", "!=", "!==", "<", "<=", ">", ">="};
  RlNode end = rl_node_end(cx, g);
  for (RlNode i = g; i < end; i++) {
    if (rl_kind(cx, i) != RL_JS_BINARY_EXPRESSION ||
        !rl_cta_name_in(rl_op(cx, i), cmp, RL_COUNTOF(cmp)))
      continue;
    for (int side = 0; side < 2; side++) {
      RlNode a = rl_strip(cx, rl_child(cx, i, side ? RL_F_RIGHT : RL_F_LEFT));
      RlNode b = rl_child(cx, i, side ? RL_F_LEFT : RL_F_RIGHT);
      while (rl_kind(cx, a) == RL_JS_AWAIT_EXPRESSION) a = rl_strip(cx, rl_named_child(cx, a, 0));
      if (a && is_use(cx, r, a) && rl_same_expr(cx, b, val)) return true;
    }
  }
  return false;
}

/* Is the key or path the read used (its first argument) assigned again
 * between the read and write w? Then w acts on something else. */
static bool key_reassigned(RlCtx *cx, const Scan *sc, const Read *r, RlNode w) {
  if (r->kind == R_LVAL) return false;
  RlNode key = rl_js_arg(cx, r->node, 0);
  if (!key) return false;
  for (uint32_t i = 0; i < sc->nwrites; i++) {
    const Write *o = &sc->writes[i];
    if (o->kind != W_ASSIGN || o->node <= r->node || o->node >= w) continue;
    if (rl_same_expr(cx, write_target(cx, o), key)) return true;
  }
  return false;
}

/* Written synchronously after the read, before any await (a claim:
 * `if (this.busy) return; this.busy = true;`)? */
static bool claimed(RlCtx *cx, const Scan *sc, const Read *r, RlNode w) {
  RlNode rend = horizon(cx, r, w);
  for (uint32_t i = 0; i < sc->nwrites; i++) {
    const Write *o = &sc->writes[i];
    if (o->node < rend || o->node >= w) continue;
    if (!same_resource(cx, r, o)) continue;
    bool awaited_before = false;
    for (uint32_t j = 0; j < sc->nawaits && !awaited_before; j++) {
      RlNode a = sc->awaits[j];
      if (a >= rend && a < o->node && !encloses(cx, a, r->node) && !encloses(cx, a, o->node) &&
          on_path(cx, a, o->node))
        awaited_before = true;
    }
    if (!awaited_before) return true;
  }
  return false;
}

static const char *label(RlCtx *cx, RlNode n) {
  if (rl_kind(cx, n) == RL_JS_CALL_EXPRESSION) {
    RlNode f = rl_strip(cx, rl_child(cx, n, RL_F_FUNCTION));
    size_t len;
    const char *t = rl_text(cx, f, &len);
    return len <= 40 ? rl_str(cx, t, len) : rl_js_callee_name(cx, n);
  }
  if (rl_kind(cx, n) == RL_JS_ASSIGNMENT_EXPRESSION || rl_kind(cx, n) == RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION)
    n = rl_child(cx, n, RL_F_LEFT);
  else if (rl_kind(cx, n) == RL_JS_UPDATE_EXPRESSION)
    n = rl_child(cx, n, RL_F_ARGUMENT);
  size_t len;
  const char *t = rl_text(cx, n, &len);
  return len <= 40 ? rl_str(cx, t, len) : "the value";
}

static void report(RlCtx *cx, Read *r, const Write *w) {
  RlLoc lr = rl_loc(cx, r->node), lc = rl_loc(cx, r->check), lw = rl_loc(cx, w->node);
  RlReport *rep;
  if (r->kind == R_FILE) {
    RlNode path = rl_js_arg(cx, r->node, 0);
    size_t plen;
    const char *ptext = rl_text(cx, path, &plen);
    const char *pl = plen <= 40 ? rl_str(cx, ptext, plen) : "the path";
    rep = rl_report(cx, w->node,
                    "'%s' acts on '%s', which '%s' checked at line %u: another process can "
                    "create, remove or replace the file between the check at line %u and "
                    "this use at line %u",
                    rl_js_callee_name(cx, w->node), pl, rl_js_callee_name(cx, r->node),
                    lc.line, lc.line, lw.line);
    rl_report_related(cx, rep, r->node, "'%s' checked here", pl);
    rl_report_hint(cx, rep, "%s", hint_file);
    rl_js_fix_exists_write(cx, rep, w->node, r->node);
  } else {
    const char *msg, *cls;
    if (r->kind == R_CALL)
      msg = rl_fmt(cx,
                   "'%s' writes what '%s' read, after the check at line %u: another call "
                   "can run between the read at line %u and the write at line %u, so the "
                   "check may no longer hold",
                   label(cx, w->node), label(cx, r->node), lc.line, lr.line, lw.line);
    else
      msg = rl_fmt(cx,
                   "'%s' is changed after an await, based on the check at line %u: another "
                   "call can run between the read at line %u and the write at line %u, so "
                   "the check may no longer hold",
                   label(cx, w->kind == W_CALL ? rl_js_callee_object(cx, w->node) : w->node),
                   lc.line, lr.line, lw.line);
    int how = rl_kind(cx, rl_cta_root_of(cx, r->node)) == RL_JS_THIS
                  ? rl_js_per_call_exported(cx, r->node, &cls)
                  : RL_JS_EXPORTED_NO;
    if (how != RL_JS_EXPORTED_NO) { /* phase 2 decides, as lazy-init-race's */
      RlFact *f = rl_fact_add(cx, FACT_DEFER, w->node, cls, msg, NULL);
      f->aux = w->node;
      f->flags = (uint32_t)how;
      rl_fact_add(cx, FACT_DEFER_AT, r->node, NULL, NULL, "read here")->aux = w->node;
      if (r->check != r->node)
        rl_fact_add(cx, FACT_DEFER_AT, r->check, NULL, NULL, "checked here")->aux = w->node;
      return;
    }
    rep = rl_report(cx, w->node, "%s", msg);
    rl_report_related(cx, rep, r->node, "read here");
    if (r->check != r->node) rl_report_related(cx, rep, r->check, "checked here");
    rl_report_hint(cx, rep, "%s", hint_state);
  }
}

/* fs.exists(p, (ok) => { if (ok) fs.readFile(p, ...) }) and
 * fs.stat(p, (err, st) => { ... }): the function scanned is the callback of
 * a file check; its parameters carry the result. */
static void callback_check(RlCtx *cx, Scan *sc) {
  RlNode a = rl_parent(cx, sc->fn);
  while (rl_kind(cx, a) == RL_JS_PARENTHESIZED_EXPRESSION) a = rl_parent(cx, a);
  if (rl_kind(cx, a) != RL_JS_ARGUMENTS || sc->nreads >= MAX_EV) return;
  RlNode call = rl_parent(cx, a);
  if (!rl_cta_name_in(rl_js_callee_name(cx, call), rl_cta_fs_checks,
                      RL_COUNTOF(rl_cta_fs_checks)) ||
      !rl_cta_is_fs_receiver(cx, call))
    return;
  RlNode params = rl_child(cx, sc->fn, RL_F_PARAMETERS);
  if (!params) params = rl_child(cx, sc->fn, RL_F_PARAMETER);
  if (!params) return;
  Read *r = &sc->reads[sc->nreads++];
  memset(r, 0, sizeof *r);
  r->node = call;
  r->kind = R_FILE;
  r->var = params;
}

static void check(RlCtx *cx, RlNode n, void *state) {
  (void)state;
  if (rl_kind(cx, n) == RL_JS_NEW_EXPRESSION || rl_kind(cx, n) == RL_JS_CALL_EXPRESSION) {
    rl_js_lazy_record(cx, n, FACT_NEW, FACT_ESCAPE);
    return;
  }
  Scan scan;
  memset(&scan, 0, sizeof scan);
  Scan *sc = &scan;
  bool async_fn = false;
  if (rl_kind(cx, n) == RL_JS_PROGRAM) {
    sc->fn = n;
    sc->body = n;
  } else {
    sc->fn = n;
    sc->body = rl_child(cx, n, RL_F_BODY);
    if (!sc->body) return;
    async_fn = rl_js_is_async(cx, n);
  }
  rl_cta_collect(cx, sc, async_fn);
  callback_check(cx, sc);
  if (!sc->nreads || !sc->nwrites) return;
  /* after the cheap tests: this walks every enclosing function, which is
   * quadratic over deeply nested functions if done for each of them */
  if (in_exclusive_callback(cx, n)) return;
  for (uint32_t wi = 0; wi < sc->nwrites; wi++) {
    const Write *w = &sc->writes[wi];
    Read *r = NULL;
    for (uint32_t ri = 0; ri < sc->nreads; ri++) {
      Read *c = &sc->reads[ri];
      if (c->node >= w->node || encloses(cx, w->node, c->node)) continue;
      if (!same_resource(cx, c, w)) continue;
      if (!r || c->node > r->node) r = c;
    }
    if (!r || r->reported) continue;
    RlNode g = RL_NONE;
    if (r->cond == r->node) g = w->node > r->node ? r->node : RL_NONE; /* bare access/stat */
    else if (r->cond) g = rl_cta_guards(cx, r->cond, w->node) ? r->cond : RL_NONE;
    else if (r->var)
      g = rl_cta_first_check_of(
          cx, encloses(cx, r->node, w->node) ? sc->body : rl_node_end(cx, r->node), w->node,
          r->var);
    if (!g) continue;
    r->check = g;
    if (r->kind == R_CALL && w->kind == W_CALL) {
      RlNode doc = doc_write(cx, r, w->node);
      if (doc && !uses_field(cx, g, doc)) continue;
    }
    if (r->kind != R_FILE && !r->awaited && !await_between(cx, sc, r, w->node)) continue;
    if (r->kind == R_CALL && !r->awaited) {
      RlNode o = rl_js_callee_object(cx, r->node);
      if (o && !rl_cta_shared(cx, o)) continue;
    }
    if (r->kind == R_CALL && rl_cta_fresh_local(cx, rl_js_callee_object(cx, r->node))) continue;
    if (r->kind == R_FILE ? file_use_safe(cx, sc, w->node) : conditional_write(cx, w->node))
      continue;
    if (r->kind == R_FILE && !rl_file_strict(cx) && plain_read_after_check(cx, r, w->node))
      continue;
    /* a write, create or delete a swap gains no one anything by (the C
     * rule's CWE-367 policy): racelint:strict reports it */
    if (r->kind == R_FILE && !rl_file_strict(cx) && !rl_cta_file_use_reported(cx, r, g, w->node))
      continue;
    if (locked(cx, sc, r, w->node)) continue;
    if (key_reassigned(cx, sc, r, w->node)) continue;
    if (r->kind != R_FILE && !r->awaited && claimed(cx, sc, r, w->node)) continue;
    if (r->kind != R_FILE && lazy_init(cx, r, w)) continue;
    /* a refresh that stores what a read-like load returned: a duplicate
     * stores an equal value (racelint:strict reports it) */
    if (r->kind != R_FILE && !rl_file_strict(cx) && rl_js_idempotent_load(cx, w->node)) continue;
    /* set-if-absent that does not use the value: a cache fill or a lazy
     * initialisation (rule lazy-init-race), not a decision on stale data */
    if (r->kind != R_FILE &&
        (existence_only(cx, r, g) || returns_read(cx, r, g, w) || returns_cached(cx, sc, g)) &&
        !writes_value_of(cx, r, w))
      continue;
    /* an idempotent setter: the write stores the parameter the check
     * compared with (racelint:strict reports it) */
    if (r->kind != R_FILE && !rl_file_strict(cx) && stores_compared_value(cx, sc, r, g, w))
      continue;
    /* shapes without measured evidence (rules/check-then-act.md, "Presets") */
    if (r->kind != R_FILE && !rl_file_strict(cx) &&
        !rl_cta_default_state(cx, r, w, writes_value_of(cx, r, w)))
      continue;
    /* a run claimed by a flag before the first await: runs never overlap */
    if (r->kind != R_FILE && !rl_file_strict(cx) && flag_claimed(cx, sc->fn)) return;
    /* last: it reads the whole file */
    if (r->kind != R_FILE && rl_js_serialised(cx, n)) return;
    if (r->kind != R_FILE && rl_kind(cx, rl_cta_root_of(cx, r->node)) == RL_JS_THIS &&
        rl_js_per_call_this(cx, r->node))
      continue;
    r->reported = true;
    report(cx, r, w);
  }
}

static const RlKind kinds[] = {
    RL_JS_PROGRAM,        RL_JS_FUNCTION_DECLARATION, RL_JS_FUNCTION_EXPRESSION,
    RL_JS_FUNCTION,       RL_JS_ARROW_FUNCTION,       RL_JS_METHOD_DEFINITION,
    RL_JS_GENERATOR_FUNCTION_DECLARATION, RL_JS_GENERATOR_FUNCTION, RL_JS_NEW_EXPRESSION,
    RL_JS_CALL_EXPRESSION,
};

static void project(RlProject *px, const RlRule *self) {
  uint32_t nfiles = rl_project_nfiles(px);
  for (uint32_t file = 0; file < nfiles; file++) {
    uint32_t n;
    const RlFact *facts = rl_project_facts(px, file, &n);
    for (uint32_t i = 0; i < n; i++) {
      const RlFact *f = &facts[i];
      if (f->kind != FACT_DEFER || !rl_fact_of(px, f, self)) continue;
      if (rl_js_lazy_made_per_call(px, self, FACT_NEW, file, f) ||
          rl_js_lazy_deferred_at(px, file, f->loc.line))
        continue;
      RlReport *r = rl_project_report(px, self, f, "%s", f->b);
      /* "read here" first, then "checked here", as in phase 1 */
      for (int pass = 0; pass < 2; pass++)
        for (uint32_t j = 0; j < n; j++)
          if (facts[j].kind == FACT_DEFER_AT && facts[j].aux == f->aux &&
              rl_fact_of(px, &facts[j], self) &&
              (strcmp(facts[j].c, "read here") == 0) == (pass == 0))
            rl_project_related(px, r, &facts[j], "%s", facts[j].c);
      rl_project_hint(px, r, "%s", hint_state);
    }
  }
}

const RlCheck rl_check_js_check_then_act = {
    .langs = RL_LANG_JSTS,
    .kinds = kinds,
    .nkinds = RL_COUNTOF(kinds),
    .check = check,
    .project = project,
};
