/* js/callback-promise-mix-emitters.c - the emitters of callback-promise-mix
 * (rules/js/callback-promise-mix-emitters.h): Node's and the emitter
 * packages' classes, classes extending them in this file, across the
 * project's files (phase 2, rl_project_js_derives) and in packages' .d.ts,
 * and the project's own emitters whose `on()` takes listeners written to
 * return void (racelint:strict only); never a class whose own `on()` or
 * `emit()` awaits or catches its listeners.
 * Doc: rules/callback-promise-mix.md, item 3. */
#include "callback-promise-mix-emitters.h"

#include <string.h>

static bool eq(RlCtx *cx, RlNode n, const char *s) { return n && rl_text_eq(cx, n, s); }

static bool in_list(const char *s, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(s, list[i]) == 0) return true;
  return false;
}

static const char *const listeners[] = {"on",
                                             "once",
                                             "addListener",
                                             "prependListener",
                                             "prependOnceListener",
                                             "addEventListener"};
/* Node's modules whose classes are EventEmitters, and emitter packages
 * (their emit() drops what listeners return). */
static const char *const emitter_modules[] = {
    "events", "child_process", "net",      "http",          "https",   "http2", "tls",
    "dgram",  "stream",        "readline", "worker_threads", "cluster", "fs",    "zlib",
    "eventemitter3", "eventemitter2"};

bool rl_cpm_listener_method(const char *m) {
  return in_list(m, listeners, RL_COUNTOF(listeners));
}

/* Section - phase 1 */

/* Does n (outside functions nested in it) contain an await? */
static bool has_await(RlCtx *cx, RlNode n) {
  RlNode end = n ? rl_node_end(cx, n) : RL_NONE;
  for (RlNode i = n; i && i < end; i = rl_js_own_next(cx, i, end)) {
    if (rl_kind(cx, i) == RL_JS_AWAIT_EXPRESSION) return true;
  }
  return false;
}

/* Is the written type t a function type returning exactly `void`
 * (`(e: T) => void`, or an alias of this file declared as one)? */
static bool void_fn_type(RlCtx *cx, RlNode t, int depth) {
  if (!t || depth > 3) return false;
  RlKind k = rl_kind(cx, t);
  if (k == RL_JS_TYPE_ANNOTATION || k == RL_JS_PARENTHESIZED_TYPE)
    return void_fn_type(cx, rl_named_child(cx, t, 0), depth);
  if (k == RL_JS_FUNCTION_TYPE) return eq(cx, rl_child(cx, t, RL_F_RETURN_TYPE), "void");
  if (k == RL_JS_GENERIC_TYPE) t = rl_child(cx, t, RL_F_NAME);
  if (!t || rl_kind(cx, t) != RL_JS_TYPE_IDENTIFIER) return false;
  RlNode d = rl_js_local_type(cx, rl_text_dup(cx, t));
  if (rl_kind(cx, d) != RL_JS_TYPE_ALIAS_DECLARATION) return false;
  return void_fn_type(cx, rl_child(cx, d, RL_F_VALUE), depth + 1);
}

/* Is parameter `name` of a method handled in its body: inside an await,
 * or in the receiver of a `.then`/`.catch` call? */
static bool handles_param(RlCtx *cx, RlNode body, const char *name) {
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i++) {
    if (rl_kind(cx, i) != RL_JS_IDENTIFIER || !rl_text_eq(cx, i, name)) continue;
    for (RlNode c = i, q = rl_parent(cx, i); q && c != body; c = q, q = rl_parent(cx, q)) {
      if (rl_kind(cx, q) == RL_JS_AWAIT_EXPRESSION) return true;
      if (rl_kind(cx, q) == RL_JS_MEMBER_EXPRESSION && rl_field(cx, c) == RL_F_OBJECT &&
          (eq(cx, rl_child(cx, q, RL_F_PROPERTY), "catch") ||
           eq(cx, rl_child(cx, q, RL_F_PROPERTY), "then")))
        return true;
    }
  }
  return false;
}

/* What the own members of class or interface decl say about its
 * listeners: -1 it awaits or catches them (an `on`-like method that
 * awaits or catches its listener parameter, an `emit` that is async or
 * awaits), 1 an `on`-like method's listener parameter is written to
 * return void, 0 neither. */
static int class_listeners(RlCtx *cx, RlNode decl) {
  RlNode body = rl_child(cx, decl, RL_F_BODY);
  int verdict = 0;
  for (RlNode m = rl_first_child(cx, body); m; m = rl_next_sibling(cx, m)) {
    RlKind k = rl_kind(cx, m);
    if (k != RL_JS_METHOD_DEFINITION && k != RL_JS_METHOD_SIGNATURE &&
        k != RL_JS_ABSTRACT_METHOD_SIGNATURE)
      continue;
    RlNode nm = rl_child(cx, m, RL_F_NAME);
    RlNode mb = rl_child(cx, m, RL_F_BODY);
    if (eq(cx, nm, "emit")) {
      if (rl_js_is_async(cx, m) || (mb && has_await(cx, mb))) return -1;
      continue;
    }
    if (!nm || !rl_cpm_listener_method(rl_text_dup(cx, nm)))
      continue;
    RlNode params = rl_child(cx, m, RL_F_PARAMETERS);
    for (RlNode p = rl_first_child(cx, params); p; p = rl_next_sibling(cx, p)) {
      RlNode id = rl_kind(cx, p) == RL_JS_IDENTIFIER ? p : rl_child(cx, p, RL_F_PATTERN);
      if (rl_kind(cx, id) != RL_JS_IDENTIFIER) continue;
      if (mb && handles_param(cx, mb, rl_text_dup(cx, id))) return -1;
      if (void_fn_type(cx, rl_child(cx, p, RL_F_TYPE), 0)) verdict = 1;
    }
  }
  return verdict;
}

/* Is type name t (a class or interface name) an EventEmitter: imported from
 * one of Node's emitter modules, or a class of this file extending one (or,
 * under racelint:strict, whose `on` takes listeners written to return
 * void), unless its own `on` or `emit` awaits them? */
static bool emitter_type(RlCtx *cx, RlNode t, int depth) {
  const char *mod, *imported;
  if (!t || depth > 4) return false;
  if (rl_js_import_of(cx, t, &mod, &imported))
    return in_list(mod, emitter_modules, RL_COUNTOF(emitter_modules));
  RlNode d = rl_js_local_class(cx, rl_text_dup(cx, t));
  if (!d) return false;
  int own = class_listeners(cx, d);
  if (own) return own > 0 && rl_file_strict(cx); /* own emitters: strict only */
  for (RlNode c = rl_first_child(cx, d); c; c = rl_next_sibling(cx, c)) {
    if (rl_kind(cx, c) != RL_JS_CLASS_HERITAGE) continue;
    RlNode end = rl_node_end(cx, c);
    for (RlNode i = c; i < end; i++)
      if (rl_kind(cx, i) == RL_JS_IDENTIFIER) return emitter_type(cx, i, depth + 1);
  }
  return false;
}

bool rl_cpm_known_emitter(RlCtx *cx, RlNode obj, const char **defer) {
  obj = rl_strip(cx, obj);
  if (rl_kind(cx, obj) == RL_JS_IDENTIFIER && eq(cx, obj, "process"))
    return rl_js_resolve(cx, obj, NULL) == RL_BIND_FREE;
  RlNode name;
  if (rl_kind(cx, obj) == RL_JS_THIS) {
    RlNode cls = rl_js_this_class(cx, obj);
    name = cls ? rl_child(cx, cls, RL_F_NAME) : RL_NONE;
    /* phase 2 finds top-level classes only */
    if (name && rl_js_local_class(cx, rl_text_dup(cx, name)) != cls) name = RL_NONE;
  } else {
    name = rl_js_receiver_type(cx, obj);
  }
  if (!name) return false;
  if (emitter_type(cx, name, 0)) return true;
  RlKind k = rl_kind(cx, name);
  if (k == RL_JS_IDENTIFIER || k == RL_JS_TYPE_IDENTIFIER) *defer = rl_text_dup(cx, name);
  return false;
}

void rl_cpm_listener_fact(RlCtx *cx, RlNode cb, const char *type, const char *what) {
  RlFact *f = rl_fact_add(cx, RL_CPM_FACT_LISTENER, cb, type, what, "type");
  f->aux = rl_file_strict(cx);
}

RlNode rl_cpm_top_decl(RlCtx *cx, RlNode st) {
  RlNode d = st;
  for (int i = 0; i < 3 && d; i++) {
    RlKind k = rl_kind(cx, d);
    if (k == RL_JS_EXPORT_STATEMENT) d = rl_child(cx, d, RL_F_DECLARATION);
    else if (k == RL_JS_AMBIENT_DECLARATION) d = rl_named_child(cx, d, 0);
    else break;
  }
  return d;
}

void *rl_cpm_emitter_facts(RlCtx *cx) {
  for (RlNode st = rl_first_child(cx, rl_root(cx)); st; st = rl_next_sibling(cx, st)) {
    RlNode d = rl_cpm_top_decl(cx, st);
    RlKind k = rl_kind(cx, d);
    if (k != RL_JS_CLASS_DECLARATION && k != RL_JS_ABSTRACT_CLASS_DECLARATION &&
        k != RL_JS_INTERFACE_DECLARATION)
      continue;
    RlNode nm = rl_child(cx, d, RL_F_NAME);
    int v = nm ? class_listeners(cx, d) : 0;
    if (v) rl_fact_add(cx, RL_CPM_FACT_EMITTER, nm, rl_text_dup(cx, nm), v > 0 ? "void" : "awaits", NULL);
  }
  return NULL;
}

/* Section - phase 2 */

typedef struct Judge {
  const RlProject *px;
  const RlRule *self;
  bool own; /* out: the answer came from a class's listener type */
} Judge;

/* rl_project_js_derives's judge: the RL_CPM_FACT_EMITTER of type `name` in file. */
static int judge_emitter(void *ud, uint32_t file, const char *name) {
  Judge *j = ud;
  uint32_t n;
  const RlFact *f = rl_project_facts(j->px, file, &n);
  for (uint32_t i = 0; i < n; i++)
    if (f[i].kind == RL_CPM_FACT_EMITTER && rl_fact_of(j->px, &f[i], j->self) &&
        strcmp(f[i].a, name) == 0) {
      j->own = strcmp(f[i].b, "void") == 0;
      return j->own ? 1 : -1;
    }
  return 0;
}

bool rl_cpm_listener_dropped(const RlProject *px, const RlRule *self, const RlFact *f) {
  if (f->kind != RL_CPM_FACT_LISTENER || !rl_fact_of(px, f, self)) return false;
  Judge judge = {px, self, false};
  if (!rl_project_js_derives(px, f->file, f->a, emitter_modules, RL_COUNTOF(emitter_modules),
                             judge_emitter, &judge))
    return false;
  /* the project's own emitter (a listener type returning void):
   * racelint:strict only. On the development set its listeners mostly
   * awaited promises that cannot reject (2 TRUE of 12). */
  return !judge.own || f->aux;
}
