/* facts.c - standard per-file facts (see facts.h). One pass over the
 * top-level statements for JS/TS; one pass over all nodes for C. Also owns
 * the operations on the fact records: C objects, held sets, and binding a
 * file's facts to its project index. */
#include "facts.h"

#include "csum.h"

#include <stdio.h>
#include <string.h>

/* Section - records */

bool rl_c_obj_eq(const RlCObj *a, const RlCObj *b) {
  if (a->kind != b->kind || a->param != b->param || a->nelem != b->nelem ||
      a->file_local != b->file_local || a->deref != b->deref)
    return false;
  if (a->file_local && a->file != b->file) return false;
  return strcmp(a->name ? a->name : "", b->name ? b->name : "") == 0 &&
         strcmp(a->owner ? a->owner : "", b->owner ? b->owner : "") == 0;
}

bool rl_c_held_has(const RlCHeld *h, uint32_t n, const RlCObj *c) {
  for (uint32_t i = 0; i < n; i++)
    if (rl_c_obj_eq(&h[i].cls, c)) return true;
  return false;
}

/* Appends s to buf[0..cap) at *len (truncating, NUL-terminated); *len
 * counts what was asked for. */
static void rl_facts__put(char *buf, size_t cap, size_t *len, const char *s) {
  size_t n = strlen(s);
  if (*len + 1 < cap) {
    size_t k = n < cap - 1 - *len ? n : cap - 1 - *len;
    memcpy(buf + *len, s, k);
    buf[*len + k] = 0;
  }
  *len += n;
}

size_t rl_c_obj_print(const RlProject *px, const RlCObj *o, char *buf, size_t cap) {
  char tmp[1];
  if (!cap) buf = tmp, cap = 1;
  buf[0] = 0;
  const char *name = o->name ? o->name : "", *owner = o->owner ? o->owner : "";
  size_t len = 0;
  if (o->kind == RL_CO_NONE) return 0;
  if (o->deref) rl_facts__put(buf, cap, &len, "*");
  switch (o->kind) {
  case RL_CO_STATIC_LOCAL:
    rl_facts__put(buf, cap, &len, owner);
    rl_facts__put(buf, cap, &len, "::");
    break;
  case RL_CO_LOCAL:
    rl_facts__put(buf, cap, &len, "local:");
    rl_facts__put(buf, cap, &len, owner);
    rl_facts__put(buf, cap, &len, ".");
    break;
  case RL_CO_FIELD:
    rl_facts__put(buf, cap, &len, owner);
    rl_facts__put(buf, cap, &len, ".");
    break;
  case RL_CO_PARAM: {
    char num[16];
    snprintf(num, sizeof num, "$%u", (unsigned)o->param);
    name = num;
    rl_facts__put(buf, cap, &len, name);
    name = "";
    break;
  }
  default:
    break;
  }
  rl_facts__put(buf, cap, &len, name);
  /* a file-local object's spelling: "name@@file" then its element marks;
   * without the file, the name alone (its element marks not shown) */
  if (o->file_local) {
    if (!px) return len;
    rl_facts__put(buf, cap, &len, "@@");
    rl_facts__put(buf, cap, &len, rl_project_rel_path(px, o->file));
  }
  for (uint8_t i = 0; i < o->nelem; i++) rl_facts__put(buf, cap, &len, "[]");
  return len;
}

void rl_facts_init_record(RlFact *f) {
  switch (f->kind) {
  case RL_FACT_FUNC: f->fn.name = f->fn.bare = f->fn.cls = ""; break;
  case RL_FACT_IMPORT: f->import.local = f->import.module = f->import.imported = ""; break;
  case RL_FACT_EXPORT: f->export.name = f->export.local = f->export.from = ""; break;
  case RL_FACT_CALL: f->call.callee = ""; break;
  case RL_FACT_SPAWN: f->spawn.routine = f->spawn.api = f->spawn.arg = ""; break;
  case RL_FACT_C_LOCK:
  case RL_FACT_C_UNLOCK: f->lock.text = ""; break;
  case RL_FACT_C_ACCESS: f->access.text = f->access.value = ""; break;
  case RL_FACT_C_GLOBAL: f->global.type = ""; break;
  case RL_FACT_C_BALANCE: f->balance.text = ""; break;
  case RL_FACT_C_PAIR: f->pair.first = f->pair.second = ""; break;
  case RL_FACT_C_LAZY: f->lazy.var = f->lazy.text = ""; break;
  case RL_FACT_C_NOTE: f->note.msg = ""; break;
  case RL_FACT_C_PASS: f->pass.callee = ""; break;
  case RL_FACT_C_ASSUME: f->assume.callee = ""; break;
  case RL_FACT_C_GUARD: f->guard.spell = f->guard.value = ""; break;
  case RL_FACT_C_ARGK: f->argk.callee = f->argk.spell = f->argk.value = ""; break;
  default: f->a = f->b = f->c = ""; break;
  }
}

static void rl_facts__bind_obj(RlCObj *o, uint32_t file) {
  if (o->file_local) o->file = file;
}

static void rl_facts__bind_held(const RlCHeld *h, uint32_t n, uint32_t file) {
  /* the held arrays belong to the file's facts (rl_fact_alloc) */
  RlCHeld *w = (RlCHeld *)h;
  for (uint32_t i = 0; i < n; i++) rl_facts__bind_obj(&w[i].cls, file);
}

void rl_facts_bind(RlFact *v, uint32_t n, uint32_t file) {
  for (uint32_t i = 0; i < n; i++) {
    RlFact *f = &v[i];
    f->file = file;
    if (f->rule != 0xFFFF) continue; /* a rule's own kinds */
    switch (f->kind) {
    case RL_FACT_CALL:
      rl_facts__bind_held(f->call.held, f->call.nheld, file);
      rl_facts__bind_obj(&f->call.lock, file);
      break;
    case RL_FACT_C_LOCK:
    case RL_FACT_C_UNLOCK:
      rl_facts__bind_held(f->lock.held, f->lock.nheld, file);
      rl_facts__bind_obj(&f->lock.cls, file);
      break;
    case RL_FACT_C_ACCESS:
      rl_facts__bind_held(f->access.held, f->access.nheld, file);
      rl_facts__bind_obj(&f->access.var, file);
      break;
    case RL_FACT_C_GLOBAL: rl_facts__bind_obj(&f->global.var, file); break;
    case RL_FACT_C_WRAPPER: rl_facts__bind_obj(&f->wrapper.cls, file); break;
    case RL_FACT_C_BALANCE: rl_facts__bind_obj(&f->balance.cls, file); break;
    case RL_FACT_C_PAIR: rl_facts__bind_obj(&f->pair.cls, file); break;
    case RL_FACT_C_GUARD: rl_facts__bind_obj(&f->guard.var, file); break;
    case RL_FACT_C_CHANGE: rl_facts__bind_obj(&f->change.var, file); break;
    default: break;
    }
  }
}

/* Section - JS/TS */

static const char *rl_facts__str(RlCtx *cx, RlNode n) {
  if (!n) return "";
  if (rl_kind(cx, n) == RL_JS_STRING) {
    RlNode frag = rl_named_child(cx, n, 0);
    return frag ? rl_text_dup(cx, frag) : "";
  }
  return rl_text_dup(cx, n);
}

static RlFact *rl_facts__func_fact(RlCtx *cx, RlNode at, const char *name, const char *bare,
                                   const char *cls) {
  RlFact *f = rl_fact_new(cx, RL_FACT_FUNC, at);
  f->fn.name = rl_fact_str(cx, name);
  f->fn.bare = rl_fact_str(cx, bare);
  f->fn.cls = rl_fact_str(cx, cls);
  return f;
}

static void rl_facts__import_fact(RlCtx *cx, RlNode at, const char *local, const char *module,
                                  const char *imported) {
  RlFact *f = rl_fact_new(cx, RL_FACT_IMPORT, at);
  f->import.local = rl_fact_str(cx, local);
  f->import.module = rl_fact_str(cx, module);
  if (imported) f->import.imported = rl_fact_str(cx, imported);
  else f->import.what = RL_IMPORT_NAMESPACE;
}

static void rl_facts__export_fact(RlCtx *cx, RlNode at, const char *name, const char *local,
                                  const char *from) {
  RlFact *f = rl_fact_new(cx, RL_FACT_EXPORT, at);
  f->export.name = rl_fact_str(cx, name);
  f->export.local = rl_fact_str(cx, local);
  f->export.from = rl_fact_str(cx, from);
}

static void rl_facts__func(RlCtx *cx, RlNode fn, const char *name, uint32_t flags) {
  if (!fn || !name || !*name) return;
  /* RL_FF_ASYNC means "calling it returns a promise": not async generators */
  if (rl_js_is_async(cx, fn) && !rl_js_is_generator(cx, fn)) flags |= RL_FF_ASYNC;
  RlFact *f = rl_facts__func_fact(cx, fn, name, name, NULL);
  f->flags = flags;
}

static void rl_facts__class(RlCtx *cx, RlNode cls, uint32_t flags) {
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
    RlFact *f = rl_facts__func_fact(cx, fn, full, mname, cname);
    f->flags = fl;
  }
}

/* `require("x")` call? Returns the specifier node. */
static RlNode rl_facts__require(RlCtx *cx, RlNode v) {
  v = rl_strip(cx, v);
  if (rl_kind(cx, v) != RL_JS_CALL_EXPRESSION) return RL_NONE;
  RlNode f = rl_child(cx, v, RL_F_FUNCTION);
  if (!rl_text_eq(cx, f, "require")) return RL_NONE;
  RlNode a = rl_js_arg(cx, v, 0);
  return rl_kind(cx, a) == RL_JS_STRING ? a : RL_NONE;
}

static void rl_facts__declaration(RlCtx *cx, RlNode d, uint32_t flags) {
  for (RlNode v = rl_first_child(cx, d); v; v = rl_next_sibling(cx, v)) {
    if (rl_kind(cx, v) != RL_JS_VARIABLE_DECLARATOR) continue;
    RlNode name = rl_child(cx, v, RL_F_NAME);
    RlNode val = rl_child(cx, v, RL_F_VALUE);
    RlNode req = rl_facts__require(cx, val);
    if (req) {
      const char *spec = rl_facts__str(cx, req);
      if (rl_kind(cx, name) == RL_JS_IDENTIFIER) {
        rl_facts__import_fact(cx, v, rl_text_dup(cx, name), spec, NULL);
      } else if (rl_kind(cx, name) == RL_JS_OBJECT_PATTERN) {
        for (RlNode p = rl_first_child(cx, name); p; p = rl_next_sibling(cx, p)) {
          if (rl_kind(cx, p) == RL_JS_SHORTHAND_PROPERTY_IDENTIFIER_PATTERN) {
            const char *s = rl_text_dup(cx, p);
            rl_facts__import_fact(cx, p, s, spec, s);
          } else if (rl_kind(cx, p) == RL_JS_PAIR_PATTERN) {
            RlNode val2 = rl_child(cx, p, RL_F_VALUE);
            if (rl_kind(cx, val2) == RL_JS_IDENTIFIER)
              rl_facts__import_fact(cx, p, rl_text_dup(cx, val2), spec,
                          rl_text_dup(cx, rl_child(cx, p, RL_F_KEY)));
          }
        }
      }
      continue;
    }
    val = rl_strip(cx, val);
    if (rl_kind(cx, name) == RL_JS_IDENTIFIER && val && rl_js_is_function(cx, val)) {
      const char *s = rl_text_dup(cx, name);
      rl_facts__func(cx, val, s, flags);
      if (flags & RL_FF_EXPORTED) rl_facts__export_fact(cx, v, s, s, NULL);
    }
  }
}

static void rl_facts__import(RlCtx *cx, RlNode st) {
  const char *spec = rl_facts__str(cx, rl_child(cx, st, RL_F_SOURCE));
  RlNode clause = RL_NONE;
  for (RlNode c = rl_first_child(cx, st); c; c = rl_next_sibling(cx, c))
    if (rl_kind(cx, c) == RL_JS_IMPORT_CLAUSE) clause = c;
  for (RlNode c = rl_first_child(cx, clause); c; c = rl_next_sibling(cx, c)) {
    switch (rl_kind(cx, c)) {
    case RL_JS_IDENTIFIER:
      rl_facts__import_fact(cx, c, rl_text_dup(cx, c), spec, "default");
      break;
    case RL_JS_NAMESPACE_IMPORT: {
      RlNode id = rl_named_child(cx, c, 0);
      if (id) rl_facts__import_fact(cx, c, rl_text_dup(cx, id), spec, NULL);
      break;
    }
    case RL_JS_NAMED_IMPORTS:
      for (RlNode s = rl_first_child(cx, c); s; s = rl_next_sibling(cx, s)) {
        if (rl_kind(cx, s) != RL_JS_IMPORT_SPECIFIER) continue;
        RlNode name = rl_child(cx, s, RL_F_NAME);
        RlNode alias = rl_child(cx, s, RL_F_ALIAS);
        const char *imported = rl_facts__str(cx, name);
        rl_facts__import_fact(cx, s, alias ? rl_text_dup(cx, alias) : imported, spec,
                    imported);
      }
      break;
    default:
      break;
    }
  }
}

static void rl_facts__export(RlCtx *cx, RlNode st) {
  RlNode decl = rl_child(cx, st, RL_F_DECLARATION);
  bool is_default = rl_has_token(cx, st, "default");
  if (decl) {
    switch (rl_kind(cx, decl)) {
    case RL_JS_FUNCTION_DECLARATION:
    case RL_JS_GENERATOR_FUNCTION_DECLARATION: {
      const char *name = rl_text_dup(cx, rl_child(cx, decl, RL_F_NAME));
      rl_facts__func(cx, decl, name, RL_FF_EXPORTED);
      rl_facts__export_fact(cx, st, is_default ? "default" : name, name, NULL);
      break;
    }
    case RL_JS_CLASS_DECLARATION:
    case RL_JS_ABSTRACT_CLASS_DECLARATION: {
      const char *name = rl_text_dup(cx, rl_child(cx, decl, RL_F_NAME));
      rl_facts__class(cx, decl, RL_FF_EXPORTED);
      rl_facts__export_fact(cx, st, is_default ? "default" : name, name, NULL);
      break;
    }
    case RL_JS_LEXICAL_DECLARATION:
    case RL_JS_VARIABLE_DECLARATION:
      rl_facts__declaration(cx, decl, RL_FF_EXPORTED);
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
      rl_facts__func(cx, val, name, RL_FF_EXPORTED);
      rl_facts__export_fact(cx, st, "default", name, NULL);
    } else if (rl_kind(cx, val) == RL_JS_IDENTIFIER) {
      rl_facts__export_fact(cx, st, "default", rl_text_dup(cx, val), NULL);
    }
    return;
  }
  const char *from = rl_facts__str(cx, rl_child(cx, st, RL_F_SOURCE));
  for (RlNode c = rl_first_child(cx, st); c; c = rl_next_sibling(cx, c)) {
    if (rl_kind(cx, c) != RL_JS_EXPORT_CLAUSE) continue;
    for (RlNode s = rl_first_child(cx, c); s; s = rl_next_sibling(cx, s)) {
      if (rl_kind(cx, s) != RL_JS_EXPORT_SPECIFIER) continue;
      const char *name = rl_facts__str(cx, rl_child(cx, s, RL_F_NAME));
      RlNode alias = rl_child(cx, s, RL_F_ALIAS);
      rl_facts__export_fact(cx, s, alias ? rl_facts__str(cx, alias) : name, name, from);
    }
  }
}

/* module.exports.f = fn / exports.f = fn / module.exports = { f, g } */
static void rl_facts__commonjs(RlCtx *cx, RlNode st) {
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
      rl_facts__func(cx, right, name, RL_FF_EXPORTED);
      rl_facts__export_fact(cx, st, name, name, NULL);
    } else if (rl_kind(cx, right) == RL_JS_IDENTIFIER) {
      rl_facts__export_fact(cx, st, name, rl_text_dup(cx, right), NULL);
    }
    return;
  }
  if (!(n == 14 && memcmp(lt, "module.exports", 14) == 0)) return;
  if (rl_kind(cx, right) == RL_JS_OBJECT) {
    for (RlNode p = rl_first_child(cx, right); p; p = rl_next_sibling(cx, p)) {
      if (rl_kind(cx, p) == RL_JS_SHORTHAND_PROPERTY_IDENTIFIER) {
        const char *s = rl_text_dup(cx, p);
        rl_facts__export_fact(cx, p, s, s, NULL);
      } else if (rl_kind(cx, p) == RL_JS_PAIR) {
        const char *k = rl_facts__str(cx, rl_child(cx, p, RL_F_KEY));
        RlNode v = rl_strip(cx, rl_child(cx, p, RL_F_VALUE));
        if (rl_kind(cx, v) == RL_JS_IDENTIFIER)
          rl_facts__export_fact(cx, p, k, rl_text_dup(cx, v), NULL);
        else if (rl_js_is_function(cx, v)) {
          rl_facts__func(cx, v, k, RL_FF_EXPORTED);
          rl_facts__export_fact(cx, p, k, k, NULL);
        }
      } else if (rl_kind(cx, p) == RL_JS_METHOD_DEFINITION) {
        const char *k = rl_text_dup(cx, rl_child(cx, p, RL_F_NAME));
        rl_facts__func(cx, p, k, RL_FF_EXPORTED);
        rl_facts__export_fact(cx, p, k, k, NULL);
      }
    }
  } else if (rl_js_is_function(cx, right)) {
    rl_facts__func(cx, right, "default", RL_FF_EXPORTED);
    rl_facts__export_fact(cx, st, "default", "default", NULL);
  } else if (rl_kind(cx, right) == RL_JS_IDENTIFIER) {
    rl_facts__export_fact(cx, st, "default", rl_text_dup(cx, right), NULL);
  }
}

static void rl_facts__js(RlCtx *cx) {
  RlNode root = rl_root(cx);
  for (RlNode st = rl_first_child(cx, root); st; st = rl_next_sibling(cx, st)) {
    switch (rl_kind(cx, st)) {
    case RL_JS_FUNCTION_DECLARATION:
    case RL_JS_GENERATOR_FUNCTION_DECLARATION:
      rl_facts__func(cx, st, rl_text_dup(cx, rl_child(cx, st, RL_F_NAME)), 0);
      break;
    case RL_JS_CLASS_DECLARATION:
    case RL_JS_ABSTRACT_CLASS_DECLARATION:
      rl_facts__class(cx, st, 0);
      break;
    case RL_JS_LEXICAL_DECLARATION:
    case RL_JS_VARIABLE_DECLARATION:
      rl_facts__declaration(cx, st, 0);
      break;
    case RL_JS_IMPORT_STATEMENT:
      rl_facts__import(cx, st);
      break;
    case RL_JS_EXPORT_STATEMENT:
      rl_facts__export(cx, st);
      break;
    case RL_JS_EXPRESSION_STATEMENT:
      rl_facts__commonjs(cx, st);
      break;
    default:
      break;
    }
  }
}

/* Section - C */

/* Functions, calls, thread spawns and the per-function summaries (locks,
 * accesses, wrappers): analyzer/csum.c. */
static void rl_facts__c(RlCtx *cx) { rl_csum_extract(cx); }

void rl_facts_extract(RlCtx *cx) {
  cx->rule = NULL;
  cx->rule_index = 0xFFFF;
  if (cx->lang == RL_LANG_C) rl_facts__c(cx);
  else rl_facts__js(cx);
}
