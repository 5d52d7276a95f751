/* js.c - JS/TS helpers of rule_api.h: async-ness, loops, calls and a small
 * same-file scope lookup. What is a function, the enclosing function and a
 * function's name, for both languages, are ast.c's. */
#include "ast.h"

#include <stdlib.h>
#include <string.h>

bool rl_js_is_async(const RlCtx *cx, RlNode fn) {
  return rl_js_is_function(cx, fn) && rl_has_token(cx, fn, "async");
}

bool rl_js_is_generator(const RlCtx *cx, RlNode fn) {
  RlKind k = rl_kind(cx, fn);
  if (k == RL_JS_GENERATOR_FUNCTION || k == RL_JS_GENERATOR_FUNCTION_DECLARATION) return true;
  return k == RL_JS_METHOD_DEFINITION && rl_has_token(cx, fn, "*");
}

static bool rl_js__is_loop(const RlCtx *cx, RlNode p) {
  RlKind k = rl_kind(cx, p);
  return k == RL_JS_FOR_STATEMENT || k == RL_JS_FOR_IN_STATEMENT || k == RL_JS_WHILE_STATEMENT ||
         k == RL_JS_DO_STATEMENT;
}

RlNode rl_js_enclosing_loop(const RlCtx *cx, RlNode n) {
  if (!n || n >= cx->tree.n) return RL_NONE;
  if (!cx->encl_loop) { /* one pass in node order, as for encl_fn */
    uint32_t *e = rl_arena_alloc(cx->scratch, cx->tree.n * sizeof *e);
    e[0] = RL_NONE;
    for (uint32_t i = 1; i < cx->tree.n; i++) {
      RlNode p = rl_parent(cx, i);
      e[i] = !p                        ? RL_NONE
             : rl_js__is_loop(cx, p)    ? p
             : rl_js_is_function(cx, p) ? RL_NONE
                                        : e[p];
    }
    ((RlCtx *)cx)->encl_loop = e;
  }
  return cx->encl_loop[n];
}

const char *rl_js_callee_name(RlCtx *cx, RlNode call) {
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  if (!f) f = rl_strip(cx, rl_child(cx, call, RL_F_CONSTRUCTOR));
  if (!f) return "";
  switch (rl_kind(cx, f)) {
  case RL_JS_IDENTIFIER:
    return rl_text_dup(cx, f);
  case RL_JS_MEMBER_EXPRESSION:
    return rl_text_dup(cx, rl_child(cx, f, RL_F_PROPERTY));
  default:
    return "";
  }
}

RlNode rl_js_callee_object(const RlCtx *cx, RlNode call) {
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  if (f && rl_kind(cx, f) == RL_JS_MEMBER_EXPRESSION) return rl_child(cx, f, RL_F_OBJECT);
  return RL_NONE;
}

RlNode rl_js_arg(const RlCtx *cx, RlNode call, uint32_t i) {
  RlNode args = rl_child(cx, call, RL_F_ARGUMENTS);
  if (!args || rl_kind(cx, args) != RL_JS_ARGUMENTS) return RL_NONE;
  return rl_named_child(cx, args, i);
}

uint32_t rl_js_argc(const RlCtx *cx, RlNode call) {
  RlNode args = rl_child(cx, call, RL_F_ARGUMENTS);
  if (!args || rl_kind(cx, args) != RL_JS_ARGUMENTS) return 0;
  return rl_named_child_count(cx, args);
}

/* The first node in [i, end) that a pattern binds: an identifier or a
 * shorthand property pattern, but not a default value (`a = b` does not
 * bind b) nor an initialiser; a renamed property's value does (`{ key:
 * b }`, a pair_pattern's value). RL_NONE when there is none. Walk a
 * pattern's names with
 * `for (i = next_bound(p, end); i; i = next_bound(i + 1, end))`. */
static RlNode rl_js__next_bound(const RlCtx *cx, RlNode i, RlNode end) {
  for (; i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if (k != RL_JS_IDENTIFIER && k != RL_JS_SHORTHAND_PROPERTY_IDENTIFIER_PATTERN) continue;
    RlField f = rl_field(cx, i);
    if (f == RL_F_RIGHT) continue;
    if (f == RL_F_VALUE && rl_kind(cx, rl_parent(cx, i)) != RL_JS_PAIR_PATTERN) continue;
    return i;
  }
  return RL_NONE;
}

/* Does `pattern` (a parameter list, declarator name or pattern) bind the
 * identifier text s[0..n)? */
static bool rl_js__binds(const RlCtx *cx, RlNode pattern, const char *s, size_t n) {
  RlNode end = rl_node_end(cx, pattern);
  for (RlNode i = rl_js__next_bound(cx, pattern, end); i; i = rl_js__next_bound(cx, i + 1, end)) {
    size_t len;
    const char *t = rl_text(cx, i, &len);
    if (len == n && memcmp(t, s, n) == 0) return true;
  }
  return false;
}

/* `require("x")` (possibly behind `await import()`-free wrappers)? */
static bool rl_js__is_require(const RlCtx *cx, RlNode v) {
  v = rl_strip(cx, v);
  if (rl_kind(cx, v) != RL_JS_CALL_EXPRESSION) return false;
  return rl_text_eq(cx, rl_child(cx, v, RL_F_FUNCTION), "require");
}

/* Does statement `st` declare s[0..n)? The binding kind (RL_BIND_FREE:
 * no), *fn for a local function and *decl for the declaring node; the
 * index of rl_js__decl_scope lists the same names. */
static RlJsBinding rl_js__declares(const RlCtx *cx, RlNode st, const char *s, size_t n,
                                   RlNode *fn, RlNode *decl) {
  RlNode d = st;
  if (rl_kind(cx, d) == RL_JS_EXPORT_STATEMENT) {
    d = rl_child(cx, st, RL_F_DECLARATION);
    if (!d) return RL_BIND_FREE;
  }
  switch (rl_kind(cx, d)) {
  case RL_JS_FUNCTION_DECLARATION:
  case RL_JS_GENERATOR_FUNCTION_DECLARATION:
  case RL_JS_CLASS_DECLARATION:
  case RL_JS_ABSTRACT_CLASS_DECLARATION: {
    RlNode name = rl_child(cx, d, RL_F_NAME);
    size_t len;
    const char *t = rl_text(cx, name, &len);
    if (len == n && memcmp(t, s, n) == 0) {
      *decl = d;
      *fn = rl_kind(cx, d) == RL_JS_CLASS_DECLARATION ||
                    rl_kind(cx, d) == RL_JS_ABSTRACT_CLASS_DECLARATION
                ? RL_NONE
                : d;
      return RL_BIND_LOCAL;
    }
    break;
  }
  case RL_JS_LEXICAL_DECLARATION:
  case RL_JS_VARIABLE_DECLARATION:
    for (RlNode v = rl_first_child(cx, d); v; v = rl_next_sibling(cx, v)) {
      if (rl_kind(cx, v) != RL_JS_VARIABLE_DECLARATOR) continue;
      RlNode name = rl_child(cx, v, RL_F_NAME);
      if (!name || !rl_js__binds(cx, name, s, n)) continue;
      *decl = v;
      RlNode val = rl_strip(cx, rl_child(cx, v, RL_F_VALUE));
      if (rl_js__is_require(cx, val)) return RL_BIND_IMPORT;
      *fn = (rl_kind(cx, name) == RL_JS_IDENTIFIER && val && rl_js_is_function(cx, val))
                ? val
                : RL_NONE;
      return RL_BIND_LOCAL;
    }
    break;
  case RL_JS_IMPORT_STATEMENT:
    if (rl_js__binds(cx, d, s, n)) {
      *decl = d;
      return RL_BIND_IMPORT;
    }
    break;
  default:
    break;
  }
  return RL_BIND_FREE;
}

/* Section - name lookup in linear time. A lookup walks the chain of
 * enclosing scopes only (rl_js__scope_up skips every other node, so an
 * else-if chain 10,000 deep costs nothing), and in a scope with many
 * statements it asks a hash index of the names they declare instead of
 * scanning them: building the index visits each statement once. Both are
 * caches of the immutable tree, built on first use. */

static bool rl_js__is_scope(const RlCtx *cx, RlNode p) {
  switch (rl_kind(cx, p)) {
  case RL_JS_PROGRAM:
  case RL_JS_STATEMENT_BLOCK:
  case RL_JS_FOR_STATEMENT:
  case RL_JS_FOR_IN_STATEMENT:
  case RL_JS_CATCH_CLAUSE: return true;
  default: return rl_js_is_function(cx, p);
  }
}

static RlNode rl_js__scope_up(const RlCtx *cx, RlNode n) {
  if (!n || n >= cx->tree.n) return RL_NONE;
  if (!cx->scope_up) {
    uint32_t *u = rl_arena_alloc(cx->scratch, cx->tree.n * sizeof *u);
    u[0] = RL_NONE;
    for (uint32_t i = 1; i < cx->tree.n; i++) {
      RlNode p = rl_parent(cx, i);
      u[i] = !p ? RL_NONE : rl_js__is_scope(cx, p) ? p : u[p];
    }
    ((RlCtx *)cx)->scope_up = u;
  }
  return cx->scope_up[n];
}

/* Scopes with fewer statements are scanned. */
#define RL_JS_INDEX_MIN 16

typedef struct RlJsDeclSlot {
  uint32_t scope, stmt; /* 0: empty */
  uint32_t len;
  const char *name;
} RlJsDeclSlot;

typedef struct RlJsDeclIndex {
  RlJsDeclSlot *slot;
  uint32_t mask, used;
  uint8_t *indexed; /* per node: its statements are in the index */
} RlJsDeclIndex;

static uint32_t rl_js__decl_hash(RlNode scope, const char *s, size_t n) {
  return (uint32_t)rl_hash_bytes(rl_hash_bytes(RL_FNV_INIT, &scope, sizeof scope), s, n);
}

static RlJsDeclSlot *rl_js__decl_find(RlJsDeclIndex *ix, RlNode scope, const char *s, size_t n) {
  for (uint32_t i = rl_js__decl_hash(scope, s, n) & ix->mask;; i = (i + 1) & ix->mask) {
    RlJsDeclSlot *e = &ix->slot[i];
    if (!e->scope || (e->scope == scope && e->len == n && memcmp(e->name, s, n) == 0)) return e;
  }
}

/* Records that `st` (in `scope`) declares s[0..n), unless an earlier
 * statement does: a lookup wants the first. */
static void rl_js__decl_add(const RlCtx *cx, RlJsDeclIndex *ix, RlNode scope, RlNode st,
                            const char *s, size_t n) {
  if (2 * (ix->used + 1) > ix->mask + 1) { /* grow: keep the load under 1/2 */
    RlJsDeclIndex old = *ix;
    ix->mask = old.mask * 2 + 1;
    ix->slot = rl_arena_alloc(cx->scratch, (ix->mask + 1) * sizeof *ix->slot);
    memset(ix->slot, 0, (ix->mask + 1) * sizeof *ix->slot);
    for (uint32_t i = 0; i <= old.mask; i++)
      if (old.slot[i].scope) *rl_js__decl_find(ix, old.slot[i].scope, old.slot[i].name,
                                               old.slot[i].len) = old.slot[i];
  }
  RlJsDeclSlot *e = rl_js__decl_find(ix, scope, s, n);
  if (e->scope) return;
  *e = (RlJsDeclSlot){scope, st, (uint32_t)n, s};
  ix->used++;
}

/* Every name rl_js__binds accepts in `pattern`, added for `st`. */
static void rl_js__decl_pattern(const RlCtx *cx, RlJsDeclIndex *ix, RlNode scope, RlNode st,
                                RlNode pattern) {
  RlNode end = rl_node_end(cx, pattern);
  for (RlNode i = rl_js__next_bound(cx, pattern, end); i; i = rl_js__next_bound(cx, i + 1, end)) {
    size_t len;
    const char *t = rl_text(cx, i, &len);
    rl_js__decl_add(cx, ix, scope, st, t, len);
  }
}

/* Adds the names each statement of `scope` may declare (a superset is
 * fine: a hit is confirmed by rl_js__declares). */
static void rl_js__decl_scope(const RlCtx *cx, RlJsDeclIndex *ix, RlNode scope) {
  for (RlNode st = rl_first_child(cx, scope); st; st = rl_next_sibling(cx, st)) {
    RlNode d = st;
    if (rl_kind(cx, d) == RL_JS_EXPORT_STATEMENT && !(d = rl_child(cx, st, RL_F_DECLARATION)))
      continue;
    switch (rl_kind(cx, d)) {
    case RL_JS_FUNCTION_DECLARATION:
    case RL_JS_GENERATOR_FUNCTION_DECLARATION:
    case RL_JS_CLASS_DECLARATION:
    case RL_JS_ABSTRACT_CLASS_DECLARATION: {
      RlNode name = rl_child(cx, d, RL_F_NAME);
      size_t len;
      const char *t = rl_text(cx, name, &len);
      rl_js__decl_add(cx, ix, scope, st, t, len);
      break;
    }
    case RL_JS_LEXICAL_DECLARATION:
    case RL_JS_VARIABLE_DECLARATION:
      for (RlNode v = rl_first_child(cx, d); v; v = rl_next_sibling(cx, v)) {
        if (rl_kind(cx, v) != RL_JS_VARIABLE_DECLARATOR) continue;
        RlNode name = rl_child(cx, v, RL_F_NAME);
        if (name) rl_js__decl_pattern(cx, ix, scope, st, name);
      }
      break;
    case RL_JS_IMPORT_STATEMENT: rl_js__decl_pattern(cx, ix, scope, st, d); break;
    default: break;
    }
  }
}

/* Looks for a declaration of s[0..n) among the statements directly in
 * `scope`: the first that declares it. Returns the binding kind (FREE when
 * not declared there), *fn for a local function and *decl for the
 * declaring node. */
static RlJsBinding rl_js__declared_in(const RlCtx *cx, RlNode scope, const char *s, size_t n,
                                      RlNode *fn, RlNode *decl) {
  uint32_t count = 0;
  RlJsDeclIndex *ix = cx->decls;
  if (!ix || !ix->indexed[scope])
    for (RlNode st = rl_first_child(cx, scope); st && count < RL_JS_INDEX_MIN;
         st = rl_next_sibling(cx, st))
      count++;
  if (count < RL_JS_INDEX_MIN && !(ix && ix->indexed[scope])) {
    for (RlNode st = rl_first_child(cx, scope); st; st = rl_next_sibling(cx, st)) {
      RlJsBinding k = rl_js__declares(cx, st, s, n, fn, decl);
      if (k != RL_BIND_FREE) return k;
    }
    return RL_BIND_FREE;
  }
  if (!ix) {
    ix = rl_arena_alloc(cx->scratch, sizeof *ix);
    ix->mask = 255;
    ix->used = 0;
    ix->slot = rl_arena_alloc(cx->scratch, (ix->mask + 1) * sizeof *ix->slot);
    memset(ix->slot, 0, (ix->mask + 1) * sizeof *ix->slot);
    ix->indexed = rl_arena_alloc(cx->scratch, cx->tree.n);
    memset(ix->indexed, 0, cx->tree.n);
    ((RlCtx *)cx)->decls = ix;
  }
  if (!ix->indexed[scope]) {
    rl_js__decl_scope(cx, ix, scope);
    ix->indexed[scope] = 1;
  }
  RlJsDeclSlot *e = rl_js__decl_find(ix, scope, s, n);
  if (!e->scope) return RL_BIND_FREE;
  /* the first statement naming it; if it does not really declare it (a
   * name the index over-approximated), the rest are scanned from there */
  for (RlNode st = e->stmt; st; st = rl_next_sibling(cx, st)) {
    RlJsBinding k = rl_js__declares(cx, st, s, n, fn, decl);
    if (k != RL_BIND_FREE) return k;
  }
  return RL_BIND_FREE;
}

/* The innermost scope that binds identifier `ident` (a program or block,
 * a for/catch head, a function's parameters), or RL_NONE; *kind says how,
 * *fn is the function a local binding names (or RL_NONE), *decl the
 * declaring node (see rl_js_declaration). */
static RlNode rl_js__scope_of(const RlCtx *cx, RlNode ident, RlJsBinding *kind, RlNode *fn,
                              RlNode *decl) {
  *kind = RL_BIND_FREE;
  *fn = RL_NONE;
  *decl = RL_NONE;
  if (rl_kind(cx, ident) != RL_JS_IDENTIFIER) return RL_NONE;
  size_t n;
  const char *s = rl_text(cx, ident, &n);
  for (RlNode p = rl_js__scope_up(cx, ident); p; p = rl_js__scope_up(cx, p)) {
    switch (rl_kind(cx, p)) {
    case RL_JS_PROGRAM:
    case RL_JS_STATEMENT_BLOCK:
      *kind = rl_js__declared_in(cx, p, s, n, fn, decl);
      if (*kind != RL_BIND_FREE) return p;
      break;
    case RL_JS_FOR_STATEMENT:
    case RL_JS_FOR_IN_STATEMENT:
    case RL_JS_CATCH_CLAUSE: {
      RlNode d = rl_child(cx, p, RL_F_INITIALIZER);
      if (!d) d = rl_child(cx, p, RL_F_LEFT);
      if (!d) d = rl_child(cx, p, RL_F_PARAMETER);
      if (d && rl_js__binds(cx, d, s, n)) {
        *kind = RL_BIND_LOCAL;
        *decl = p;
        return p;
      }
      break;
    }
    default:
      if (rl_js_is_function(cx, p)) {
        RlNode params = rl_child(cx, p, RL_F_PARAMETERS);
        if (!params) params = rl_child(cx, p, RL_F_PARAMETER);
        if (params && rl_js__binds(cx, params, s, n)) {
          *kind = RL_BIND_LOCAL;
          *decl = p;
          return p;
        }
      }
      break;
    }
  }
  return RL_NONE;
}

RlJsBinding rl_js_resolve(RlCtx *cx, RlNode ident, RlNode *fn_out) {
  RlJsBinding kind;
  RlNode fn, decl;
  rl_js__scope_of(cx, ident, &kind, &fn, &decl);
  if (fn_out) *fn_out = kind == RL_BIND_LOCAL ? fn : RL_NONE;
  return kind;
}

RlNode rl_js_local_function(RlCtx *cx, RlNode ident) {
  RlNode fn = RL_NONE;
  return rl_js_resolve(cx, ident, &fn) == RL_BIND_LOCAL ? fn : RL_NONE;
}

RlNode rl_js_binding_scope(const RlCtx *cx, RlNode ident) {
  RlJsBinding kind;
  RlNode fn, decl;
  return rl_js__scope_of(cx, ident, &kind, &fn, &decl);
}

RlNode rl_js_declaration(const RlCtx *cx, RlNode ident, RlNode *scope) {
  RlJsBinding kind;
  RlNode fn, decl;
  RlNode sc = rl_js__scope_of(cx, ident, &kind, &fn, &decl);
  if (scope) *scope = sc;
  return decl;
}

/* Section - calls that never overlap */

/* Wrappers whose callback runs once, exclusively, or hands concurrent
 * callers the one pending run, by a part of their name (case-insensitive):
 * sharedPromiseTo, singleFlight, onceAsync, dedupe, memoize, withMutex,
 * serialize, runExclusive... */
static const char *const rl_js__serial_words[] = {"shared", "single", "once",   "dedup",
                                                  "memo",   "mutex",  "lock",   "serial",
                                                  "exclusive", "coalesce"};

static bool rl_js__has_word(const char *name, const char *w) {
  size_t n = strlen(name), k = strlen(w);
  for (size_t i = 0; i + k <= n; i++) {
    size_t j = 0;
    while (j < k && (name[i + j] | 0x20) == w[j]) j++;
    if (j == k) return true;
  }
  return false;
}

/* The bare name under which fn is called: a method's or field's name, a
 * declaration's, a variable's; NULL when anonymous. *method: called on
 * `this`. */
static const char *rl_js__call_name(RlCtx *cx, RlNode fn, bool *method) {
  RlNode p = rl_parent(cx, fn), name = RL_NONE;
  *method = false;
  if (rl_kind(cx, fn) == RL_JS_METHOD_DEFINITION) {
    name = rl_child(cx, fn, RL_F_NAME);
    *method = true;
  } else if (rl_kind(cx, fn) == RL_JS_FUNCTION_DECLARATION) {
    name = rl_child(cx, fn, RL_F_NAME);
  } else if (rl_kind(cx, p) == RL_JS_VARIABLE_DECLARATOR) {
    name = rl_child(cx, p, RL_F_NAME);
  } else if (rl_kind(cx, p) == RL_JS_PUBLIC_FIELD_DEFINITION ||
             rl_kind(cx, p) == RL_JS_FIELD_DEFINITION) {
    name = rl_child(cx, p, RL_F_NAME);
    if (!name) name = rl_child(cx, p, RL_F_PROPERTY);
    *method = true;
  }
  return name ? rl_text_dup(cx, name) : NULL;
}

/* Is `target` tested before `at` in at's function (an `if` condition, or the
 * left of `??`, `||`, `&&`): `if (this.lock) return this.lock;`? */
static bool rl_js__tested_before(RlCtx *cx, RlNode target, RlNode at) {
  RlNode fn = rl_enclosing_function(cx, at);
  if (!fn) return false;
  for (RlNode i = fn; i < at; i++) {
    if (i == target || !rl_same_expr(cx, i, target)) continue;
    for (RlNode c = i, p = rl_parent(cx, i); p && p != fn; c = p, p = rl_parent(cx, p)) {
      if (rl_kind(cx, p) == RL_JS_IF_STATEMENT && rl_field(cx, c) == RL_F_CONDITION) return true;
      if (rl_kind(cx, p) == RL_JS_BINARY_EXPRESSION && rl_field(cx, c) == RL_F_LEFT) {
        const char *op = rl_op(cx, p);
        if (!strcmp(op, "?" "?") || !strcmp(op, "||") || !strcmp(op, "&&")) return true;
      }
    }
  }
  return false;
}

/* Is the call stored as a pending promise that later callers share: the
 * value (through .then/.catch/.finally) of `x ??= call`, `x ||= call`, or
 * `x = call` after `x` was tested? */
static bool rl_js__stored_as_lock(RlCtx *cx, RlNode call) {
  RlNode c = call;
  for (int depth = 0; depth < 8; depth++) {
    RlNode m = rl_parent(cx, c);
    if (rl_kind(cx, m) == RL_JS_PARENTHESIZED_EXPRESSION) {
      c = m;
      continue;
    }
    if (rl_kind(cx, m) != RL_JS_MEMBER_EXPRESSION || rl_field(cx, c) != RL_F_OBJECT) break;
    RlNode outer = rl_parent(cx, m);
    if (rl_kind(cx, outer) != RL_JS_CALL_EXPRESSION) return false;
    const char *name = rl_js_callee_name(cx, outer);
    if (strcmp(name, "then") && strcmp(name, "catch") && strcmp(name, "finally")) return false;
    c = outer;
  }
  RlNode a = rl_parent(cx, c);
  if (rl_field(cx, c) != RL_F_RIGHT) return false;
  RlNode left = rl_child(cx, a, RL_F_LEFT);
  if (rl_kind(cx, a) == RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION) {
    const char *op = rl_op(cx, a);
    return !strcmp(op, "?" "?=") || !strcmp(op, "||=");
  }
  return rl_kind(cx, a) == RL_JS_ASSIGNMENT_EXPRESSION && rl_js__tested_before(cx, left, a);
}

/* Section - calls by callee name: (hash of the callee's name, call) for
 * every call of an identifier or of `this.name`, sorted; a lookup is a
 * binary search. Hash collisions are harmless: callers compare the name. */
typedef struct RlJsCallKey {
  uint32_t hash;
  RlNode node;
} RlJsCallKey;

static int rl_js__call_key_cmp(const void *a, const void *b) {
  const RlJsCallKey *x = a, *y = b;
  if (x->hash != y->hash) return x->hash < y->hash ? -1 : 1;
  return x->node < y->node ? -1 : x->node > y->node;
}

static void rl_js__calls_named(RlCtx *cx, const char *name, uint32_t *lo, uint32_t *hi) {
  if (!cx->calls) {
    uint32_t n = rl_node_count(cx), k = 0;
    RlJsCallKey *v = rl_arena_alloc(cx->scratch, (n ? n : 1) * sizeof *v);
    for (RlNode i = 1; i < n; i++) {
      if (rl_kind(cx, i) != RL_JS_CALL_EXPRESSION) continue;
      RlNode f = rl_strip(cx, rl_child(cx, i, RL_F_FUNCTION));
      RlNode key = rl_kind(cx, f) == RL_JS_IDENTIFIER ? f
                   : rl_kind(cx, f) == RL_JS_MEMBER_EXPRESSION ? rl_child(cx, f, RL_F_PROPERTY)
                                                                : RL_NONE;
      if (!key) continue;
      size_t len;
      const char *t = rl_text(cx, key, &len);
      v[k++] = (RlJsCallKey){(uint32_t)rl_hash_bytes(RL_FNV_INIT, t, len), i};
    }
    qsort(v, k, sizeof *v, rl_js__call_key_cmp);
    cx->calls = v;
    cx->ncalls = k;
  }
  uint32_t h = (uint32_t)rl_hash_bytes(RL_FNV_INIT, name, strlen(name));
  uint32_t a = 0, b = cx->ncalls;
  while (a < b) { /* first with hash >= h */
    uint32_t m = a + (b - a) / 2;
    if (cx->calls[m].hash < h) a = m + 1;
    else b = m;
  }
  *lo = a;
  while (a < cx->ncalls && cx->calls[a].hash == h) a++;
  *hi = a;
}

bool rl_js_serialised(RlCtx *cx, RlNode fn) {
  for (RlNode f = fn; f; f = rl_enclosing_function(cx, f)) {
    RlNode a = rl_parent(cx, f);
    while (a && rl_kind(cx, a) == RL_JS_PARENTHESIZED_EXPRESSION) a = rl_parent(cx, a);
    if (rl_kind(cx, a) != RL_JS_ARGUMENTS) continue;
    const char *m = rl_js_callee_name(cx, rl_parent(cx, a));
    for (size_t i = 0; i < RL_COUNTOF(rl_js__serial_words); i++)
      if (rl_js__has_word(m, rl_js__serial_words[i])) return true;
  }
  /* an async function expression called in place and stored as the
   * pending promise (`if (!this.p) this.p = (async () => {...})();`) */
  if (fn && rl_js_is_function(cx, fn)) {
    RlNode c = fn, p = rl_parent(cx, fn);
    while (rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION) c = p, p = rl_parent(cx, p);
    if (rl_kind(cx, p) == RL_JS_CALL_EXPRESSION && rl_field(cx, c) == RL_F_FUNCTION &&
        rl_js__stored_as_lock(cx, p))
      return true;
  }
  bool method;
  const char *name = fn ? rl_js__call_name(cx, fn, &method) : NULL;
  if (!name || !*name) return false;
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  RlNode cls = method && body ? rl_js_this_class(cx, body) : RL_NONE;
  uint32_t calls = 0, lo, hi;
  /* only the calls whose callee is named `name` (an index built once:
   * scanning the whole file for every function was quadratic) */
  rl_js__calls_named(cx, name, &lo, &hi);
  for (uint32_t c = lo; c < hi; c++) {
    RlNode i = cx->calls[c].node;
    RlNode f = rl_strip(cx, rl_child(cx, i, RL_F_FUNCTION));
    if (method) {
      if (rl_kind(cx, f) != RL_JS_MEMBER_EXPRESSION ||
          rl_kind(cx, rl_strip(cx, rl_child(cx, f, RL_F_OBJECT))) != RL_JS_THIS ||
          !rl_text_eq(cx, rl_child(cx, f, RL_F_PROPERTY), name) ||
          rl_js_this_class(cx, i) != cls)
        continue;
    } else if (rl_kind(cx, f) != RL_JS_IDENTIFIER || !rl_text_eq(cx, f, name) ||
               rl_js_local_function(cx, f) != fn) {
      continue;
    }
    if (!rl_js__stored_as_lock(cx, i)) return false;
    calls++;
  }
  return calls > 0;
}

/* Is the variable of declarator d only used as `x.member` in its function
 * (never stored, returned or passed on)? */
static bool rl_js__stays_local(RlCtx *cx, RlNode d) {
  RlNode var = rl_child(cx, d, RL_F_NAME);
  RlNode fn = rl_enclosing_function(cx, d);
  if (rl_kind(cx, var) != RL_JS_IDENTIFIER || !fn) return false;
  size_t len;
  const char *s = rl_text(cx, var, &len);
  RlNode end = rl_node_end(cx, fn);
  for (RlNode i = fn; i < end; i++) {
    if (i == var || rl_kind(cx, i) != RL_JS_IDENTIFIER) continue;
    size_t l;
    const char *t = rl_text(cx, i, &l);
    if (l != len || memcmp(t, s, len) != 0) continue;
    if (rl_kind(cx, rl_parent(cx, i)) != RL_JS_MEMBER_EXPRESSION || rl_field(cx, i) != RL_F_OBJECT)
      return false;
  }
  return true;
}

/* The check of rl_js_per_call_this; with `exported` non-NULL also the
 * one of rl_js_per_call_exported (exports and stays-local `new C` inside
 * C allowed, *exported says how C leaves the file). */
static bool rl_js__per_call(RlCtx *cx, RlNode n, int *exported) {
  RlNode cls = rl_js_this_class(cx, n);
  if (rl_kind(cx, cls) != RL_JS_CLASS_DECLARATION) return false;
  RlNode top = rl_parent(cx, cls);
  if (exported && rl_kind(cx, top) == RL_JS_EXPORT_STATEMENT) {
    *exported = rl_has_token(cx, top, "default") ? RL_JS_EXPORTED_DEFAULT : RL_JS_EXPORTED_NAMED;
    top = rl_parent(cx, top);
  }
  if (rl_kind(cx, top) != RL_JS_PROGRAM) return false; /* exported, or nested */
  RlNode name = rl_child(cx, cls, RL_F_NAME);
  if (!name) return false;
  size_t len;
  const char *s = rl_text(cx, name, &len);
  uint32_t made = 0, count = rl_node_count(cx);
  for (RlNode i = 1; i < count; i++) {
    if (i == name) continue;
    RlKind k = rl_kind(cx, i);
    if (k != RL_JS_IDENTIFIER && k != RL_JS_TYPE_IDENTIFIER &&
        k != RL_JS_SHORTHAND_PROPERTY_IDENTIFIER)
      continue;
    size_t l;
    const char *t = rl_text(cx, i, &l);
    if (l != len || memcmp(t, s, len) != 0) continue;
    if (k == RL_JS_TYPE_IDENTIFIER) continue; /* a type annotation: not a use */
    RlNode nw = rl_parent(cx, i);
    if (exported && k == RL_JS_IDENTIFIER) {
      /* module.exports = C; export default C; export { C } */
      if (rl_kind(cx, nw) == RL_JS_ASSIGNMENT_EXPRESSION && rl_field(cx, i) == RL_F_RIGHT &&
          rl_text_eq(cx, rl_child(cx, nw, RL_F_LEFT), "module.exports") &&
          rl_kind(cx, rl_parent(cx, rl_parent(cx, nw))) == RL_JS_PROGRAM) {
        *exported = RL_JS_EXPORTED_DEFAULT;
        continue;
      }
      if (rl_kind(cx, nw) == RL_JS_EXPORT_STATEMENT && rl_has_token(cx, nw, "default")) {
        *exported = RL_JS_EXPORTED_DEFAULT;
        continue;
      }
      if (rl_kind(cx, nw) == RL_JS_EXPORT_SPECIFIER && rl_named_child_count(cx, nw) == 1) {
        *exported = RL_JS_EXPORTED_NAMED;
        continue;
      }
    }
    /* the only use allowed: `const x = new C(...)` inside a function */
    if (rl_kind(cx, nw) != RL_JS_NEW_EXPRESSION || rl_field(cx, i) != RL_F_CONSTRUCTOR)
      return false;
    RlNode d = rl_parent(cx, nw);
    if (rl_kind(cx, d) != RL_JS_VARIABLE_DECLARATOR || rl_field(cx, nw) != RL_F_VALUE ||
        !rl_enclosing_function(cx, d) || (!exported && rl_js_this_class(cx, d) == cls) ||
        !rl_js__stays_local(cx, d))
      return false;
    made++;
  }
  return exported ? *exported != RL_JS_EXPORTED_NO : made > 0;
}

bool rl_js_per_call_this(RlCtx *cx, RlNode n) { return rl_js__per_call(cx, n, NULL); }

bool rl_js_new_per_call(RlCtx *cx, RlNode nw, const char **factory) {
  RlNode p = rl_parent(cx, nw);
  *factory = "";
  while (rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION) {
    nw = p;
    p = rl_parent(cx, p);
  }
  RlNode fn = RL_NONE;
  if (rl_kind(cx, p) == RL_JS_RETURN_STATEMENT) fn = rl_enclosing_function(cx, p);
  else if (rl_kind(cx, p) == RL_JS_ARROW_FUNCTION && rl_field(cx, nw) == RL_F_BODY) fn = p;
  if (fn) { /* a factory: its callers are judged by name (rl_js_call_escapes) */
    bool method;
    const char *name = rl_js__call_name(cx, fn, &method);
    if (!name || !*name) return false;
    *factory = name;
    return true;
  }
  return rl_kind(cx, p) == RL_JS_VARIABLE_DECLARATOR && rl_field(cx, nw) == RL_F_VALUE &&
         rl_enclosing_function(cx, p) && rl_js__stays_local(cx, p);
}

bool rl_js_call_escapes(RlCtx *cx, RlNode call) {
  RlNode c = call, p = rl_parent(cx, call);
  while (rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION || rl_kind(cx, p) == RL_JS_AWAIT_EXPRESSION) {
    c = p;
    p = rl_parent(cx, p);
  }
  switch (rl_kind(cx, p)) {
  case RL_JS_EXPRESSION_STATEMENT:
    return false; /* dropped */
  case RL_JS_MEMBER_EXPRESSION:
    return rl_field(cx, c) != RL_F_OBJECT; /* f().m(): used at once */
  case RL_JS_VARIABLE_DECLARATOR:
    return !rl_enclosing_function(cx, p) || !rl_js__stays_local(cx, p);
  case RL_JS_ASSIGNMENT_EXPRESSION:
  case RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION:
  case RL_JS_ARGUMENTS:
  case RL_JS_ARRAY:
  case RL_JS_PAIR:
  case RL_JS_RETURN_STATEMENT:
    return true;
  default:
    return false;
  }
}

int rl_js_per_call_exported(RlCtx *cx, RlNode n, const char **cls_name) {
  int how = RL_JS_EXPORTED_NO;
  if (!rl_js__per_call(cx, n, &how)) return RL_JS_EXPORTED_NO;
  *cls_name = rl_text_dup(cx, rl_child(cx, rl_js_this_class(cx, n), RL_F_NAME));
  return how;
}

bool rl_js_may_reject(const RlCtx *cx, RlNode n) {
  RlNode end = n ? rl_node_end(cx, n) : RL_NONE;
  for (RlNode i = n; i && i < end; i = rl_js_own_next(cx, i, end)) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_JS_AWAIT_EXPRESSION || k == RL_JS_THROW_STATEMENT ||
        (k == RL_JS_FOR_IN_STATEMENT && rl_has_token(cx, i, "await")))
      return true;
  }
  return false;
}

bool rl_js_finally_exits(RlCtx *cx, RlNode fin) {
  RlNode blk = rl_named_child(cx, fin, 0);
  while (blk && rl_kind(cx, blk) == RL_JS_COMMENT) blk = rl_next_sibling(cx, blk);
  if (rl_kind(cx, blk) != RL_JS_STATEMENT_BLOCK) return false;
  for (RlNode s = rl_first_child(cx, blk); s; s = rl_next_sibling(cx, s)) {
    RlNode e = rl_kind(cx, s) == RL_JS_EXPRESSION_STATEMENT ? rl_strip(cx, rl_named_child(cx, s, 0))
                                                            : RL_NONE;
    if (rl_kind(cx, e) == RL_JS_CALL_EXPRESSION && strcmp(rl_js_callee_name(cx, e), "exit") == 0 &&
        rl_text_eq(cx, rl_js_callee_object(cx, e), "process"))
      return true;
    if (rl_js_may_reject(cx, s)) return false;
  }
  return false;
}
