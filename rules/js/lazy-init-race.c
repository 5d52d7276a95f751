/* js/lazy-init-race.c - the JavaScript/TypeScript check of lazy-init-race.
 *
 * Lazy initialisation of shared state that stores the *value* of an await:
 *   if (!this.client) { this.client = await createClient(); }
 *   if (this.client) return this.client; this.client = await createClient();
 *   client ?\?= await connect();   client = client || await connect();
 *   if (!cache.has(k)) { const v = await load(k); cache.set(k, v); }
 *   if (!cache[k]) cache[k] = await load(k);
 * Between the check and the write, a second caller sees the slot still empty
 * and creates the resource again. Shared = a member of `this`, of a
 * module-level, imported or global name (class statics included), or a
 * module-level variable; a function's own locals are not reported.
 * The early-return form also takes more conditions (a refresh:
 * `if (this.tok && this.tok.expires > now) return ...`).
 * Not reported: the promise is stored (no await before the write), the
 * await only waits for a promise stored earlier (`await this.readyP`), the
 * slot is claimed before the first await (`this.loading = true`), the write
 * is guarded by a re-check after the await, or the code runs inside a
 * mutex/once/lazy callback (or a js.mutexApis method) or after an
 * acquire()/lock(), or `this` is a per-call object (rl_js_per_call_this),
 * or its runs never overlap (rl_js_serialised: a
 * sharedPromiseTo-like wrapper, or every caller stores the pending promise
 * as a lock).
 * Doc: rules/lazy-init-race.md */
#include <string.h>

#include "../../analyzer/rule_api.h"
#include "lazy-init-race.h"
#include "fixes.h"

extern const RlRule rl_rule_lazy_init_race;

/* Callbacks that run exclusively, once, or share one pending promise. */
static const char *const exclusive_calls[] = {
    "runExclusive", "lazy",      "once",     "singleFlight", "withLock",  "withLocks",
    "acquire",      "using",     "exclusive", "synchronized", "memoize",  "memoizeAsync",
    "lock",         "runLocked", "serialize",
};
/* Calls that take a lock for the rest of the function. */
static const char *const lock_calls[] = {"acquire", "lock", "acquireLock", "waitForLock",
                                         "obtainLock"};

static const char *const hint =
    "Store the promise, not its value, so every caller awaits the same one "
    "(`this.client ?\?= createClient()`), and clear it if it rejects; the runtime's "
    "lazy(() => createClient()) does both (runtime/js), once() runs a setup exactly once.";

static bool name_in(const char *name, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(name, list[i]) == 0) return true;
  return false;
}

/* Does scope node `scope` declare the identifier text s[0..n)? Looks at the
 * statements directly in a block/program, a function's parameters, and the
 * head of a for/catch. */
/* Is identifier `id` module-level (or an undeclared global), i.e. shared by
 * every call? */
static bool module_level(const RlCtx *cx, RlNode id) {
  RlNode scope = rl_js_binding_scope(cx, id);
  return !scope || rl_kind(cx, scope) == RL_JS_PROGRAM;
}

/* Is the lvalue `t` state that outlives one call: this.x, Mod.x, cache[k],
 * a module variable? */
static bool shared_target(const RlCtx *cx, RlNode t) {
  t = rl_strip(cx, t);
  RlKind k = rl_kind(cx, t);
  if (k == RL_JS_IDENTIFIER) return module_level(cx, t);
  while (k == RL_JS_MEMBER_EXPRESSION || k == RL_JS_SUBSCRIPT_EXPRESSION) {
    t = rl_strip(cx, rl_child(cx, t, RL_F_OBJECT));
    k = rl_kind(cx, t);
  }
  if (k == RL_JS_THIS) return true;
  if (k == RL_JS_IDENTIFIER) return module_level(cx, t);
  return false;
}

/* Is the lvalue t a member of `this` (this.x, this.cache[k])? */
static bool this_slot(const RlCtx *cx, RlNode t) {
  t = rl_strip(cx, t);
  while (rl_kind(cx, t) == RL_JS_MEMBER_EXPRESSION || rl_kind(cx, t) == RL_JS_SUBSCRIPT_EXPRESSION)
    t = rl_strip(cx, rl_child(cx, t, RL_F_OBJECT));
  return rl_kind(cx, t) == RL_JS_THIS;
}

/* Is `n` inside a callback given to a mutex/once/lazy API, or after a lock
 * acquisition earlier in its function? */
static bool exclusive(RlCtx *cx, RlNode n) {
  RlNode fn = rl_enclosing_function(cx, n);
  if (rl_js_serialised(cx, fn)) return true;
  for (RlNode f = fn; f; f = rl_enclosing_function(cx, f)) {
    RlNode a = rl_parent(cx, f);
    while (a && rl_kind(cx, a) == RL_JS_PARENTHESIZED_EXPRESSION) a = rl_parent(cx, a);
    if (rl_kind(cx, a) != RL_JS_ARGUMENTS) continue;
    const char *m = rl_js_callee_name(cx, rl_parent(cx, a));
    if (name_in(m, exclusive_calls, RL_COUNTOF(exclusive_calls)) ||
        rl_js_config_name(cx, RL_JS_MUTEX_APIS, m))
      return true;
  }
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  for (RlNode i = body; body && i < n; i = rl_js_own_next(cx, i, n)) {
    if (rl_kind(cx, i) != RL_JS_CALL_EXPRESSION) continue;
    const char *m = rl_js_callee_name(cx, i);
    if (name_in(m, lock_calls, RL_COUNTOF(lock_calls)) || rl_js_config_name(cx, RL_JS_MUTEX_APIS, m))
      return true;
  }
  return false;
}

/* Does the await `a` start something (a call or `new`), rather than wait
 * for a promise stored earlier (`await this.readyPromise`), which every
 * caller shares? */
static bool creates(const RlCtx *cx, RlNode a) {
  /* `await (p ??= create())`: callers share the pending creation in p */
  RlNode op = rl_strip(cx, rl_named_child(cx, a, 0));
  if (rl_kind(cx, op) == RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION &&
      (!strcmp(rl_op(cx, op), "??=") || !strcmp(rl_op(cx, op), "||=")))
    return false;
  RlNode end = rl_node_end(cx, a);
  for (RlNode i = a; i < end; i++)
    if (rl_kind(cx, i) == RL_JS_CALL_EXPRESSION || rl_kind(cx, i) == RL_JS_NEW_EXPRESSION)
      return true;
  return false;
}

/* First await in [from, to) outside nested functions that starts something,
 * or RL_NONE. */
static RlNode first_await(const RlCtx *cx, RlNode from, RlNode to) {
  if (rl_js_is_function(cx, from)) return RL_NONE;
  for (RlNode i = from; i < to; i = rl_js_own_next(cx, i, to)) {
    if (rl_kind(cx, i) == RL_JS_AWAIT_EXPRESSION && creates(cx, i)) return i;
  }
  return RL_NONE;
}

/* What a check tests: the slot `t` (this.client, cache[k]), or the map entry
 * `map`/`key` (cache.has(k), k in cache). */
typedef struct Slot {
  RlNode t, map, key;
  RlNode test; /* the test expression, for the related location */
} Slot;

static bool is_nullish(const RlCtx *cx, RlNode n) {
  n = rl_strip(cx, n);
  return rl_kind(cx, n) == RL_JS_NULL || rl_kind(cx, n) == RL_JS_UNDEFINED ||
         rl_text_eq(cx, n, "undefined") || rl_text_eq(cx, n, "null") ||
         rl_text_eq(cx, n, "'undefined'") || rl_text_eq(cx, n, "\"undefined\"");
}

/* Slot of an expression being tested: `x`, `m.get(k)`, `m.has(k)`. */
static Slot slot_of(RlCtx *cx, RlNode x, RlNode test) {
  Slot s = {RL_NONE, RL_NONE, RL_NONE, test};
  x = rl_strip(cx, x);
  if (rl_kind(cx, x) == RL_JS_AWAIT_EXPRESSION) return s;
  if (rl_kind(cx, x) == RL_JS_UNARY_EXPRESSION && strcmp(rl_op(cx, x), "typeof") == 0)
    x = rl_strip(cx, rl_child(cx, x, RL_F_ARGUMENT));
  RlKind k = rl_kind(cx, x);
  if (k == RL_JS_CALL_EXPRESSION) {
    const char *m = rl_js_callee_name(cx, x);
    RlNode obj = rl_js_callee_object(cx, x);
    if (obj && (strcmp(m, "has") == 0 || strcmp(m, "get") == 0) && rl_js_argc(cx, x) == 1) {
      s.map = rl_strip(cx, obj);
      s.key = rl_js_arg(cx, x, 0);
    }
    return s;
  }
  if (k == RL_JS_IDENTIFIER || k == RL_JS_MEMBER_EXPRESSION || k == RL_JS_SUBSCRIPT_EXPRESSION)
    s.t = x;
  return s;
}

/* If leaf `e` tests that a slot is empty (`!x`, `x == null`, `x === undefined`,
 * `typeof x === 'undefined'`, `!m.has(k)`, `!(k in m)`), returns it. With
 * `present` set, the opposite: `x`, `x != null`, `m.has(k)`. */
static Slot empty_test(RlCtx *cx, RlNode e, bool present) {
  Slot none = {RL_NONE, RL_NONE, RL_NONE, RL_NONE};
  e = rl_strip(cx, e);
  RlKind k = rl_kind(cx, e);
  if (k == RL_JS_UNARY_EXPRESSION && strcmp(rl_op(cx, e), "!") == 0) {
    if (present) return none;
    RlNode a = rl_strip(cx, rl_child(cx, e, RL_F_ARGUMENT));
    if (rl_kind(cx, a) == RL_JS_BINARY_EXPRESSION && strcmp(rl_op(cx, a), "in") == 0) {
      Slot s = {RL_NONE, rl_strip(cx, rl_child(cx, a, RL_F_RIGHT)),
                rl_child(cx, a, RL_F_LEFT), e};
      return s;
    }
    return slot_of(cx, a, e);
  }
  if (k == RL_JS_BINARY_EXPRESSION) {
    const char *op = rl_op(cx, e);
    bool eq = strcmp(op, "==") == 0 || strcmp(op, "===") == 0;
    bool ne = strcmp(op, "!=") == 0 || strcmp(op, "!==") == 0;
    if ((eq && !present) || (ne && present)) {
      RlNode l = rl_child(cx, e, RL_F_LEFT), r = rl_child(cx, e, RL_F_RIGHT);
      if (is_nullish(cx, r)) return slot_of(cx, l, e);
      if (is_nullish(cx, l)) return slot_of(cx, r, e);
    }
    if (present && strcmp(op, "in") == 0) {
      Slot s = {RL_NONE, rl_strip(cx, rl_child(cx, e, RL_F_RIGHT)), rl_child(cx, e, RL_F_LEFT), e};
      return s;
    }
    return none;
  }
  if (present) return slot_of(cx, e, e);
  return none;
}

/* Does node w write the slot? `t = ...`, `t ?\?= ...`, `map.set(key, ...)`,
 * `map[key] = ...`. Returns the written value (or w itself) when it does. */
static RlNode writes_slot(RlCtx *cx, RlNode w, const Slot *s) {
  RlKind k = rl_kind(cx, w);
  if (k == RL_JS_ASSIGNMENT_EXPRESSION || k == RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION) {
    RlNode l = rl_strip(cx, rl_child(cx, w, RL_F_LEFT));
    if (s->t && rl_same_expr(cx, l, s->t)) return rl_child(cx, w, RL_F_RIGHT);
    if (s->map && rl_kind(cx, l) == RL_JS_SUBSCRIPT_EXPRESSION &&
        rl_same_expr(cx, rl_child(cx, l, RL_F_OBJECT), s->map) &&
        rl_same_expr(cx, rl_child(cx, l, RL_F_INDEX), s->key))
      return rl_child(cx, w, RL_F_RIGHT);
    return RL_NONE;
  }
  if (k == RL_JS_CALL_EXPRESSION && s->map && strcmp(rl_js_callee_name(cx, w), "set") == 0 &&
      rl_same_expr(cx, rl_js_callee_object(cx, w), s->map) &&
      rl_same_expr(cx, rl_js_arg(cx, w, 0), s->key))
    return rl_js_arg(cx, w, 1) ? rl_js_arg(cx, w, 1) : w;
  return RL_NONE;
}

/* Is w inside an `if` (within [from, w)) that re-checks the slot? */
static bool rechecked(RlCtx *cx, RlNode w, RlNode from, const Slot *s) {
  for (RlNode a = rl_parent(cx, w); a && a >= from; a = rl_parent(cx, a)) {
    if (rl_kind(cx, a) != RL_JS_IF_STATEMENT && rl_kind(cx, a) != RL_JS_TERNARY_EXPRESSION)
      continue;
    RlNode c = rl_child(cx, a, RL_F_CONDITION);
    RlNode end = rl_node_end(cx, c);
    for (RlNode i = c; i < end; i++) {
      Slot t = empty_test(cx, i, false);
      if ((s->t && t.t && rl_same_expr(cx, s->t, t.t)) ||
          (s->map && t.map && rl_same_expr(cx, s->map, t.map)))
        return true;
    }
  }
  return false;
}

static const char *slot_text(RlCtx *cx, const Slot *s) {
  if (s->t) return rl_text_dup(cx, s->t);
  size_t a, b;
  const char *m = rl_text(cx, s->map, &a);
  const char *k = rl_text(cx, s->key, &b);
  if (a + b > 60) return rl_text_dup(cx, s->map);
  char *out = rl_alloc(cx, a + b + 3);
  memcpy(out, m, a);
  out[a] = '[';
  memcpy(out + a + 1, k, b);
  out[a + b + 1] = ']';
  return out;
}

enum {
  /* a finding on `this` of an exported class that is per call in its own
   * file (rl_js_per_call_exported): a = class, b = message, c = related
   * message; aux = id (the written node), flags = how it is exported.
   * Phase 2 reports it unless every `new C` of the project is per call. */
  FACT_DEFER = RL_FACT_RULE,
  FACT_DEFER_AT, /* the related location of FACT_DEFER `aux` */
  /* `new C(...)` of a class imported from a relative module: a = module
   * specifier, b = imported name ("*" for the module); aux = 1 when the
   * object is per call (rl_js_new_per_call) */
  FACT_NEW,
  FACT_ESCAPE, /* a call whose value escapes: a = callee name (FACT_NEW + 1) */
};

static const char *const load_verbs[] = {"get",      "fetch",  "load", "read", "resolve",
                                         "describe", "lookup", "find", "query"};
static const char *const resource_words[] = {
    "connect", "conn",    "session", "client",      "socket", "pool",   "stmt",
    "statement", "handle", "stream",  "transaction", "lock",   "channel", "worker",
    "cursor",  "browser", "page",    "process",     "server", "subscri", "timer",
    "listener", "file",   "lease"};

/* Does text t[0..n) contain w, ignoring case? */
static bool has_word_ci(const char *t, size_t n, const char *w) {
  size_t wl = strlen(w);
  for (size_t i = 0; i + wl <= n; i++) {
    size_t j = 0;
    while (j < wl && (t[i + j] | 0x20) == w[j]) j++;
    if (j == wl) return true;
  }
  return false;
}

static bool names_resource(RlCtx *cx, RlNode n) {
  size_t len;
  const char *t = rl_text(cx, n, &len);
  for (size_t i = 0; i < RL_COUNTOF(resource_words); i++)
    if (has_word_ci(t, len, resource_words[i])) return true;
  return false;
}

bool rl_js_idempotent_load(RlCtx *cx, RlNode w) {
  RlNode v = RL_NONE, target = RL_NONE;
  RlKind k = rl_kind(cx, w);
  if (k == RL_JS_ASSIGNMENT_EXPRESSION || k == RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION) {
    v = rl_child(cx, w, RL_F_RIGHT);
    target = rl_child(cx, w, RL_F_LEFT);
  } else if (k == RL_JS_CALL_EXPRESSION && strcmp(rl_js_callee_name(cx, w), "set") == 0) {
    v = rl_js_arg(cx, w, 1);
    target = rl_js_callee_object(cx, w);
  }
  v = rl_strip(cx, v);
  if (!v || rl_kind(cx, v) != RL_JS_AWAIT_EXPRESSION) return false;
  RlNode call = rl_strip(cx, rl_named_child(cx, v, 0));
  if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return false;
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  if (names_resource(cx, f) || (target && names_resource(cx, target))) return false;
  if (rl_text_eq(cx, f, "import")) return true;
  const char *name = rl_js_callee_name(cx, call);
  while (*name == '_' || *name == '#') name++;
  for (size_t i = 0; i < RL_COUNTOF(load_verbs); i++) {
    size_t n = strlen(load_verbs[i]);
    if (strncmp(name, load_verbs[i], n) == 0 &&
        (name[n] == '\0' || (name[n] >= 'A' && name[n] <= 'Z')))
      return true;
  }
  return false;
}

/* Reports the finding at w (related location `at`), or leaves it for
 * phase 2 when it is on `this` of an exported, otherwise per-call class. */
static void emit(RlCtx *cx, RlNode w, bool on_this, const char *msg, RlNode at,
                 const char *related) {
  const char *cls;
  int how = on_this ? rl_js_per_call_exported(cx, w, &cls) : RL_JS_EXPORTED_NO;
  if (how != RL_JS_EXPORTED_NO) {
    RlFact *f = rl_fact_add(cx, FACT_DEFER, w, cls, msg, related);
    f->aux = w;
    f->flags = (uint32_t)how;
    rl_fact_add(cx, FACT_DEFER_AT, at, NULL, NULL, NULL)->aux = w;
    return;
  }
  RlReport *r = rl_report(cx, w, "%s", msg);
  rl_report_related(cx, r, at, "%s", related);
  rl_report_hint(cx, r, "%s", hint);
  rl_js_fix_lazy(cx, r, w);
}

static void report(RlCtx *cx, RlNode w, const Slot *s, RlNode check) {
  RlLoc lc = rl_loc(cx, check), lw = rl_loc(cx, w);
  const char *msg = rl_fmt(cx,
                           "'%s' is initialised after an await: another call can run between "
                           "the check at line %u and the write at line %u, find '%s' still "
                           "empty and create it a second time",
                           slot_text(cx, s), lc.line, lw.line, slot_text(cx, s));
  emit(cx, w, this_slot(cx, s->t ? s->t : s->map), msg, check, "checked here");
}

/* Scans statements [from, to) for the first write of the slot that follows
 * an await; reports it unless the slot was claimed before that await. */
static void scan_writes(RlCtx *cx, RlNode from, RlNode to, const Slot *s, RlNode check) {
  RlNode aw = RL_NONE;
  for (RlNode i = from; i < to; i++) {
    if (rl_js_is_function(cx, i)) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    if (rl_kind(cx, i) == RL_JS_AWAIT_EXPRESSION && !aw && creates(cx, i)) {
      aw = i;
      continue;
    }
    RlNode v = writes_slot(cx, i, s);
    if (!v) continue;
    /* `await` in the written value counts: t = await create() */
    RlNode in_value = first_await(cx, v, rl_node_end(cx, v));
    if (!aw && !in_value) return; /* claimed (or promise stored) before any await */
    if (rechecked(cx, i, from, s)) return;
    if (exclusive(cx, i)) return;
    if (this_slot(cx, s->t ? s->t : s->map) && rl_js_per_call_this(cx, i)) return;
    report(cx, i, s, check);
    return;
  }
}

static bool is_exit(const RlCtx *cx, RlNode st) {
  if (rl_kind(cx, st) == RL_JS_STATEMENT_BLOCK) {
    if (rl_named_child_count(cx, st) != 1) return false;
    st = rl_named_child(cx, st, 0);
  }
  return rl_kind(cx, st) == RL_JS_RETURN_STATEMENT || rl_kind(cx, st) == RL_JS_THROW_STATEMENT;
}

/* Leaves of a condition joined by && / ||. */
static uint32_t leaves(RlCtx *cx, RlNode cond, RlNode *out, uint32_t max) {
  RlNode stack[32];
  uint32_t sp = 0, n = 0;
  stack[sp++] = rl_strip(cx, cond);
  while (sp && n < max) {
    RlNode e = stack[--sp];
    const char *op = rl_kind(cx, e) == RL_JS_BINARY_EXPRESSION ? rl_op(cx, e) : "";
    if ((strcmp(op, "&&") == 0 || strcmp(op, "||") == 0) && sp + 2 <= RL_COUNTOF(stack)) {
      stack[sp++] = rl_strip(cx, rl_child(cx, e, RL_F_RIGHT));
      stack[sp++] = rl_strip(cx, rl_child(cx, e, RL_F_LEFT));
      continue;
    }
    out[n++] = e;
  }
  return n;
}

static bool slot_shared(const RlCtx *cx, const Slot *s) {
  if (s->t) return shared_target(cx, s->t);
  return s->map && shared_target(cx, s->map);
}

static void check_if(RlCtx *cx, RlNode ifs) {
  if (!rl_enclosing_function(cx, ifs)) return; /* module code runs once */
  RlNode cond = rl_child(cx, ifs, RL_F_CONDITION);
  RlNode cons = rl_child(cx, ifs, RL_F_CONSEQUENCE);
  if (!cond || !cons) return;
  RlNode lv[16];
  uint32_t n = leaves(cx, cond, lv, RL_COUNTOF(lv));
  for (uint32_t i = 0; i < n; i++) {
    Slot s = empty_test(cx, lv[i], false);
    if ((s.t || s.map) && slot_shared(cx, &s)) {
      scan_writes(cx, cons, rl_node_end(cx, cons), &s, s.test);
      return;
    }
  }
  /* if (this.client) return this.client; ... this.client = await create();
   * also with more conditions: if (this.tok && this.tok.expires > now) */
  if (rl_child(cx, ifs, RL_F_ALTERNATIVE) || !is_exit(cx, cons)) return;
  RlNode block = rl_parent(cx, ifs);
  if (rl_kind(cx, block) != RL_JS_STATEMENT_BLOCK) return;
  for (uint32_t i = 0; i < n; i++) {
    Slot s = empty_test(cx, lv[i], true);
    if (!(s.t || s.map) || !slot_shared(cx, &s)) continue;
    scan_writes(cx, rl_node_end(cx, ifs), rl_node_end(cx, block), &s, s.test);
    return;
  }
}

/* `x ?\?= await f()`, `x ||= await f()`, `x = x || await f()` */
static void check_assign(RlCtx *cx, RlNode a) {
  if (!rl_enclosing_function(cx, a)) return;
  RlNode l = rl_strip(cx, rl_child(cx, a, RL_F_LEFT));
  RlNode r = rl_strip(cx, rl_child(cx, a, RL_F_RIGHT));
  RlNode value = RL_NONE;
  if (rl_kind(cx, a) == RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION) {
    const char *op = rl_op(cx, a);
    if (strcmp(op, "?" "?=") != 0 && strcmp(op, "||=") != 0) return;
    value = r;
  } else {
    if (rl_kind(cx, r) != RL_JS_BINARY_EXPRESSION) return;
    const char *op = rl_op(cx, r);
    if (strcmp(op, "?" "?") != 0 && strcmp(op, "||") != 0) return;
    if (!rl_same_expr(cx, rl_child(cx, r, RL_F_LEFT), l)) return;
    value = rl_child(cx, r, RL_F_RIGHT);
  }
  RlNode aw = first_await(cx, value, rl_node_end(cx, value));
  if (!aw || !shared_target(cx, l) || exclusive(cx, a)) return;
  if (this_slot(cx, l) && rl_js_per_call_this(cx, a)) return;
  Slot s = {l, RL_NONE, RL_NONE, l};
  RlLoc la = rl_loc(cx, aw);
  const char *t = slot_text(cx, &s);
  emit(cx, a, this_slot(cx, l),
       rl_fmt(cx,
              "'%s' is initialised after an await: another call can run while "
              "the await at line %u is pending, find '%s' still empty and create "
              "it a second time",
              t, la.line, t),
       aw, rl_fmt(cx, "awaits here before '%s' is set", t));
}

/* For phase 2 (check-then-act records its own, as either rule may be
 * off): at `new C(...)` of a class imported from a relative module, a fact
 * of kind `kind_new` (a = module, b = imported name, c = the factory that
 * returns it or ""; aux = 1 when per call, rl_js_new_per_call); at a call
 * whose value escapes (rl_js_call_escapes), one of kind `kind_escape`
 * (a = the callee's name). */
void rl_js_lazy_record(RlCtx *cx, RlNode n, uint16_t kind_new, uint16_t kind_escape) {
  if (rl_kind(cx, n) == RL_JS_CALL_EXPRESSION) {
    const char *name = rl_js_callee_name(cx, n);
    if (*name && rl_js_call_escapes(cx, n)) rl_fact_add(cx, kind_escape, n, name, NULL, NULL);
    return;
  }
  RlNode ctor = rl_strip(cx, rl_child(cx, n, RL_F_CONSTRUCTOR));
  const char *mod, *imported, *factory = "";
  if (rl_kind(cx, ctor) != RL_JS_IDENTIFIER || rl_js_resolve(cx, ctor, NULL) != RL_BIND_IMPORT ||
      !rl_js_import_of(cx, ctor, &mod, &imported))
    return;
  if (strncmp(mod, "./", 2) != 0 && strncmp(mod, "../", 3) != 0) return;
  bool per_call = rl_js_new_per_call(cx, n, &factory);
  rl_fact_add(cx, kind_new, n, mod, imported, factory)->aux = per_call;
}

/* Does a call named `name` escape anywhere in the project (facts of kind
 * `kind` of rule self)? */
static bool escapes(RlProject *px, const RlRule *self, uint16_t kind, const char *name) {
  uint32_t nfiles = rl_project_nfiles(px);
  for (uint32_t g = 0; g < nfiles; g++) {
    uint32_t n;
    const RlFact *facts = rl_project_facts(px, g, &n);
    for (uint32_t i = 0; i < n; i++)
      if (facts[i].kind == kind && rl_fact_of(px, &facts[i], self) && !strcmp(facts[i].a, name))
        return true;
  }
  return false;
}

/* Shared with check-then-act's phase 2 (rules/js/check-then-act.c): is
 * the class of a deferred finding f (a = class, flags = how exported) made
 * per call wherever the project makes one (the `new` facts of kind `kind`
 * that rule `self` recorded, its escape facts being kind + 1), and did lazy-init-race defer a finding of
 * its own at `line` of `file` (one finding per line per cause)? */
bool rl_js_lazy_made_per_call(RlProject *px, const RlRule *self, uint16_t kind, uint32_t file,
                              const RlFact *f) {
  uint32_t seen = 0, nfiles = rl_project_nfiles(px);
  for (uint32_t g = 0; g < nfiles; g++) {
    uint32_t n;
    const RlFact *facts = rl_project_facts(px, g, &n);
    for (uint32_t i = 0; i < n; i++) {
      const RlFact *nw = &facts[i];
      if (nw->kind != kind || !rl_fact_of(px, nw, self)) continue;
      if (rl_project_resolve(px, g, nw->a) != (int32_t)file) continue;
      bool same = f->flags == RL_JS_EXPORTED_DEFAULT
                      ? !strcmp(nw->b, "*") || !strcmp(nw->b, "default")
                      : !strcmp(nw->b, f->a);
      if (!same) continue;
      if (!nw->aux || (*nw->c && escapes(px, self, kind + 1, nw->c))) return false;
      seen++;
    }
  }
  return seen > 0;
}

bool rl_js_lazy_deferred_at(RlProject *px, uint32_t file, uint32_t line) {
  uint32_t n;
  const RlFact *facts = rl_project_facts(px, file, &n);
  for (uint32_t i = 0; i < n; i++)
    if (facts[i].kind == FACT_DEFER && rl_fact_of(px, &facts[i], &rl_rule_lazy_init_race) &&
        facts[i].loc.line == line)
      return true;
  return false;
}

static void project(RlProject *px, const RlRule *self) {
  uint32_t nfiles = rl_project_nfiles(px);
  for (uint32_t file = 0; file < nfiles; file++) {
    uint32_t n;
    const RlFact *facts = rl_project_facts(px, file, &n);
    for (uint32_t i = 0; i < n; i++) {
      const RlFact *f = &facts[i];
      if (f->kind != FACT_DEFER || !rl_fact_of(px, f, self)) continue;
      if (rl_js_lazy_made_per_call(px, self, FACT_NEW, file, f)) continue;
      RlReport *r = rl_project_report(px, self, f, "%s", f->b);
      for (uint32_t j = 0; j < n; j++)
        if (facts[j].kind == FACT_DEFER_AT && facts[j].aux == f->aux &&
            rl_fact_of(px, &facts[j], self))
          rl_project_related(px, r, &facts[j], "%s", f->c);
      rl_project_hint(px, r, "%s", hint);
    }
  }
}

static void check(RlCtx *cx, RlNode n, void *state) {
  (void)state;
  if (rl_kind(cx, n) == RL_JS_IF_STATEMENT) check_if(cx, n);
  else if (rl_kind(cx, n) == RL_JS_NEW_EXPRESSION || rl_kind(cx, n) == RL_JS_CALL_EXPRESSION)
    rl_js_lazy_record(cx, n, FACT_NEW, FACT_ESCAPE);
  else check_assign(cx, n);
}

static const RlKind kinds[] = {RL_JS_IF_STATEMENT, RL_JS_ASSIGNMENT_EXPRESSION,
                               RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION, RL_JS_NEW_EXPRESSION,
                               RL_JS_CALL_EXPRESSION};

const RlCheck rl_check_js_lazy_init_race = {
    .langs = RL_LANG_JSTS,
    .kinds = kinds,
    .nkinds = RL_COUNTOF(kinds),
    .check = check,
    .project = project,
};
