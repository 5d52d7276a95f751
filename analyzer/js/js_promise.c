/* js_promise.c - does a JS/TS call return a promise, as far as one file
 * tells without a type checker (see rl_js_returns_promise in rule_api.h)?
 * Shared by floating-promise and callback-promise-mix; also the helpers it
 * needs: imports of Node's promise modules, classes of this file. */
#include <string.h>

#include "rule_api.h"

static bool eq(RlCtx *cx, RlNode n, const char *s) { return n && rl_text_eq(cx, n, s); }

static bool in_list(const char *s, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(s, list[i]) == 0) return true;
  return false;
}

bool rl_js_is_async_fn(const RlCtx *cx, RlNode fn) {
  return fn && rl_js_is_async(cx, fn) && !rl_js_is_generator(cx, fn);
}

/* Section - modules */

/* The string value of a string literal node ("" otherwise), without a
 * "node:" prefix. */
const char *rl_js_module_name(RlCtx *cx, RlNode str) {
  if (rl_kind(cx, str) != RL_JS_STRING) return "";
  RlNode frag = rl_named_child(cx, str, 0);
  const char *s = frag ? rl_text_dup(cx, frag) : "";
  return strncmp(s, "node:", 5) == 0 ? s + 5 : s;
}

static RlNode require_arg(RlCtx *cx, RlNode v) {
  v = rl_strip(cx, v);
  if (rl_kind(cx, v) != RL_JS_CALL_EXPRESSION) return RL_NONE;
  if (!eq(cx, rl_child(cx, v, RL_F_FUNCTION), "require")) return RL_NONE;
  RlNode a = rl_js_arg(cx, v, 0);
  return rl_kind(cx, a) == RL_JS_STRING ? a : RL_NONE;
}

/* Finds the top-level import or require() that binds `ident`: *mod gets the
 * module ("fs/promises"), *imported the imported name ("*" for a namespace,
 * "default"). `require('fs').promises` counts as "fs/promises". */
bool rl_js_import_of(RlCtx *cx, RlNode ident, const char **mod, const char **imported) {
  RlNode root = rl_root(cx);
  for (RlNode st = rl_first_child(cx, root); st; st = rl_next_sibling(cx, st)) {
    RlKind k = rl_kind(cx, st);
    if (k == RL_JS_IMPORT_STATEMENT) {
      const char *m = rl_js_module_name(cx, rl_child(cx, st, RL_F_SOURCE));
      RlNode end = rl_node_end(cx, st);
      for (RlNode i = st; i < end; i++) {
        RlKind ik = rl_kind(cx, i);
        if (ik == RL_JS_IMPORT_SPECIFIER) {
          RlNode name = rl_child(cx, i, RL_F_NAME), alias = rl_child(cx, i, RL_F_ALIAS);
          if (!rl_text_eq(cx, alias ? alias : name, rl_text_dup(cx, ident))) continue;
          *mod = m;
          *imported = rl_text_dup(cx, name);
          return true;
        }
        if (ik == RL_JS_NAMESPACE_IMPORT || ik == RL_JS_IMPORT_CLAUSE) {
          RlNode id = rl_named_child(cx, i, 0);
          if (rl_kind(cx, id) != RL_JS_IDENTIFIER || !rl_text_eq(cx, id, rl_text_dup(cx, ident)))
            continue;
          *mod = m;
          *imported = ik == RL_JS_NAMESPACE_IMPORT ? "*" : "default";
          return true;
        }
      }
      continue;
    }
    if (k != RL_JS_LEXICAL_DECLARATION && k != RL_JS_VARIABLE_DECLARATION) continue;
    for (RlNode v = rl_first_child(cx, st); v; v = rl_next_sibling(cx, v)) {
      if (rl_kind(cx, v) != RL_JS_VARIABLE_DECLARATOR) continue;
      RlNode name = rl_child(cx, v, RL_F_NAME), val = rl_strip(cx, rl_child(cx, v, RL_F_VALUE));
      const char *suffix = "";
      RlNode req = require_arg(cx, val);
      if (!req && rl_kind(cx, val) == RL_JS_MEMBER_EXPRESSION &&
          eq(cx, rl_child(cx, val, RL_F_PROPERTY), "promises")) {
        req = require_arg(cx, rl_child(cx, val, RL_F_OBJECT));
        suffix = "/promises";
      }
      if (!req) continue;
      const char *m = rl_js_module_name(cx, req);
      if (*suffix) {
        char *s = rl_alloc(cx, strlen(m) + strlen(suffix) + 1);
        strcpy(s, m);
        strcat(s, suffix);
        m = s;
      }
      if (rl_kind(cx, name) == RL_JS_IDENTIFIER) {
        if (!rl_text_eq(cx, name, rl_text_dup(cx, ident))) continue;
        *mod = m;
        *imported = "*";
        return true;
      }
      if (rl_kind(cx, name) != RL_JS_OBJECT_PATTERN) continue;
      for (RlNode p = rl_first_child(cx, name); p; p = rl_next_sibling(cx, p)) {
        RlNode local = p, key = p;
        if (rl_kind(cx, p) == RL_JS_PAIR_PATTERN) {
          local = rl_child(cx, p, RL_F_VALUE);
          key = rl_child(cx, p, RL_F_KEY);
        } else if (rl_kind(cx, p) != RL_JS_SHORTHAND_PROPERTY_IDENTIFIER_PATTERN) {
          continue;
        }
        if (!local || !rl_text_eq(cx, local, rl_text_dup(cx, ident))) continue;
        *mod = m;
        *imported = rl_text_dup(cx, key);
        return true;
      }
    }
  }
  return false;
}

/* The functions of fs/promises (and fs.promises) that return a promise. */
static const char *const fs_promises_fns[] = {
    "access",   "appendFile", "chmod",   "chown",    "copyFile", "cp",      "lchmod",
    "lchown",   "lutimes",    "link",    "lstat",    "mkdir",    "mkdtemp", "open",
    "opendir",  "readdir",    "readFile", "readlink", "realpath", "rename",  "rm",
    "rmdir",    "stat",       "statfs",  "symlink",  "truncate", "unlink",  "utimes",
    "writeFile",
};

/* Is `fn` of Node's promise modules a function that returns a promise? */
static bool promise_api(const char *mod, const char *fn) {
  if (strcmp(mod, "fs/promises") == 0)
    return strcmp(fn, "watch") != 0 && strcmp(fn, "constants") != 0 && strcmp(fn, "*") != 0;
  if (strcmp(mod, "timers/promises") == 0)
    return strcmp(fn, "setTimeout") == 0 || strcmp(fn, "setImmediate") == 0;
  if (strcmp(mod, "stream/promises") == 0)
    return strcmp(fn, "pipeline") == 0 || strcmp(fn, "finished") == 0;
  if (strcmp(mod, "dns/promises") == 0)
    return strcmp(fn, "lookup") == 0 || strcmp(fn, "lookupService") == 0 ||
           strcmp(fn, "reverse") == 0 || strncmp(fn, "resolve", 7) == 0;
  return false;
}

/* A namespace binding of a promise module: `import * as fsp from
 * 'fs/promises'`, `import { promises as fsp } from 'fs'`, `const fsp =
 * require('fs').promises`. Returns the module or NULL. */
static const char *promise_namespace(RlCtx *cx, RlNode ident) {
  const char *mod, *imported;
  if (rl_kind(cx, ident) != RL_JS_IDENTIFIER) return NULL;
  if (rl_js_resolve(cx, ident, NULL) != RL_BIND_IMPORT) return NULL;
  if (!rl_js_import_of(cx, ident, &mod, &imported)) return NULL;
  if (strcmp(imported, "*") == 0 || strcmp(imported, "default") == 0) return mod;
  if (strcmp(imported, "promises") == 0 && strcmp(mod, "fs") == 0) return "fs/promises";
  return NULL;
}

/* The variable_declarator that binds `ident`, or RL_NONE. */
static RlNode declarator_of(RlCtx *cx, RlNode ident) {
  RlNode d = rl_js_declaration(cx, ident, NULL);
  return rl_kind(cx, d) == RL_JS_VARIABLE_DECLARATOR ? d : RL_NONE;
}

/* `const wait: (ms: number) => Promise<void> = ...`, or a variable
 * holding an arrow or function whose return type says so. */
static bool typed_promise_fn(RlCtx *cx, RlNode d) {
  RlNode ty = rl_named_child(cx, rl_child(cx, d, RL_F_TYPE), 0);
  if (rl_kind(cx, ty) == RL_JS_FUNCTION_TYPE)
    return rl_js_type_verdict(cx, rl_child(cx, ty, RL_F_RETURN_TYPE)) == RL_JT_PROMISE;
  return false;
}

/* `promisify(f)` / `util.promisify(f)`? */
static bool is_promisify(RlCtx *cx, RlNode v) {
  v = rl_strip(cx, v);
  return rl_kind(cx, v) == RL_JS_CALL_EXPRESSION &&
         strcmp(rl_js_callee_name(cx, v), "promisify") == 0;
}

/* The project's own runtime (runtime/js, the @racelint/runtime package):
 * the functions whose call returns a promise... */
static const char *const runtime_promise_fns[] = {
    "forEachAsync", "mapConcurrent", "settleAll", "singleFlight", "updateWithVersion",
    "withLocks",
};
/* ...and the factories whose result is a function returning a promise
 * (lazy(fn)() always does: a synchronous throw becomes a rejection). */
static const char *const runtime_promise_factories[] = {"createSingleFlight", "lazy"};

static bool runtime_api(const char *mod, const char *fn, const char *const *list, size_t n) {
  return strcmp(mod, "@racelint/runtime") == 0 && in_list(fn, list, n);
}

/* Is v a call of one of the runtime's promise-function factories
 * (`const getClient = lazy(async () => ...)`)? */
static bool is_runtime_factory(RlCtx *cx, RlNode v) {
  v = rl_strip(cx, v);
  if (rl_kind(cx, v) != RL_JS_CALL_EXPRESSION) return false;
  RlNode callee = rl_strip(cx, rl_child(cx, v, RL_F_FUNCTION));
  const char *mod, *imported;
  return rl_kind(cx, callee) == RL_JS_IDENTIFIER &&
         rl_js_import_of(cx, callee, &mod, &imported) &&
         runtime_api(mod, imported, runtime_promise_factories,
                     RL_COUNTOF(runtime_promise_factories));
}

/* Section - classes of this file */

/* The class whose instance `this` is at n (arrows see through), or
 * RL_NONE when a plain function rebinds it. */
RlNode rl_js_this_class(RlCtx *cx, RlNode n) {
  for (RlNode p = rl_parent(cx, n); p; p = rl_parent(cx, p)) {
    RlKind k = rl_kind(cx, p);
    if (k == RL_JS_CLASS_DECLARATION || k == RL_JS_ABSTRACT_CLASS_DECLARATION ||
        k == RL_JS_CLASS)
      return p;
    if (k == RL_JS_FUNCTION_DECLARATION || k == RL_JS_FUNCTION_EXPRESSION ||
        k == RL_JS_FUNCTION || k == RL_JS_GENERATOR_FUNCTION ||
        k == RL_JS_GENERATOR_FUNCTION_DECLARATION || k == RL_JS_OBJECT)
      return RL_NONE;
  }
  return RL_NONE;
}

/* A class declared at the top level of this file under `name`. */
RlNode rl_js_local_class(RlCtx *cx, const char *name) {
  RlNode root = rl_root(cx);
  for (RlNode st = rl_first_child(cx, root); st; st = rl_next_sibling(cx, st)) {
    RlNode d = st;
    if (rl_kind(cx, d) == RL_JS_EXPORT_STATEMENT) d = rl_child(cx, st, RL_F_DECLARATION);
    RlKind k = rl_kind(cx, d);
    if ((k == RL_JS_CLASS_DECLARATION || k == RL_JS_ABSTRACT_CLASS_DECLARATION) &&
        eq(cx, rl_child(cx, d, RL_F_NAME), name))
      return d;
  }
  return RL_NONE;
}

/* The function of member `name` of class `cls` (methods, and fields
 * initialised with a function), following `extends` to classes of this
 * file. */
RlNode rl_js_class_member(RlCtx *cx, RlNode cls, const char *name, bool want_static) {
  for (int depth = 0; cls && depth < 6; depth++) {
    RlNode body = rl_child(cx, cls, RL_F_BODY);
    RlNode heritage = RL_NONE;
    for (RlNode c = rl_first_child(cx, cls); c; c = rl_next_sibling(cx, c))
      if (!rl_is_token(cx, c) && c != body &&
          (rl_kind(cx, c) == RL_JS_OTHER || rl_kind(cx, c) == RL_JS_CLASS_HERITAGE) &&
          rl_field(cx, c) != RL_F_NAME)
        heritage = c;
    for (RlNode m = rl_first_child(cx, body); m; m = rl_next_sibling(cx, m)) {
      RlKind k = rl_kind(cx, m);
      RlNode fn = RL_NONE, nm = RL_NONE;
      if (k == RL_JS_METHOD_DEFINITION) {
        fn = m;
        nm = rl_child(cx, m, RL_F_NAME);
      } else if (k == RL_JS_FIELD_DEFINITION || k == RL_JS_PUBLIC_FIELD_DEFINITION) {
        fn = rl_strip(cx, rl_child(cx, m, RL_F_VALUE));
        nm = rl_child(cx, m, RL_F_PROPERTY);
        if (!nm) nm = rl_child(cx, m, RL_F_NAME);
        if (!fn || !rl_js_is_function(cx, fn)) fn = RL_NONE;
      }
      if (!nm || !eq(cx, nm, name)) continue;
      if (rl_has_token(cx, m, "static") != want_static) continue;
      /* getters and setters are not calls */
      if (rl_has_token(cx, m, "get") || rl_has_token(cx, m, "set")) return RL_NONE;
      return fn;
    }
    /* extends X: X declared in this file */
    RlNode base = RL_NONE;
    RlNode hend = heritage ? rl_node_end(cx, heritage) : RL_NONE;
    for (RlNode i = heritage; i && i < hend; i++)
      if (rl_kind(cx, i) == RL_JS_IDENTIFIER) {
        base = i;
        break;
      }
    cls = base ? rl_js_local_class(cx, rl_text_dup(cx, base)) : RL_NONE;
  }
  return RL_NONE;
}

/* cy.get(...).then(...): Cypress chainables have .then but are queued
 * commands, not promises. */
static bool cypress_chain(RlCtx *cx, RlNode callee) {
  RlNode n = callee;
  for (int d = 0; d < 64 && n; d++) {
    n = rl_strip(cx, n);
    RlKind k = rl_kind(cx, n);
    if (k == RL_JS_MEMBER_EXPRESSION) n = rl_child(cx, n, RL_F_OBJECT);
    else if (k == RL_JS_CALL_EXPRESSION) n = rl_child(cx, n, RL_F_FUNCTION);
    else return k == RL_JS_IDENTIFIER && (eq(cx, n, "cy") || eq(cx, n, "Cypress"));
  }
  return false;
}

/* Does function fn (a `then` method) hand back no promise: not async, and
 * no `return` of a call or `new` (`return this.run().then(ok, err)` is a
 * promise)? */
static bool returns_no_promise(RlCtx *cx, RlNode fn) {
  if (!fn || rl_js_is_async(cx, fn)) return false;
  RlNode body = rl_child(cx, fn, RL_F_BODY), end = rl_node_end(cx, body);
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return false;
  for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end)) {
    if (rl_kind(cx, i) != RL_JS_RETURN_STATEMENT) continue;
    RlNode v = rl_strip(cx, rl_named_child(cx, i, 0));
    if (rl_kind(cx, v) == RL_JS_CALL_EXPRESSION || rl_kind(cx, v) == RL_JS_NEW_EXPRESSION)
      return false;
  }
  return true;
}

/* x.then(...) where x (or the root of the chain x.where(...).then(...)) is
 * declared in this file as an object literal with a `then` (a test double)
 * or as `new C()` of a class of this file whose `then` hands back no
 * promise (a builder or fake that is only thenable)? */
static bool thenable_not_promise(RlCtx *cx, RlNode callee) {
  RlNode n = rl_strip(cx, rl_child(cx, callee, RL_F_OBJECT));
  for (int d = 0; d < 64 && n; d++) {
    RlKind k = rl_kind(cx, n);
    if (k == RL_JS_MEMBER_EXPRESSION) n = rl_strip(cx, rl_child(cx, n, RL_F_OBJECT));
    else if (k == RL_JS_CALL_EXPRESSION) n = rl_strip(cx, rl_child(cx, n, RL_F_FUNCTION));
    else break;
  }
  if (rl_kind(cx, n) != RL_JS_IDENTIFIER) return false;
  RlNode d = declarator_of(cx, n);
  RlNode v = d ? rl_strip(cx, rl_child(cx, d, RL_F_VALUE)) : RL_NONE;
  if (rl_kind(cx, v) == RL_JS_OBJECT) {
    for (RlNode m = rl_first_child(cx, v); m; m = rl_next_sibling(cx, m)) {
      RlNode key = rl_kind(cx, m) == RL_JS_PAIR ? rl_child(cx, m, RL_F_KEY)
                   : rl_kind(cx, m) == RL_JS_METHOD_DEFINITION ? rl_child(cx, m, RL_F_NAME)
                                                                 : RL_NONE;
      if (key && eq(cx, key, "then")) return true;
    }
    return false;
  }
  if (rl_kind(cx, v) != RL_JS_NEW_EXPRESSION) return false;
  RlNode ctor = rl_strip(cx, rl_child(cx, v, RL_F_CONSTRUCTOR));
  if (rl_kind(cx, ctor) != RL_JS_IDENTIFIER) return false;
  RlNode cls = rl_js_local_class(cx, rl_text_dup(cx, ctor));
  return cls && returns_no_promise(cx, rl_js_class_member(cx, cls, "then", false));
}

/* Named in the project's .racelint.json js.promiseFunctions, by its last
 * name ("query") or as written ("db.query")? */
static bool configured(RlCtx *cx, RlNode call, RlNode f) {
  const char *last = rl_js_callee_name(cx, call);
  if (*last && rl_js_config_name(cx, RL_JS_PROMISE_FUNCTIONS, last)) return true;
  return rl_kind(cx, f) == RL_JS_MEMBER_EXPRESSION &&
         rl_js_config_name(cx, RL_JS_PROMISE_FUNCTIONS, rl_text_dup(cx, f));
}

bool rl_js_returns_promise(RlCtx *cx, RlNode call, RlJsPromise *why) {
  why->fn = RL_NONE;
  why->what = "";
  if (rl_kind(cx, call) == RL_JS_NEW_EXPRESSION) {
    RlNode ctor = rl_strip(cx, rl_child(cx, call, RL_F_CONSTRUCTOR));
    if (eq(cx, ctor, "Promise") && rl_js_resolve(cx, ctor, NULL) == RL_BIND_FREE) {
      why->what = "new Promise()";
      return true;
    }
    return false;
  }
  if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return false;
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  if (!f) return false;
  if (configured(cx, call, f)) {
    why->what = rl_fmt(cx, "'%s'", rl_text_dup(cx, f));
    return true;
  }
  if (rl_kind(cx, f) == RL_JS_OTHER && rl_text_eq(cx, f, "import")) {
    why->what = "import()";
    return true;
  }
  if (rl_js_is_function(cx, f)) { /* (async () => { ... })() */
    if (!rl_js_is_async_fn(cx, f)) return false;
    why->fn = f;
    why->what = "this async function expression";
    return true;
  }
  RlKind fk = rl_kind(cx, f);
  if (fk == RL_JS_IDENTIFIER) {
    const char *name = rl_text_dup(cx, f);
    RlNode fn = RL_NONE;
    RlJsBinding b = rl_js_resolve(cx, f, &fn);
    why->what = rl_fmt(cx, "'%s'", name);
    if (b == RL_BIND_LOCAL) {
      RlNode d = declarator_of(cx, f);
      if (fn) {
        /* async, or a written return type (overloads must agree), or the
         * variable's function type */
        RlJsVerdict v = rl_js_fn_verdict(cx, fn);
        if (v == RL_JT_UNKNOWN && d && typed_promise_fn(cx, d)) v = RL_JT_PROMISE;
        if (v != RL_JT_PROMISE) return false;
        why->fn = fn;
        return true;
      }
      if (d && typed_promise_fn(cx, d)) return true;
      return d && (is_promisify(cx, rl_child(cx, d, RL_F_VALUE)) ||
                   is_runtime_factory(cx, rl_child(cx, d, RL_F_VALUE)));
    }
    if (b == RL_BIND_FREE) {
      if (strcmp(name, "fetch") != 0) {
        /* `declare function wait(ms: number): Promise<void>;` of this file */
        RlNode sig;
        if (rl_js_signature_verdict(cx, name, &sig) != RL_JT_PROMISE) return false;
        why->fn = sig;
        return true;
      }
      why->what = "fetch()";
      return true;
    }
    const char *mod, *imported;
    if (strcmp(name, "fetch") == 0) {
      why->what = "fetch()";
      return true;
    }
    return rl_js_import_of(cx, f, &mod, &imported) &&
           (promise_api(mod, imported) ||
            runtime_api(mod, imported, runtime_promise_fns, RL_COUNTOF(runtime_promise_fns)));
  }
  if (fk != RL_JS_MEMBER_EXPRESSION) return false;
  RlNode obj = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT));
  const char *m = rl_text_dup(cx, rl_child(cx, f, RL_F_PROPERTY));
  if (strcmp(m, "then") == 0 || strcmp(m, "catch") == 0 || strcmp(m, "finally") == 0) {
    if (cypress_chain(cx, f)) return false;
    if (thenable_not_promise(cx, f)) return false;
    why->what = rl_fmt(cx, "this .%s() chain", m);
    return true;
  }
  RlKind ok = rl_kind(cx, obj);
  if (ok == RL_JS_IDENTIFIER && eq(cx, obj, "Promise") &&
      rl_js_resolve(cx, obj, NULL) == RL_BIND_FREE) {
    static const char *const statics[] = {"all", "allSettled", "any", "race", "reject",
                                          "resolve"};
    if (!in_list(m, statics, RL_COUNTOF(statics))) return false;
    why->what = rl_fmt(cx, "Promise.%s()", m);
    return true;
  }
  why->what = rl_fmt(cx, "'%s'", m);
  if (ok == RL_JS_THIS) {
    RlNode at;
    if (rl_js_member_verdict(cx, rl_js_this_class(cx, f), m, false, &at) != RL_JT_PROMISE)
      return false;
    why->fn = at;
    return true;
  }
  {
    /* client.m() where client's type is written (`client: Redis`, `new
     * Queue()`, a field or constructor parameter property of this class)
     * and declared in this file; another file's: phase 2 */
    RlNode at, type = rl_js_receiver_type(cx, obj);
    RlJsVerdict v = rl_js_type_member(cx, type, m, &at);
    if (v == RL_JT_PROMISE) {
      why->fn = at;
      return true;
    }
    if (v == RL_JT_NOT || at) return false;
  }
  /* fs.promises.readFile(): only the functions fs/promises has; any other
   * `promises` property is likely an array of them (`result.promises.push(p)`) */
  if (ok == RL_JS_MEMBER_EXPRESSION && eq(cx, rl_child(cx, obj, RL_F_PROPERTY), "promises"))
    return in_list(m, fs_promises_fns, RL_COUNTOF(fs_promises_fns));
  if (ok != RL_JS_IDENTIFIER) return false;
  const char *ns = promise_namespace(cx, obj);
  if (ns) return promise_api(ns, m);
  if (rl_js_resolve(cx, obj, NULL) == RL_BIND_LOCAL) {
    RlNode fn = rl_js_class_member(cx, rl_js_local_class(cx, rl_text_dup(cx, obj)), m, true);
    if (!fn) { /* const svc = new Service(): an instance of a class of this file */
      RlNode d = declarator_of(cx, obj);
      RlNode v = d ? rl_strip(cx, rl_child(cx, d, RL_F_VALUE)) : RL_NONE;
      RlNode ctor = rl_kind(cx, v) == RL_JS_NEW_EXPRESSION
                        ? rl_strip(cx, rl_child(cx, v, RL_F_CONSTRUCTOR))
                        : RL_NONE;
      if (rl_kind(cx, ctor) == RL_JS_IDENTIFIER)
        fn = rl_js_class_member(cx, rl_js_local_class(cx, rl_text_dup(cx, ctor)), m, false);
    }
    if (!rl_js_is_async_fn(cx, fn) && rl_js_fn_verdict(cx, fn) != RL_JT_PROMISE) return false;
    why->fn = fn;
    return true;
  }
  return false;
}
