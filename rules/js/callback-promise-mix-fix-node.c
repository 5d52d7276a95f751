/* callback-promise-mix-fix-node.c - callback-promise-mix's fix of a
 * Node-style callback call inside an async function (declared in fixes.h:
 * rl_js_fix_node_promise): the call becomes an await of the module's
 * promise API and the callback's body moves after it, into the function.
 * Offered only for the shape where that is a mechanical rewrite (below);
 * otherwise nothing.
 * Docs: docs/fixes.md. */
#include "fixes.h"

#include <string.h>

/* Section - which calls have a promise twin */

/* Functions whose promise version (fs.promises, dns.promises) takes the
 * same arguments and resolves to what the callback gets as its second
 * argument. Not fs.open (a FileHandle, not a descriptor), fs.read/write
 * and dns.lookup (several values), fs.exists (no error argument). zlib
 * has no promise API. */
static const char *const fs_fns[] = {
    "access",  "appendFile", "chmod",   "chown",    "copyFile", "lchown",    "link",
    "lstat",   "lutimes",    "mkdir",   "mkdtemp",  "opendir",  "readdir",   "readFile",
    "readlink", "realpath",  "rename",  "rm",       "rmdir",    "stat",      "statfs",
    "symlink", "truncate",   "unlink",  "utimes",   "writeFile",
};
static const char *const dns_fns[] = {
    "resolve",      "resolve4",   "resolve6",   "resolveAny", "resolveCaa",
    "resolveCname", "resolveMx",  "resolveNaptr", "resolveNs", "resolvePtr",
    "resolveSoa",   "resolveSrv", "resolveTxt", "reverse",
};

static bool has_twin(const char *mod, const char *fn) {
  if (!strcmp(mod, "fs")) {
    for (size_t i = 0; i < RL_COUNTOF(fs_fns); i++)
      if (!strcmp(fs_fns[i], fn)) return true;
  } else if (!strcmp(mod, "dns")) {
    for (size_t i = 0; i < RL_COUNTOF(dns_fns); i++)
      if (!strcmp(dns_fns[i], fn)) return true;
  }
  return false;
}

/* Section - text helpers */

static const char *src_of(const RlCtx *cx) {
  size_t n;
  RlNode root = rl_root(cx);
  return rl_text(cx, root, &n) - rl_loc(cx, root).start;
}

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* The blanks before n on its line, or NULL when code comes first there. */
static const char *line_indent(RlCtx *cx, RlNode n) {
  const char *src = src_of(cx);
  uint32_t at = rl_loc(cx, n).start, b = at;
  while (b > 0 && (src[b - 1] == ' ' || src[b - 1] == '\t')) b--;
  if (b > 0 && src[b - 1] != '\n') return NULL;
  return rl_str(cx, src + b, at - b);
}

/* src[from, to) with leading blanks dropped, trailing ones too when
 * `trim_end`, and up to `extra` blanks taken from the start of every line
 * after the first (the text moves `extra` columns left). */
static const char *moved(RlCtx *cx, uint32_t from, uint32_t to, uint32_t extra, bool trim_end) {
  const char *src = src_of(cx);
  while (from < to && blank(src[from])) from++;
  while (trim_end && to > from && blank(src[to - 1])) to--;
  char *out = rl_alloc(cx, to - from + 1), *o = out;
  for (uint32_t i = from; i < to; i++) {
    *o++ = src[i];
    if (src[i] != '\n') continue;
    for (uint32_t k = 0; k < extra && i + 1 < to && (src[i + 1] == ' ' || src[i + 1] == '\t'); k++)
      i++;
  }
  *o = '\0';
  return out;
}

/* How often a leaf spelled `name` occurs in [from, to) of the node list. */
static uint32_t count_name(const RlCtx *cx, RlNode from, RlNode to, const char *name) {
  uint32_t c = 0;
  for (RlNode i = from; i < to; i++)
    if (rl_named_child_count(cx, i) == 0 && !rl_is_token(cx, i) && rl_text_eq(cx, i, name)) c++;
  return c;
}

/* The next sibling of n that is neither a comment nor a token. */
static RlNode next_stmt(const RlCtx *cx, RlNode n) {
  for (n = rl_next_sibling(cx, n); n; n = rl_next_sibling(cx, n))
    if (!rl_is_token(cx, n) && rl_kind(cx, n) != RL_JS_COMMENT) return n;
  return RL_NONE;
}

static RlNode first_stmt(const RlCtx *cx, RlNode block) {
  RlNode c = rl_first_child(cx, block);
  if (c && !rl_is_token(cx, c) && rl_kind(cx, c) != RL_JS_COMMENT) return c;
  return c ? next_stmt(cx, c) : RL_NONE;
}

/* Section - the callee and its import */

/* Where the promise API comes from: `callee` is the text to await, and
 * when the import changes, `imp_at` is the string literal of the module
 * ('node:fs' gets '/promises' before its closing quote). */
typedef struct {
  const char *callee;
  RlNode imp_at;
} NodeTwin;

/* The string of `import { f } from 'm'` / `const { f } = require('m')`
 * that binds `f` alone (one specifier), or RL_NONE. */
static RlNode sole_source(RlCtx *cx, RlNode id) {
  RlNode decl = rl_js_declaration(cx, id, NULL);
  RlKind k = rl_kind(cx, decl);
  if (k == RL_JS_IMPORT_STATEMENT) {
    if (rl_has_token(cx, decl, "type")) return RL_NONE;
    uint32_t nspec = 0;
    for (RlNode i = decl; i < rl_node_end(cx, decl); i++) {
      RlKind ik = rl_kind(cx, i);
      if (ik == RL_JS_NAMESPACE_IMPORT) return RL_NONE;
      if (ik == RL_JS_IMPORT_SPECIFIER) nspec++;
    }
    RlNode clause = RL_NONE;
    for (RlNode c = rl_first_child(cx, decl); c; c = rl_next_sibling(cx, c))
      if (rl_kind(cx, c) == RL_JS_IMPORT_CLAUSE) clause = c;
    /* no default import beside the braces */
    if (nspec != 1 || rl_kind(cx, rl_named_child(cx, clause, 0)) != RL_JS_NAMED_IMPORTS ||
        rl_named_child_count(cx, clause) != 1)
      return RL_NONE;
    return rl_child(cx, decl, RL_F_SOURCE);
  }
  if (k != RL_JS_VARIABLE_DECLARATOR) return RL_NONE;
  RlNode pat = rl_child(cx, decl, RL_F_NAME), v = rl_strip(cx, rl_child(cx, decl, RL_F_VALUE));
  if (rl_kind(cx, pat) != RL_JS_OBJECT_PATTERN || rl_named_child_count(cx, pat) != 1) return RL_NONE;
  if (rl_kind(cx, v) != RL_JS_CALL_EXPRESSION || rl_js_argc(cx, v) != 1) return RL_NONE;
  RlNode f = rl_child(cx, v, RL_F_FUNCTION), s = rl_js_arg(cx, v, 0);
  if (!rl_text_eq(cx, f, "require") || rl_kind(cx, s) != RL_JS_STRING) return RL_NONE;
  return s;
}

static bool node_twin(RlCtx *cx, RlNode call, NodeTwin *t) {
  RlNode callee = rl_child(cx, call, RL_F_FUNCTION);
  const char *mod, *imported;
  if (rl_kind(cx, callee) == RL_JS_IDENTIFIER) { /* readFile(...), imported alone */
    if (rl_js_binding_scope(cx, callee) != rl_root(cx)) return false;
    if (!rl_js_import_of(cx, callee, &mod, &imported) || !has_twin(mod, imported)) return false;
    /* the import goes to the promise module: nothing else may use it */
    if (count_name(cx, rl_root(cx), rl_node_count(cx), rl_text_dup(cx, callee)) != 2)
      return false;
    t->imp_at = sole_source(cx, callee);
    if (!t->imp_at) return false;
    size_t n;
    const char *s = rl_text(cx, t->imp_at, &n);
    if (n < 2 || (s[n - 1] != '\'' && s[n - 1] != '"')) return false;
    t->callee = rl_text_dup(cx, callee);
    return true;
  }
  if (rl_kind(cx, callee) != RL_JS_MEMBER_EXPRESSION) return false; /* fs.readFile(...) */
  RlNode obj = rl_child(cx, callee, RL_F_OBJECT), prop = rl_child(cx, callee, RL_F_PROPERTY);
  if (rl_kind(cx, obj) != RL_JS_IDENTIFIER || rl_js_binding_scope(cx, obj) != rl_root(cx))
    return false;
  if (!rl_js_import_of(cx, obj, &mod, &imported)) return false;
  if (strcmp(imported, "*") != 0 && strcmp(imported, "default") != 0) return false;
  if (!has_twin(mod, rl_text_dup(cx, prop)) || rl_has_token(cx, callee, "?.")) return false;
  t->callee = rl_fmt(cx, "%s.promises.%s", rl_text_dup(cx, obj), rl_text_dup(cx, prop));
  t->imp_at = RL_NONE;
  return true;
}

/* Section - the callback's error branch */

/* How the callback's first statement handles the error:
 * `if (err) throw err;` (the rejection now rejects the async function) or
 * `if (err) { ...; return; }` (the same statements in a catch). */
typedef enum { ERR_NONE, ERR_THROW, ERR_CATCH } ErrForm;

static ErrForm err_form(RlCtx *cx, RlNode st, const char *err, RlNode *conseq) {
  if (rl_kind(cx, st) != RL_JS_IF_STATEMENT || rl_child(cx, st, RL_F_ALTERNATIVE)) return ERR_NONE;
  RlNode cond = rl_strip(cx, rl_child(cx, st, RL_F_CONDITION));
  if (rl_kind(cx, cond) != RL_JS_IDENTIFIER || !rl_text_eq(cx, cond, err)) return ERR_NONE;
  RlNode c = rl_child(cx, st, RL_F_CONSEQUENCE);
  *conseq = c;
  RlNode one = c;
  if (rl_kind(cx, c) == RL_JS_STATEMENT_BLOCK) {
    one = first_stmt(cx, c);
    if (one && !next_stmt(cx, one) && rl_kind(cx, one) == RL_JS_THROW_STATEMENT) c = one;
  }
  if (rl_kind(cx, c) == RL_JS_THROW_STATEMENT) {
    RlNode v = rl_strip(cx, rl_named_child(cx, c, 0));
    return rl_kind(cx, v) == RL_JS_IDENTIFIER && rl_text_eq(cx, v, err) ? ERR_THROW : ERR_NONE;
  }
  /* the last statement is a bare `return;`, and no other return */
  RlNode last = c;
  if (rl_kind(cx, c) == RL_JS_STATEMENT_BLOCK)
    for (RlNode s = first_stmt(cx, c); s; s = next_stmt(cx, s)) last = s;
  if (rl_kind(cx, last) != RL_JS_RETURN_STATEMENT || rl_named_child_count(cx, last) != 0)
    return ERR_NONE;
  for (RlNode i = c; i < rl_node_end(cx, c); i = rl_js_own_next(cx, i, rl_node_end(cx, c))) {
    if (rl_kind(cx, i) == RL_JS_RETURN_STATEMENT && i != last) return ERR_NONE;
  }
  return ERR_CATCH;
}

/* Is `name` written to (assigned, updated) in [from, to)? */
static bool written(const RlCtx *cx, RlNode from, RlNode to, const char *name) {
  for (RlNode i = from; i < to; i++) {
    RlKind k = rl_kind(cx, i);
    RlNode target = RL_NONE;
    if (k == RL_JS_ASSIGNMENT_EXPRESSION || k == RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION)
      target = rl_strip(cx, rl_child(cx, i, RL_F_LEFT));
    else if (k == RL_JS_UPDATE_EXPRESSION)
      target = rl_strip(cx, rl_child(cx, i, RL_F_ARGUMENT));
    if (target && rl_kind(cx, target) != RL_JS_IDENTIFIER) return true; /* destructuring */
    if (target && rl_text_eq(cx, target, name)) return true;
  }
  return false;
}

/* Does a name the callback's body declares at its top level occur in the
 * async function outside the callback (moved into the function's scope,
 * it would be declared twice or shadow what the function names)? */
static bool decl_clash(RlCtx *cx, RlNode body, RlNode outer, RlNode cb) {
  RlNode oend = rl_node_end(cx, outer), cend = rl_node_end(cx, cb);
  for (RlNode st = rl_first_child(cx, body); st; st = rl_next_sibling(cx, st)) {
    RlKind k = rl_kind(cx, st);
    RlNode from = RL_NONE, to = RL_NONE;
    if (k == RL_JS_LEXICAL_DECLARATION || k == RL_JS_VARIABLE_DECLARATION) {
      from = st, to = rl_node_end(cx, st);
    } else if (k == RL_JS_FUNCTION_DECLARATION || k == RL_JS_CLASS_DECLARATION) {
      from = rl_child(cx, st, RL_F_NAME), to = from ? from + 1 : RL_NONE;
    }
    for (RlNode i = from; i && i < to; i++) {
      if (rl_kind(cx, i) == RL_JS_VARIABLE_DECLARATOR) { /* its name only */
        RlNode nm = rl_child(cx, i, RL_F_NAME);
        for (RlNode j = nm; j < rl_node_end(cx, nm); j++) {
          if (rl_kind(cx, j) != RL_JS_IDENTIFIER &&
              rl_kind(cx, j) != RL_JS_SHORTHAND_PROPERTY_IDENTIFIER_PATTERN)
            continue;
          const char *n = rl_text_dup(cx, j);
          if (count_name(cx, outer, cb, n) || count_name(cx, cend, oend, n)) return true;
        }
        i = rl_node_end(cx, i) - 1;
      } else if (rl_kind(cx, i) == RL_JS_IDENTIFIER) {
        const char *n = rl_text_dup(cx, i);
        if (count_name(cx, outer, cb, n) || count_name(cx, cend, oend, n)) return true;
      }
    }
  }
  return false;
}

/* Section - the fix */

/* The callback's plain parameter names: err and (optional) the value. */
static bool cb_params(RlCtx *cx, RlNode cb, const char **err, const char **val) {
  RlNode params = rl_child(cx, cb, RL_F_PARAMETERS), single = rl_child(cx, cb, RL_F_PARAMETER);
  RlNode ps[3] = {RL_NONE, RL_NONE, RL_NONE};
  uint32_t np = 0;
  if (single) ps[np++] = single;
  for (RlNode c = params ? rl_first_child(cx, params) : RL_NONE; c; c = rl_next_sibling(cx, c)) {
    if (rl_is_token(cx, c) || rl_kind(cx, c) == RL_JS_COMMENT) continue;
    if (np == 3) return false;
    ps[np++] = c;
  }
  if (np < 1 || np > 2) return false;
  for (uint32_t i = 0; i < np; i++) {
    RlNode id = ps[i];
    if (rl_kind(cx, id) == RL_JS_REQUIRED_PARAMETER) {
      if (rl_named_child_count(cx, id) != 1) return false; /* a type written */
      id = rl_child(cx, id, RL_F_PATTERN);
    }
    if (rl_kind(cx, id) != RL_JS_IDENTIFIER) return false;
    *(i ? val : err) = rl_text_dup(cx, id);
  }
  return true;
}

void rl_js_fix_node_promise(RlCtx *cx, RlReport *r, RlNode call, RlNode cb, RlNode outer) {
  /* `f(args, cb);` is the last statement of the async function's body */
  RlNode st = rl_parent(cx, call), obody = rl_child(cx, outer, RL_F_BODY);
  if (rl_kind(cx, st) != RL_JS_EXPRESSION_STATEMENT || rl_parent(cx, st) != obody ||
      rl_kind(cx, obody) != RL_JS_STATEMENT_BLOCK || next_stmt(cx, st))
    return;
  uint32_t argc = rl_js_argc(cx, call);
  if (!argc || rl_js_arg(cx, call, argc - 1) != cb) return;
  RlKind ck = rl_kind(cx, cb);
  if (ck != RL_JS_ARROW_FUNCTION && ck != RL_JS_FUNCTION_EXPRESSION) return;
  NodeTwin twin;
  const char *err = NULL, *val = NULL;
  if (!node_twin(cx, call, &twin) || !cb_params(cx, cb, &err, &val)) return;
  RlNode body = rl_child(cx, cb, RL_F_BODY), bend = rl_node_end(cx, body);
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return;
  /* a function's own this/arguments would change; a string over several
   * lines would be re-indented */
  for (RlNode i = body; i < bend; i++) {
    RlKind k = rl_kind(cx, i);
    if (ck == RL_JS_FUNCTION_EXPRESSION &&
        (k == RL_JS_THIS || (k == RL_JS_IDENTIFIER && rl_text_eq(cx, i, "arguments"))))
      return;
    if (k == RL_JS_TEMPLATE_STRING || k == RL_JS_STRING) {
      size_t n;
      const char *t = rl_text(cx, i, &n);
      if (memchr(t, '\n', n)) return;
    }
  }
  RlNode first = first_stmt(cx, body), conseq = RL_NONE;
  ErrForm form = first ? err_form(cx, first, err, &conseq) : ERR_NONE;
  if (form == ERR_NONE) return;
  /* err is not read after its check; the value is only read, and its name
   * is new to the async function (it moves into the function's scope) */
  if (count_name(cx, rl_node_end(cx, first), bend, err)) return;
  if (val) {
    if (written(cx, body, bend, val) || count_name(cx, outer, cb, val) ||
        count_name(cx, bend, rl_node_end(cx, outer), val))
      return;
  }
  if (decl_clash(cx, body, outer, cb)) return;
  const char *ind = line_indent(cx, st), *inner = line_indent(cx, first);
  if (!ind || !inner || strlen(inner) <= strlen(ind) || strncmp(inner, ind, strlen(ind)) != 0)
    return;
  uint32_t extra = (uint32_t)(strlen(inner) - strlen(ind));
  /* the arguments before the callback */
  const char *args = "";
  if (argc > 1) {
    uint32_t a = rl_loc(cx, rl_js_arg(cx, call, 0)).start;
    uint32_t b = rl_loc(cx, rl_js_arg(cx, call, argc - 2)).end;
    args = moved(cx, a, b, extra, true);
  }
  size_t sl;
  const char *stext = rl_text(cx, st, &sl);
  const char *semi = sl && stext[sl - 1] == ';' ? ";" : "";
  RlLoc lb = rl_loc(cx, body), lf = rl_loc(cx, first);
  const char *head = moved(cx, lb.start + 1, lf.start, extra, false);
  const char *tail = moved(cx, lf.end, lb.end - 1, extra, true);
  const char *awaited = rl_fmt(cx, "await %s(%s)", twin.callee, args);
  const char *step;
  if (form == ERR_THROW) {
    step = val ? rl_fmt(cx, "const %s = %s%s", val, awaited, semi) : rl_fmt(cx, "%s%s", awaited, semi);
  } else {
    const char *handler;
    if (rl_kind(cx, conseq) == RL_JS_STATEMENT_BLOCK) {
      RlLoc lc = rl_loc(cx, conseq);
      handler = moved(cx, lc.start + 1, lc.end - 1, extra, true);
    } else {
      handler = rl_text_dup(cx, conseq);
    }
    const char *attempt = val ? rl_fmt(cx, "%s = %s", val, awaited) : awaited;
    step = rl_fmt(cx, "%stry {\n%s  %s%s\n%s} catch (%s) {\n%s  %s\n%s}",
                  val ? rl_fmt(cx, "let %s%s\n%s", val, semi, ind) : "", ind, attempt, semi, ind,
                  err, ind, handler, ind);
  }
  /* the tail starts on a line of its own, or (a comment) after the check */
  const char *src = src_of(cx);
  uint32_t tb = lf.end;
  while (tb < lb.end && (src[tb] == ' ' || src[tb] == '\t')) tb++;
  bool own_line = src[tb] == '\n' || src[tb] == '\r';
  const char *sep = !*tail ? "" : own_line ? rl_fmt(cx, "\n%s", ind) : " ";
  const char *text = rl_fmt(cx, "%s%s%s%s", head, step, sep, tail);
  static const char *const title =
      "Await the module's promise API and run the callback's body after it, in the async "
      "function (it now waits, and a failure rejects it)";
  if (twin.imp_at) {
    uint32_t q = rl_loc(cx, twin.imp_at).end - 1;
    rl_report_fix_range(cx, r, title, RL_FIX_UNSAFE, q, q, "/promises");
  }
  RlLoc ls = rl_loc(cx, st);
  rl_report_fix_range(cx, r, title, RL_FIX_UNSAFE, ls.start, ls.end, text);
}
