/* js_types.c - declared types of JS/TS as the source spells them, without a
 * type checker (the "declared types" sections of rule_api.h).
 *
 * Phase 1 (one file, its tree): is a written type a promise (`Promise<T>`,
 * `PromiseLike<T>`, `Thenable<T>`, a type alias of one), does a function or
 * a class/interface member declare one (`async`, its return type, overload
 * signatures), what type a receiver is declared with (a parameter, a
 * variable's annotation or `new C()`, a class field, a constructor
 * parameter property), and the RL_FACT_JS_TYPE facts of a file's top-level
 * declarations (rl_js_types_extract, called by facts.c).
 * Phase 2 (the project, facts only, never trees): the same questions across
 * files, following the import/export facts.
 *
 * Precision first: what is not spelled (an inferred return type, a generic
 * whose promise-ness depends on its type argument, a union of a promise
 * with anything but null/undefined, overloads that disagree) is unknown, and
 * unknown is never taken for a promise. Packages' .d.ts are files of the
 * project in phase 2 (analyzer/scan/pkgtypes.c reads them; bare imports resolve
 * to them). Not read: tsconfig paths, namespaces (`ns.Type`), `declare
 * module` blocks, declaration merging. */
#include "js_types.h"

#include <string.h>

/* Section - phase 1: small helpers */

static bool eq(RlCtx *cx, RlNode n, const char *s) { return n && rl_text_eq(cx, n, s); }

/* Combines the verdicts of several declarations of one name (overloads,
 * union members): all promise -> promise; none promise -> not; a mix or
 * any unknown -> unknown. `first` tells acc holds nothing yet. */
static RlJsVerdict join(RlJsVerdict acc, RlJsVerdict v, bool first) {
  if (first) return v;
  if (acc == v) return acc;
  return RL_JT_UNKNOWN;
}

/* The declaration under a top-level statement: through `export` and
 * `declare`. */
static RlNode unwrap(RlCtx *cx, RlNode st) {
  for (int i = 0; i < 3 && st; i++) {
    RlKind k = rl_kind(cx, st);
    if (k == RL_JS_EXPORT_STATEMENT) st = rl_child(cx, st, RL_F_DECLARATION);
    else if (k == RL_JS_AMBIENT_DECLARATION) st = rl_named_child(cx, st, 0);
    else break;
  }
  return st;
}

static bool is_type_decl(RlKind k) {
  return k == RL_JS_CLASS_DECLARATION || k == RL_JS_ABSTRACT_CLASS_DECLARATION ||
         k == RL_JS_INTERFACE_DECLARATION || k == RL_JS_TYPE_ALIAS_DECLARATION;
}

/* A class, interface or type alias declared at the top level of this file
 * under `name` (exported or `declare`d too), or RL_NONE. */
RlNode rl_js_local_type(RlCtx *cx, const char *name) {
  RlNode root = rl_root(cx);
  for (RlNode st = rl_first_child(cx, root); st; st = rl_next_sibling(cx, st)) {
    RlNode d = unwrap(cx, st);
    if (d && is_type_decl(rl_kind(cx, d)) && eq(cx, rl_child(cx, d, RL_F_NAME), name)) return d;
  }
  return RL_NONE;
}

/* Is a name bound by an import of this file (`import type` included)? */
static bool imported_name(RlCtx *cx, RlNode name) {
  const char *mod, *imported;
  return rl_js_import_of(cx, name, &mod, &imported);
}

/* Section - phase 1: types */

static RlNode members_of(RlCtx *cx, RlNode decl);
static RlNode member_name(RlCtx *cx, RlNode m);
static bool bases_any(RlCtx *cx, RlNode decl);

/* depth: aliases and unions followed; *budget: type names looked up in
 * all (a union of aliases of unions cannot blow up). */
static RlJsVerdict type_verdict(RlCtx *cx, RlNode t, int depth, int *budget);

/* What a type name stands for: a local alias (followed), a local class or
 * interface (not a promise unless it declares `then`), the built-in
 * promise types when not declared here. */
static RlJsVerdict name_verdict(RlCtx *cx, RlNode name, int depth, int *budget) {
  if (--*budget <= 0) return RL_JT_UNKNOWN;
  const char *s = rl_text_dup(cx, name);
  RlNode d = rl_js_local_type(cx, s);
  if (d) {
    if (rl_kind(cx, d) == RL_JS_TYPE_ALIAS_DECLARATION)
      return depth < 6 ? type_verdict(cx, rl_child(cx, d, RL_F_VALUE), depth + 1, budget)
                       : RL_JT_UNKNOWN;
    /* a `then` member of its own (bases not followed): maybe thenable */
    RlNode body = members_of(cx, d);
    for (RlNode m = rl_first_child(cx, body); m; m = rl_next_sibling(cx, m))
      if (eq(cx, member_name(cx, m), "then")) return RL_JT_UNKNOWN;
    return rl_child(cx, d, RL_F_BODY) && !bases_any(cx, d) ? RL_JT_NOT : RL_JT_UNKNOWN;
  }
  if (!strcmp(s, "Promise") || !strcmp(s, "PromiseLike") || !strcmp(s, "Thenable")) {
    /* an import of that name is someone's own type: unknown */
    return imported_name(cx, name) ? RL_JT_UNKNOWN : RL_JT_PROMISE;
  }
  return RL_JT_UNKNOWN;
}

static bool nullish_type(RlCtx *cx, RlNode t) {
  return eq(cx, t, "null") || eq(cx, t, "undefined");
}

static RlJsVerdict type_verdict(RlCtx *cx, RlNode t, int depth, int *budget) {
  for (int i = 0; i < 8 && t; i++) {
    RlKind k = rl_kind(cx, t);
    if (k == RL_JS_TYPE_ANNOTATION || k == RL_JS_PARENTHESIZED_TYPE) t = rl_named_child(cx, t, 0);
    else break;
  }
  if (!t) return RL_JT_UNKNOWN;
  switch (rl_kind(cx, t)) {
  case RL_JS_TYPE_IDENTIFIER: return name_verdict(cx, t, depth, budget);
  case RL_JS_GENERIC_TYPE: {
    RlNode name = rl_child(cx, t, RL_F_NAME);
    return rl_kind(cx, name) == RL_JS_TYPE_IDENTIFIER ? name_verdict(cx, name, depth, budget)
                                                      : RL_JT_UNKNOWN;
  }
  case RL_JS_PREDEFINED_TYPE:
  case RL_JS_FUNCTION_TYPE:
  case RL_JS_ARRAY_TYPE:
  case RL_JS_LITERAL_TYPE: return RL_JT_NOT;
  case RL_JS_UNION_TYPE: {
    /* T | null | undefined is T; any other mix is unknown */
    RlJsVerdict acc = RL_JT_UNKNOWN;
    bool first = true;
    for (RlNode c = rl_first_child(cx, t); c; c = rl_next_sibling(cx, c)) {
      if (rl_is_token(cx, c) || nullish_type(cx, c)) continue;
      acc = join(acc, depth < 12 ? type_verdict(cx, c, depth + 1, budget) : RL_JT_UNKNOWN, first);
      first = false;
    }
    return acc;
  }
  default: return RL_JT_UNKNOWN;
  }
}

RlJsVerdict rl_js_type_verdict(RlCtx *cx, RlNode type) {
  int budget = 64;
  return type_verdict(cx, type, 0, &budget);
}

/* The head name of a declared type (`Redis`, `Queue` of `Queue<Job>`,
 * `Client` of `Client | undefined`), as its node, or RL_NONE. */
static RlNode type_head(RlCtx *cx, RlNode t) {
  for (int i = 0; i < 8 && t; i++) {
    RlKind k = rl_kind(cx, t);
    if (k == RL_JS_TYPE_ANNOTATION || k == RL_JS_PARENTHESIZED_TYPE) {
      t = rl_named_child(cx, t, 0);
    } else if (k == RL_JS_UNION_TYPE) {
      RlNode one = RL_NONE;
      for (RlNode c = rl_first_child(cx, t); c; c = rl_next_sibling(cx, c)) {
        if (rl_is_token(cx, c) || nullish_type(cx, c)) continue;
        if (one) return RL_NONE;
        one = c;
      }
      t = one;
    } else if (k == RL_JS_GENERIC_TYPE) {
      t = rl_child(cx, t, RL_F_NAME);
    } else {
      break;
    }
  }
  return rl_kind(cx, t) == RL_JS_TYPE_IDENTIFIER ? t : RL_NONE;
}

/* Section - phase 1: functions and members */

static bool is_signature(RlKind k) {
  return k == RL_JS_FUNCTION_SIGNATURE || k == RL_JS_METHOD_SIGNATURE ||
         k == RL_JS_ABSTRACT_METHOD_SIGNATURE;
}

/* One function-like node or signature on its own. */
static RlJsVerdict one_fn(RlCtx *cx, RlNode fn) {
  if (!fn) return RL_JT_UNKNOWN;
  if (rl_js_is_function(cx, fn)) {
    if (rl_js_is_generator(cx, fn)) return RL_JT_NOT;
    if (rl_js_is_async(cx, fn)) return RL_JT_PROMISE;
  } else if (!is_signature(rl_kind(cx, fn))) {
    return RL_JT_UNKNOWN;
  }
  RlNode rt = rl_child(cx, fn, RL_F_RETURN_TYPE);
  return rt ? rl_js_type_verdict(cx, rt) : RL_JT_UNKNOWN;
}

RlJsVerdict rl_js_fn_verdict(RlCtx *cx, RlNode fn) {
  if (!fn) return RL_JT_UNKNOWN;
  /* overloads: `function f(): void; function f(x: T): Promise<void>;`
   * before the implementation, whose own signature callers never see */
  RlNode st = fn, name = RL_NONE;
  if (rl_kind(cx, fn) == RL_JS_FUNCTION_DECLARATION) {
    name = rl_child(cx, fn, RL_F_NAME);
    if (rl_kind(cx, rl_parent(cx, fn)) == RL_JS_EXPORT_STATEMENT) st = rl_parent(cx, fn);
  }
  if (!name) return one_fn(cx, fn);
  RlNode scope = rl_parent(cx, st);
  RlJsVerdict acc = RL_JT_UNKNOWN;
  bool first = true;
  for (RlNode s = rl_first_child(cx, scope); s && s != st; s = rl_next_sibling(cx, s)) {
    RlNode d = unwrap(cx, s);
    if (rl_kind(cx, d) != RL_JS_FUNCTION_SIGNATURE ||
        !rl_same_expr(cx, rl_child(cx, d, RL_F_NAME), name))
      continue;
    acc = join(acc, one_fn(cx, d), first);
    first = false;
  }
  return first ? one_fn(cx, fn) : acc;
}

/* The `declare function name(...)` / `function name(...);` signatures at
 * the top level of this file, when no implementation is in it. */
RlJsVerdict rl_js_signature_verdict(RlCtx *cx, const char *name, RlNode *at) {
  RlJsVerdict acc = RL_JT_UNKNOWN;
  bool first = true;
  *at = RL_NONE;
  for (RlNode st = rl_first_child(cx, rl_root(cx)); st; st = rl_next_sibling(cx, st)) {
    RlNode d = unwrap(cx, st);
    if (rl_kind(cx, d) != RL_JS_FUNCTION_SIGNATURE || !eq(cx, rl_child(cx, d, RL_F_NAME), name))
      continue;
    acc = join(acc, one_fn(cx, d), first);
    first = false;
    if (!*at) *at = d;
  }
  return acc;
}

/* The name node of a class/interface member, or RL_NONE. */
static RlNode member_name(RlCtx *cx, RlNode m) {
  RlNode nm = rl_child(cx, m, RL_F_NAME);
  if (!nm) nm = rl_child(cx, m, RL_F_PROPERTY);
  return nm;
}

/* The verdict of one member: methods and signatures by their own
 * declaration, fields by a function-typed annotation or a function value. */
static RlJsVerdict member_one(RlCtx *cx, RlNode m, RlNode *fn) {
  RlKind k = rl_kind(cx, m);
  *fn = RL_NONE;
  if (k == RL_JS_METHOD_DEFINITION || is_signature(k)) {
    /* a getter's value is a property read, not a call */
    if (rl_has_token(cx, m, "get") || rl_has_token(cx, m, "set")) return RL_JT_NOT;
    *fn = m;
    return one_fn(cx, m);
  }
  if (k != RL_JS_PUBLIC_FIELD_DEFINITION && k != RL_JS_FIELD_DEFINITION &&
      k != RL_JS_PROPERTY_SIGNATURE)
    return RL_JT_UNKNOWN;
  RlNode ty = rl_named_child(cx, rl_child(cx, m, RL_F_TYPE), 0);
  while (rl_kind(cx, ty) == RL_JS_PARENTHESIZED_TYPE) ty = rl_named_child(cx, ty, 0);
  if (rl_kind(cx, ty) == RL_JS_FUNCTION_TYPE) {
    RlNode rt = rl_child(cx, ty, RL_F_RETURN_TYPE);
    return rt ? rl_js_type_verdict(cx, rt) : RL_JT_UNKNOWN;
  }
  if (ty) return RL_JT_UNKNOWN; /* a named function type: not followed */
  RlNode v = rl_strip(cx, rl_child(cx, m, RL_F_VALUE));
  if (!v || !rl_js_is_function(cx, v)) return RL_JT_UNKNOWN;
  *fn = v;
  return one_fn(cx, v);
}

/* The body holding the members of a class, interface or object-type
 * alias. */
static RlNode members_of(RlCtx *cx, RlNode decl) {
  if (rl_kind(cx, decl) == RL_JS_TYPE_ALIAS_DECLARATION) {
    RlNode v = rl_child(cx, decl, RL_F_VALUE);
    return rl_kind(cx, v) == RL_JS_OBJECT_TYPE ? v : RL_NONE;
  }
  return rl_child(cx, decl, RL_F_BODY);
}

/* The base types a class or interface names (extends / implements), as
 * their name nodes, into out[0..cap); returns the count. */
static uint32_t bases_of(RlCtx *cx, RlNode decl, RlNode *out, uint32_t cap) {
  uint32_t n = 0;
  RlNode body = rl_child(cx, decl, RL_F_BODY);
  for (RlNode c = rl_first_child(cx, decl); c; c = rl_next_sibling(cx, c)) {
    RlKind k = rl_kind(cx, c);
    if (c == body || (k != RL_JS_CLASS_HERITAGE && k != RL_JS_EXTENDS_TYPE_CLAUSE)) continue;
    RlNode end = rl_node_end(cx, c);
    for (RlNode i = c; i < end && n < cap; i++) {
      RlKind ik = rl_kind(cx, i);
      if (ik == RL_JS_TYPE_ARGUMENTS) { /* Base<Promise<X>>: not a base */
        i = rl_node_end(cx, i) - 1;
        continue;
      }
      if (ik == RL_JS_MEMBER_EXPRESSION || ik == RL_JS_NESTED_TYPE_IDENTIFIER ||
          ik == RL_JS_CALL_EXPRESSION) { /* ns.Base, mixin(Base): not followed */
        i = rl_node_end(cx, i) - 1;
        continue;
      }
      if (ik == RL_JS_IDENTIFIER || ik == RL_JS_TYPE_IDENTIFIER) out[n++] = i;
    }
  }
  return n;
}

/* Base chains are walked depth first, at most 6 deep and 32 types in all
 * (`interface A extends B, C` with cycles cannot blow up). */
/* Does a class or interface extend or implement anything? */
static bool bases_any(RlCtx *cx, RlNode decl) {
  RlNode b[1];
  return bases_of(cx, decl, b, 1) > 0;
}

static RlJsVerdict member_verdict(RlCtx *cx, RlNode decl, const char *name, bool want_static,
                                  RlNode *at, int depth, int *budget) {
  RlNode body = members_of(cx, decl);
  RlJsVerdict acc = RL_JT_UNKNOWN;
  bool first = true;
  for (RlNode m = rl_first_child(cx, body); m; m = rl_next_sibling(cx, m)) {
    RlNode nm = member_name(cx, m);
    if (!nm || !eq(cx, nm, name)) continue;
    if (rl_has_token(cx, m, "static") != want_static) continue;
    RlNode fn;
    RlJsVerdict v = member_one(cx, m, &fn);
    if (!*at) *at = fn ? fn : m;
    /* overloads in a class: signatures before the implementation */
    if (rl_kind(cx, m) == RL_JS_METHOD_DEFINITION && !first) break;
    acc = join(acc, v, first);
    first = false;
  }
  if (!first || depth >= 6 || rl_kind(cx, decl) == RL_JS_TYPE_ALIAS_DECLARATION) return acc;
  RlNode bases[8];
  uint32_t nb = bases_of(cx, decl, bases, RL_COUNTOF(bases));
  for (uint32_t i = 0; i < nb && --*budget > 0; i++) {
    RlNode b = rl_js_local_type(cx, rl_text_dup(cx, bases[i]));
    if (!b || rl_kind(cx, b) == RL_JS_TYPE_ALIAS_DECLARATION) continue;
    RlJsVerdict v = member_verdict(cx, b, name, want_static, at, depth + 1, budget);
    if (v != RL_JT_UNKNOWN || *at) return v;
  }
  return RL_JT_UNKNOWN;
}

RlJsVerdict rl_js_member_verdict(RlCtx *cx, RlNode decl, const char *name, bool want_static,
                                 RlNode *at) {
  *at = RL_NONE;
  if (!decl) return RL_JT_UNKNOWN;
  int budget = 32;
  return member_verdict(cx, decl, name, want_static, at, 0, &budget);
}

/* Section - phase 1: receivers */

/* The parameter of function fn that binds `name`, or RL_NONE. */
static RlNode param_named(RlCtx *cx, RlNode fn, RlNode name) {
  RlNode params = rl_child(cx, fn, RL_F_PARAMETERS);
  for (RlNode p = rl_first_child(cx, params); p; p = rl_next_sibling(cx, p)) {
    RlKind k = rl_kind(cx, p);
    if (k != RL_JS_REQUIRED_PARAMETER && k != RL_JS_OPTIONAL_PARAMETER) continue;
    RlNode pat = rl_child(cx, p, RL_F_PATTERN);
    if (rl_kind(cx, pat) == RL_JS_IDENTIFIER && rl_same_expr(cx, pat, name)) return p;
  }
  return RL_NONE;
}

/* `new C(...)`: the constructor's name node when it is a plain name. */
static RlNode new_of(RlCtx *cx, RlNode v) {
  v = rl_strip(cx, v);
  if (rl_kind(cx, v) == RL_JS_AWAIT_EXPRESSION) return RL_NONE;
  if (rl_kind(cx, v) != RL_JS_NEW_EXPRESSION) return RL_NONE;
  RlNode c = rl_strip(cx, rl_child(cx, v, RL_F_CONSTRUCTOR));
  return rl_kind(cx, c) == RL_JS_IDENTIFIER ? c : RL_NONE;
}

/* A field `name` of class cls: its declared type or `new C()` value; or a
 * constructor parameter property (`constructor(private db: Db)`). */
static RlNode field_type(RlCtx *cx, RlNode cls, const char *name) {
  RlNode body = rl_child(cx, cls, RL_F_BODY);
  for (RlNode m = rl_first_child(cx, body); m; m = rl_next_sibling(cx, m)) {
    RlKind k = rl_kind(cx, m);
    if (k == RL_JS_PUBLIC_FIELD_DEFINITION || k == RL_JS_FIELD_DEFINITION) {
      RlNode nm = member_name(cx, m);
      if (!nm || !eq(cx, nm, name) || rl_has_token(cx, m, "static")) continue;
      RlNode t = type_head(cx, rl_child(cx, m, RL_F_TYPE));
      return t ? t : new_of(cx, rl_child(cx, m, RL_F_VALUE));
    }
    if (k != RL_JS_METHOD_DEFINITION || !eq(cx, rl_child(cx, m, RL_F_NAME), "constructor"))
      continue;
    RlNode params = rl_child(cx, m, RL_F_PARAMETERS);
    for (RlNode p = rl_first_child(cx, params); p; p = rl_next_sibling(cx, p)) {
      RlKind pk = rl_kind(cx, p);
      if (pk != RL_JS_REQUIRED_PARAMETER && pk != RL_JS_OPTIONAL_PARAMETER) continue;
      /* a parameter property has an accessibility modifier or readonly */
      if (rl_named_child_count(cx, p) < 2 && !rl_has_token(cx, p, "readonly")) continue;
      RlNode pat = rl_child(cx, p, RL_F_PATTERN);
      if (eq(cx, pat, name) && (rl_named_child(cx, p, 0) != pat || rl_has_token(cx, p, "readonly")))
        return type_head(cx, rl_child(cx, p, RL_F_TYPE));
    }
  }
  return RL_NONE;
}

/* Section - phase 1: the value type of a Map */

/* The type arguments of t when it is the built-in Map, ReadonlyMap or
 * WeakMap written with its two (`Map<K, V>` as a type, or `new Map<K,
 * V>()`), not a class or import of this file of that name; else RL_NONE. */
static RlNode map_args(RlCtx *cx, RlNode t) {
  if (t && rl_kind(cx, t) == RL_JS_TYPE_ANNOTATION) t = rl_named_child(cx, t, 0);
  RlKind k = rl_kind(cx, t);
  RlNode name = k == RL_JS_GENERIC_TYPE       ? rl_child(cx, t, RL_F_NAME)
                : k == RL_JS_NEW_EXPRESSION ? rl_strip(cx, rl_child(cx, t, RL_F_CONSTRUCTOR))
                                              : RL_NONE;
  if (!name || !(eq(cx, name, "Map") || eq(cx, name, "ReadonlyMap") || eq(cx, name, "WeakMap")))
    return RL_NONE;
  if (rl_js_local_type(cx, rl_text_dup(cx, name)) || imported_name(cx, name)) return RL_NONE;
  for (RlNode c = rl_first_child(cx, t); c; c = rl_next_sibling(cx, c))
    if (rl_kind(cx, c) == RL_JS_TYPE_ARGUMENTS)
      return rl_named_child_count(cx, c) == 2 ? c : RL_NONE;
  return RL_NONE;
}

/* The written type of receiver m (a variable's or parameter's annotation,
 * a field's, or the `new C<...>()` initialising one), when it is a Map's:
 * its type arguments (map_args), else RL_NONE. */
static RlNode map_of(RlCtx *cx, RlNode m) {
  m = rl_strip(cx, m);
  if (rl_kind(cx, m) == RL_JS_IDENTIFIER) {
    RlNode d = rl_js_declaration(cx, m, NULL);
    if (rl_kind(cx, d) == RL_JS_VARIABLE_DECLARATOR) {
      RlNode a = map_args(cx, rl_child(cx, d, RL_F_TYPE));
      return a ? a : map_args(cx, rl_strip(cx, rl_child(cx, d, RL_F_VALUE)));
    }
    if (d && rl_js_is_function(cx, d)) {
      RlNode p = param_named(cx, d, m);
      return p ? map_args(cx, rl_child(cx, p, RL_F_TYPE)) : RL_NONE;
    }
    return RL_NONE;
  }
  if (rl_kind(cx, m) != RL_JS_MEMBER_EXPRESSION ||
      rl_kind(cx, rl_strip(cx, rl_child(cx, m, RL_F_OBJECT))) != RL_JS_THIS)
    return RL_NONE;
  RlNode cls = rl_js_this_class(cx, m), prop = rl_child(cx, m, RL_F_PROPERTY);
  if (!cls || !prop) return RL_NONE;
  RlNode body = rl_child(cx, cls, RL_F_BODY);
  for (RlNode f = rl_first_child(cx, body); f; f = rl_next_sibling(cx, f)) {
    RlKind k = rl_kind(cx, f);
    if (k != RL_JS_PUBLIC_FIELD_DEFINITION && k != RL_JS_FIELD_DEFINITION) continue;
    RlNode nm = member_name(cx, f);
    if (!nm || !rl_text_eq(cx, nm, rl_text_dup(cx, prop)) || rl_has_token(cx, f, "static"))
      continue;
    RlNode a = map_args(cx, rl_child(cx, f, RL_F_TYPE));
    return a ? a : map_args(cx, rl_strip(cx, rl_child(cx, f, RL_F_VALUE)));
  }
  return RL_NONE;
}

/* A variable's initializer `m.get(k)` (also `m.get(k)!` and `c ? m.get(k)
 * : undefined`) where m is a Map whose value type is written: the head of
 * that type (`Map<string, Call>` -> Call); else RL_NONE. Spelled, not
 * inferred: the receiver's type arguments say it. racelint:strict only:
 * on matrix-js-sdk the calls it let floating-promise see were mostly of
 * methods whose rejections are caught deeper than its cannot-reject
 * evidence follows (docs/typed-promises-bench.md). */
static RlNode map_get_type(RlCtx *cx, RlNode v) {
  if (!rl_file_strict(cx)) return RL_NONE;
  v = rl_strip(cx, v);
  if (rl_kind(cx, v) == RL_JS_TERNARY_EXPRESSION) {
    RlNode a = rl_strip(cx, rl_child(cx, v, RL_F_CONSEQUENCE));
    RlNode b = rl_strip(cx, rl_child(cx, v, RL_F_ALTERNATIVE));
    RlKind ka = rl_kind(cx, a), kb = rl_kind(cx, b);
    if (kb == RL_JS_UNDEFINED || kb == RL_JS_NULL) v = a;
    else if (ka == RL_JS_UNDEFINED || ka == RL_JS_NULL) v = b;
    else return RL_NONE;
    v = rl_strip(cx, v);
  }
  if (rl_kind(cx, v) != RL_JS_CALL_EXPRESSION || strcmp(rl_js_callee_name(cx, v), "get") != 0 ||
      rl_js_argc(cx, v) != 1)
    return RL_NONE;
  RlNode obj = rl_js_callee_object(cx, v);
  RlNode args = obj ? map_of(cx, obj) : RL_NONE;
  return args ? type_head(cx, rl_named_child(cx, args, 1)) : RL_NONE;
}

RlNode rl_js_receiver_type(RlCtx *cx, RlNode obj) {
  obj = rl_strip(cx, obj);
  RlKind k = rl_kind(cx, obj);
  if (k == RL_JS_IDENTIFIER) {
    RlNode d = rl_js_declaration(cx, obj, NULL);
    if (rl_kind(cx, d) == RL_JS_VARIABLE_DECLARATOR) {
      if (rl_kind(cx, rl_child(cx, d, RL_F_NAME)) != RL_JS_IDENTIFIER) return RL_NONE;
      RlNode t = type_head(cx, rl_child(cx, d, RL_F_TYPE));
      if (t) return t;
      RlNode v = rl_child(cx, d, RL_F_VALUE);
      t = new_of(cx, v);
      return t ? t : map_get_type(cx, v);
    }
    if (d && rl_js_is_function(cx, d)) {
      RlNode p = param_named(cx, d, obj);
      return p ? type_head(cx, rl_child(cx, p, RL_F_TYPE)) : RL_NONE;
    }
    return RL_NONE;
  }
  if (k != RL_JS_MEMBER_EXPRESSION) return RL_NONE;
  RlNode o = rl_strip(cx, rl_child(cx, obj, RL_F_OBJECT));
  if (rl_kind(cx, o) != RL_JS_THIS) return RL_NONE;
  RlNode cls = rl_js_this_class(cx, obj);
  RlNode prop = rl_child(cx, obj, RL_F_PROPERTY);
  return cls && prop ? field_type(cx, cls, rl_text_dup(cx, prop)) : RL_NONE;
}

RlJsVerdict rl_js_type_member(RlCtx *cx, RlNode type, const char *member, RlNode *at) {
  *at = RL_NONE;
  if (!type) return RL_JT_UNKNOWN;
  RlNode d = rl_js_local_type(cx, rl_text_dup(cx, type));
  if (!d) return RL_JT_UNKNOWN;
  return rl_js_member_verdict(cx, d, member, false, at);
}

/* Section - phase 1: facts */

static void type_fact(RlCtx *cx, RlNode at, uint8_t what, const char *owner, const char *member,
                      RlJsVerdict v, RlNode type, uint32_t flags) {
  /* a base's name; for an unknown verdict the written type's name (an
   * alias another file declares may tell). An unknown member is kept too:
   * it hides a base's member of the same name. */
  const char *tname = "";
  RlNode head = what == RL_JT_BASE ? type : v == RL_JT_UNKNOWN ? type_head(cx, type) : RL_NONE;
  if (head) tname = rl_text_dup(cx, head);
  /* a function nothing is known of is no fact (JS files: most of them) */
  if (what == RL_JT_FUNC && v == RL_JT_UNKNOWN && !head) return;
  RlFact *f = rl_fact_new(cx, RL_FACT_JS_TYPE, at);
  f->flags = flags;
  f->jstype.owner = rl_fact_str(cx, owner);
  f->jstype.member = rl_fact_str(cx, member);
  f->jstype.type = rl_fact_str(cx, tname);
  f->jstype.what = what;
  f->jstype.verdict = (uint8_t)v;
}

/* The written return type of a function or signature (for the alias
 * name when the verdict is unknown). */
static RlNode return_type(RlCtx *cx, RlNode fn) {
  return fn ? rl_child(cx, fn, RL_F_RETURN_TYPE) : RL_NONE;
}

static void fn_fact(RlCtx *cx, RlNode fn, const char *name) {
  if (!*name) return;
  type_fact(cx, fn, RL_JT_FUNC, "", name, one_fn(cx, fn), return_type(cx, fn), 0);
}

static void members_facts(RlCtx *cx, RlNode decl, const char *owner) {
  RlNode body = members_of(cx, decl);
  for (RlNode m = rl_first_child(cx, body); m; m = rl_next_sibling(cx, m)) {
    RlNode nm = member_name(cx, m);
    if (!nm) continue;
    RlNode fn;
    RlJsVerdict v = member_one(cx, m, &fn);
    RlNode rt = fn ? return_type(cx, fn) : RL_NONE;
    if (v == RL_JT_UNKNOWN && !fn) continue;
    if (rl_kind(cx, m) == RL_JS_METHOD_DEFINITION) {
      /* an implementation after overload signatures: callers see those */
      RlNode prev = rl_first_child(cx, body);
      bool overloaded = false;
      for (; prev && prev != m; prev = rl_next_sibling(cx, prev))
        if (is_signature(rl_kind(cx, prev)) && rl_same_expr(cx, member_name(cx, prev), nm))
          overloaded = true;
      if (overloaded) continue;
    }
    type_fact(cx, m, RL_JT_MEMBER, owner, rl_text_dup(cx, nm), v, rt,
              rl_has_token(cx, m, "static") ? RL_FF_STATIC : 0);
  }
  RlNode bases[8];
  uint32_t nb = bases_of(cx, decl, bases, RL_COUNTOF(bases));
  for (uint32_t i = 0; i < nb; i++)
    type_fact(cx, bases[i], RL_JT_BASE, owner, "", RL_JT_UNKNOWN, bases[i], 0);
}

static void export_fact(RlCtx *cx, RlNode at, const char *name) {
  RlFact *f = rl_fact_new(cx, RL_FACT_EXPORT, at);
  f->export.name = rl_fact_str(cx, name);
  f->export.local = f->export.name;
}

/* `export * from "m"` (an RL_FACT_EXPORT named "*", from "m": the
 * declaration files of packages are made of them) and `export = X` (the
 * default export X). True when st was one. */
static bool reexport_facts(RlCtx *cx, RlNode st) {
  if (rl_kind(cx, st) != RL_JS_EXPORT_STATEMENT || rl_child(cx, st, RL_F_DECLARATION))
    return false;
  RlNode src = rl_child(cx, st, RL_F_SOURCE);
  if (src && rl_has_token(cx, st, "*")) {
    RlNode frag = rl_named_child(cx, src, 0);
    if (!frag) return true;
    RlFact *f = rl_fact_new(cx, RL_FACT_EXPORT, st);
    f->export.name = f->export.local = rl_fact_str(cx, "*");
    f->export.from = rl_fact_str(cx, rl_text_dup(cx, frag));
    return true;
  }
  size_t n;
  const char *t = rl_text(cx, st, &n);
  size_t i = 6; /* after "export" */
  while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) i++;
  if (!src && i < n && t[i] == '=') {
    RlNode v = rl_named_child(cx, st, 0);
    if (rl_kind(cx, v) == RL_JS_IDENTIFIER) {
      RlFact *f = rl_fact_new(cx, RL_FACT_EXPORT, st);
      f->export.name = rl_fact_str(cx, "default");
      f->export.local = rl_fact_str(cx, rl_text_dup(cx, v));
    }
    return true;
  }
  return false;
}

void rl_js_types_extract(RlCtx *cx) {
  if (rl_lang(cx) == RL_LANG_C) return;
  for (RlNode st = rl_first_child(cx, rl_root(cx)); st; st = rl_next_sibling(cx, st)) {
    if (reexport_facts(cx, st)) continue;
    RlNode d = unwrap(cx, st);
    bool exported = rl_kind(cx, st) == RL_JS_EXPORT_STATEMENT && !rl_has_token(cx, st, "default");
    RlNode nm = rl_child(cx, d, RL_F_NAME);
    const char *name = nm ? rl_text_dup(cx, nm) : "";
    switch (rl_kind(cx, d)) {
    case RL_JS_FUNCTION_DECLARATION:
    case RL_JS_GENERATOR_FUNCTION_DECLARATION: {
      /* after overload signatures, callers see those, not this one */
      RlNode at;
      if (rl_js_signature_verdict(cx, name, &at) == RL_JT_UNKNOWN && !at) fn_fact(cx, d, name);
      break;
    }
    case RL_JS_FUNCTION_SIGNATURE:
      fn_fact(cx, d, name);
      /* facts.c knows exported definitions, not signatures */
      if (exported || rl_kind(cx, st) == RL_JS_AMBIENT_DECLARATION) export_fact(cx, st, name);
      break;
    case RL_JS_LEXICAL_DECLARATION:
    case RL_JS_VARIABLE_DECLARATION:
      for (RlNode v = rl_first_child(cx, d); v; v = rl_next_sibling(cx, v)) {
        if (rl_kind(cx, v) != RL_JS_VARIABLE_DECLARATOR) continue;
        RlNode vn = rl_child(cx, v, RL_F_NAME);
        if (rl_kind(cx, vn) != RL_JS_IDENTIFIER) continue;
        RlNode ty = rl_named_child(cx, rl_child(cx, v, RL_F_TYPE), 0);
        RlNode val = rl_strip(cx, rl_child(cx, v, RL_F_VALUE));
        if (rl_kind(cx, ty) == RL_JS_FUNCTION_TYPE) {
          RlNode rt = rl_child(cx, ty, RL_F_RETURN_TYPE);
          type_fact(cx, v, RL_JT_FUNC, "", rl_text_dup(cx, vn),
                    rt ? rl_js_type_verdict(cx, rt) : RL_JT_UNKNOWN, rt, 0);
        } else if (!ty && val && rl_js_is_function(cx, val)) {
          fn_fact(cx, val, rl_text_dup(cx, vn));
        }
      }
      break;
    case RL_JS_CLASS_DECLARATION:
    case RL_JS_ABSTRACT_CLASS_DECLARATION:
      members_facts(cx, d, name);
      if (rl_kind(cx, st) == RL_JS_AMBIENT_DECLARATION ||
          (exported && rl_kind(cx, rl_parent(cx, d)) == RL_JS_AMBIENT_DECLARATION))
        export_fact(cx, st, name);
      break;
    case RL_JS_INTERFACE_DECLARATION:
      members_facts(cx, d, name);
      if (exported) export_fact(cx, st, name);
      break;
    case RL_JS_TYPE_ALIAS_DECLARATION: {
      RlNode v = rl_child(cx, d, RL_F_VALUE);
      if (rl_kind(cx, v) == RL_JS_OBJECT_TYPE) members_facts(cx, d, name);
      else type_fact(cx, d, RL_JT_ALIAS, "", name, rl_js_type_verdict(cx, v), v, 0);
      if (exported) export_fact(cx, st, name);
      break;
    }
    default:
      break;
    }
  }
}

/* Section - phase 2 */

/* Is `name` declared in `file` by a JS_TYPE fact: as a type (owner of
 * members or bases) or as a function / alias (owner "")? */
static bool declares(const RlProject *px, uint32_t file, const char *name, bool as_type) {
  uint32_t n;
  const RlFact *f = rl_project_facts(px, file, &n);
  for (uint32_t i = 0; i < n; i++) {
    if (f[i].kind != RL_FACT_JS_TYPE) continue;
    if (as_type ? (f[i].jstype.what == RL_JT_MEMBER || f[i].jstype.what == RL_JT_BASE) &&
                      strcmp(f[i].jstype.owner, name) == 0
                : (f[i].jstype.what == RL_JT_FUNC || f[i].jstype.what == RL_JT_ALIAS) &&
                      strcmp(f[i].jstype.member, name) == 0)
      return true;
  }
  return false;
}

/* A name looked up across files: through imports, named and star
 * (re-)exports, at most 8 modules deep and 64 modules visited in all
 * (packages' index.d.ts re-export dozens of files with `export *`). */
typedef struct Lookup {
  const RlProject *px;
  bool as_type;
  int budget;
  uint32_t file;    /* out: the declaring file */
  const char *name; /* out: the name declared there */
  /* modules whose names are not followed but answered: an import or
   * re-export from one of them sets `ext` (rl_project_js_derives) */
  const char *const *mods;
  uint32_t nmods;
  bool ext;
} Lookup;

/* Is module specifier spec ("node:" prefix ignored) one of lk's mods? */
static bool ext_module(Lookup *lk, const char *spec) {
  if (strncmp(spec, "node:", 5) == 0) spec += 5;
  for (uint32_t i = 0; i < lk->nmods; i++)
    if (strcmp(spec, lk->mods[i]) == 0) {
      lk->ext = true;
      return true;
    }
  return false;
}

static bool exported_as(Lookup *lk, uint32_t file, const char *ename, int depth);

/* Binding `name` of `file`: declared there, or imported (followed). With
 * `exports`, also what `file` re-exports under that name (a namespace
 * import's member). */
static bool bound(Lookup *lk, uint32_t file, const char *name, bool exports, int depth) {
  if (depth > 8 || --lk->budget < 0) return false;
  if (declares(lk->px, file, name, lk->as_type)) {
    lk->file = file;
    lk->name = name;
    return true;
  }
  uint32_t n;
  const RlFact *f = rl_project_facts(lk->px, file, &n);
  for (uint32_t i = 0; i < n; i++) {
    if (f[i].kind != RL_FACT_IMPORT || strcmp(f[i].import.local, name) != 0) continue;
    if (ext_module(lk, f[i].import.module)) return false;
    if (f[i].import.what == RL_IMPORT_NAMESPACE) return false;
    int32_t t = rl_project_resolve(lk->px, file, f[i].import.module);
    return t >= 0 && exported_as(lk, (uint32_t)t, f[i].import.imported, depth + 1);
  }
  return exports && exported_as(lk, file, name, depth + 1);
}

/* What module `file` exports as `ename`: a named export (re-exported or
 * local), else the modules it star-exports, else a binding of that name
 * declared or imported there. */
static bool exported_as(Lookup *lk, uint32_t file, const char *ename, int depth) {
  if (depth > 8 || --lk->budget < 0) return false;
  uint32_t n;
  const RlFact *f = rl_project_facts(lk->px, file, &n);
  for (uint32_t i = 0; i < n; i++) {
    if (f[i].kind != RL_FACT_EXPORT || strcmp(f[i].export.name, ename) != 0) continue;
    if (*f[i].export.from) {
      if (ext_module(lk, f[i].export.from)) return false;
      int32_t t = rl_project_resolve(lk->px, file, f[i].export.from);
      return t >= 0 && exported_as(lk, (uint32_t)t, f[i].export.local, depth + 1);
    }
    return bound(lk, file, f[i].export.local, false, depth + 1);
  }
  for (uint32_t i = 0; i < n; i++) {
    if (f[i].kind != RL_FACT_EXPORT || strcmp(f[i].export.name, "*") != 0 ||
        !*f[i].export.from)
      continue;
    int32_t t = rl_project_resolve(lk->px, file, f[i].export.from);
    if (t >= 0 && (uint32_t)t != file && exported_as(lk, (uint32_t)t, ename, depth + 1))
      return true;
    if (lk->budget < 0) return false;
  }
  return bound(lk, file, ename, false, depth + 1);
}

/* Follows binding `name` of `file` through imports and (re-)exports to the
 * file that declares it: *out_file, *out_name. */
static bool locate(const RlProject *px, uint32_t file, const char *name, bool as_type,
                   uint32_t *out_file, const char **out_name) {
  Lookup lk = {px, as_type, 64, 0, NULL, NULL, 0, false};
  if (!bound(&lk, file, name, true, 0)) return false;
  *out_file = lk.file;
  *out_name = lk.name;
  return true;
}

/* The verdict of a fact whose own verdict is unknown but whose type is a
 * name: an alias declared in that file or imported into it. */
static RlJsVerdict alias_verdict(const RlProject *px, const RlFact *f) {
  if (f->jstype.verdict != RL_JT_UNKNOWN || !*f->jstype.type) return f->jstype.verdict;
  uint32_t af;
  const char *an;
  if (!locate(px, f->file, f->jstype.type, false, &af, &an)) return RL_JT_UNKNOWN;
  uint32_t n;
  const RlFact *g = rl_project_facts(px, af, &n);
  for (uint32_t i = 0; i < n; i++)
    if (g[i].kind == RL_FACT_JS_TYPE && g[i].jstype.what == RL_JT_ALIAS &&
        strcmp(g[i].jstype.member, an) == 0)
      return g[i].jstype.verdict; /* one level: an alias of an alias is unknown */
  return RL_JT_UNKNOWN;
}

static RlJsVerdict member_p2(const RlProject *px, uint32_t file, const char *owner,
                             const char *member, const RlFact **decl, int depth, int *budget) {
  uint32_t n;
  const RlFact *f = rl_project_facts(px, file, &n);
  RlJsVerdict acc = RL_JT_UNKNOWN;
  bool first = true;
  for (uint32_t i = 0; i < n; i++) {
    if (f[i].kind != RL_FACT_JS_TYPE || f[i].jstype.what != RL_JT_MEMBER ||
        (f[i].flags & RL_FF_STATIC) || strcmp(f[i].jstype.owner, owner) != 0 ||
        strcmp(f[i].jstype.member, member) != 0)
      continue;
    if (first) *decl = &f[i];
    acc = join(acc, alias_verdict(px, &f[i]), first);
    first = false;
  }
  if (!first || depth >= 6) return acc;
  for (uint32_t i = 0; i < n && *budget > 0; i++) {
    if (f[i].kind != RL_FACT_JS_TYPE || f[i].jstype.what != RL_JT_BASE ||
        strcmp(f[i].jstype.owner, owner) != 0)
      continue;
    uint32_t bf;
    const char *bn;
    --*budget;
    if (!locate(px, file, f[i].jstype.type, true, &bf, &bn)) continue;
    RlJsVerdict v = member_p2(px, bf, bn, member, decl, depth + 1, budget);
    if (v != RL_JT_UNKNOWN || *decl) return v;
  }
  return RL_JT_UNKNOWN;
}

RlJsVerdict rl_project_js_member(const RlProject *px, uint32_t file, const char *type,
                                 const char *member, const RlFact **decl) {
  *decl = NULL;
  uint32_t tf;
  const char *tn;
  if (!locate(px, file, type, true, &tf, &tn)) return RL_JT_UNKNOWN;
  int budget = 32; /* base types visited, in all */
  return member_p2(px, tf, tn, member, decl, 0, &budget);
}

RlJsVerdict rl_project_js_func(const RlProject *px, uint32_t file, const char *name,
                               const RlFact **decl) {
  *decl = NULL;
  uint32_t ff;
  const char *fname;
  if (!locate(px, file, name, false, &ff, &fname)) return RL_JT_UNKNOWN;
  uint32_t n;
  const RlFact *f = rl_project_facts(px, ff, &n);
  RlJsVerdict acc = RL_JT_UNKNOWN;
  bool first = true;
  for (uint32_t i = 0; i < n; i++) {
    if (f[i].kind != RL_FACT_JS_TYPE || f[i].jstype.what != RL_JT_FUNC ||
        strcmp(f[i].jstype.member, fname) != 0)
      continue;
    if (first) *decl = &f[i];
    acc = join(acc, alias_verdict(px, &f[i]), first);
    first = false;
  }
  return acc;
}

/* Section - phase 2: base chains */

typedef struct Derive {
  const RlProject *px;
  const char *const *mods;
  uint32_t nmods;
  RlJsJudge judge;
  void *ud;
  int budget; /* types visited, in all */
} Derive;

static bool derives(Derive *d, uint32_t file, const char *name, int depth) {
  if (depth > 6 || --d->budget < 0) return false;
  Lookup lk = {d->px, true, 64, 0, NULL, d->mods, d->nmods, false};
  if (!bound(&lk, file, name, true, 0)) return lk.ext;
  int j = d->judge ? d->judge(d->ud, lk.file, lk.name) : 0;
  if (j) return j > 0;
  uint32_t n;
  const RlFact *f = rl_project_facts(d->px, lk.file, &n);
  for (uint32_t i = 0; i < n; i++)
    if (f[i].kind == RL_FACT_JS_TYPE && f[i].jstype.what == RL_JT_BASE &&
        strcmp(f[i].jstype.owner, lk.name) == 0 && derives(d, lk.file, f[i].jstype.type, depth + 1))
      return true;
  return false;
}

bool rl_project_js_derives(const RlProject *px, uint32_t file, const char *type,
                           const char *const *mods, uint32_t nmods, RlJsJudge judge, void *ud) {
  Derive d = {px, mods, nmods, judge, ud, 32};
  return *type && derives(&d, file, type, 0);
}
