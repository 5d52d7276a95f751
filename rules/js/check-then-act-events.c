/* js/check-then-act-events.c - what one function does, as the
 * JavaScript/TypeScript check-then-act check sees it: the names that read,
 * write, lock or touch files (getX/setX, mutators, fs calls), who owns a
 * value (scopes: shared state, a parameter, a local), and the collection of
 * a function's reads, the conditions that test them, its writes, awaits and
 * lock calls (rl_cta_collect). Which read and write make a race
 * is decided in rules/js/check-then-act.c.
 * Doc: rules/check-then-act.md */
#include "check-then-act.h"

#include <ctype.h>
#include <string.h>

/* Section - names */

const char *const rl_cta_read_prefixes[] = {"get",  "fetch",  "find",  "read",
                                            "load", "lookup", "select", "query"};
const char *const rl_cta_write_prefixes[] = {"set",  "put",   "update", "save",
                                             "write", "store", "persist"};
/* Methods that change their receiver (arrays, maps, sets). */
const char *const rl_cta_mutators[] = {"push", "unshift", "splice", "add",   "set",
                                       "delete", "clear", "shift",  "pop"};

const char *const rl_cta_fs_checks[] = {"exists", "existsSync", "access", "accessSync",
                                        "stat",   "statSync",   "lstat",  "lstatSync"};

static const FsUse fs_uses[] = {
    {"readFile", 0, -1},        {"readFileSync", 0, -1},    {"writeFile", 0, -1},
    {"writeFileSync", 0, -1},   {"appendFile", 0, -1},      {"appendFileSync", 0, -1},
    {"unlink", 0, -1},          {"unlinkSync", 0, -1},      {"open", 0, -1},
    {"openSync", 0, -1},        {"mkdir", 0, -1},           {"mkdirSync", 0, -1},
    {"rmdir", 0, -1},           {"rmdirSync", 0, -1},       {"rm", 0, -1},
    {"rmSync", 0, -1},          {"rename", 0, 1},           {"renameSync", 0, 1},
    {"copyFile", 0, 1},         {"copyFileSync", 0, 1},     {"chmod", 0, -1},
    {"chmodSync", 0, -1},       {"chown", 0, -1},           {"chownSync", 0, -1},
    {"truncate", 0, -1},        {"truncateSync", 0, -1},    {"createReadStream", 0, -1},
    {"createWriteStream", 0, -1}, {"symlink", 1, -1},       {"symlinkSync", 1, -1},
    {"utimes", 0, -1},
    {"utimesSync", 0, -1},
};

/* Calls that take a lock, or begin a transaction, for what follows. */
static const char *const lock_calls[] = {"acquire",          "lock",        "acquireLock",
                                         "waitForLock",      "obtainLock",  "transaction",
                                         "beginTransaction", "startTransaction"};
static const char *const release_calls[] = {"release", "unlock", "releaseLock", "commit",
                                            "rollback"};

bool rl_cta_name_in(const char *name, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(name, list[i]) == 0) return true;
  return false;
}

/* If `name` is one of `prefixes` followed by nothing or an upper-case
 * letter/digit/_ ("getBalance"), returns the stem ("Balance", or ""). */
const char *rl_cta_stem(const char *name, const char *const *prefixes, size_t n) {
  for (size_t i = 0; i < n; i++) {
    size_t k = strlen(prefixes[i]);
    if (strncmp(name, prefixes[i], k) != 0) continue;
    char c = name[k];
    if (c == '\0' || isupper((unsigned char)c) || isdigit((unsigned char)c) || c == '_')
      return name + k;
  }
  return NULL;
}

bool rl_cta_mentions(const RlCtx *cx, RlNode n, const char *s) {
  size_t len, k = strlen(s);
  const char *t = rl_text(cx, n, &len);
  for (size_t i = 0; i + k <= len; i++)
    if (memcmp(t + i, s, k) == 0) return true;
  return false;
}

/* Section - scopes */

bool rl_cta_ident_in(const RlCtx *cx, RlNode pattern, const char *s, size_t n) {
  RlNode end = rl_node_end(cx, pattern);
  for (RlNode i = pattern; i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if (k != RL_JS_IDENTIFIER && k != RL_JS_SHORTHAND_PROPERTY_IDENTIFIER_PATTERN) continue;
    if (rl_field(cx, i) == RL_F_VALUE && rl_kind(cx, rl_parent(cx, i)) == RL_JS_VARIABLE_DECLARATOR)
      continue;
    if (rl_field(cx, i) == RL_F_RIGHT) continue;
    size_t len;
    const char *t = rl_text(cx, i, &len);
    if (len == n && memcmp(t, s, n) == 0) return true;
  }
  return false;
}

/* Who owns identifier `id`: module-level/imported/global (shared), a
 * parameter, a local, or a local initialised with a fresh collection. */
Owner rl_cta_owner(const RlCtx *cx, RlNode id) {
  RlNode scope;
  RlNode d = rl_js_declaration(cx, id, &scope);
  if (!scope || rl_kind(cx, scope) == RL_JS_PROGRAM) return OWN_SHARED;
  if (rl_js_is_function(cx, scope)) return OWN_PARAM;
  if (rl_kind(cx, d) == RL_JS_VARIABLE_DECLARATOR) {
    RlNode v = rl_strip(cx, rl_child(cx, d, RL_F_VALUE));
    RlKind k = rl_kind(cx, v);
    if (k == RL_JS_NEW_EXPRESSION || k == RL_JS_OBJECT || k == RL_JS_ARRAY) return OWN_LOCAL_NEW;
  }
  return OWN_LOCAL;
}

/* Root object of a member/subscript chain. */
RlNode rl_cta_root_of(const RlCtx *cx, RlNode e) {
  e = rl_strip(cx, e);
  while (rl_kind(cx, e) == RL_JS_MEMBER_EXPRESSION || rl_kind(cx, e) == RL_JS_SUBSCRIPT_EXPRESSION ||
         (rl_kind(cx, e) == RL_JS_CALL_EXPRESSION && rl_js_callee_object(cx, e)))
    e = rl_strip(cx, rl_kind(cx, e) == RL_JS_CALL_EXPRESSION ? rl_js_callee_object(cx, e)
                                                            : rl_child(cx, e, RL_F_OBJECT));
  return e;
}

/* Is the lvalue or receiver `e` state shared between calls (this., statics,
 * module-level, imported or global names)? */
bool rl_cta_shared(const RlCtx *cx, RlNode e) {
  RlNode r = rl_cta_root_of(cx, e);
  if (rl_kind(cx, r) == RL_JS_THIS) return true;
  if (rl_kind(cx, r) == RL_JS_IDENTIFIER) return rl_cta_owner(cx, r) == OWN_SHARED;
  return false;
}

/* Is receiver `e` a collection created in this function (new Map() ...)? */
bool rl_cta_fresh_local(const RlCtx *cx, RlNode e) {
  RlNode r = rl_cta_root_of(cx, e);
  return rl_kind(cx, r) == RL_JS_IDENTIFIER && rl_cta_owner(cx, r) == OWN_LOCAL_NEW;
}

/* Section - events of one function */

static const char *const fs_names[] = {"fs",  "fsp",      "fse",        "fsPromises",
                                       "promises", "fsExtra", "gracefulFs", "fsAsync"};

/* Is the plain callee `f` imported from an fs-like module ('fs',
 * 'node:fs/promises', 'fs-extra', 'graceful-fs')? */
static bool imported_from_fs(RlCtx *cx, RlNode f) {
  if (rl_js_resolve(cx, f, NULL) != RL_BIND_IMPORT) return false;
  size_t n;
  const char *s = rl_text(cx, f, &n);
  for (RlNode st = rl_first_child(cx, rl_root(cx)); st; st = rl_next_sibling(cx, st)) {
    RlNode d = st;
    if (rl_kind(cx, d) == RL_JS_LEXICAL_DECLARATION || rl_kind(cx, d) == RL_JS_VARIABLE_DECLARATION)
      d = rl_first_child(cx, d); /* const { stat } = require('fs') */
    if (rl_kind(cx, st) != RL_JS_IMPORT_STATEMENT && rl_kind(cx, d) != RL_JS_VARIABLE_DECLARATOR)
      continue;
    if (!rl_cta_ident_in(cx, st, s, n)) continue;
    return rl_cta_mentions(cx, st, "'fs") || rl_cta_mentions(cx, st, "\"fs") ||
           rl_cta_mentions(cx, st, ":fs") || rl_cta_mentions(cx, st, "-fs");
  }
  return false;
}

bool rl_cta_is_fs_receiver(RlCtx *cx, RlNode call) {
  RlNode o = rl_strip(cx, rl_js_callee_object(cx, call));
  if (!o) {
    RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
    return rl_kind(cx, f) == RL_JS_IDENTIFIER && imported_from_fs(cx, f);
  }
  /* fs.x, fsp.x, fs.promises.x, this.fs.x, require('fs').x */
  for (RlNode e = o; e; e = rl_strip(cx, rl_child(cx, e, RL_F_OBJECT))) {
    RlKind k = rl_kind(cx, e);
    RlNode name = k == RL_JS_MEMBER_EXPRESSION ? rl_child(cx, e, RL_F_PROPERTY) : e;
    for (size_t i = 0; i < RL_COUNTOF(fs_names); i++)
      if (rl_text_eq(cx, name, fs_names[i])) return true;
    if (k == RL_JS_CALL_EXPRESSION)
      return rl_cta_mentions(cx, e, "require('fs") || rl_cta_mentions(cx, e, "require(\"fs") ||
             rl_cta_mentions(cx, e, "require('node:fs") ||
             rl_cta_mentions(cx, e, "require(\"node:fs");
    if (k != RL_JS_MEMBER_EXPRESSION) break;
  }
  return false;
}

const FsUse *rl_cta_fs_use(const char *name) {
  for (size_t i = 0; i < RL_COUNTOF(fs_uses); i++)
    if (strcmp(fs_uses[i].fn, name) == 0) return &fs_uses[i];
  return NULL;
}

/* Is the promise of call n awaited (directly, or through .then/.catch)? */
static bool is_awaited(RlCtx *cx, RlNode n) {
  RlNode p = rl_parent(cx, n);
  for (;;) {
    RlKind k = rl_kind(cx, p);
    if (k == RL_JS_PARENTHESIZED_EXPRESSION || k == RL_JS_AS_EXPRESSION ||
        k == RL_JS_NON_NULL_EXPRESSION) {
      n = p, p = rl_parent(cx, p);
      continue;
    }
    if (k == RL_JS_MEMBER_EXPRESSION && rl_child(cx, p, RL_F_OBJECT) == n &&
        rl_kind(cx, rl_parent(cx, p)) == RL_JS_CALL_EXPRESSION) {
      const char *m = rl_js_callee_name(cx, rl_parent(cx, p));
      if (strcmp(m, "then") == 0 || strcmp(m, "catch") == 0 || strcmp(m, "finally") == 0) {
        n = rl_parent(cx, p), p = rl_parent(cx, n);
        continue;
      }
    }
    return k == RL_JS_AWAIT_EXPRESSION;
  }
}

/* The condition n is part of: an if/while/do/ternary condition, or else the
 * left operand of a `&&`/`||` (`ok && await write()`); RL_NONE if none. */
static RlNode condition_of(const RlCtx *cx, RlNode n, RlNode fn) {
  RlNode child = n, cand = RL_NONE;
  for (RlNode p = rl_parent(cx, n); p && p != fn; child = p, p = rl_parent(cx, p)) {
    RlKind k = rl_kind(cx, p);
    if ((k == RL_JS_IF_STATEMENT || k == RL_JS_WHILE_STATEMENT || k == RL_JS_DO_STATEMENT ||
         k == RL_JS_TERNARY_EXPRESSION) &&
        rl_field(cx, child) == RL_F_CONDITION)
      return child;
    if (k == RL_JS_BINARY_EXPRESSION &&
        (strcmp(rl_op(cx, p), "&&") == 0 || strcmp(rl_op(cx, p), "||") == 0)) {
      if (rl_field(cx, child) == RL_F_LEFT) cand = child;
      continue;
    }
    if (k == RL_JS_EXPRESSION_STATEMENT || k == RL_JS_LEXICAL_DECLARATION ||
        k == RL_JS_VARIABLE_DECLARATION || k == RL_JS_RETURN_STATEMENT ||
        k == RL_JS_STATEMENT_BLOCK || rl_js_is_function(cx, p))
      return cand;
  }
  return cand;
}

/* Does statement st always leave (return, throw, break, continue)? Every
 * path must end in one: a loop over an explicit stack of paths. */
bool rl_cta_exits(const RlCtx *cx, RlNode st) {
  RlNode stack[64];
  uint32_t sp = 0;
  stack[sp++] = st;
  while (sp) {
    RlNode n = stack[--sp];
    switch (rl_kind(cx, n)) {
    case RL_JS_RETURN_STATEMENT:
    case RL_JS_THROW_STATEMENT:
    case RL_JS_BREAK_STATEMENT:
    case RL_JS_CONTINUE_STATEMENT:
      break;
    case RL_JS_STATEMENT_BLOCK: {
      uint32_t k = rl_named_child_count(cx, n);
      if (!k) return false;
      stack[sp++] = rl_named_child(cx, n, k - 1);
      break;
    }
    case RL_JS_ELSE_CLAUSE:
      stack[sp++] = rl_named_child(cx, n, 0);
      break;
    case RL_JS_IF_STATEMENT: {
      RlNode alt = rl_child(cx, n, RL_F_ALTERNATIVE);
      if (!alt || sp + 2 > RL_COUNTOF(stack)) return false;
      stack[sp++] = rl_child(cx, n, RL_F_CONSEQUENCE);
      stack[sp++] = alt;
      break;
    }
    default:
      return false;
    }
  }
  return true;
}

/* Does condition c decide whether write w runs: w is in a branch it
 * controls, or after an `if` whose branch leaves, or after a loop? */
bool rl_cta_guards(const RlCtx *cx, RlNode c, RlNode w) {
  RlNode p = rl_parent(cx, c);
  switch (rl_kind(cx, p)) {
  case RL_JS_IF_STATEMENT: {
    RlNode cons = rl_child(cx, p, RL_F_CONSEQUENCE), alt = rl_child(cx, p, RL_F_ALTERNATIVE);
    if ((cons && w >= cons && w < rl_node_end(cx, cons)) || (alt && w >= alt && w < rl_node_end(cx, alt)))
      return true;
    if (w >= rl_node_end(cx, p)) return (cons && rl_cta_exits(cx, cons)) || (alt && rl_cta_exits(cx, alt));
    return false;
  }
  case RL_JS_TERNARY_EXPRESSION:
    return w >= rl_node_end(cx, c) && w < rl_node_end(cx, p);
  case RL_JS_BINARY_EXPRESSION: {
    RlNode r = rl_child(cx, p, RL_F_RIGHT);
    return r && w >= r && w < rl_node_end(cx, r);
  }
  case RL_JS_WHILE_STATEMENT:
  case RL_JS_DO_STATEMENT:
    return w >= rl_node_end(cx, c);
  default:
    return false;
  }
}

/* The pattern (identifier or destructuring) the value of n is bound to:
 * `const v = await n`, `v = n ?? 0`, `const {a} = (await n).x`,
 * `const ok = await n.then(() => true, () => false)`. */
static RlNode bound_var(const RlCtx *cx, RlNode n) {
  RlNode child = n;
  for (RlNode p = rl_parent(cx, n); p; child = p, p = rl_parent(cx, p)) {
    RlKind k = rl_kind(cx, p);
    if (k == RL_JS_PARENTHESIZED_EXPRESSION || k == RL_JS_AWAIT_EXPRESSION ||
        k == RL_JS_AS_EXPRESSION || k == RL_JS_NON_NULL_EXPRESSION ||
        k == RL_JS_SATISFIES_EXPRESSION)
      continue;
    if (k == RL_JS_MEMBER_EXPRESSION && rl_field(cx, child) == RL_F_OBJECT) continue;
    if (k == RL_JS_CALL_EXPRESSION && rl_field(cx, child) == RL_F_FUNCTION) continue;
    if (k == RL_JS_BINARY_EXPRESSION && rl_field(cx, child) == RL_F_LEFT) {
      const char *op = rl_op(cx, p);
      if (strcmp(op, "??") == 0 || strcmp(op, "||") == 0) continue;
      return RL_NONE;
    }
    if (k == RL_JS_VARIABLE_DECLARATOR && rl_field(cx, child) == RL_F_VALUE)
      return rl_child(cx, p, RL_F_NAME);
    if (k == RL_JS_ASSIGNMENT_EXPRESSION && rl_field(cx, child) == RL_F_RIGHT) {
      RlNode l = rl_strip(cx, rl_child(cx, p, RL_F_LEFT));
      return rl_kind(cx, l) == RL_JS_IDENTIFIER ? l : RL_NONE;
    }
    return RL_NONE;
  }
  return RL_NONE;
}

/* Does subtree n use an identifier bound by `pattern`? */
bool rl_cta_uses_var(const RlCtx *cx, RlNode n, RlNode pattern) {
  RlNode end = rl_node_end(cx, n);
  for (RlNode i = n; i < end; i++) {
    if (rl_kind(cx, i) != RL_JS_IDENTIFIER && rl_kind(cx, i) != RL_JS_SHORTHAND_PROPERTY_IDENTIFIER)
      continue;
    size_t len;
    const char *t = rl_text(cx, i, &len);
    if (rl_cta_ident_in(cx, pattern, t, len)) return true;
  }
  return false;
}

/* First condition in [from, w) that uses `pattern` and guards write w. */
RlNode rl_cta_first_check_of(const RlCtx *cx, RlNode from, RlNode w, RlNode pattern) {
  for (RlNode i = from; i < w; i++) {
    if (rl_js_is_function(cx, i)) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    RlKind k = rl_kind(cx, i);
    RlNode c = RL_NONE;
    if (k == RL_JS_IF_STATEMENT || k == RL_JS_WHILE_STATEMENT || k == RL_JS_DO_STATEMENT ||
        k == RL_JS_TERNARY_EXPRESSION)
      c = rl_child(cx, i, RL_F_CONDITION);
    else if (k == RL_JS_BINARY_EXPRESSION &&
             (strcmp(rl_op(cx, i), "&&") == 0 || strcmp(rl_op(cx, i), "||") == 0))
      c = rl_child(cx, i, RL_F_LEFT);
    if (c && c < w && rl_cta_uses_var(cx, c, pattern) && rl_cta_guards(cx, c, w)) return c;
  }
  return RL_NONE;
}

static void add_read(RlCtx *cx, Scan *sc, RlNode n, ReadKind kind) {
  if (sc->nreads >= MAX_EV) return;
  Read *r = &sc->reads[sc->nreads++];
  memset(r, 0, sizeof *r);
  r->node = n;
  r->kind = kind;
  r->awaited = kind == R_CALL && is_awaited(cx, n);
  if (kind == R_CALL && !r->awaited) {
    /* a synchronous read: only Map/Set-style get/has on shared state */
    const char *name = rl_js_callee_name(cx, n);
    if (strcmp(name, "get") != 0 && strcmp(name, "has") != 0) {
      sc->nreads--;
      return;
    }
  }
  r->cond = condition_of(cx, n, sc->fn);
  if (kind == R_LVAL) return;
  if (!r->cond) r->var = bound_var(cx, n);
  if (!r->cond && !r->var && kind == R_FILE) {
    /* a bare `await fs.access(p)` / `fs.statSync(p)`: a test by exception */
    RlNode p = rl_parent(cx, n);
    while (rl_kind(cx, p) == RL_JS_AWAIT_EXPRESSION || rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION)
      p = rl_parent(cx, p);
    const char *name = rl_js_callee_name(cx, n);
    if (rl_kind(cx, p) == RL_JS_EXPRESSION_STATEMENT && strncmp(name, "exists", 6) != 0)
      r->cond = n;
  }
}

/* Shared lvalues read in condition c: `this.x`, `this.items.length`,
 * `Store.count`, a module-level variable. Callees are left to R_CALL. */
static void add_lvalue_reads(RlCtx *cx, Scan *sc, RlNode c) {
  RlNode end = rl_node_end(cx, c);
  for (RlNode i = c; i < end; i++) {
    if (rl_js_is_function(cx, i)) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    RlKind k = rl_kind(cx, i);
    if (k != RL_JS_MEMBER_EXPRESSION && k != RL_JS_IDENTIFIER && k != RL_JS_SUBSCRIPT_EXPRESSION)
      continue;
    RlNode p = rl_parent(cx, i);
    /* part of a larger chain, or the callee of a call: skip */
    if ((rl_kind(cx, p) == RL_JS_MEMBER_EXPRESSION || rl_kind(cx, p) == RL_JS_SUBSCRIPT_EXPRESSION) &&
        rl_field(cx, i) == RL_F_OBJECT)
      continue;
    if (rl_kind(cx, p) == RL_JS_CALL_EXPRESSION && rl_field(cx, i) == RL_F_FUNCTION) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    if (k == RL_JS_IDENTIFIER && rl_field(cx, i) == RL_F_INDEX) continue;
    if (rl_cta_shared(cx, i) && sc->nreads < MAX_EV) {
      Read *r = &sc->reads[sc->nreads++];
      memset(r, 0, sizeof *r);
      r->node = i;
      r->kind = R_LVAL;
      r->cond = c;
    }
    if (k != RL_JS_IDENTIFIER) i = rl_node_end(cx, i) - 1;
  }
}

static void add_write(Scan *sc, RlNode n, WriteKind kind) {
  if (sc->nwrites >= MAX_EV) return;
  sc->writes[sc->nwrites].node = n;
  sc->writes[sc->nwrites].kind = kind;
  sc->nwrites++;
}

void rl_cta_collect(RlCtx *cx, Scan *sc, bool async_fn) {
  RlNode end = rl_node_end(cx, sc->body);
  for (RlNode i = sc->body; i < end; i = rl_js_own_next(cx, i, end)) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_JS_AWAIT_EXPRESSION) {
      if (sc->nawaits < MAX_EV) sc->awaits[sc->nawaits++] = i;
      continue;
    }
    if (async_fn && (k == RL_JS_IF_STATEMENT || k == RL_JS_WHILE_STATEMENT ||
                     k == RL_JS_TERNARY_EXPRESSION)) {
      add_lvalue_reads(cx, sc, rl_child(cx, i, RL_F_CONDITION));
      continue;
    }
    if (async_fn && k == RL_JS_BINARY_EXPRESSION &&
        (strcmp(rl_op(cx, i), "&&") == 0 || strcmp(rl_op(cx, i), "||") == 0) &&
        !condition_of(cx, i, sc->fn)) {
      add_lvalue_reads(cx, sc, rl_child(cx, i, RL_F_LEFT));
      continue;
    }
    if (k == RL_JS_ASSIGNMENT_EXPRESSION || k == RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION) {
      add_write(sc, i, W_ASSIGN); /* also kills a path or key variable */
      continue;
    }
    if (async_fn && k == RL_JS_UPDATE_EXPRESSION) {
      add_write(sc, i, W_ASSIGN);
      continue;
    }
    if (k != RL_JS_CALL_EXPRESSION) continue;
    const char *name = rl_js_callee_name(cx, i);
    if (!*name) continue;
    if (rl_cta_name_in(name, lock_calls, RL_COUNTOF(lock_calls)) ||
        rl_js_config_name(cx, RL_JS_MUTEX_APIS, name)) {
      if (sc->nlocks < RL_COUNTOF(sc->locks)) sc->locks[sc->nlocks++] = i;
    } else if (rl_cta_name_in(name, release_calls, RL_COUNTOF(release_calls))) {
      if (sc->nreleases < RL_COUNTOF(sc->releases)) sc->releases[sc->nreleases++] = i;
    }
    bool fs_check = rl_cta_name_in(name, rl_cta_fs_checks, RL_COUNTOF(rl_cta_fs_checks));
    bool fs_act = rl_cta_fs_use(name) != NULL;
    if ((fs_check || fs_act) && rl_cta_is_fs_receiver(cx, i)) {
      if (fs_check) add_read(cx, sc, i, R_FILE);
      if (fs_act) add_write(sc, i, W_FILE);
    }
    if (!async_fn) continue;
    if (strcmp(name, "has") == 0 ||
        rl_cta_stem(name, rl_cta_read_prefixes, RL_COUNTOF(rl_cta_read_prefixes)))
      add_read(cx, sc, i, R_CALL);
    if (rl_cta_stem(name, rl_cta_write_prefixes, RL_COUNTOF(rl_cta_write_prefixes)) ||
        rl_cta_name_in(name, rl_cta_mutators, RL_COUNTOF(rl_cta_mutators)))
      add_write(sc, i, W_CALL);
  }
}
