/* fixes.c - the multi-edit fixes of JS rules (fixes.h): sequential-await's
 * Promise.all, lazy-init-race's shared pending creation, check-then-act's
 * 'wx' flag. Each builder checks the one shape it rewrites and otherwise
 * offers nothing; the text it writes is built from the finding's own
 * nodes, so a fix never guesses at code it has not seen.
 * Docs: docs/fixes.md. */
#include "fixes.h"

#include <stdio.h>
#include <string.h>

/* Section - text helpers */

/* The file's text (the root node's text starts at its own offset). */
static const char *src_of(const RlCtx *cx) {
  size_t n;
  RlNode root = rl_root(cx);
  return rl_text(cx, root, &n) - rl_loc(cx, root).start;
}

/* The blanks between the start of n's line and n ("" when code comes
 * first on that line). */
static const char *indent_of(RlCtx *cx, RlNode n) {
  const char *src = src_of(cx);
  uint32_t at = rl_loc(cx, n).start, b = at;
  while (b > 0 && (src[b - 1] == ' ' || src[b - 1] == '\t')) b--;
  if (b > 0 && src[b - 1] != '\n') return "";
  return rl_str(cx, src + b, at - b);
}

/* Is the text between two offsets only blanks and newlines? */
static bool only_space(const RlCtx *cx, uint32_t from, uint32_t to) {
  const char *src = src_of(cx);
  for (uint32_t i = from; i < to; i++)
    if (src[i] != ' ' && src[i] != '\t' && src[i] != '\n' && src[i] != '\r') return false;
  return true;
}

/* Does an identifier (of any kind) spelled `name` occur in the file? A new
 * name is used only when it does not, so it shadows and is shadowed by
 * nothing. */
static bool name_taken(const RlCtx *cx, const char *name) {
  size_t n = strlen(name);
  for (RlNode i = rl_root(cx); i < rl_node_count(cx); i++) {
    size_t m;
    const char *t = rl_text(cx, i, &m);
    if (m == n && memcmp(t, name, n) == 0 && rl_named_child_count(cx, i) == 0) return true;
  }
  return false;
}

/* Is the file TypeScript (a new name or a catch variable needs a type)? */
static bool is_ts(const RlCtx *cx) { return (rl_lang(cx) & (RL_LANG_TS | RL_LANG_TSX)) != 0; }

/* s with two more blanks after each newline (a call moved into a list). */
static const char *indent_more(RlCtx *cx, const char *s) {
  size_t n = strlen(s), nl = 0;
  for (size_t i = 0; i < n; i++) nl += s[i] == '\n';
  if (!nl) return s;
  char *out = rl_alloc(cx, n + 2 * nl + 1), *o = out;
  for (size_t i = 0; i < n; i++) {
    *o++ = s[i];
    if (s[i] == '\n' && i + 1 < n && s[i + 1] != '\n' && s[i + 1] != '\r') *o++ = ' ', *o++ = ' ';
  }
  *o = '\0';
  return out;
}

/* Section - sequential-await */

void rl_js_fix_sequential(RlCtx *cx, RlReport *r, const RlNode *st, const RlNode *await_,
                          const RlNode *call, const RlNode *binder, uint32_t n) {
  static const char *const title =
      "Start the reads together with one await Promise.all (the later reads start even "
      "when an earlier one fails)";
  if (n < 2 || n > 8) return;
  const char *ind = indent_of(cx, st[0]);
  /* the list of calls, one line when short */
  size_t total = 0;
  for (uint32_t i = 0; i < n; i++) {
    size_t m;
    const char *t = rl_text(cx, call[i], &m);
    if (memchr(t, '\n', m)) total += 1000;
    total += m + 2 + rl_loc(cx, binder[i]).end - rl_loc(cx, binder[i]).start + 8;
  }
  bool multi = total + strlen(ind) + 30 > 100;
  const char *list;
  /* the separators: `a, b` or `a,\n  b,\n` */
  if (multi) {
    const char *l = "";
    for (uint32_t i = 0; i < n; i++)
      l = rl_fmt(cx, "%s\n%s  %s,", l, ind, indent_more(cx, rl_text_dup(cx, call[i])));
    list = rl_fmt(cx, "%s\n%s", l, ind);
  } else {
    const char *l = "";
    for (uint32_t i = 0; i < n; i++)
      l = rl_fmt(cx, "%s%s%s", l, i ? ", " : "", rl_text_dup(cx, call[i]));
    list = l;
  }
  /* The simple shape: `const a = await f(); const b = await g();` with
   * nothing else in the statements -> `const [a, b] = await
   * Promise.all([f(), g()]);` */
  bool simple = true;
  const char *kw = NULL;
  for (uint32_t i = 0; i < n && simple; i++) {
    RlKind k = rl_kind(cx, st[i]);
    if (k != RL_JS_LEXICAL_DECLARATION && k != RL_JS_VARIABLE_DECLARATION) {
      simple = false;
      break;
    }
    RlNode decl = rl_parent(cx, binder[i]);
    RlNode first = rl_first_child(cx, st[i]);
    const char *w = rl_text_dup(cx, first);
    if (!kw) kw = w;
    if (strcmp(kw, w) != 0 || rl_child(cx, decl, RL_F_VALUE) != await_[i] ||
        rl_child(cx, decl, RL_F_TYPE) != RL_NONE) {
      simple = false;
      break;
    }
    /* nothing but blanks between the statements (no comment is lost) */
    if (i > 0 && !only_space(cx, rl_loc(cx, st[i - 1]).end, rl_loc(cx, st[i]).start))
      simple = false;
  }
  if (simple) {
    const char *names = "";
    for (uint32_t i = 0; i < n; i++)
      names = rl_fmt(cx, "%s%s%s", names, i ? ", " : "", rl_text_dup(cx, binder[i]));
    const char *text = rl_fmt(cx, "%s [%s] = await Promise.all([%s]);", kw, names, list);
    rl_report_fix_range(cx, r, title, RL_FIX_UNSAFE, rl_loc(cx, st[0]).start,
                        rl_loc(cx, st[n - 1]).end, text);
    return;
  }
  /* Otherwise each statement stays and its await becomes a name bound by
   * one Promise.all before the first: `const [aResult, bResult] = await
   * Promise.all([f(), g()]);` ... `const a = (aResult) ?? [];` */
  const char *names = "";
  const char *tmp[8];
  for (uint32_t i = 0; i < n; i++) {
    RlNode b = binder[i];
    if (rl_kind(cx, b) != RL_JS_IDENTIFIER) return;
    tmp[i] = rl_fmt(cx, "%sResult", rl_text_dup(cx, b));
    if (name_taken(cx, tmp[i])) return;
    for (uint32_t j = 0; j < i; j++)
      if (!strcmp(tmp[i], tmp[j])) return;
    names = rl_fmt(cx, "%s%s%s", names, i ? ", " : "", tmp[i]);
  }
  rl_report_fix_range(cx, r, title, RL_FIX_UNSAFE, rl_loc(cx, st[0]).start,
                      rl_loc(cx, st[0]).start,
                      rl_fmt(cx, "const [%s] = await Promise.all([%s]);\n%s", names, list, ind));
  for (uint32_t i = 0; i < n; i++) {
    /* `(await f()) ?? []` -> `aResult ?? []`: the parentheses go too */
    RlNode at = await_[i], p = rl_parent(cx, at);
    if (rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION && rl_named_child_count(cx, p) == 1)
      at = p;
    rl_report_fix(cx, r, title, RL_FIX_UNSAFE, at, false, tmp[i]);
  }
}

/* Section - lazy-init-race */

void rl_js_fix_lazy(RlCtx *cx, RlReport *r, RlNode w) {
  if (rl_kind(cx, w) != RL_JS_ASSIGNMENT_EXPRESSION || strcmp(rl_op(cx, w), "=") != 0) return;
  RlNode left = rl_child(cx, w, RL_F_LEFT);
  RlNode aw = rl_child(cx, w, RL_F_RIGHT);
  if (rl_kind(cx, left) != RL_JS_IDENTIFIER || rl_kind(cx, aw) != RL_JS_AWAIT_EXPRESSION) return;
  RlNode create = rl_named_child(cx, aw, 0);
  RlKind ck = rl_kind(cx, create);
  if (ck != RL_JS_CALL_EXPRESSION && ck != RL_JS_NEW_EXPRESSION) return;
  /* `let x;` (one declarator, no value or a nullish one) at the top level */
  RlNode scope = RL_NONE;
  RlNode decl = rl_js_declaration(cx, left, &scope);
  if (!decl || scope != rl_root(cx) || rl_kind(cx, decl) != RL_JS_VARIABLE_DECLARATOR) return;
  RlNode stmt = rl_parent(cx, decl);
  if (rl_parent(cx, stmt) != rl_root(cx) || rl_named_child_count(cx, stmt) != 1 ||
      !rl_text_eq(cx, rl_first_child(cx, stmt), "let"))
    return;
  const char *x = rl_text_dup(cx, left);
  const char *p = rl_fmt(cx, "%sInit", x);
  if (name_taken(cx, p)) return;
  static const char *const title =
      "Share the pending creation: concurrent callers wait for one, a failed one is tried "
      "again (a later reset of the variable alone no longer creates a new one)";
  /* after the line of the declaration (a comment may end it) */
  const char *src = src_of(cx);
  uint32_t eol = rl_loc(cx, stmt).end;
  while (src[eol] && src[eol] != '\n' && src[eol] != '\r') eol++;
  rl_report_fix_range(
      cx, r, title, RL_FIX_UNSAFE, eol, eol,
      rl_fmt(cx, "\nlet %s%s; // the pending creation of %s, shared by concurrent callers", p,
             is_ts(cx) ? rl_fmt(cx, ": Promise<NonNullable<typeof %s>> | undefined", x) : "", x));
  rl_report_fix(cx, r, title, RL_FIX_UNSAFE, create, false,
                rl_fmt(cx,
                       "(%s ??= %s.catch((err) => {\n%s  %s = undefined;\n%s  throw err;\n%s}))",
                       p, rl_text_dup(cx, create), indent_of(cx, rl_parent(cx, w)), p,
                       indent_of(cx, rl_parent(cx, w)), indent_of(cx, rl_parent(cx, w))));
}

/* Section - check-then-act */

void rl_js_fix_exists_write(RlCtx *cx, RlReport *r, RlNode use, RlNode check) {
  if (strcmp(rl_js_callee_name(cx, check), "existsSync") != 0) return;
  const char *wname = rl_js_callee_name(cx, use);
  bool sync = !strcmp(wname, "writeFileSync");
  if (!sync && strcmp(wname, "writeFile") != 0) return;
  if (rl_js_argc(cx, use) != 2) return;
  /* `if (!existsSync(p))` with no else */
  RlNode neg = rl_parent(cx, check);
  if (rl_kind(cx, neg) != RL_JS_UNARY_EXPRESSION || strcmp(rl_op(cx, neg), "!") != 0) return;
  RlNode cond = rl_parent(cx, neg);
  if (rl_kind(cx, cond) != RL_JS_PARENTHESIZED_EXPRESSION) return;
  RlNode ifs = rl_parent(cx, cond);
  if (rl_kind(cx, ifs) != RL_JS_IF_STATEMENT || rl_child(cx, ifs, RL_F_ALTERNATIVE)) return;
  if (!rl_same_expr(cx, rl_js_arg(cx, check, 0), rl_js_arg(cx, use, 0))) return;
  /* the branch is the one statement `[await] write(p, data);` */
  RlNode body = rl_child(cx, ifs, RL_F_CONSEQUENCE), stmt = body;
  const char *src = src_of(cx);
  const char *after = ""; /* a comment after the statement in the block */
  if (rl_kind(cx, body) == RL_JS_STATEMENT_BLOCK) {
    stmt = RL_NONE;
    for (RlNode c = rl_first_child(cx, body); c; c = rl_next_sibling(cx, c)) {
      if (rl_is_token(cx, c)) continue;
      if (rl_kind(cx, c) == RL_JS_COMMENT && stmt) continue;
      if (stmt) return;
      stmt = c;
    }
    if (!stmt || !only_space(cx, rl_loc(cx, body).start + 1, rl_loc(cx, stmt).start)) return;
    uint32_t a = rl_loc(cx, stmt).end, b = rl_loc(cx, body).end - 1;
    while (b > a && (src[b - 1] == ' ' || src[b - 1] == '\n' || src[b - 1] == '\t' ||
                     src[b - 1] == '\r'))
      b--;
    if (memchr(src + a, '\n', b - a)) return; /* comment lines of their own */
    after = rl_str(cx, src + a, b - a);
  }
  if (rl_kind(cx, stmt) != RL_JS_EXPRESSION_STATEMENT) return;
  RlNode e = rl_named_child(cx, stmt, 0);
  if (!sync) {
    if (rl_kind(cx, e) != RL_JS_AWAIT_EXPRESSION) return;
    e = rl_named_child(cx, e, 0);
  }
  if (e != use) return;
  /* the statement with `, { flag: 'wx' }` after its last argument */
  RlLoc ls = rl_loc(cx, stmt);
  RlNode args = rl_child(cx, use, RL_F_ARGUMENTS);
  uint32_t close = rl_loc(cx, args).end - 1, k = close;
  while (k > 0 && (src[k - 1] == ' ' || src[k - 1] == '\n' || src[k - 1] == '\t')) k--;
  const char *add = src[k - 1] == ',' ? " { flag: 'wx' }" : ", { flag: 'wx' }";
  const char *ind = indent_of(cx, ifs);
  const char *text =
      rl_fmt(cx, "try {\n%s  %.*s%s%.*s%s\n%s} catch (err%s) {\n%s  if (err.code !== 'EEXIST') throw err;\n%s}",
             ind, (int)(k - ls.start), src + ls.start, add, (int)(ls.end - k), src + k, after,
             ind, is_ts(cx) ? ": any" : "", ind, ind);
  rl_report_fix(cx, r,
                "Create the file with the 'wx' flag and ignore EEXIST (one step instead of a "
                "check and a write)",
                RL_FIX_UNSAFE, ifs, false, text);
}

/* Section - callback-promise-mix */

void rl_js_fix_async_filter(RlCtx *cx, RlReport *r, RlNode call) {
  if (strcmp(rl_js_callee_name(cx, call), "filter") || rl_js_argc(cx, call) != 1) return;
  RlNode recv = rl_strip(cx, rl_js_callee_object(cx, call));
  if (rl_kind(cx, recv) != RL_JS_IDENTIFIER) return; /* it is read twice */
  RlNode decl = rl_parent(cx, call);
  if (rl_kind(cx, decl) != RL_JS_VARIABLE_DECLARATOR || rl_child(cx, decl, RL_F_VALUE) != call ||
      rl_child(cx, decl, RL_F_TYPE))
    return;
  RlNode name = rl_child(cx, decl, RL_F_NAME), st = rl_parent(cx, decl);
  if (rl_kind(cx, name) != RL_JS_IDENTIFIER || rl_kind(cx, st) != RL_JS_LEXICAL_DECLARATION ||
      rl_named_child_count(cx, st) != 1)
    return;
  RlNode fn = rl_enclosing_function(cx, call);
  if (!fn || !rl_js_is_async(cx, fn)) return;
  const char *x = rl_text_dup(cx, name), *keep = rl_fmt(cx, "%sKeep", x);
  if (name_taken(cx, keep)) return;
  const char *kw = rl_text_dup(cx, rl_first_child(cx, st)), *ind = indent_of(cx, st);
  const char *xs = rl_text_dup(cx, recv);
  RlLoc la = rl_loc(cx, rl_child(cx, call, RL_F_ARGUMENTS));
  const char *args = rl_str(cx, src_of(cx) + la.start, la.end - la.start);
  rl_report_fix(cx, r,
                "Await the predicates first, then filter by their answers (a rejected "
                "predicate now rejects here)",
                RL_FIX_UNSAFE, st, false,
                rl_fmt(cx, "const %s = await Promise.all(%s.map%s);\n%s%s %s = %s.filter((_, i) => %s[i]);",
                       keep, xs, args, ind, kw, x, xs, keep));
}

/* Section - a receiver known to be an Array */

/* Is the identifier `ident` a `const` of its scope whose value is an
 * Array (rl_js_fix_is_array)? */
static bool const_array(RlCtx *cx, RlNode ident, int depth) {
  RlNode scope = rl_js_binding_scope(cx, ident);
  if (!scope) return false;
  size_t nl;
  const char *name = rl_text(cx, ident, &nl);
  for (RlNode d = rl_first_child(cx, scope); d; d = rl_next_sibling(cx, d)) {
    if (rl_kind(cx, d) != RL_JS_LEXICAL_DECLARATION) continue;
    for (uint32_t k = 0; k < rl_named_child_count(cx, d); k++) {
      RlNode v = rl_named_child(cx, d, k);
      if (rl_kind(cx, v) != RL_JS_VARIABLE_DECLARATOR) continue;
      RlNode id = rl_child(cx, v, RL_F_NAME);
      size_t m;
      const char *t = rl_text(cx, id, &m);
      if (rl_kind(cx, id) != RL_JS_IDENTIFIER || m != nl || memcmp(t, name, nl) != 0) continue;
      /* `let` can be assigned anything later; `const` cannot */
      if (!rl_has_token(cx, d, "const") || rl_child(cx, v, RL_F_TYPE)) return false;
      RlNode val = rl_child(cx, v, RL_F_VALUE);
      return val && rl_js_fix_is_array(cx, val, depth + 1);
    }
  }
  return false;
}

bool rl_js_fix_is_array(RlCtx *cx, RlNode n, int depth) {
  if (depth > 4) return false;
  n = rl_strip(cx, n);
  RlKind k = rl_kind(cx, n);
  if (k == RL_JS_ARRAY) return true;
  if (k == RL_JS_IDENTIFIER) return const_array(cx, n, depth);
  if (k != RL_JS_CALL_EXPRESSION) return false;
  RlNode callee = rl_child(cx, n, RL_F_FUNCTION);
  if (rl_kind(cx, callee) != RL_JS_MEMBER_EXPRESSION) return false;
  size_t ctl;
  const char *ct = rl_text(cx, callee, &ctl);
  for (size_t i = 0; i + 1 < ctl; i++)
    if (ct[i] == '?' && ct[i + 1] == '.') return false; /* may be undefined */
  RlNode obj = rl_child(cx, callee, RL_F_OBJECT), prop = rl_child(cx, callee, RL_F_PROPERTY);
  if (!obj || !prop) return false;
  /* Object.keys/values/entries(o), Array.from(x), Array.of(...): the
   * globals, not a local of that name */
  if (rl_kind(cx, obj) == RL_JS_IDENTIFIER && rl_js_binding_scope(cx, obj) == RL_NONE) {
    if (rl_text_eq(cx, obj, "Object"))
      return rl_text_eq(cx, prop, "keys") || rl_text_eq(cx, prop, "values") ||
             rl_text_eq(cx, prop, "entries");
    if (rl_text_eq(cx, obj, "Array"))
      return rl_text_eq(cx, prop, "from") || rl_text_eq(cx, prop, "of");
  }
  /* an Array's own methods that return a new Array */
  static const char *const same[] = {"map", "filter", "slice", "concat", "flat", "flatMap"};
  for (size_t i = 0; i < RL_COUNTOF(same); i++)
    if (rl_text_eq(cx, prop, same[i])) return rl_js_fix_is_array(cx, obj, depth + 1);
  return false;
}

/* Section - promise-all-mutation */

#define RUNTIME_MODULE "@racelint/runtime"

/* Where the fix finds or puts `settleAll`: the name to call it by (when the
 * file already has it), or the edit that brings it in. */
typedef struct {
  const char *name;   /* "settleAll", an alias, "rt.settleAll"; NULL: none yet */
  uint32_t at;        /* the import edit: insert `text` at `at` */
  const char *text;   /* NULL: no place for it */
  bool esm, cjs;      /* what the file shows it is */
} SettleImport;

/* Is `st` (a top-level statement) `const|let|var x = require('m')[...]`?
 * The string node of 'm' and the declarator, or RL_NONE. */
static RlNode require_source(RlCtx *cx, RlNode st, RlNode *decl) {
  RlKind k = rl_kind(cx, st);
  if (k != RL_JS_LEXICAL_DECLARATION && k != RL_JS_VARIABLE_DECLARATION) return RL_NONE;
  if (rl_named_child_count(cx, st) != 1) return RL_NONE;
  RlNode d = rl_named_child(cx, st, 0);
  RlNode v = rl_strip(cx, rl_child(cx, d, RL_F_VALUE));
  while (rl_kind(cx, v) == RL_JS_MEMBER_EXPRESSION) v = rl_strip(cx, rl_child(cx, v, RL_F_OBJECT));
  if (rl_kind(cx, v) != RL_JS_CALL_EXPRESSION || rl_js_argc(cx, v) != 1) return RL_NONE;
  RlNode f = rl_child(cx, v, RL_F_FUNCTION);
  if (rl_kind(cx, f) != RL_JS_IDENTIFIER || !rl_text_eq(cx, f, "require")) return RL_NONE;
  RlNode s = rl_js_arg(cx, v, 0);
  if (rl_kind(cx, s) != RL_JS_STRING) return RL_NONE;
  *decl = d;
  return s;
}

/* After the end of statement st's line (before its newline). */
static uint32_t line_end(const RlCtx *cx, RlNode st) {
  const char *src = src_of(cx);
  uint32_t e = rl_loc(cx, st).end, len = rl_loc(cx, rl_root(cx)).end;
  while (e < len && src[e] != '\n' && src[e] != '\r') e++;
  return e;
}

/* Is a comment or code after st on its line (the new line would go there)? */
static bool line_rest_blank(const RlCtx *cx, RlNode st) {
  return only_space(cx, rl_loc(cx, st).end, line_end(cx, st));
}

/* The runtime already bound at the top level: an import of it (named
 * `settleAll`, aliased, or a namespace) or a require() of it (the whole
 * module, or `{ settleAll }` / `{ settleAll: x }`). Else the edit adding
 * it to such an import/require, or a new statement after the last import
 * or require (the file's kind decides which), or at the top of a .mjs/.cjs
 * file that has neither. */
static void settle_import(RlCtx *cx, SettleImport *si) {
  RlNode root = rl_root(cx), last_imp = RL_NONE, last_req = RL_NONE, first = RL_NONE;
  RlNode merge_after = RL_NONE; /* the last specifier of the runtime's named import */
  const char *src = src_of(cx);
  for (RlNode st = rl_first_child(cx, root); st; st = rl_next_sibling(cx, st)) {
    RlKind k = rl_kind(cx, st);
    if (k == RL_JS_COMMENT || rl_is_token(cx, st)) continue;
    size_t tl;
    const char *t = rl_text(cx, st, &tl);
    if (!first && !(tl >= 2 && t[0] == '#' && t[1] == '!')) {
      /* 'use strict' stays first */
      bool directive = k == RL_JS_EXPRESSION_STATEMENT &&
                       rl_kind(cx, rl_named_child(cx, st, 0)) == RL_JS_STRING;
      if (!directive) first = st;
    }
    if (k == RL_JS_EXPORT_STATEMENT) si->esm = true;
    if (k == RL_JS_EXPRESSION_STATEMENT && ((tl >= 14 && memcmp(t, "module.exports", 14) == 0) ||
                                            (tl >= 8 && memcmp(t, "exports.", 8) == 0)))
      si->cjs = true;
    if (k == RL_JS_IMPORT_STATEMENT) {
      si->esm = true;
      last_imp = st;
      RlNode s = rl_child(cx, st, RL_F_SOURCE);
      if (strcmp(rl_js_module_name(cx, s), RUNTIME_MODULE) != 0 || rl_has_token(cx, st, "type"))
        continue;
      RlNode clause = RL_NONE;
      for (RlNode c = rl_first_child(cx, st); c; c = rl_next_sibling(cx, c))
        if (rl_kind(cx, c) == RL_JS_IMPORT_CLAUSE) clause = c;
      for (RlNode c = rl_first_child(cx, clause); c; c = rl_next_sibling(cx, c)) {
        if (rl_kind(cx, c) == RL_JS_NAMESPACE_IMPORT) {
          si->name = rl_fmt(cx, "%s.settleAll", rl_text_dup(cx, rl_named_child(cx, c, 0)));
          return;
        }
        if (rl_kind(cx, c) != RL_JS_NAMED_IMPORTS) continue;
        for (RlNode sp = rl_first_child(cx, c); sp; sp = rl_next_sibling(cx, sp)) {
          if (rl_kind(cx, sp) != RL_JS_IMPORT_SPECIFIER) continue;
          merge_after = sp;
          RlNode nm = rl_child(cx, sp, RL_F_NAME), al = rl_child(cx, sp, RL_F_ALIAS);
          if (rl_has_token(cx, sp, "type") || !rl_text_eq(cx, nm, "settleAll")) continue;
          si->name = rl_text_dup(cx, al ? al : nm);
          return;
        }
      }
      continue;
    }
    RlNode d = RL_NONE, s = require_source(cx, st, &d);
    if (!s) continue;
    si->cjs = true;
    last_req = st;
    if (strcmp(rl_js_module_name(cx, s), RUNTIME_MODULE) != 0) continue;
    RlNode v = rl_strip(cx, rl_child(cx, d, RL_F_VALUE)), id = rl_child(cx, d, RL_F_NAME);
    if (rl_kind(cx, v) != RL_JS_CALL_EXPRESSION) continue; /* require(...).x */
    if (rl_kind(cx, id) == RL_JS_IDENTIFIER) {
      si->name = rl_fmt(cx, "%s.settleAll", rl_text_dup(cx, id));
      return;
    }
    if (rl_kind(cx, id) != RL_JS_OBJECT_PATTERN) continue;
    for (RlNode p = rl_first_child(cx, id); p; p = rl_next_sibling(cx, p)) {
      if (rl_kind(cx, p) == RL_JS_SHORTHAND_PROPERTY_IDENTIFIER_PATTERN ||
          rl_kind(cx, p) == RL_JS_PAIR_PATTERN)
        merge_after = p;
      if (rl_kind(cx, p) == RL_JS_SHORTHAND_PROPERTY_IDENTIFIER_PATTERN &&
          rl_text_eq(cx, p, "settleAll")) {
        si->name = "settleAll";
        return;
      }
      if (rl_kind(cx, p) == RL_JS_PAIR_PATTERN &&
          rl_text_eq(cx, rl_child(cx, p, RL_F_KEY), "settleAll") &&
          rl_kind(cx, rl_child(cx, p, RL_F_VALUE)) == RL_JS_IDENTIFIER) {
        si->name = rl_text_dup(cx, rl_child(cx, p, RL_F_VALUE));
        return;
      }
    }
  }
  if (merge_after) { /* `{ Mutex }` -> `{ Mutex, settleAll }` */
    si->at = rl_loc(cx, merge_after).end;
    si->text = ", settleAll";
    return;
  }
  const char *path = rl_path(cx);
  size_t pl = strlen(path);
  bool mext = pl > 4 && (!strcmp(path + pl - 4, ".mjs") || !strcmp(path + pl - 4, ".mts"));
  bool cext = pl > 4 && (!strcmp(path + pl - 4, ".cjs") || !strcmp(path + pl - 4, ".cts"));
  bool esm = last_imp || (si->esm && !si->cjs) || (mext && !si->cjs);
  bool cjs = !esm && (last_req || si->cjs || cext);
  if (!esm && !cjs) return; /* a script, or the file does not say */
  RlNode after = esm ? last_imp : last_req;
  char q = '\'';
  bool semi = true;
  const char *kw = "const";
  if (after) {
    RlNode s = esm ? rl_child(cx, after, RL_F_SOURCE) : require_source(cx, after, &(RlNode){0});
    size_t sl;
    const char *st = rl_text(cx, s, &sl);
    if (sl && (st[0] == '"' || st[0] == '\'')) q = st[0];
    size_t al;
    const char *at = rl_text(cx, after, &al);
    semi = al && at[al - 1] == ';';
    if (cjs) kw = rl_text_dup(cx, rl_first_child(cx, after));
  }
  const char *line =
      esm ? rl_fmt(cx, "import { settleAll } from %c%s%c%s", q, RUNTIME_MODULE, q, semi ? ";" : "")
          : rl_fmt(cx, "%s { settleAll } = require(%c%s%c)%s", kw, q, RUNTIME_MODULE, q,
                   semi ? ";" : "");
  if (after) {
    if (!line_rest_blank(cx, after)) return;
    si->at = line_end(cx, after);
    si->text = rl_fmt(cx, "\n%s", line);
    return;
  }
  if (!first) return;
  uint32_t b = rl_loc(cx, first).start;
  if (b > 0 && src[b - 1] != '\n') return; /* the first statement does not start its line */
  si->at = b;
  si->text = rl_fmt(cx, "%s\n\n", line);
}

/* Is `name` declared anywhere but at the top level by an import/require
 * (a parameter, variable, function or class of that name would shadow
 * the runtime's)? */
static bool shadowed(RlCtx *cx, const char *name) {
  size_t n = strlen(name);
  for (RlNode i = rl_root(cx); i < rl_node_count(cx); i++) {
    if (rl_kind(cx, i) != RL_JS_IDENTIFIER && rl_kind(cx, i) != RL_JS_SHORTHAND_PROPERTY_IDENTIFIER_PATTERN)
      continue;
    size_t m;
    const char *t = rl_text(cx, i, &m);
    if (m != n || memcmp(t, name, n) != 0) continue;
    RlNode p = rl_parent(cx, i);
    RlKind pk = rl_kind(cx, p);
    if (pk == RL_JS_IMPORT_SPECIFIER || pk == RL_JS_NAMESPACE_IMPORT) continue;
    if (pk == RL_JS_VARIABLE_DECLARATOR && rl_field(cx, i) != RL_F_NAME) continue;
    if (pk == RL_JS_PAIR_PATTERN && rl_field(cx, i) != RL_F_VALUE) continue;
    if (pk == RL_JS_OBJECT_PATTERN || pk == RL_JS_PAIR_PATTERN || pk == RL_JS_VARIABLE_DECLARATOR) {
      RlNode d = p;
      while (d && rl_kind(cx, d) != RL_JS_VARIABLE_DECLARATOR) d = rl_parent(cx, d);
      RlNode st = rl_parent(cx, d);
      if (d && rl_parent(cx, st) == rl_root(cx) && require_source(cx, st, &(RlNode){0}))
        continue; /* the runtime's require (or another top-level require) */
      return true;
    }
    if ((rl_js_is_function(cx, p) && rl_field(cx, i) != RL_F_BODY) || pk == RL_JS_FORMAL_PARAMETERS || pk == RL_JS_REQUIRED_PARAMETER ||
        pk == RL_JS_OPTIONAL_PARAMETER || pk == RL_JS_CLASS_DECLARATION || pk == RL_JS_CATCH_CLAUSE ||
        pk == RL_JS_ARRAY_PATTERN)
      return true;
  }
  return false;
}

void rl_js_fix_settle_all(RlCtx *cx, RlNode call, RlReport *r, RlFact *f) {
  RlNode callee = rl_child(cx, call, RL_F_FUNCTION);
  /* exactly `Promise.all` (not `Promise?.all`, not the TS `(await
   * Promise.all)<T>` misparse), and Promise the global */
  if (rl_kind(cx, callee) != RL_JS_MEMBER_EXPRESSION || !rl_text_eq(cx, callee, "Promise.all"))
    return;
  RlNode obj = rl_child(cx, callee, RL_F_OBJECT);
  if (rl_kind(cx, obj) != RL_JS_IDENTIFIER || rl_js_binding_scope(cx, obj) != RL_NONE) return;
  if (rl_js_argc(cx, call) != 1) return;
  SettleImport si = {0};
  settle_import(cx, &si);
  const char *name = si.name;
  if (name) {
    const char *dot = strchr(name, '.');
    if (shadowed(cx, dot ? rl_str(cx, name, (size_t)(dot - name)) : name)) return;
  } else {
    if (!si.text || name_taken(cx, "settleAll")) return;
    name = "settleAll";
  }
  static const char *const title =
      "Wait for every operation with the runtime's settleAll(), which then rejects with one "
      "SettleAllError naming each failure (later, and another error than the first one's)";
  RlLoc lc = rl_loc(cx, callee);
  if (f) {
    if (!si.name) rl_fact_fix(cx, f, title, RL_FIX_UNSAFE, si.at, si.at, si.text);
    rl_fact_fix(cx, f, title, RL_FIX_UNSAFE, lc.start, lc.end, name);
  } else {
    if (!si.name) rl_report_fix_range(cx, r, title, RL_FIX_UNSAFE, si.at, si.at, si.text);
    rl_report_fix_range(cx, r, title, RL_FIX_UNSAFE, lc.start, lc.end, name);
  }
}

/* Section - callback-promise-mix: an async Promise executor */

void rl_js_fix_async_executor(RlCtx *cx, RlReport *r, RlNode exec) {
  RlKind k = rl_kind(cx, exec);
  if (k != RL_JS_ARROW_FUNCTION && k != RL_JS_FUNCTION_EXPRESSION && k != RL_JS_FUNCTION) return;
  if (rl_js_is_generator(cx, exec)) return;
  RlNode async = RL_NONE;
  for (RlNode c = rl_first_child(cx, exec); c && !async; c = rl_next_sibling(cx, c))
    if (rl_is_token(cx, c) && rl_text_eq(cx, c, "async")) async = c;
  RlNode body = rl_child(cx, exec, RL_F_BODY);
  if (!async || !body) return;
  /* the parameters: `resolve` or `(resolve[, reject])`, plain names */
  RlNode params = rl_child(cx, exec, RL_F_PARAMETERS), single = rl_child(cx, exec, RL_F_PARAMETER);
  RlNode ps[3] = {RL_NONE, RL_NONE, RL_NONE};
  uint32_t np = 0;
  if (single) {
    ps[np++] = single;
  } else if (params) {
    for (RlNode c = rl_first_child(cx, params); c; c = rl_next_sibling(cx, c)) {
      if (rl_is_token(cx, c) || rl_kind(cx, c) == RL_JS_COMMENT) continue;
      if (np == 3) return;
      ps[np++] = c;
    }
  }
  if (np < 1 || np > 2) return;
  const char *reject = NULL;
  for (uint32_t i = 0; i < np; i++) {
    RlNode id = ps[i];
    if (rl_kind(cx, id) == RL_JS_REQUIRED_PARAMETER) id = rl_child(cx, id, RL_F_PATTERN);
    if (rl_kind(cx, id) != RL_JS_IDENTIFIER) return;
    if (i == 1) reject = rl_text_dup(cx, id);
  }
  const char *src = src_of(cx);
  RlLoc lb = rl_loc(cx, body);
  /* what is re-indented must not be inside a string */
  for (RlNode i = body; i < rl_node_end(cx, body); i++) {
    RlKind ik = rl_kind(cx, i);
    if (ik != RL_JS_TEMPLATE_STRING && ik != RL_JS_STRING) continue;
    size_t n;
    const char *t = rl_text(cx, i, &n);
    if (memchr(t, '\n', n)) return;
  }
  if (!reject) { /* add `reject`, which the body must not name already */
    for (RlNode i = body; i < rl_node_end(cx, body); i++)
      if (rl_named_child_count(cx, i) == 0 && rl_text_eq(cx, i, "reject")) return;
    reject = "reject";
  }
  static const char *const title =
      "Run the async work in an inner async function whose failure rejects this promise "
      "(the executor itself no longer async)";
  /* `async ` goes */
  uint32_t a = rl_loc(cx, async).start, b = rl_loc(cx, async).end;
  while (src[b] == ' ' || src[b] == '\t') b++;
  rl_report_fix_range(cx, r, title, RL_FIX_SAFE, a, b, "");
  if (np == 1) {
    if (single)
      rl_report_fix(cx, r, title, RL_FIX_SAFE, single, false,
                    rl_fmt(cx, "(%s, reject)", rl_text_dup(cx, single)));
    else
      rl_report_fix_range(cx, r, title, RL_FIX_SAFE, rl_loc(cx, ps[0]).end, rl_loc(cx, ps[0]).end,
                          ", reject");
  }
  const char *wrapped;
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) {
    wrapped = rl_fmt(cx, "(async () => %s)().catch(%s)", rl_text_dup(cx, body), reject);
  } else {
    /* the statements between the braces */
    uint32_t s = lb.start + 1, e = lb.end - 1;
    while (e > s && (src[e - 1] == ' ' || src[e - 1] == '\t' || src[e - 1] == '\n' ||
                     src[e - 1] == '\r'))
      e--;
    const char *inner = rl_str(cx, src + s, e - s);
    if (!memchr(inner, '\n', e - s)) {
      wrapped = rl_fmt(cx, "{ (async () => {%s })().catch(%s); }", inner, reject);
    } else {
      /* the indentation of the line the body starts on */
      uint32_t ls = lb.start;
      while (ls > 0 && src[ls - 1] != '\n') ls--;
      uint32_t le = ls;
      while (src[le] == ' ' || src[le] == '\t') le++;
      const char *ind = rl_str(cx, src + ls, le - ls);
      wrapped = rl_fmt(cx, "{\n%s  (async () => {%s\n%s  })().catch(%s);\n%s}", ind,
                       indent_more(cx, inner), ind, reject, ind);
    }
  }
  rl_report_fix(cx, r, title, RL_FIX_SAFE, body, false, wrapped);
}

/* Section - floating-promise: .catch with the file's logger */

/* Does the file call `name.error(...)`, every `name` in it the same
 * binding: one declaration (an import, require, variable or parameter)
 * whose scope holds `at`, or, for `console`, none (the global)? */
static bool logger_in_scope(RlCtx *cx, const char *name, RlNode at) {
  bool called = false;
  RlNode decl = RL_NONE, scope = RL_NONE;
  bool first = true;
  for (RlNode i = rl_root(cx); i < rl_node_count(cx); i++) {
    if (rl_kind(cx, i) != RL_JS_IDENTIFIER || !rl_text_eq(cx, i, name)) continue;
    RlNode sc = RL_NONE, d = rl_js_declaration(cx, i, &sc);
    if (!first && d != decl) return false;
    first = false;
    decl = d, scope = sc;
    RlNode m = rl_parent(cx, i), c = rl_parent(cx, m);
    if (rl_kind(cx, m) == RL_JS_MEMBER_EXPRESSION && rl_field(cx, i) == RL_F_OBJECT &&
        rl_text_eq(cx, rl_child(cx, m, RL_F_PROPERTY), "error") &&
        rl_kind(cx, c) == RL_JS_CALL_EXPRESSION && rl_field(cx, m) == RL_F_FUNCTION)
      called = true;
  }
  if (!called) return false;
  if (!strcmp(name, "console")) return decl == RL_NONE;
  return decl && scope && at >= scope && at < rl_node_end(cx, scope);
}

void rl_js_fix_catch_logger(RlCtx *cx, RlReport *r, RlFact *f, RlNode at) {
  static const char *const names[] = {"logger", "log", "console"};
  if (rl_kind(cx, at) != RL_JS_CALL_EXPRESSION) return;
  const char *name = NULL;
  for (size_t i = 0; i < RL_COUNTOF(names) && !name; i++)
    if (logger_in_scope(cx, names[i], at)) name = names[i];
  if (!name) return; /* `err`, the handler's own parameter, shadows only there */
  const char *title = rl_fmt(cx, "Handle a rejection with %s.error (the code after it still "
                                 "does not wait)", name);
  const char *text = rl_fmt(cx, ".catch((err) => %s.error(err))", name);
  uint32_t e = rl_loc(cx, at).end;
  if (f) rl_fact_fix(cx, f, title, RL_FIX_UNSAFE, e, e, text);
  else rl_report_fix_range(cx, r, title, RL_FIX_UNSAFE, e, e, text);
}
