/* js_facts.c - the standard facts of a JS/TS file: one pass over its
 * top-level statements records functions (async, exported), classes,
 * imports, exports and CommonJS exports, then the declared types
 * (js_types.c). The language table calls it (lang_js.c). */
#include "js_facts.h"

#include <stdio.h>
#include <string.h>

#include "js_types.h"

static const char *rl_js_facts__str(RlCtx *cx, RlNode n) {
  if (!n) return "";
  if (rl_kind(cx, n) == RL_JS_STRING) {
    RlNode frag = rl_named_child(cx, n, 0);
    return frag ? rl_text_dup(cx, frag) : "";
  }
  return rl_text_dup(cx, n);
}

static RlFact *rl_js_facts__func_fact(RlCtx *cx, RlNode at, const char *name, const char *bare,
                                   const char *cls) {
  RlFact *f = rl_fact_new(cx, RL_FACT_FUNC, at);
  f->fn.name = rl_fact_str(cx, name);
  f->fn.bare = rl_fact_str(cx, bare);
  f->fn.cls = rl_fact_str(cx, cls);
  return f;
}

static void rl_js_facts__import_fact(RlCtx *cx, RlNode at, const char *local, const char *module,
                                  const char *imported) {
  RlFact *f = rl_fact_new(cx, RL_FACT_IMPORT, at);
  f->import.local = rl_fact_str(cx, local);
  f->import.module = rl_fact_str(cx, module);
  if (imported) f->import.imported = rl_fact_str(cx, imported);
  else f->import.what = RL_IMPORT_NAMESPACE;
}

static void rl_js_facts__export_fact(RlCtx *cx, RlNode at, const char *name, const char *local,
                                  const char *from) {
  RlFact *f = rl_fact_new(cx, RL_FACT_EXPORT, at);
  f->export.name = rl_fact_str(cx, name);
  f->export.local = rl_fact_str(cx, local);
  f->export.from = rl_fact_str(cx, from);
}

static void rl_js_facts__func(RlCtx *cx, RlNode fn, const char *name, uint32_t flags) {
  if (!fn || !name || !*name) return;
  /* RL_FF_ASYNC means "calling it returns a promise": not async generators */
  if (rl_js_is_async(cx, fn) && !rl_js_is_generator(cx, fn)) flags |= RL_FF_ASYNC;
  RlFact *f = rl_js_facts__func_fact(cx, fn, name, name, NULL);
  f->flags = flags;
}

static void rl_js_facts__class(RlCtx *cx, RlNode cls, uint32_t flags) {
  const char *cname = rl_text_dup(cx, rl_child(cx, cls, RL_F_NAME));
  RlNode body = rl_child(cx, cls, RL_F_BODY);
  for (RlNode m = rl_first_child(cx, body); m; m = rl_next_sibling(cx, m)) {
    RlNode fn = RL_NONE;
    const char *mname = "";
    if (rl_kind(cx, m) == RL_JS_METHOD_DEFINITION) {
      fn = m;
      mname = rl_text_dup(cx, rl_child(cx, m, RL_F_NAME));
    } else if (rl_kind(cx, m) == RL_JS_FIELD_DEFINITION ||
               rl_kind(cx, m) == RL_JS_PUBLIC_FIELD_DEFINITION) {
      RlNode v = rl_strip(cx, rl_child(cx, m, RL_F_VALUE));
      if (!v || !rl_js_is_function(cx, v)) continue;
      fn = v;
      RlNode p = rl_child(cx, m, RL_F_PROPERTY);
      if (!p) p = rl_child(cx, m, RL_F_NAME);
      mname = rl_text_dup(cx, p);
    }
    if (!fn || !*mname) continue;
    size_t n = strlen(cname) + strlen(mname) + 2;
    char *full = rl_alloc(cx, n);
    strcpy(full, cname);
    strcat(full, ".");
    strcat(full, mname);
    uint32_t fl = flags | RL_FF_METHOD;
    if (rl_has_token(cx, m, "static")) fl |= RL_FF_STATIC;
    if (rl_js_is_async(cx, fn) && !rl_js_is_generator(cx, fn)) fl |= RL_FF_ASYNC;
    RlFact *f = rl_js_facts__func_fact(cx, fn, full, mname, cname);
    f->flags = fl;
  }
}

/* `require("x")` call? Returns the specifier node. */
static RlNode rl_js_facts__require(RlCtx *cx, RlNode v) {
  v = rl_strip(cx, v);
  if (rl_kind(cx, v) != RL_JS_CALL_EXPRESSION) return RL_NONE;
  RlNode f = rl_child(cx, v, RL_F_FUNCTION);
  if (!rl_text_eq(cx, f, "require")) return RL_NONE;
  RlNode a = rl_js_arg(cx, v, 0);
  return rl_kind(cx, a) == RL_JS_STRING ? a : RL_NONE;
}

static void rl_js_facts__declaration(RlCtx *cx, RlNode d, uint32_t flags) {
  for (RlNode v = rl_first_child(cx, d); v; v = rl_next_sibling(cx, v)) {
    if (rl_kind(cx, v) != RL_JS_VARIABLE_DECLARATOR) continue;
    RlNode name = rl_child(cx, v, RL_F_NAME);
    RlNode val = rl_child(cx, v, RL_F_VALUE);
    RlNode req = rl_js_facts__require(cx, val);
    if (req) {
      const char *spec = rl_js_facts__str(cx, req);
      if (rl_kind(cx, name) == RL_JS_IDENTIFIER) {
        rl_js_facts__import_fact(cx, v, rl_text_dup(cx, name), spec, NULL);
      } else if (rl_kind(cx, name) == RL_JS_OBJECT_PATTERN) {
        for (RlNode p = rl_first_child(cx, name); p; p = rl_next_sibling(cx, p)) {
          if (rl_kind(cx, p) == RL_JS_SHORTHAND_PROPERTY_IDENTIFIER_PATTERN) {
            const char *s = rl_text_dup(cx, p);
            rl_js_facts__import_fact(cx, p, s, spec, s);
          } else if (rl_kind(cx, p) == RL_JS_PAIR_PATTERN) {
            RlNode val2 = rl_child(cx, p, RL_F_VALUE);
            if (rl_kind(cx, val2) == RL_JS_IDENTIFIER)
              rl_js_facts__import_fact(cx, p, rl_text_dup(cx, val2), spec,
                          rl_text_dup(cx, rl_child(cx, p, RL_F_KEY)));
          }
        }
      }
      continue;
    }
    val = rl_strip(cx, val);
    if (rl_kind(cx, name) == RL_JS_IDENTIFIER && val && rl_js_is_function(cx, val)) {
      const char *s = rl_text_dup(cx, name);
      rl_js_facts__func(cx, val, s, flags);
      if (flags & RL_FF_EXPORTED) rl_js_facts__export_fact(cx, v, s, s, NULL);
    }
  }
}

static void rl_js_facts__import(RlCtx *cx, RlNode st) {
  const char *spec = rl_js_facts__str(cx, rl_child(cx, st, RL_F_SOURCE));
  RlNode clause = RL_NONE;
  for (RlNode c = rl_first_child(cx, st); c; c = rl_next_sibling(cx, c))
    if (rl_kind(cx, c) == RL_JS_IMPORT_CLAUSE) clause = c;
  for (RlNode c = rl_first_child(cx, clause); c; c = rl_next_sibling(cx, c)) {
    switch (rl_kind(cx, c)) {
    case RL_JS_IDENTIFIER:
      rl_js_facts__import_fact(cx, c, rl_text_dup(cx, c), spec, "default");
      break;
    case RL_JS_NAMESPACE_IMPORT: {
      RlNode id = rl_named_child(cx, c, 0);
      if (id) rl_js_facts__import_fact(cx, c, rl_text_dup(cx, id), spec, NULL);
      break;
    }
    case RL_JS_NAMED_IMPORTS:
      for (RlNode s = rl_first_child(cx, c); s; s = rl_next_sibling(cx, s)) {
        if (rl_kind(cx, s) != RL_JS_IMPORT_SPECIFIER) continue;
        RlNode name = rl_child(cx, s, RL_F_NAME);
        RlNode alias = rl_child(cx, s, RL_F_ALIAS);
        const char *imported = rl_js_facts__str(cx, name);
        rl_js_facts__import_fact(cx, s, alias ? rl_text_dup(cx, alias) : imported, spec,
                    imported);
      }
      break;
    default:
      break;
    }
  }
}

static void rl_js_facts__export(RlCtx *cx, RlNode st) {
  RlNode decl = rl_child(cx, st, RL_F_DECLARATION);
  bool is_default = rl_has_token(cx, st, "default");
  if (decl) {
    switch (rl_kind(cx, decl)) {
    case RL_JS_FUNCTION_DECLARATION:
    case RL_JS_GENERATOR_FUNCTION_DECLARATION: {
      const char *name = rl_text_dup(cx, rl_child(cx, decl, RL_F_NAME));
      rl_js_facts__func(cx, decl, name, RL_FF_EXPORTED);
      rl_js_facts__export_fact(cx, st, is_default ? "default" : name, name, NULL);
      break;
    }
    case RL_JS_CLASS_DECLARATION:
    case RL_JS_ABSTRACT_CLASS_DECLARATION: {
      const char *name = rl_text_dup(cx, rl_child(cx, decl, RL_F_NAME));
      rl_js_facts__class(cx, decl, RL_FF_EXPORTED);
      rl_js_facts__export_fact(cx, st, is_default ? "default" : name, name, NULL);
      break;
    }
    case RL_JS_LEXICAL_DECLARATION:
    case RL_JS_VARIABLE_DECLARATION:
      rl_js_facts__declaration(cx, decl, RL_FF_EXPORTED);
      break;
    default:
      break;
    }
    return;
  }
  RlNode val = rl_strip(cx, rl_child(cx, st, RL_F_VALUE));
  if (is_default && val) {
    if (rl_js_is_function(cx, val)) {
      RlNode nm = rl_child(cx, val, RL_F_NAME);
      const char *name = nm ? rl_text_dup(cx, nm) : "default";
      rl_js_facts__func(cx, val, name, RL_FF_EXPORTED);
      rl_js_facts__export_fact(cx, st, "default", name, NULL);
    } else if (rl_kind(cx, val) == RL_JS_IDENTIFIER) {
      rl_js_facts__export_fact(cx, st, "default", rl_text_dup(cx, val), NULL);
    }
    return;
  }
  const char *from = rl_js_facts__str(cx, rl_child(cx, st, RL_F_SOURCE));
  for (RlNode c = rl_first_child(cx, st); c; c = rl_next_sibling(cx, c)) {
    if (rl_kind(cx, c) != RL_JS_EXPORT_CLAUSE) continue;
    for (RlNode s = rl_first_child(cx, c); s; s = rl_next_sibling(cx, s)) {
      if (rl_kind(cx, s) != RL_JS_EXPORT_SPECIFIER) continue;
      const char *name = rl_js_facts__str(cx, rl_child(cx, s, RL_F_NAME));
      RlNode alias = rl_child(cx, s, RL_F_ALIAS);
      rl_js_facts__export_fact(cx, s, alias ? rl_js_facts__str(cx, alias) : name, name, from);
    }
  }
}

/* module.exports.f = fn / exports.f = fn / module.exports = { f, g } */
static void rl_js_facts__commonjs(RlCtx *cx, RlNode st) {
  RlNode e = rl_strip(cx, rl_named_child(cx, st, 0));
  if (rl_kind(cx, e) != RL_JS_ASSIGNMENT_EXPRESSION) return;
  RlNode left = rl_child(cx, e, RL_F_LEFT), right = rl_strip(cx, rl_child(cx, e, RL_F_RIGHT));
  size_t n;
  const char *lt = rl_text(cx, left, &n);
  const char *name = NULL;
  if (n > 15 && memcmp(lt, "module.exports.", 15) == 0) name = rl_str(cx, lt + 15, n - 15);
  else if (n > 8 && memcmp(lt, "exports.", 8) == 0) name = rl_str(cx, lt + 8, n - 8);
  if (name) {
    if (rl_js_is_function(cx, right)) {
      rl_js_facts__func(cx, right, name, RL_FF_EXPORTED);
      rl_js_facts__export_fact(cx, st, name, name, NULL);
    } else if (rl_kind(cx, right) == RL_JS_IDENTIFIER) {
      rl_js_facts__export_fact(cx, st, name, rl_text_dup(cx, right), NULL);
    }
    return;
  }
  if (!(n == 14 && memcmp(lt, "module.exports", 14) == 0)) return;
  if (rl_kind(cx, right) == RL_JS_OBJECT) {
    for (RlNode p = rl_first_child(cx, right); p; p = rl_next_sibling(cx, p)) {
      if (rl_kind(cx, p) == RL_JS_SHORTHAND_PROPERTY_IDENTIFIER) {
        const char *s = rl_text_dup(cx, p);
        rl_js_facts__export_fact(cx, p, s, s, NULL);
      } else if (rl_kind(cx, p) == RL_JS_PAIR) {
        const char *k = rl_js_facts__str(cx, rl_child(cx, p, RL_F_KEY));
        RlNode v = rl_strip(cx, rl_child(cx, p, RL_F_VALUE));
        if (rl_kind(cx, v) == RL_JS_IDENTIFIER)
          rl_js_facts__export_fact(cx, p, k, rl_text_dup(cx, v), NULL);
        else if (rl_js_is_function(cx, v)) {
          rl_js_facts__func(cx, v, k, RL_FF_EXPORTED);
          rl_js_facts__export_fact(cx, p, k, k, NULL);
        }
      } else if (rl_kind(cx, p) == RL_JS_METHOD_DEFINITION) {
        const char *k = rl_text_dup(cx, rl_child(cx, p, RL_F_NAME));
        rl_js_facts__func(cx, p, k, RL_FF_EXPORTED);
        rl_js_facts__export_fact(cx, p, k, k, NULL);
      }
    }
  } else if (rl_js_is_function(cx, right)) {
    rl_js_facts__func(cx, right, "default", RL_FF_EXPORTED);
    rl_js_facts__export_fact(cx, st, "default", "default", NULL);
  } else if (rl_kind(cx, right) == RL_JS_IDENTIFIER) {
    rl_js_facts__export_fact(cx, st, "default", rl_text_dup(cx, right), NULL);
  }
}

void rl_js_facts_extract(RlCtx *cx) {
  RlNode root = rl_root(cx);
  for (RlNode st = rl_first_child(cx, root); st; st = rl_next_sibling(cx, st)) {
    switch (rl_kind(cx, st)) {
    case RL_JS_FUNCTION_DECLARATION:
    case RL_JS_GENERATOR_FUNCTION_DECLARATION:
      rl_js_facts__func(cx, st, rl_text_dup(cx, rl_child(cx, st, RL_F_NAME)), 0);
      break;
    case RL_JS_CLASS_DECLARATION:
    case RL_JS_ABSTRACT_CLASS_DECLARATION:
      rl_js_facts__class(cx, st, 0);
      break;
    case RL_JS_LEXICAL_DECLARATION:
    case RL_JS_VARIABLE_DECLARATION:
      rl_js_facts__declaration(cx, st, 0);
      break;
    case RL_JS_IMPORT_STATEMENT:
      rl_js_facts__import(cx, st);
      break;
    case RL_JS_EXPORT_STATEMENT:
      rl_js_facts__export(cx, st);
      break;
    case RL_JS_EXPRESSION_STATEMENT:
      rl_js_facts__commonjs(cx, st);
      break;
    default:
      break;
    }
  }
  rl_js_types_extract(cx);
}
