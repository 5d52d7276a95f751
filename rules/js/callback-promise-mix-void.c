/* js/callback-promise-mix-void.c - async functions given where the
 * project's own types say a function returning `void` goes
 * (rules/js/callback-promise-mix-void.h): a member of an object literal
 * whose variable is annotated with an interface, class or object type
 * alias, and an async method of a class overriding or implementing a
 * member of its base types, when that member is declared to return
 * exactly `void` (typescript-eslint's checksVoidReturn, voidReturnProperty
 * and voidReturnInheritedMethod). Phase 1 records the uses and each
 * type's members; phase 2 follows the type's name across the project's
 * files and its bases (rl_project_js_derives).
 * Doc: rules/callback-promise-mix.md, item 3. */
#include "callback-promise-mix-void.h"

#include <string.h>

static bool eq(RlCtx *cx, RlNode n, const char *s) { return n && rl_text_eq(cx, n, s); }

/* Section - phase 1: what a type's members declare */

/* Is written type t (a type annotation, or the type under one) exactly
 * `void`? */
static bool void_type(RlCtx *cx, RlNode t) {
  if (t && rl_kind(cx, t) == RL_JS_TYPE_ANNOTATION) t = rl_named_child(cx, t, 0);
  return t && rl_kind(cx, t) == RL_JS_PREDEFINED_TYPE && eq(cx, t, "void");
}

/* Is written type t a function type returning exactly `void`, or an alias
 * of this file declared as one? */
static bool void_fn_type(RlCtx *cx, RlNode t, int depth) {
  if (!t || depth > 3) return false;
  RlKind k = rl_kind(cx, t);
  if (k == RL_JS_TYPE_ANNOTATION || k == RL_JS_PARENTHESIZED_TYPE)
    return void_fn_type(cx, rl_named_child(cx, t, 0), depth);
  if (k == RL_JS_FUNCTION_TYPE) return void_type(cx, rl_child(cx, t, RL_F_RETURN_TYPE));
  if (k == RL_JS_GENERIC_TYPE) t = rl_child(cx, t, RL_F_NAME);
  if (!t || rl_kind(cx, t) != RL_JS_TYPE_IDENTIFIER) return false;
  RlNode d = rl_js_local_type(cx, rl_text_dup(cx, t));
  if (rl_kind(cx, d) != RL_JS_TYPE_ALIAS_DECLARATION) return false;
  return void_fn_type(cx, rl_child(cx, d, RL_F_VALUE), depth + 1);
}

/* The members of a class, interface or object type alias: its body. */
static RlNode body_of(RlCtx *cx, RlNode d) {
  if (rl_kind(cx, d) == RL_JS_TYPE_ALIAS_DECLARATION) {
    RlNode v = rl_child(cx, d, RL_F_VALUE);
    return rl_kind(cx, v) == RL_JS_OBJECT_TYPE ? v : RL_NONE;
  }
  return rl_child(cx, d, RL_F_BODY);
}

/* The FACT_MEMBER of member m of type `type`, when m is a method or a
 * function-typed property: "void" when written to return exactly void
 * (`m(): void`, `m: (x: T) => void`), else "other". A property of another
 * type, a method with no written return type, an index signature: none. */
static void member_fact(RlCtx *cx, const char *type, RlNode m) {
  RlKind k = rl_kind(cx, m);
  RlNode nm = rl_child(cx, m, RL_F_NAME);
  if (!nm || rl_kind(cx, nm) != RL_JS_PROPERTY_IDENTIFIER) return;
  const char *v;
  if (k == RL_JS_METHOD_SIGNATURE || k == RL_JS_ABSTRACT_METHOD_SIGNATURE ||
      k == RL_JS_METHOD_DEFINITION) {
    RlNode rt = rl_child(cx, m, RL_F_RETURN_TYPE);
    if (!rt) return;
    v = !rl_js_is_async(cx, m) && void_type(cx, rt) ? "void" : "other";
  } else if (k == RL_JS_PROPERTY_SIGNATURE || k == RL_JS_PUBLIC_FIELD_DEFINITION) {
    RlNode t = rl_child(cx, m, RL_F_TYPE);
    if (!t) return;
    RlNode in = rl_named_child(cx, t, 0);
    bool fn = void_fn_type(cx, t, 0);
    if (!fn && rl_kind(cx, in) != RL_JS_FUNCTION_TYPE) return;
    v = fn ? "void" : "other";
  } else {
    return;
  }
  rl_fact_add(cx, RL_CPM_FACT_MEMBER, nm, type, rl_text_dup(cx, nm), v);
}

void rl_cpm_member_facts(RlCtx *cx, RlNode decl) {
  RlKind k = rl_kind(cx, decl);
  if (k != RL_JS_CLASS_DECLARATION && k != RL_JS_ABSTRACT_CLASS_DECLARATION &&
      k != RL_JS_INTERFACE_DECLARATION && k != RL_JS_TYPE_ALIAS_DECLARATION)
    return;
  RlNode nm = rl_child(cx, decl, RL_F_NAME);
  RlNode body = body_of(cx, decl);
  if (!nm || !body) return;
  const char *type = rl_text_dup(cx, nm);
  for (RlNode m = rl_first_child(cx, body); m; m = rl_next_sibling(cx, m)) member_fact(cx, type, m);
}

/* Section - phase 1: the uses */

/* The name a written type annotation names (`T`, `T<X>`), or NULL. */
static const char *type_name(RlCtx *cx, RlNode t) {
  if (t && rl_kind(cx, t) == RL_JS_TYPE_ANNOTATION) t = rl_named_child(cx, t, 0);
  if (t && rl_kind(cx, t) == RL_JS_GENERIC_TYPE) t = rl_child(cx, t, RL_F_NAME);
  return t && rl_kind(cx, t) == RL_JS_TYPE_IDENTIFIER ? rl_text_dup(cx, t) : NULL;
}

static void use_fact(RlCtx *cx, RlNode at, const char *type, const char *member, uint32_t how) {
  const char *what =
      how == RL_CPM_VOID_OVERRIDE
          ? rl_fmt(cx, "method '%s', which overrides '%s.%s' declared to return void", member,
                   type, member)
          : rl_fmt(cx, "'%s' of a '%s', declared to return void", member, type);
  RlFact *f = rl_fact_add(cx, RL_CPM_FACT_VOID_USE, at, type, what, member);
  f->aux = how;
}

void rl_cpm_typed_object(RlCtx *cx, RlNode decl, bool (*catches)(RlCtx *, RlNode)) {
  const char *type = type_name(cx, rl_child(cx, decl, RL_F_TYPE));
  RlNode obj = rl_strip(cx, rl_child(cx, decl, RL_F_VALUE));
  if (!type || rl_kind(cx, obj) != RL_JS_OBJECT) return;
  for (RlNode p = rl_first_child(cx, obj); p; p = rl_next_sibling(cx, p)) {
    RlKind k = rl_kind(cx, p);
    RlNode key, fn;
    if (k == RL_JS_PAIR) {
      key = rl_child(cx, p, RL_F_KEY);
      fn = rl_strip(cx, rl_child(cx, p, RL_F_VALUE));
      if (!rl_js_is_function(cx, fn)) continue;
    } else if (k == RL_JS_METHOD_DEFINITION) {
      key = rl_child(cx, p, RL_F_NAME);
      fn = p;
    } else {
      continue;
    }
    if (!key || rl_kind(cx, key) != RL_JS_PROPERTY_IDENTIFIER || !rl_js_is_async(cx, fn) ||
        catches(cx, fn))
      continue;
    /* at the member (`key: async () => ...`), as typescript-eslint reports it */
    use_fact(cx, p, type, rl_text_dup(cx, key), RL_CPM_VOID_PROPERTY);
  }
}

/* Is node i (inside a class heritage) a base type's name: not a type
 * argument (`Base<Arg>`) nor part of a qualified name (`ns.Base`)? */
static bool base_name(RlCtx *cx, RlNode i, RlNode heritage) {
  RlKind k = rl_kind(cx, i);
  if (k != RL_JS_IDENTIFIER && k != RL_JS_TYPE_IDENTIFIER) return false;
  for (RlNode q = rl_parent(cx, i); q && q != heritage; q = rl_parent(cx, q)) {
    RlKind qk = rl_kind(cx, q);
    if (qk == RL_JS_TYPE_ARGUMENTS || qk == RL_JS_MEMBER_EXPRESSION ||
        qk == RL_JS_NESTED_TYPE_IDENTIFIER || qk == RL_JS_CALL_EXPRESSION)
      return false;
  }
  return true;
}

void rl_cpm_class_overrides(RlCtx *cx, RlNode cls, bool (*catches)(RlCtx *, RlNode)) {
  const char *bases[4];
  uint32_t nb = 0;
  for (RlNode c = rl_first_child(cx, cls); c; c = rl_next_sibling(cx, c)) {
    if (rl_kind(cx, c) != RL_JS_CLASS_HERITAGE) continue;
    RlNode end = rl_node_end(cx, c);
    for (RlNode i = c; i < end && nb < RL_COUNTOF(bases); i++)
      if (base_name(cx, i, c)) bases[nb++] = rl_text_dup(cx, i);
  }
  if (!nb) return;
  RlNode body = rl_child(cx, cls, RL_F_BODY);
  for (RlNode m = rl_first_child(cx, body); m; m = rl_next_sibling(cx, m)) {
    if (rl_kind(cx, m) != RL_JS_METHOD_DEFINITION || !rl_js_is_async(cx, m) ||
        rl_has_token(cx, m, "static"))
      continue;
    RlNode nm = rl_child(cx, m, RL_F_NAME);
    if (!nm || rl_kind(cx, nm) != RL_JS_PROPERTY_IDENTIFIER || catches(cx, m)) continue;
    for (uint32_t b = 0; b < nb; b++)
      use_fact(cx, m, bases[b], rl_text_dup(cx, nm), RL_CPM_VOID_OVERRIDE);
  }
}

/* Section - phase 2 */

typedef struct Judge {
  const RlProject *px;
  const RlRule *self;
  const char *member;
} Judge;

/* rl_project_js_derives's judge: what type `name` of `file` declares its
 * member: void (1: every declaration of it, overloads and merged
 * declarations included), something else (-1), nothing (0: its bases). */
static int judge_member(void *ud, uint32_t file, const char *name) {
  Judge *j = ud;
  uint32_t n;
  int v = 0;
  const RlFact *f = rl_project_facts(j->px, file, &n);
  for (uint32_t i = 0; i < n; i++)
    if (f[i].kind == RL_CPM_FACT_MEMBER && rl_fact_of(j->px, &f[i], j->self) &&
        strcmp(f[i].a, name) == 0 && strcmp(f[i].b, j->member) == 0) {
      if (strcmp(f[i].c, "void") != 0) return -1;
      v = 1;
    }
  return v;
}

bool rl_cpm_void_dropped(const RlProject *px, const RlRule *self, const RlFact *f) {
  if (f->kind != RL_CPM_FACT_VOID_USE || !rl_fact_of(px, f, self)) return false;
  Judge j = {px, self, f->c};
  return rl_project_js_derives(px, f->file, f->a, NULL, 0, judge_member, &j);
}
