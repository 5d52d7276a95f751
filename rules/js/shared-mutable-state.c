/* js/shared-mutable-state.c - the JavaScript/TypeScript check of
 * shared-mutable-state: module-level (or class static) state updated from a
 * value read before an `await` in an async function.
 *
 * Node runs one thread, so `count++` or `x += 1` is atomic; what is not is a
 * read, an await, then a write based on that read: every concurrent call of
 * the function can run at the await, and the write then overwrites their
 * updates. Three shapes, all in an async function on module-level or static
 * state:
 *   1. the read is in the written expression, before an await in it:
 *      `total = total + await price(x)`, `x += await f()`,
 *      `state.items = [...state.items, await f()]`,
 *      `counts.set(k, counts.get(k) + await f())`;
 *   2. the read went into a local before an await, and the write uses it:
 *      `const n = counter; await save(); counter = n + 1`;
 *   3. a keyed cache filled after an await that follows a hit check, on a
 *      local copy of the entry, which returns early:
 *      `const hit = cache.get(k); if (hit) return hit;
 *      cache.set(k, await load(k))`.
 * Also a variable of an enclosing function written by an async callback of
 * map/forEach/flatMap: every element's call runs at once and captures it.
 * Not reported: function locals and parameters, instance fields, a write
 * that re-reads the state after the await, the lazy-init shapes (a fill
 * inside the `if` that tests the entry, or after an early return whose
 * condition reads the entry itself: lazy-init-race owns them) and a
 * condition-then-write (check-then-act owns it), code inside a lock,
 * transaction or singleFlight callback or after an acquire(), and a cache
 * that stores the pending promise.
 * Doc: rules/shared-mutable-state.md */
#include <string.h>

#include "../../analyzer/rule_api.h"

static const char *const cache_hint =
    "Store the pending promise, not the value, so concurrent misses share one load: "
    "singleFlight(key, () => load(key)) from the runtime (runtime/js), or put the "
    "promise in the cache before awaiting it.";

/* Section - small helpers */

static bool in_range(const RlCtx *cx, RlNode inner, RlNode outer) {
  return outer && inner >= outer && inner < rl_node_end(cx, outer);
}

static RlNode chain_root(const RlCtx *cx, RlNode n) {
  n = rl_strip(cx, n);
  while (n && (rl_kind(cx, n) == RL_JS_MEMBER_EXPRESSION ||
               rl_kind(cx, n) == RL_JS_SUBSCRIPT_EXPRESSION))
    n = rl_strip(cx, rl_child(cx, n, RL_F_OBJECT));
  return n;
}

/* Nearest enclosing function that binds `this` (arrows do not). */
static RlNode this_function(const RlCtx *cx, RlNode n) {
  RlNode f = rl_enclosing_function(cx, n);
  while (f && rl_kind(cx, f) == RL_JS_ARROW_FUNCTION) f = rl_enclosing_function(cx, f);
  return f;
}

/* Is the function f an async callback that runs once per element, all at
 * once: `items.map(async ...)`, `items.forEach(async ...)`? */
static bool concurrent_callback(RlCtx *cx, RlNode f) {
  RlNode p = rl_parent(cx, f);
  while (p && rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION) p = rl_parent(cx, p);
  if (!p || rl_kind(cx, p) != RL_JS_ARGUMENTS) return false;
  RlNode call = rl_parent(cx, p);
  if (!rl_js_callee_object(cx, call)) return false;
  const char *m = rl_js_callee_name(cx, call);
  return strcmp(m, "map") == 0 || strcmp(m, "forEach") == 0 || strcmp(m, "flatMap") == 0;
}

/* Is the location `t` (identifier, member or subscript chain), written in
 * function f, shared between calls: module-level or class static state, or
 * a variable of an enclosing function that every concurrent run of the
 * callback f captures (`let all = ''; files.map(async (x) => { all += ... })`)? */
static bool is_shared(RlCtx *cx, RlNode t, RlNode f) {
  RlNode root = chain_root(cx, t);
  if (!root) return false;
  if (rl_kind(cx, root) == RL_JS_IDENTIFIER) {
    RlNode scope = rl_js_binding_scope(cx, root);
    if (!scope) return false;
    if (rl_kind(cx, scope) == RL_JS_PROGRAM) return true;
    bool outside = scope < f || scope >= rl_node_end(cx, f);
    return outside && concurrent_callback(cx, f);
  }
  if (rl_kind(cx, root) == RL_JS_THIS && root != rl_strip(cx, t)) {
    /* `this.x` in a static method is the class's own (static) field */
    RlNode m = this_function(cx, root);
    return m && rl_kind(cx, m) == RL_JS_METHOD_DEFINITION && rl_has_token(cx, m, "static");
  }
  return false;
}

static bool is_call_named(RlCtx *cx, RlNode n, const char *name) {
  return rl_kind(cx, n) == RL_JS_CALL_EXPRESSION &&
         strcmp(rl_js_callee_name(cx, n), name) == 0;
}

/* Is `call` a `recv.get(key)` (or `.has`) on the same map and key? */
static bool is_map_read(RlCtx *cx, RlNode call, RlNode recv, RlNode key, bool has_too) {
  if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return false;
  const char *m = rl_js_callee_name(cx, call);
  if (strcmp(m, "get") != 0 && !(has_too && strcmp(m, "has") == 0)) return false;
  RlNode obj = rl_js_callee_object(cx, call);
  return obj && rl_same_expr(cx, obj, recv) && rl_js_argc(cx, call) >= 1 &&
         rl_same_expr(cx, rl_js_arg(cx, call, 0), key);
}

/* A write being checked: `target = value`, `target op= value`, or
 * `recv.set(key, value)` (target is then RL_NONE). */
typedef struct Write {
  RlNode node, target, value, recv, key;
  bool augmented;
  const char *name; /* for messages */
} Write;

/* Is node i a read of the written location? */
static bool is_read(RlCtx *cx, const Write *w, RlNode i) {
  if (w->target) {
    RlKind k = rl_kind(cx, i);
    RlKind tk = rl_kind(cx, rl_strip(cx, w->target));
    if (k == RL_JS_SHORTHAND_PROPERTY_IDENTIFIER && tk == RL_JS_IDENTIFIER) {
      size_t a, b;
      const char *s = rl_text(cx, i, &a), *t = rl_text(cx, rl_strip(cx, w->target), &b);
      return a == b && memcmp(s, t, a) == 0;
    }
    if (k != tk) return false;
    if (i == rl_strip(cx, w->target)) return false;
    return rl_same_expr(cx, i, w->target);
  }
  return is_map_read(cx, i, w->recv, w->key, false);
}

/* Is `cond` evaluated only on some paths relative to `a`: the lowest common
 * ancestor of r and a is a ?: or a short-circuit operator. */
static bool conditional_between(RlCtx *cx, RlNode r, RlNode a) {
  RlNode p = a;
  while (p && !in_range(cx, r, p)) p = rl_parent(cx, p);
  if (!p) return false;
  if (rl_kind(cx, p) == RL_JS_TERNARY_EXPRESSION) return true;
  if (rl_kind(cx, p) == RL_JS_BINARY_EXPRESSION) {
    const char *op = rl_op(cx, p);
    return strcmp(op, "||") == 0 || strcmp(op, "&&") == 0 || strcmp(op, "??") == 0;
  }
  return false;
}

/* First await of F in [from, to) that is not inside a nested function. */
static RlNode await_in(RlCtx *cx, RlNode from, RlNode to, RlNode f) {
  for (RlNode i = from; i < to; i++) {
    if (rl_js_is_function(cx, i) && i != f) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    if (rl_kind(cx, i) == RL_JS_AWAIT_EXPRESSION) return i;
  }
  return RL_NONE;
}

/* Callbacks whose body runs exclusively (or whose result is shared). */
static const char *const guard_calls[] = {
    "runExclusive", "withLocks",   "using",          "acquire",        "lock",
    "exclusive",    "singleFlight", "transaction",   "$transaction",   "withTransaction",
    "serialize",    "lazy",         "once",          "runInTransaction", "synchronized",
    "flight"};

static bool is_guard_name(const RlCtx *cx, const char *s) {
  for (size_t i = 0; i < RL_COUNTOF(guard_calls); i++)
    if (strcmp(s, guard_calls[i]) == 0) return true;
  return *s && rl_js_config_name(cx, RL_JS_MUTEX_APIS, s); /* .racelint.json js.mutexApis */
}

/* Lock taken before `n` in F (`await m.acquire()`, `lock.lock()`), or n is
 * in a callback of a lock/transaction/singleFlight/queue call. */
static bool guarded(RlCtx *cx, RlNode n, RlNode f) {
  for (RlNode g = rl_enclosing_function(cx, n); g; g = rl_enclosing_function(cx, g)) {
    RlNode p = rl_parent(cx, g);
    while (p && rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION) p = rl_parent(cx, p);
    if (p && rl_kind(cx, p) == RL_JS_ARGUMENTS) {
      RlNode call = rl_parent(cx, p);
      if (is_guard_name(cx, rl_js_callee_name(cx, call))) return true;
    }
  }
  for (RlNode i = f; i < n; i++) {
    if (rl_kind(cx, i) != RL_JS_CALL_EXPRESSION) continue;
    const char *m = rl_js_callee_name(cx, i);
    if (strcmp(m, "acquire") == 0 || strcmp(m, "lock") == 0 ||
        strcmp(m, "waitForUnlock") == 0 || strcmp(m, "acquireLock") == 0 ||
        (*m && rl_js_config_name(cx, RL_JS_MUTEX_APIS, m)))
      return true;
  }
  return false;
}

/* The variable declarator of local `id` (declared inside F, before n). */
static RlNode local_declarator(RlCtx *cx, RlNode id, RlNode f, RlNode n) {
  RlNode scope = rl_js_binding_scope(cx, id);
  if (!scope || scope == f || !in_range(cx, scope, f)) return RL_NONE;
  size_t len;
  const char *s = rl_text(cx, id, &len);
  RlNode found = RL_NONE;
  for (RlNode i = scope; i < n && i < rl_node_end(cx, scope); i++) {
    if (rl_kind(cx, i) != RL_JS_VARIABLE_DECLARATOR) continue;
    RlNode name = rl_child(cx, i, RL_F_NAME);
    size_t l2;
    const char *t = rl_text(cx, name, &l2);
    if (rl_kind(cx, name) == RL_JS_IDENTIFIER && l2 == len && memcmp(s, t, len) == 0)
      found = i;
  }
  return found;
}

/* Is local `id` assigned anywhere in F after `from`? */
static bool reassigned(RlCtx *cx, RlNode id, RlNode f, RlNode from) {
  size_t len;
  const char *s = rl_text(cx, id, &len);
  for (RlNode i = from; i < rl_node_end(cx, f); i++) {
    RlKind k = rl_kind(cx, i);
    if (k != RL_JS_ASSIGNMENT_EXPRESSION && k != RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION &&
        k != RL_JS_UPDATE_EXPRESSION)
      continue;
    RlNode l = rl_child(cx, i, k == RL_JS_UPDATE_EXPRESSION ? RL_F_ARGUMENT : RL_F_LEFT);
    size_t l2;
    const char *t = rl_text(cx, rl_strip(cx, l), &l2);
    if (l2 == len && memcmp(s, t, len) == 0) return true;
  }
  return false;
}

/* First read of the location in [from, to), skipping nested functions. */
static RlNode read_in(RlCtx *cx, const Write *w, RlNode from, RlNode to, RlNode f) {
  for (RlNode i = from; i < to; i++) {
    if (rl_js_is_function(cx, i) && i != f) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    if (is_read(cx, w, i)) return i;
  }
  return RL_NONE;
}

/* Section - shape 1: read, await, write in one expression */

static bool check_inline(RlCtx *cx, const Write *w, RlNode f) {
  RlNode v = w->value;
  RlNode vend = rl_node_end(cx, v);
  if (w->augmented) {
    RlNode a = await_in(cx, v, vend, f);
    if (!a) return false;
    if (guarded(cx, w->node, f)) return true;
    RlLoc la = rl_loc(cx, a), lw = rl_loc(cx, w->node);
    RlReport *r = rl_report(
        cx, w->target,
        "'%s' is read before the await at line %u and written after it: another call can "
        "update '%s' while this one waits, and this write (line %u) overwrites that update",
        w->name, la.line, w->name, lw.line);
    rl_report_related(cx, r, a, "awaits here while holding the old value");
    return true;
  }
  for (RlNode i = v; i < vend; i++) {
    if (rl_js_is_function(cx, i)) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    if (!is_read(cx, w, i)) continue;
    /* an await after this read, or around it */
    for (RlNode a = v; a < vend; a++) {
      if (rl_js_is_function(cx, a)) {
        a = rl_node_end(cx, a) - 1;
        continue;
      }
      if (rl_kind(cx, a) != RL_JS_AWAIT_EXPRESSION) continue;
      bool inside = a < i && i < rl_node_end(cx, a);
      bool before = rl_node_end(cx, i) <= a;
      if (!inside && !before) continue;
      if (!inside && conditional_between(cx, i, a)) continue;
      if (guarded(cx, w->node, f)) return true;
      RlLoc lr = rl_loc(cx, i), la = rl_loc(cx, a), lw = rl_loc(cx, w->node);
      RlReport *r = rl_report(
          cx, w->target ? w->target : w->node,
          "'%s' is read at line %u, before the await at line %u, and written after it: "
          "another call can update '%s' while this one waits, and this write (line %u) "
          "overwrites that update",
          w->name, lr.line, la.line, w->name, lw.line);
      rl_report_related(cx, r, i, "'%s' read here", w->name);
      rl_report_related(cx, r, a, "awaits here");
      return true;
    }
  }
  return false;
}

/* Section - shape 2: read into a local, await, write from the local */

/* Does F itself write the location in [from, to)? (Then the later write
 * restores a saved value rather than updating a read one.) */
static bool writes_between(RlCtx *cx, const Write *w, RlNode from, RlNode to, RlNode f) {
  for (RlNode i = from; i < to; i++) {
    if (rl_js_is_function(cx, i) && i != f) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    RlKind k = rl_kind(cx, i);
    if (w->target && (k == RL_JS_ASSIGNMENT_EXPRESSION ||
                      k == RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION) &&
        rl_same_expr(cx, rl_child(cx, i, RL_F_LEFT), w->target))
      return true;
    if (w->target && k == RL_JS_UPDATE_EXPRESSION &&
        rl_same_expr(cx, rl_child(cx, i, RL_F_ARGUMENT), w->target))
      return true;
    if (!w->target && is_call_named(cx, i, "set") && rl_js_argc(cx, i) == 2 &&
        rl_same_expr(cx, rl_js_callee_object(cx, i), w->recv) &&
        rl_same_expr(cx, rl_js_arg(cx, i, 0), w->key))
      return true;
  }
  return false;
}

static bool check_stale_local(RlCtx *cx, const Write *w, RlNode f) {
  RlNode v = w->value;
  RlNode vend = rl_node_end(cx, v);
  if (w->augmented) return false;
  if (read_in(cx, w, v, vend, f)) return false; /* re-reads the current value */
  for (RlNode i = v; i < vend; i++) {
    if (rl_js_is_function(cx, i)) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    if (rl_kind(cx, i) != RL_JS_IDENTIFIER) continue;
    RlNode d = local_declarator(cx, i, f, w->node);
    if (!d) continue;
    RlNode init = rl_child(cx, d, RL_F_VALUE);
    if (!init) continue;
    RlNode r = read_in(cx, w, init, rl_node_end(cx, init), f);
    if (!r) continue;
    RlNode a = await_in(cx, rl_node_end(cx, r), rl_node_end(cx, w->node), f);
    if (!a || (a < w->node && rl_node_end(cx, a) > w->node)) continue;
    if (rl_enclosing_function(cx, d) != f) continue;
    if (reassigned(cx, i, f, rl_node_end(cx, d))) continue;
    if (writes_between(cx, w, rl_node_end(cx, r), a, f)) continue; /* save/restore */
    if (guarded(cx, w->node, f)) return true;
    const char *local = rl_text_dup(cx, i);
    RlLoc lr = rl_loc(cx, r), la = rl_loc(cx, a), lw = rl_loc(cx, w->node);
    RlReport *rep = rl_report(
        cx, w->target ? w->target : w->node,
        "'%s' is read into '%s' at line %u and written back from it at line %u, after the "
        "await at line %u: another call can update '%s' in between, and this write "
        "overwrites that update",
        w->name, local, lr.line, lw.line, la.line, w->name);
    rl_report_related(cx, rep, r, "'%s' read here", w->name);
    rl_report_related(cx, rep, a, "awaits here");
    return true;
  }
  return false;
}

/* Section - shape 3: cache filled after a hit check and an await */

/* Does the expression `cond` read the entry (recv, key) itself:
 * `recv.has(key)` / `recv.get(key)` (maps), `recv[key]`, `key in recv`? */
static bool tests_entry(RlCtx *cx, RlNode cond, RlNode recv, RlNode key, bool map) {
  RlNode end = rl_node_end(cx, cond);
  for (RlNode i = cond; i < end; i++) {
    if (rl_js_is_function(cx, i)) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    RlKind k = rl_kind(cx, i);
    if (map && is_map_read(cx, i, recv, key, true)) return true;
    if (!map && k == RL_JS_SUBSCRIPT_EXPRESSION &&
        rl_same_expr(cx, rl_child(cx, i, RL_F_OBJECT), recv) &&
        rl_same_expr(cx, rl_child(cx, i, RL_F_INDEX), key))
      return true;
    if (k == RL_JS_BINARY_EXPRESSION && strcmp(rl_op(cx, i), "in") == 0 &&
        rl_same_expr(cx, rl_child(cx, i, RL_F_RIGHT), recv) &&
        rl_same_expr(cx, rl_child(cx, i, RL_F_LEFT), key))
      return true;
  }
  return false;
}

/* Locals of F holding a copy of the entry: `const hit = cache.get(k)`. */
typedef struct Copies {
  const char *v[16];
  uint32_t n;
} Copies;

/* Locals declared in [from, to), nested functions aside (`from`, a body that
 * awaits, is none), whose initialiser tests the entry. */
static void collect_copies(RlCtx *cx, RlNode from, RlNode to, RlNode recv, RlNode key,
                           bool map, Copies *out) {
  out->n = 0;
  for (RlNode i = from; i < to && out->n < RL_COUNTOF(out->v); i = rl_js_own_next(cx, i, to)) {
    if (rl_kind(cx, i) != RL_JS_VARIABLE_DECLARATOR) continue;
    RlNode name = rl_child(cx, i, RL_F_NAME), init = rl_child(cx, i, RL_F_VALUE);
    if (rl_kind(cx, name) == RL_JS_IDENTIFIER && init && tests_entry(cx, init, recv, key, map))
      out->v[out->n++] = rl_text_dup(cx, name);
  }
}

/* Does `cond` test the entry, directly or through a copy? */
static bool tests_entry_or_copy(RlCtx *cx, RlNode cond, RlNode recv, RlNode key, bool map,
                                const Copies *copies) {
  if (tests_entry(cx, cond, recv, key, map)) return true;
  RlNode end = rl_node_end(cx, cond);
  for (RlNode i = cond; i < end; i++) {
    if (rl_kind(cx, i) != RL_JS_IDENTIFIER) continue;
    for (uint32_t c = 0; c < copies->n; c++)
      if (rl_text_eq(cx, i, copies->v[c])) return true;
  }
  return false;
}

/* Does `n` contain a return statement (not in a nested function)? */
static bool returns(RlCtx *cx, RlNode n) {
  RlNode end = rl_node_end(cx, n);
  for (RlNode i = n; i < end; i++) {
    if (rl_js_is_function(cx, i)) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    if (rl_kind(cx, i) == RL_JS_RETURN_STATEMENT) return true;
  }
  return false;
}

/* Before the await, does F put something without await into a shared map
 * (the pending-promise pattern)? */
static bool stores_promise(RlCtx *cx, RlNode f, RlNode from, RlNode to) {
  for (RlNode i = from; i < to; i++) {
    if (rl_js_is_function(cx, i) && i != f) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    RlNode target = RL_NONE, value = RL_NONE;
    if (rl_kind(cx, i) == RL_JS_ASSIGNMENT_EXPRESSION) {
      target = rl_child(cx, i, RL_F_LEFT);
      value = rl_child(cx, i, RL_F_RIGHT);
    } else if (is_call_named(cx, i, "set") && rl_js_argc(cx, i) == 2) {
      target = rl_js_callee_object(cx, i);
      value = rl_js_arg(cx, i, 1);
    }
    if (!target || !value || !is_shared(cx, target, f)) continue;
    if (!await_in(cx, value, rl_node_end(cx, value), f)) return true;
  }
  return false;
}

static bool check_cache_fill(RlCtx *cx, const Write *w, RlNode f) {
  bool map = w->target == RL_NONE;
  RlNode recv = w->recv, key = w->key;
  if (!recv || !key) return false;
  RlNode body = rl_child(cx, f, RL_F_BODY);
  if (!body || !await_in(cx, body, rl_node_end(cx, w->node), f)) return false;
  Copies copies;
  collect_copies(cx, body, w->node, recv, key, map, &copies);
  /* inside the `if` that tests the entry: the lazy-init shape (lazy-init-race) */
  for (RlNode p = rl_parent(cx, w->node); p && p != f; p = rl_parent(cx, p))
    if (rl_kind(cx, p) == RL_JS_IF_STATEMENT &&
        tests_entry_or_copy(cx, rl_child(cx, p, RL_F_CONDITION), recv, key, map, &copies))
      return false;
  for (RlNode h = body; h < w->node; h = rl_js_own_next(cx, h, w->node)) {
    if (rl_kind(cx, h) != RL_JS_IF_STATEMENT || rl_node_end(cx, h) > w->node) continue;
    RlNode cond = rl_child(cx, h, RL_F_CONDITION);
    /* A check that reads the entry itself (`if (cache.has(k)) return ...`,
     * `if (e[k] && e[k].at > t) return ...`) is lazy-init-race's early-return
     * shape. Ours: the check reads only a local copy taken before it
     * (`const hit = cache.get(k); if (hit) return hit;`). */
    if (tests_entry(cx, cond, recv, key, map)) continue;
    if (!tests_entry_or_copy(cx, cond, recv, key, map, &copies)) continue;
    if (!returns(cx, rl_child(cx, h, RL_F_CONSEQUENCE))) continue;
    RlNode a = await_in(cx, rl_node_end(cx, h), rl_node_end(cx, w->node), f);
    if (!a || (a < w->node && rl_node_end(cx, a) > w->node)) continue;
    if (stores_promise(cx, f, rl_node_end(cx, h), a)) return false;
    if (guarded(cx, w->node, f)) return true;
    RlLoc lh = rl_loc(cx, h), la = rl_loc(cx, a);
    RlReport *r = rl_report(
        cx, w->node,
        "'%s' is checked for this key at line %u and filled after the await at line %u: "
        "concurrent calls that miss at the same time each run the load, and the later "
        "write replaces the entry the earlier ones returned",
        rl_text_dup(cx, recv), lh.line, la.line);
    rl_report_related(cx, r, h, "cache checked here");
    rl_report_related(cx, r, a, "awaits here");
    rl_report_hint(cx, r, "%s", cache_hint);
    return true;
  }
  return false;
}

/* Section - dispatch */

/* Per file: for each node, the nearest await at or before it in preorder
 * (0 if none), so writes with no await before them are skipped at once. */
typedef struct State {
  RlNode *prev_await;
} State;

static void *begin_file(RlCtx *cx) {
  State *st = rl_alloc(cx, sizeof *st);
  uint32_t n = rl_node_count(cx);
  st->prev_await = rl_alloc(cx, (n + 1) * sizeof *st->prev_await);
  RlNode last = RL_NONE;
  for (RlNode i = 1; i < n; i++) {
    if (rl_kind(cx, i) == RL_JS_AWAIT_EXPRESSION) last = i;
    st->prev_await[i] = last;
  }
  return st;
}

static void check(RlCtx *cx, RlNode n, void *state) {
  const State *st = state;
  Write w;
  memset(&w, 0, sizeof w);
  w.node = n;
  RlKind k = rl_kind(cx, n);
  if (k == RL_JS_ASSIGNMENT_EXPRESSION || k == RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION) {
    const char *op = rl_op(cx, n);
    /* logical assignment is the lazy-init shape */
    if (strcmp(op, "&&=") == 0 || strcmp(op, "||=") == 0 || strcmp(op, "?" "?=") == 0) return;
    w.target = rl_strip(cx, rl_child(cx, n, RL_F_LEFT));
    w.value = rl_child(cx, n, RL_F_RIGHT);
    w.augmented = k == RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION;
    RlKind tk = rl_kind(cx, w.target);
    if (tk != RL_JS_IDENTIFIER && tk != RL_JS_MEMBER_EXPRESSION &&
        tk != RL_JS_SUBSCRIPT_EXPRESSION)
      return;
    if (tk == RL_JS_SUBSCRIPT_EXPRESSION) {
      w.recv = rl_child(cx, w.target, RL_F_OBJECT);
      w.key = rl_child(cx, w.target, RL_F_INDEX);
    }
    w.name = rl_text_dup(cx, w.target);
  } else if (k == RL_JS_CALL_EXPRESSION) {
    if (!is_call_named(cx, n, "set") || rl_js_argc(cx, n) != 2) return;
    w.recv = rl_js_callee_object(cx, n);
    if (!w.recv) return;
    w.key = rl_js_arg(cx, n, 0);
    w.value = rl_js_arg(cx, n, 1);
    size_t a, b;
    const char *rs = rl_text(cx, w.recv, &a), *ks = rl_text(cx, w.key, &b);
    char *name = rl_alloc(cx, a + b + 8);
    memcpy(name, rs, a);
    memcpy(name + a, ".get(", 5);
    memcpy(name + a + 5, ks, b);
    memcpy(name + a + 5 + b, ")", 2);
    w.name = name;
  } else {
    return;
  }
  if (!w.value) return;
  RlNode f = rl_enclosing_function(cx, n);
  if (!f || !rl_js_is_async(cx, f)) return;
  /* every shape needs an await of F before the end of the write */
  RlNode last = st->prev_await[rl_node_end(cx, n) - 1];
  if (!last || last < f) return;
  if (!is_shared(cx, w.target ? w.target : w.recv, f)) return;
  if (check_inline(cx, &w, f)) return;
  if (check_stale_local(cx, &w, f)) return;
  if (w.recv) check_cache_fill(cx, &w, f);
}

static const RlKind kinds[] = {RL_JS_ASSIGNMENT_EXPRESSION,
                               RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION,
                               RL_JS_CALL_EXPRESSION};

const RlCheck rl_check_js_shared_mutable_state = {
    .langs = RL_LANG_JSTS,
    .kinds = kinds,
    .nkinds = RL_COUNTOF(kinds),
    .begin_file = begin_file,
    .check = check,
};
