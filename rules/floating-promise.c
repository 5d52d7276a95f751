/* floating-promise.c - a promise used as a bare expression statement: not
 * awaited, returned, stored, `void`ed or given a rejection handler.
 *
 * Without a type checker, a call is taken to return a promise when:
 *  - it calls a function declared async: in this file by scope (plain
 *    calls, `this.m()` inside a class, `Class.m()` for a static method,
 *    `x.m()` for `const x = new Class()`, an async function expression
 *    called in place), or in another scanned module through an import or
 *    require() (phase 2);
 *  - it is a known promise API: fetch(), fs/promises, timers/promises,
 *    stream/promises and dns/promises functions, `x.promises.f()`,
 *    util.promisify() results, dynamic import(), `new Promise`,
 *    Promise.all/allSettled/any/race/reject/resolve;
 *  - it is named in .racelint.json js.promiseFunctions;
 *  - it ends a chain in `.then(f)` (no rejection handler) or `.finally(f)`
 *    on a promise. `.catch(f)` and `.then(f, onRejected)` handle it.
 * An async function that cannot reject (every await, throw and returned
 * call inside the try block of a try/catch) and async generators (they
 * return iterators) are not reported. Statements inside callbacks given
 * to timers, `.on()`/addEventListener or assigned to `onclick`-style
 * handlers are errors (the next tick can overlap, nobody can catch);
 * elsewhere warnings. An arrow whose expression body is such a promise,
 * given directly to one of those handler APIs, is reported too.
 * Doc: rules/floating-promise.md */
#include <string.h>

#include "../analyzer/rule_api.h"

enum {
  /* a bare call of an imported name, resolved in phase 2:
   * a = the name looked up, b = namespace module specifier or NULL (then a
   * is the local binding), c = handler description or NULL. */
  FACT_BARE_IMPORT = RL_FACT_RULE,
  /* an async function that returns no rejecting promise (an async
   * generator, or a body that catches everything): a = its name. */
  FACT_NO_REJECT,
};

typedef struct Handler {
  RlNode fn;
  const char *what;
} Handler;

typedef struct State {
  Handler *h;
  uint32_t nh, caph;
} State;

/* Section - small syntax helpers */

static bool eq(RlCtx *cx, RlNode n, const char *s) { return n && rl_text_eq(cx, n, s); }

static bool in_list(const char *s, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(s, list[i]) == 0) return true;
  return false;
}

static bool is_generator(RlCtx *cx, RlNode fn) {
  RlKind k = rl_kind(cx, fn);
  return k == RL_JS_GENERATOR_FUNCTION_DECLARATION || k == RL_JS_GENERATOR_FUNCTION ||
         (k == RL_JS_METHOD_DEFINITION && rl_has_token(cx, fn, "*"));
}

/* Declared async and returns a promise (async generators do not). */
static bool is_async_fn(RlCtx *cx, RlNode fn) {
  return fn && rl_js_is_async(cx, fn) && !is_generator(cx, fn);
}

/* Is n inside the try block of a try/catch within fn? */
static bool in_try(RlCtx *cx, RlNode n, RlNode fn) {
  for (RlNode c = n, p = rl_parent(cx, n); p && p != fn; c = p, p = rl_parent(cx, p))
    if (rl_kind(cx, p) == RL_JS_TRY_STATEMENT && rl_field(cx, c) == RL_F_BODY &&
        rl_child(cx, p, RL_F_HANDLER))
      return true;
  return false;
}

/* An async function that cannot reject (short of a programming error in
 * its synchronous code): every await, `for await`, throw and returned call
 * in its body sits in the try block of a try/catch (so a catch that
 * rethrows does not count). */
static bool never_rejects(RlCtx *cx, RlNode fn) {
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return false;
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i++) {
    if (rl_js_is_function(cx, i)) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    RlKind k = rl_kind(cx, i);
    bool risky = k == RL_JS_AWAIT_EXPRESSION || k == RL_JS_THROW_STATEMENT ||
                 (k == RL_JS_FOR_IN_STATEMENT && rl_has_token(cx, i, "await"));
    if (k == RL_JS_RETURN_STATEMENT) {
      RlNode v = rl_named_child(cx, i, 0);
      RlNode vend = v ? rl_node_end(cx, v) : RL_NONE;
      for (RlNode j = v; j && j < vend && !risky; j++)
        risky = rl_kind(cx, j) == RL_JS_CALL_EXPRESSION || rl_kind(cx, j) == RL_JS_NEW_EXPRESSION;
    }
    if (risky && !in_try(cx, i, fn)) return false;
  }
  return true;
}

/* The string value of a string literal node ("" otherwise), without a
 * "node:" prefix. */
static const char *module_name(RlCtx *cx, RlNode str) {
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
static bool import_of(RlCtx *cx, RlNode ident, const char **mod, const char **imported) {
  RlNode root = rl_root(cx);
  for (RlNode st = rl_first_child(cx, root); st; st = rl_next_sibling(cx, st)) {
    RlKind k = rl_kind(cx, st);
    if (k == RL_JS_IMPORT_STATEMENT) {
      const char *m = module_name(cx, rl_child(cx, st, RL_F_SOURCE));
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
      const char *m = module_name(cx, req);
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
  if (!import_of(cx, ident, &mod, &imported)) return NULL;
  if (strcmp(imported, "*") == 0 || strcmp(imported, "default") == 0) return mod;
  if (strcmp(imported, "promises") == 0 && strcmp(mod, "fs") == 0) return "fs/promises";
  return NULL;
}

/* The declarator that binds `ident` in an enclosing block (same walk as
 * scope resolution; a parameter of the same name hides it). */
static RlNode declarator_of(RlCtx *cx, RlNode ident) {
  const char *name = rl_text_dup(cx, ident);
  for (RlNode p = rl_parent(cx, ident); p; p = rl_parent(cx, p)) {
    RlKind k = rl_kind(cx, p);
    if (rl_js_is_function(cx, p)) {
      RlNode params = rl_child(cx, p, RL_F_PARAMETERS);
      if (!params) params = rl_child(cx, p, RL_F_PARAMETER);
      RlNode end = params ? rl_node_end(cx, params) : RL_NONE;
      for (RlNode i = params; i && i < end; i++)
        if (rl_kind(cx, i) == RL_JS_IDENTIFIER && rl_text_eq(cx, i, name)) return RL_NONE;
      continue;
    }
    if (k != RL_JS_PROGRAM && k != RL_JS_STATEMENT_BLOCK) continue;
    for (RlNode st = rl_first_child(cx, p); st; st = rl_next_sibling(cx, st)) {
      RlNode d = st;
      if (rl_kind(cx, d) == RL_JS_EXPORT_STATEMENT) d = rl_child(cx, st, RL_F_DECLARATION);
      if (rl_kind(cx, d) != RL_JS_LEXICAL_DECLARATION &&
          rl_kind(cx, d) != RL_JS_VARIABLE_DECLARATION)
        continue;
      for (RlNode v = rl_first_child(cx, d); v; v = rl_next_sibling(cx, v))
        if (rl_kind(cx, v) == RL_JS_VARIABLE_DECLARATOR &&
            eq(cx, rl_child(cx, v, RL_F_NAME), name))
          return v;
    }
  }
  return RL_NONE;
}

/* `promisify(f)` / `util.promisify(f)`? */
static bool is_promisify(RlCtx *cx, RlNode v) {
  v = rl_strip(cx, v);
  return rl_kind(cx, v) == RL_JS_CALL_EXPRESSION &&
         strcmp(rl_js_callee_name(cx, v), "promisify") == 0;
}

/* Section - classes */

/* The class whose instance `this` is at n (arrows see through), or
 * RL_NONE when a plain function rebinds it. */
static RlNode this_class(RlCtx *cx, RlNode n) {
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
static RlNode local_class(RlCtx *cx, const char *name) {
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
static RlNode class_member(RlCtx *cx, RlNode cls, const char *name, bool want_static) {
  for (int depth = 0; cls && depth < 6; depth++) {
    RlNode body = rl_child(cx, cls, RL_F_BODY);
    RlNode heritage = RL_NONE;
    for (RlNode c = rl_first_child(cx, cls); c; c = rl_next_sibling(cx, c))
      if (!rl_is_token(cx, c) && c != body && rl_kind(cx, c) == RL_JS_OTHER &&
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
    cls = base ? local_class(cx, rl_text_dup(cx, base)) : RL_NONE;
  }
  return RL_NONE;
}

/* Section - does a call return a promise? */

typedef struct Why {
  RlNode fn;        /* the async function, when known */
  const char *what; /* "'save'", "fetch()", "a .then() chain" ... */
} Why;

static bool promise_call(RlCtx *cx, RlNode call, Why *why);

/* Is the promise of `call` handled: `.catch(f)`, `.then(f, g)`, or a
 * `.finally()` of a handled one? */
static bool handled(RlCtx *cx, RlNode call) {
  for (int depth = 0; depth < 32 && rl_kind(cx, call) == RL_JS_CALL_EXPRESSION; depth++) {
    const char *m = rl_js_callee_name(cx, call);
    RlNode obj = rl_js_callee_object(cx, call);
    if (!obj) return false;
    if (strcmp(m, "catch") == 0) return rl_js_argc(cx, call) >= 1;
    if (strcmp(m, "then") == 0) {
      RlNode h = rl_strip(cx, rl_js_arg(cx, call, 1));
      return h && !eq(cx, h, "undefined") && !eq(cx, h, "null") &&
             rl_kind(cx, h) != RL_JS_UNDEFINED && rl_kind(cx, h) != RL_JS_NULL;
    }
    if (strcmp(m, "finally") != 0) return false;
    call = rl_strip(cx, obj);
  }
  return false;
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

/* Named in the project's .racelint.json js.promiseFunctions, by its last
 * name ("query") or as written ("db.query")? */
static bool configured(RlCtx *cx, RlNode call, RlNode f) {
  const char *last = rl_js_callee_name(cx, call);
  if (*last && rl_js_config_name(cx, RL_JS_PROMISE_FUNCTIONS, last)) return true;
  return rl_kind(cx, f) == RL_JS_MEMBER_EXPRESSION &&
         rl_js_config_name(cx, RL_JS_PROMISE_FUNCTIONS, rl_text_dup(cx, f));
}

static bool promise_call(RlCtx *cx, RlNode call, Why *why) {
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
    const char *name = rl_text_dup(cx, f);
    char *w = rl_alloc(cx, strlen(name) + 4);
    strcpy(w, "'");
    strcat(w, name);
    strcat(w, "'");
    why->what = w;
    return true;
  }
  if (rl_kind(cx, f) == RL_JS_OTHER && rl_text_eq(cx, f, "import")) {
    why->what = "import()";
    return true;
  }
  if (rl_js_is_function(cx, f)) { /* (async () => { ... })() */
    if (!is_async_fn(cx, f) || never_rejects(cx, f)) return false;
    why->fn = f;
    why->what = "this async function expression";
    return true;
  }
  RlKind fk = rl_kind(cx, f);
  if (fk == RL_JS_IDENTIFIER) {
    const char *name = rl_text_dup(cx, f);
    RlNode fn = RL_NONE;
    RlJsBinding b = rl_js_resolve(cx, f, &fn);
    char *w = rl_alloc(cx, strlen(name) + 8);
    strcpy(w, "'");
    strcat(w, name);
    strcat(w, "'");
    why->what = w;
    if (b == RL_BIND_LOCAL) {
      if (fn) {
        if (!is_async_fn(cx, fn) || never_rejects(cx, fn)) return false;
        why->fn = fn;
        return true;
      }
      RlNode d = declarator_of(cx, f);
      return d && is_promisify(cx, rl_child(cx, d, RL_F_VALUE));
    }
    if (b == RL_BIND_FREE) {
      if (strcmp(name, "fetch") != 0) return false;
      why->what = "fetch()";
      return true;
    }
    const char *mod, *imported;
    if (strcmp(name, "fetch") == 0) {
      why->what = "fetch()";
      return true;
    }
    return import_of(cx, f, &mod, &imported) && promise_api(mod, imported);
  }
  if (fk != RL_JS_MEMBER_EXPRESSION) return false;
  RlNode obj = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT));
  const char *m = rl_text_dup(cx, rl_child(cx, f, RL_F_PROPERTY));
  if (strcmp(m, "then") == 0 || strcmp(m, "catch") == 0 || strcmp(m, "finally") == 0) {
    if (cypress_chain(cx, f)) return false;
    char *w = rl_alloc(cx, strlen(m) + 24);
    strcpy(w, "this .");
    strcat(w, m);
    strcat(w, "() chain");
    why->what = w;
    return true;
  }
  RlKind ok = rl_kind(cx, obj);
  if (ok == RL_JS_IDENTIFIER && eq(cx, obj, "Promise") &&
      rl_js_resolve(cx, obj, NULL) == RL_BIND_FREE) {
    static const char *const statics[] = {"all", "allSettled", "any", "race", "reject",
                                          "resolve"};
    if (!in_list(m, statics, RL_COUNTOF(statics))) return false;
    char *w = rl_alloc(cx, strlen(m) + 16);
    strcpy(w, "Promise.");
    strcat(w, m);
    strcat(w, "()");
    why->what = w;
    return true;
  }
  char *w = rl_alloc(cx, strlen(m) + 8);
  strcpy(w, "'");
  strcat(w, m);
  strcat(w, "'");
  why->what = w;
  if (ok == RL_JS_THIS) {
    RlNode fn = class_member(cx, this_class(cx, f), m, false);
    if (!is_async_fn(cx, fn) || never_rejects(cx, fn)) return false;
    why->fn = fn;
    return true;
  }
  /* fs.promises.readFile(): only the functions fs/promises has; any other
   * `promises` property is likely an array of them (`result.promises.push(p)`) */
  if (ok == RL_JS_MEMBER_EXPRESSION && eq(cx, rl_child(cx, obj, RL_F_PROPERTY), "promises"))
    return in_list(m, fs_promises_fns, RL_COUNTOF(fs_promises_fns));
  if (ok != RL_JS_IDENTIFIER) return false;
  const char *ns = promise_namespace(cx, obj);
  if (ns) return promise_api(ns, m);
  if (rl_js_resolve(cx, obj, NULL) == RL_BIND_LOCAL) {
    RlNode fn = class_member(cx, local_class(cx, rl_text_dup(cx, obj)), m, true);
    if (!fn) { /* const svc = new Service(): an instance of a class of this file */
      RlNode d = declarator_of(cx, obj);
      RlNode v = d ? rl_strip(cx, rl_child(cx, d, RL_F_VALUE)) : RL_NONE;
      RlNode ctor = rl_kind(cx, v) == RL_JS_NEW_EXPRESSION
                        ? rl_strip(cx, rl_child(cx, v, RL_F_CONSTRUCTOR))
                        : RL_NONE;
      if (rl_kind(cx, ctor) == RL_JS_IDENTIFIER)
        fn = class_member(cx, local_class(cx, rl_text_dup(cx, ctor)), m, false);
    }
    if (!is_async_fn(cx, fn) || never_rejects(cx, fn)) return false;
    why->fn = fn;
    return true;
  }
  return false;
}

/* Section - where the statement runs */

static const char *const timers[] = {"setInterval",    "setTimeout",           "setImmediate",
                                     "queueMicrotask", "requestAnimationFrame", "requestIdleCallback"};
static const char *const listeners[] = {"on",          "once",           "addListener",
                                        "addEventListener", "prependListener",
                                        "prependOnceListener"};

/* If `fn` is passed to a timer or listener API as the argument `arg` of
 * `call`, a description ("setInterval", "'click' listener"). */
static const char *handler_call(RlCtx *cx, RlNode call) {
  const char *name = rl_js_callee_name(cx, call);
  RlNode obj = rl_js_callee_object(cx, call);
  bool tick = !strcmp(name, "nextTick") && eq(cx, obj, "process");
  if (tick || in_list(name, timers, RL_COUNTOF(timers))) {
    if (obj && !tick && !eq(cx, obj, "window") && !eq(cx, obj, "globalThis") &&
        !eq(cx, obj, "global"))
      return NULL;
    char *s = rl_alloc(cx, strlen(name) + 10);
    strcpy(s, name);
    strcat(s, " callback");
    return s;
  }
  if (obj && in_list(name, listeners, RL_COUNTOF(listeners))) {
    RlNode ev = rl_js_arg(cx, call, 0);
    if (rl_kind(cx, ev) == RL_JS_STRING) {
      const char *e = module_name(cx, ev);
      char *s = rl_alloc(cx, strlen(e) + 16);
      strcpy(s, "'");
      strcat(s, e);
      strcat(s, "' listener");
      return s;
    }
    return "event listener";
  }
  return NULL;
}

/* `el.onclick = fn`, `onmessage = fn`: the assigned name is on + lowercase. */
static bool on_name(RlCtx *cx, RlNode n) {
  size_t len;
  const char *s = rl_text(cx, n, &len);
  if (len < 3 || s[0] != 'o' || s[1] != 'n') return false;
  for (size_t i = 2; i < len; i++)
    if (s[i] < 'a' || s[i] > 'z') return false;
  return true;
}

/* JSX onClick-style attribute name. */
static bool jsx_on_name(RlCtx *cx, RlNode n) {
  size_t len;
  const char *s = rl_text(cx, n, &len);
  return len > 2 && s[0] == 'o' && s[1] == 'n' && s[2] >= 'A' && s[2] <= 'Z';
}

/* "'onclick' handler" */
static const char *on_handler(RlCtx *cx, RlNode name) {
  const char *s = rl_text_dup(cx, name);
  char *w = rl_alloc(cx, strlen(s) + 12);
  strcpy(w, "'");
  strcat(w, s);
  strcat(w, "' handler");
  return w;
}

/* Is the function-like node fn a timer/listener/on* handler? */
static const char *handler_of(RlCtx *cx, RlNode fn, const State *st) {
  for (uint32_t i = 0; i < st->nh; i++)
    if (st->h[i].fn == fn) return st->h[i].what;
  RlNode p = rl_parent(cx, fn);
  while (p && rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION) p = rl_parent(cx, p);
  switch (rl_kind(cx, p)) {
  case RL_JS_ARGUMENTS:
    return handler_call(cx, rl_parent(cx, p));
  case RL_JS_ASSIGNMENT_EXPRESSION: {
    RlNode left = rl_child(cx, p, RL_F_LEFT);
    if (rl_kind(cx, left) == RL_JS_MEMBER_EXPRESSION) left = rl_child(cx, left, RL_F_PROPERTY);
    return left && on_name(cx, left) ? on_handler(cx, left) : NULL;
  }
  case RL_JS_JSX_EXPRESSION: {
    RlNode attr = rl_parent(cx, p);
    if (rl_kind(cx, attr) != RL_JS_JSX_ATTRIBUTE) return NULL;
    RlNode name = rl_named_child(cx, attr, 0);
    return name && jsx_on_name(cx, name) ? on_handler(cx, name) : NULL;
  }
  default:
    return NULL;
  }
}

/* The handler the statement at n runs in, if any enclosing function is one. */
static const char *handler_context(RlCtx *cx, RlNode n, const State *st) {
  for (RlNode fn = rl_enclosing_function(cx, n); fn; fn = rl_enclosing_function(cx, fn)) {
    const char *h = handler_of(cx, fn, st);
    if (h) return h;
  }
  return NULL;
}

static void add_handler(RlCtx *cx, State *st, RlNode fn, const char *what) {
  if (!fn || !what) return;
  if (st->nh == st->caph) {
    uint32_t cap = st->caph ? st->caph * 2 : 16;
    Handler *h = rl_alloc(cx, cap * sizeof *h);
    if (st->nh) memcpy(h, st->h, st->nh * sizeof *h);
    st->h = h;
    st->caph = cap;
  }
  st->h[st->nh++] = (Handler){fn, what};
}

/* Section - callbacks */

static void *begin_file(RlCtx *cx) {
  State *st = rl_alloc(cx, sizeof *st);
  uint32_t n = rl_node_count(cx);
  for (RlNode i = 1; i < n; i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_JS_CALL_EXPRESSION) {
      /* setInterval(tick, 1000), emitter.on('x', onX): named handlers */
      const char *what = handler_call(cx, i);
      if (!what) continue;
      uint32_t argc = rl_js_argc(cx, i);
      for (uint32_t a = 0; a < argc; a++) {
        RlNode arg = rl_strip(cx, rl_js_arg(cx, i, a));
        if (rl_kind(cx, arg) == RL_JS_IDENTIFIER)
          add_handler(cx, st, rl_js_local_function(cx, arg), what);
      }
    } else if (k == RL_JS_ASSIGNMENT_EXPRESSION) {
      RlNode left = rl_child(cx, i, RL_F_LEFT);
      RlNode right = rl_strip(cx, rl_child(cx, i, RL_F_RIGHT));
      if (rl_kind(cx, left) == RL_JS_MEMBER_EXPRESSION) left = rl_child(cx, left, RL_F_PROPERTY);
      if (left && on_name(cx, left) && rl_kind(cx, right) == RL_JS_IDENTIFIER)
        add_handler(cx, st, rl_js_local_function(cx, right), on_handler(cx, left));
    } else if (rl_js_is_async(cx, i) && (is_generator(cx, i) || never_rejects(cx, i))) {
      /* for phase 2: async functions that give no rejecting promise */
      const char *name = rl_function_name(cx, i);
      if (*name) rl_fact_add(cx, FACT_NO_REJECT, i, name, NULL, NULL);
    }
  }
  return st;
}

static const char *hint_handler =
    "Nothing awaits a handler's promise: make the handler async with try/catch around "
    "the await, or hand the work to the runtime's runInBackground(fn, onError) "
    "(runtime/js), which routes a throw or rejection to onError; to keep ticks from "
    "overlapping, guard the job with the runtime's Mutex (runExclusive) or a running flag.";

static void report(RlCtx *cx, RlNode at, const Why *why, const char *handler) {
  RlReport *r;
  if (handler) {
    r = rl_report(cx, at,
                  "the promise of %s is neither awaited nor given a rejection handler in "
                  "this %s: the callback returns at once, so the next call can "
                  "overlap this one, and a rejection is unhandled",
                  why->what, handler);
    rl_report_severity(cx, r, RL_SEV_ERROR);
    rl_report_hint(cx, r, "%s", hint_handler);
  } else {
    RlLoc lc = rl_loc(cx, at);
    r = rl_report(cx, at,
                  "the promise of %s is neither awaited, returned nor given a rejection "
                  "handler: the code after line %u runs while it is still pending, and a "
                  "rejection is unhandled",
                  why->what, lc.line);
  }
  /* an async IIFE is its own declaration */
  if (why->fn && (why->fn < at || why->fn >= rl_node_end(cx, at)))
    rl_report_related(cx, r, why->fn, "declared async here");
}

/* A bare call of an imported name or of a member of an imported module
 * namespace: phase 2 looks for its definition. */
static void defer_import(RlCtx *cx, RlNode call, RlNode at, const char *handler) {
  if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return;
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  if (rl_kind(cx, f) == RL_JS_IDENTIFIER) {
    if (rl_js_resolve(cx, f, NULL) != RL_BIND_IMPORT) return;
    rl_fact_add(cx, FACT_BARE_IMPORT, at, rl_text_dup(cx, f), NULL, handler);
  } else if (rl_kind(cx, f) == RL_JS_MEMBER_EXPRESSION) {
    RlNode obj = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT));
    const char *mod, *imported;
    if (rl_kind(cx, obj) != RL_JS_IDENTIFIER || rl_js_resolve(cx, obj, NULL) != RL_BIND_IMPORT)
      return;
    if (!import_of(cx, obj, &mod, &imported) || strcmp(imported, "*") != 0) return;
    if (strncmp(mod, "./", 2) != 0 && strncmp(mod, "../", 3) != 0) return;
    rl_fact_add(cx, FACT_BARE_IMPORT, at, rl_text_dup(cx, rl_child(cx, f, RL_F_PROPERTY)), mod,
                handler);
  }
}

/* Checks one expression whose value is dropped (and the branches of
 * `&&`, `||`, `??` and `?:` in it). */
static void dropped(RlCtx *cx, RlNode e0, RlNode at0, const char *handler) {
  /* a work list instead of recursion: `a ? b : c ? d : ...` can nest deep */
  RlNode todo[32][2];
  uint32_t n = 0;
  todo[n][0] = e0;
  todo[n++][1] = at0;
  while (n) {
    n--;
    RlNode e = rl_strip(cx, todo[n][0]), at = todo[n][1];
    RlKind k = rl_kind(cx, e);
    if (k == RL_JS_BINARY_EXPRESSION) {
      const char *op = rl_op(cx, e);
      RlNode right = rl_child(cx, e, RL_F_RIGHT);
      if ((!strcmp(op, "&&") || !strcmp(op, "||") || !strcmp(op, "??")) && n < 32) {
        todo[n][0] = right;
        todo[n++][1] = right;
      }
      continue;
    }
    if (k == RL_JS_TERNARY_EXPRESSION) {
      RlNode a = rl_child(cx, e, RL_F_CONSEQUENCE), b = rl_child(cx, e, RL_F_ALTERNATIVE);
      if (n + 2 > 32) continue;
      todo[n][0] = b; /* popped second: reports stay in source order */
      todo[n++][1] = b;
      todo[n][0] = a;
      todo[n++][1] = a;
      continue;
    }
    if (k != RL_JS_CALL_EXPRESSION && k != RL_JS_NEW_EXPRESSION) continue;
    if (handled(cx, e)) continue;
    if (k == RL_JS_CALL_EXPRESSION && strcmp(rl_js_callee_name(cx, e), "finally") == 0) {
      /* finally passes the rejection on: look at what it is called on */
      RlNode obj = rl_strip(cx, rl_js_callee_object(cx, e));
      if (rl_kind(cx, obj) == RL_JS_CALL_EXPRESSION || rl_kind(cx, obj) == RL_JS_NEW_EXPRESSION) {
        todo[n][0] = obj; /* n < 32: one was just popped */
        todo[n++][1] = at;
        continue;
      }
    }
    Why why;
    if (promise_call(cx, e, &why))
      report(cx, at, &why, handler);
    else
      defer_import(cx, e, at, handler);
  }
}

static void check(RlCtx *cx, RlNode n, void *state) {
  const State *st = state;
  if (rl_kind(cx, n) == RL_JS_ARROW_FUNCTION) {
    /* setTimeout(() => save(), 10), onClick={() => save()} */
    RlNode body = rl_child(cx, n, RL_F_BODY);
    if (!body || rl_kind(cx, body) == RL_JS_STATEMENT_BLOCK) return;
    const char *h = handler_of(cx, n, st);
    if (h) dropped(cx, body, body, h);
    return;
  }
  RlNode e = rl_named_child(cx, n, 0);
  while (e && rl_kind(cx, e) == RL_JS_COMMENT) e = rl_next_sibling(cx, e);
  if (!e) return;
  RlNode s = rl_strip(cx, e);
  RlKind k = rl_kind(cx, s);
  if (k != RL_JS_CALL_EXPRESSION && k != RL_JS_NEW_EXPRESSION && k != RL_JS_BINARY_EXPRESSION &&
      k != RL_JS_TERNARY_EXPRESSION)
    return;
  dropped(cx, s, s, handler_context(cx, n, st));
}

/* Section - phase 2 */

static bool no_reject(const RlProject *px, const RlRule *self, const RlFact *fn) {
  uint32_t n;
  const RlFact *f = rl_project_facts(px, fn->file, &n);
  for (uint32_t i = 0; i < n; i++)
    if (f[i].kind == FACT_NO_REJECT && rl_fact_of(px, &f[i], self) &&
        strcmp(f[i].a, fn->a) == 0)
      return true;
  return false;
}

/* What module `file` exports as `name`, as a function fact. */
static const RlFact *exported(const RlProject *px, uint32_t file, const char *name) {
  uint32_t n;
  const RlFact *f = rl_project_facts(px, file, &n);
  for (uint32_t i = 0; i < n; i++) {
    if (f[i].kind != RL_FACT_EXPORT || strcmp(f[i].a, name) != 0) continue;
    if (f[i].c && *f[i].c) {
      int32_t t = rl_project_resolve(px, file, f[i].c);
      return t < 0 ? NULL : rl_project_js_binding(px, (uint32_t)t, f[i].b);
    }
    return rl_project_js_binding(px, file, f[i].b);
  }
  const RlFact *fn = rl_project_func(px, file, name);
  return fn && (fn->flags & RL_FF_EXPORTED) ? fn : NULL;
}

static void project(RlProject *px, const RlRule *self) {
  uint32_t nfiles = rl_project_nfiles(px);
  for (uint32_t file = 0; file < nfiles; file++) {
    uint32_t n;
    const RlFact *facts = rl_project_facts(px, file, &n);
    for (uint32_t i = 0; i < n; i++) {
      const RlFact *f = &facts[i];
      if (f->kind != FACT_BARE_IMPORT || !rl_fact_of(px, f, self)) continue;
      const RlFact *fn;
      if (f->b && *f->b) {
        int32_t t = rl_project_resolve(px, file, f->b);
        fn = t < 0 ? NULL : exported(px, (uint32_t)t, f->a);
      } else {
        fn = rl_project_js_binding(px, file, f->a);
      }
      if (!fn || !(fn->flags & RL_FF_ASYNC) || (fn->flags & RL_FF_METHOD) ||
          no_reject(px, self, fn))
        continue;
      RlReport *r;
      if (f->c && *f->c)
        r = rl_project_report(px, self, f,
                              "the promise of '%s' is neither awaited nor given a rejection "
                              "handler in this %s: the callback returns at once, so "
                              "the next call can overlap this one, and a rejection is "
                              "unhandled",
                              f->a, f->c);
      else
        r = rl_project_report(px, self, f,
                              "the promise of '%s' is neither awaited, returned nor given a "
                              "rejection handler: the code after line %u runs while it is "
                              "still pending, and a rejection is unhandled",
                              f->a, f->loc.line);
      rl_project_related(px, r, fn, "'%s' is declared async here", fn->a);
    }
  }
}

static const RlKind kinds[] = {RL_JS_EXPRESSION_STATEMENT, RL_JS_ARROW_FUNCTION};

const RlRule rl_rule_floating_promise = {
    .id = "floating-promise",
    .title = "Floating promise",
    .summary = "Finds promises that are neither awaited, returned, stored nor given a rejection handler, so their failure is unhandled.",
    .langs = RL_LANG_JSTS,
    .severity = RL_SEV_WARNING,
    .category = RL_CAT_CONCURRENCY,
    .precision = "high",
    .hint = "Await it inside try/catch, return it, or hand it to the runtime's runInBackground(fn, onError) (runtime/js).",
    .kinds = kinds,
    .nkinds = RL_COUNTOF(kinds),
    .begin_file = begin_file,
    .check = check,
    .project = project,
};
