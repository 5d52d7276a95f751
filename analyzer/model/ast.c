/* ast.c - the flat syntax tree (building, line table), the node accessors
 * of rule_api.h that do not depend on the language, and functions: which
 * nodes are functions, the enclosing one, their names (both languages). */
#include "ast.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>

void rl_tree_init(RlTree *self) {
  memset(self, 0, sizeof *self);
  self->cap = 1024;
  self->nodes = rl_malloc(self->cap * sizeof *self->nodes);
  memset(&self->nodes[0], 0, sizeof self->nodes[0]); /* sentinel */
  self->n = 1;
  self->extcap = 0;
  self->next = 1;
}

void rl_tree_free(RlTree *self) {
  free(self->nodes);
  free(self->ext);
  free(self->stack);
  free(self->last);
  memset(self, 0, sizeof *self);
}

uint32_t rl_tree_top(const RlTree *self) {
  return self->depth ? self->stack[self->depth - 1] : 0;
}

uint32_t rl_tree_open(RlTree *self, uint16_t kind, uint16_t sym, uint8_t field,
                      uint8_t flags, uint32_t start, uint32_t end) {
  if (self->n == self->cap) {
    self->cap *= 2;
    self->nodes = rl_realloc(self->nodes, self->cap * sizeof *self->nodes);
  }
  uint32_t i = self->n++;
  RlNodeRec *r = &self->nodes[i];
  memset(r, 0, sizeof *r);
  r->kind = kind;
  r->sym = sym;
  r->field = field;
  r->flags = flags;
  r->start_byte = start;
  r->end_byte = end < start ? start : end;
  r->end = i + 1;
  if (self->depth) {
    uint32_t p = self->stack[self->depth - 1];
    r->parent = p;
    uint32_t last = self->last[self->depth - 1];
    if (last) self->nodes[last].next_sibling = i;
    else self->nodes[p].first_child = i;
    self->last[self->depth - 1] = i;
  }
  if (self->depth == self->stackcap) {
    self->stackcap = self->stackcap ? self->stackcap * 2 : 256;
    self->stack = rl_realloc(self->stack, self->stackcap * sizeof *self->stack);
    self->last = rl_realloc(self->last, self->stackcap * sizeof *self->last);
  }
  self->stack[self->depth] = i;
  self->last[self->depth] = 0;
  self->depth++;
  return i;
}

void rl_tree_close(RlTree *self) {
  if (!self->depth) return;
  uint32_t i = self->stack[--self->depth];
  self->nodes[i].end = self->n;
}

RlNodeExt *rl_tree_ext(RlTree *self, uint32_t i) {
  if (self->nodes[i].ext) return &self->ext[self->nodes[i].ext];
  if (self->next >= self->extcap) {
    self->extcap = self->extcap ? self->extcap * 2 : 256;
    self->ext = rl_realloc(self->ext, self->extcap * sizeof *self->ext);
    memset(&self->ext[0], 0, sizeof self->ext[0]);
  }
  uint32_t e = self->next++;
  memset(&self->ext[e], 0, sizeof self->ext[e]);
  self->nodes[i].ext = e;
  return &self->ext[e];
}

/* Section - line table */

void rl_lines_build(RlLines *self, const char *src, size_t len) {
  uint32_t cap = 256, n = 0;
  uint32_t *v = rl_malloc(cap * sizeof *v);
  uint8_t *na = rl_malloc(cap);
  v[n] = 0;
  na[n++] = 0;
  for (size_t i = 0; i < len; i++) {
    char c = src[i];
    if ((unsigned char)c >= 0x80) na[n - 1] = 1;
    /* \n, \r\n and a lone \r all end a line. */
    if (c == '\n' || (c == '\r' && (i + 1 >= len || src[i + 1] != '\n'))) {
      if (n == cap) {
        cap *= 2;
        v = rl_realloc(v, cap * sizeof *v);
        na = rl_realloc(na, cap);
      }
      v[n] = (uint32_t)(i + 1);
      na[n++] = 0;
    }
  }
  self->starts = v;
  self->nonascii = na;
  self->n = n;
  self->memo_line = UINT32_MAX;
}

void rl_lines_free(RlLines *self) {
  free(self->starts);
  free(self->nonascii);
  self->starts = NULL;
  self->nonascii = NULL;
  self->n = 0;
}

/* Code points in [start of line `ln`, off). */
static uint32_t rl_lines__cp(RlLines *self, const char *src, uint32_t ln, uint32_t off) {
  uint32_t base = self->starts[ln];
  if (!self->nonascii || !self->nonascii[ln]) return off - base;
  if (self->memo_line == ln && self->memo_off <= off) {
    /* continue from the memo; an offset inside a sequence is still fine:
     * rl_utf8_codepoints counts bytes it cannot decode one each */
  } else {
    self->memo_line = ln;
    self->memo_off = base;
    self->memo_cp = 0;
  }
  self->memo_cp += rl_utf8_codepoints(src + self->memo_off, off - self->memo_off);
  self->memo_off = off;
  return self->memo_cp;
}

static uint32_t rl_lines__find(const RlLines *self, uint32_t off) {
  uint32_t lo = 0, hi = self->n; /* last start <= off */
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (self->starts[mid] <= off) lo = mid;
    else hi = mid;
  }
  return lo;
}

RlLoc rl_lines_loc(RlLines *self, const char *src, size_t len, uint32_t start,
                   uint32_t end) {
  RlLoc l;
  memset(&l, 0, sizeof l);
  if (start > len) start = (uint32_t)len;
  if (end > len) end = (uint32_t)len;
  if (end < start) end = start;
  uint32_t a = rl_lines__find(self, start), b = rl_lines__find(self, end);
  l.start = start;
  l.end = end;
  l.line = a + 1;
  l.col = start - self->starts[a] + 1;
  l.end_line = b + 1;
  l.end_col = end - self->starts[b] + 1;
  l.col_cp = rl_lines__cp(self, src, a, start) + 1;
  l.end_col_cp = rl_lines__cp(self, src, b, end) + 1;
  return l;
}

const char *rl_lines_text(const RlLines *self, const char *src, size_t len,
                          uint32_t line, size_t *n) {
  if (line == 0 || line > self->n) {
    *n = 0;
    return "";
  }
  uint32_t s = self->starts[line - 1];
  uint32_t e = line < self->n ? self->starts[line] : (uint32_t)len;
  while (e > s && (src[e - 1] == '\n' || src[e - 1] == '\r')) e--;
  *n = e - s;
  return src + s;
}

/* Section - rule_api: the file */

RlLang rl_lang(const RlCtx *cx) { return cx->lang; }
const char *rl_path(const RlCtx *cx) { return cx->path; }
const RlRule *rl_rule(const RlCtx *cx) { return cx->rule; }
void *rl_alloc(RlCtx *cx, size_t n) { return rl_arena_alloc(cx->scratch, n); }
const char *rl_str(RlCtx *cx, const char *s, size_t n) {
  return rl_arena_strndup(cx->scratch, s, n);
}
const char *rl_fmt(RlCtx *cx, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const char *s = rl_arena_vprintf(cx->scratch, fmt, ap);
  va_end(ap);
  return s;
}
uint32_t rl_node_count(const RlCtx *cx) { return cx->tree.n; }
RlNode rl_root(const RlCtx *cx) { return cx->tree.n > 1 ? 1 : 0; }

/* Section - rule_api: nodes */

#define RL_REC(cx, node) (&(cx)->tree.nodes[(node) < (cx)->tree.n ? (node) : 0])

RlKind rl_kind(const RlCtx *cx, RlNode n) { return (RlKind)RL_REC(cx, n)->kind; }
RlNode rl_parent(const RlCtx *cx, RlNode n) { return RL_REC(cx, n)->parent; }
RlNode rl_first_child(const RlCtx *cx, RlNode n) { return RL_REC(cx, n)->first_child; }
RlNode rl_next_sibling(const RlCtx *cx, RlNode n) { return RL_REC(cx, n)->next_sibling; }
RlNode rl_node_end(const RlCtx *cx, RlNode n) { return n ? RL_REC(cx, n)->end : 0; }
RlField rl_field(const RlCtx *cx, RlNode n) { return (RlField)RL_REC(cx, n)->field; }

RlNode rl_child(const RlCtx *cx, RlNode n, RlField f) {
  if (!n) return 0;
  for (RlNode c = RL_REC(cx, n)->first_child; c; c = RL_REC(cx, c)->next_sibling)
    if (RL_REC(cx, c)->field == f) return c;
  return 0;
}

bool rl_is_token(const RlCtx *cx, RlNode n) {
  return n && !(RL_REC(cx, n)->flags & RL_NF_NAMED);
}

static bool rl_ast__is_named(const RlCtx *cx, RlNode c) {
  const RlNodeRec *r = RL_REC(cx, c);
  return (r->flags & RL_NF_NAMED) && !(r->flags & RL_NF_EXTRA);
}

RlNode rl_named_child(const RlCtx *cx, RlNode n, uint32_t i) {
  if (!n) return 0;
  for (RlNode c = RL_REC(cx, n)->first_child; c; c = RL_REC(cx, c)->next_sibling)
    if (rl_ast__is_named(cx, c) && i-- == 0) return c;
  return 0;
}

uint32_t rl_named_child_count(const RlCtx *cx, RlNode n) {
  uint32_t k = 0;
  if (!n) return 0;
  for (RlNode c = RL_REC(cx, n)->first_child; c; c = RL_REC(cx, c)->next_sibling)
    if (rl_ast__is_named(cx, c)) k++;
  return k;
}

const char *rl_text(const RlCtx *cx, RlNode n, size_t *len) {
  const RlNodeRec *r = RL_REC(cx, n);
  if (!n || r->start_byte > cx->len) {
    *len = 0;
    return "";
  }
  uint32_t e = r->end_byte > cx->len ? (uint32_t)cx->len : r->end_byte;
  *len = e - r->start_byte;
  return cx->src + r->start_byte;
}

bool rl_text_eq(const RlCtx *cx, RlNode n, const char *s) {
  size_t len;
  const char *t = rl_text(cx, n, &len);
  return strlen(s) == len && memcmp(t, s, len) == 0;
}

bool rl_text_contains_ci(const RlCtx *cx, RlNode n, const char *s) {
  size_t len, k = strlen(s);
  const char *t = rl_text(cx, n, &len);
  for (size_t i = 0; i + k <= len; i++) {
    size_t j = 0;
    while (j < k && tolower((unsigned char)t[i + j]) == tolower((unsigned char)s[j])) j++;
    if (j == k) return true;
  }
  return false;
}

const char *rl_text_dup(RlCtx *cx, RlNode n) {
  size_t len;
  const char *t = rl_text(cx, n, &len);
  return rl_arena_strndup(cx->scratch, t, len);
}

bool rl_has_token(const RlCtx *cx, RlNode n, const char *tok) {
  if (!n) return false;
  for (RlNode c = RL_REC(cx, n)->first_child; c; c = RL_REC(cx, c)->next_sibling)
    if (!(RL_REC(cx, c)->flags & RL_NF_NAMED) && rl_text_eq(cx, c, tok)) return true;
  return false;
}

static const char *const rl_ast__ops[] = {
    "=",  "+=", "-=", "*=", "/=",  "%=",  "&=", "|=", "^=", "<<=", ">>=", ">>>=",
    "**=", "&&=", "||=", "?" "?=", "++", "--", "+",  "-",  "*",  "/",   "%",   "**",
    "&",  "|",  "^",  "~",  "!",   "<<",  ">>", ">>>", "&&", "||", "?" "?", "==",
    "!=", "===", "!==", "<", ">",  "<=",  ">=", ",", "typeof", "void", "delete",
    "in", "instanceof", "sizeof", "await"};

static const char *rl_ast__op_lookup(const char *s, size_t n) {
  while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
               s[n - 1] == '\r'))
    n--;
  for (size_t i = 0; i < RL_COUNTOF(rl_ast__ops); i++)
    if (strlen(rl_ast__ops[i]) == n && memcmp(rl_ast__ops[i], s, n) == 0)
      return rl_ast__ops[i];
  return "";
}

const char *rl_op(const RlCtx *cx, RlNode n) {
  const RlNodeRec *r = RL_REC(cx, n);
  if (!n) return "";
  if (cx->lang == RL_LANG_C) {
    if (r->flags & RL_NF_MACRO) return "";
    RlNode a = r->first_child;
    if (!a) return "";
    const RlNodeRec *ra = RL_REC(cx, a);
    if (r->kind == RL_C_UNARY_OPERATOR) {
      if (ra->start_byte > r->start_byte)
        return rl_ast__op_lookup(cx->src + r->start_byte, ra->start_byte - r->start_byte);
      if (r->end_byte > ra->end_byte)
        return rl_ast__op_lookup(cx->src + ra->end_byte, r->end_byte - ra->end_byte);
      return "";
    }
    RlNode b = ra->next_sibling;
    if (!b) return "";
    const RlNodeRec *rb = RL_REC(cx, b);
    if (rb->start_byte < ra->end_byte || rb->start_byte > cx->len) return "";
    return rl_ast__op_lookup(cx->src + ra->end_byte, rb->start_byte - ra->end_byte);
  }
  if (r->kind == RL_JS_ASSIGNMENT_EXPRESSION) return "=";
  RlNode op = rl_child(cx, n, RL_F_OPERATOR);
  if (!op) return "";
  size_t len;
  const char *t = rl_text(cx, op, &len);
  return rl_ast__op_lookup(t, len);
}

/* Is C node n what clang keeps of an expression it could not check (a
 * RecoveryExpr: `r->app` on a struct whose definition is in a header not
 * found)? libclang shows it as an unexposed expression around the part it
 * understood (`r`), which must not pass for that part. Told apart from an
 * implicit conversion by its extent, wider than its only child's. */
static bool rl_ast__recovery(const RlCtx *cx, RlNode n) {
  const RlNodeRec *r = RL_REC(cx, n);
  if (r->kind != RL_C_UNEXPOSED_EXPR || (r->flags & RL_NF_MACRO) || r->ext) return false;
  RlNode c = rl_named_child(cx, n, 0);
  if (!c || rl_named_child_count(cx, n) != 1) return false;
  const RlNodeRec *rc = RL_REC(cx, c);
  if (rc->flags & RL_NF_MACRO) return false;
  return rc->start_byte > r->start_byte || rc->end_byte < r->end_byte;
}

static bool rl_ast__transparent(const RlCtx *cx, RlNode n) {
  switch (rl_kind(cx, n)) {
  case RL_JS_PARENTHESIZED_EXPRESSION:
  case RL_JS_AS_EXPRESSION:
  case RL_JS_SATISFIES_EXPRESSION:
  case RL_JS_NON_NULL_EXPRESSION:
  case RL_JS_TYPE_ASSERTION:
  case RL_C_PAREN_EXPR:
  case RL_C_CSTYLE_CAST_EXPR:
    return true;
  case RL_C_UNEXPOSED_EXPR:
    return rl_named_child_count(cx, n) == 1 && !rl_ast__recovery(cx, n);
  default:
    return false;
  }
}

RlNode rl_strip(const RlCtx *cx, RlNode n) {
  while (n && rl_ast__transparent(cx, n)) {
    RlNode next = 0;
    if (rl_kind(cx, n) == RL_C_CSTYLE_CAST_EXPR) {
      /* (type)expr: the expression is the last child. */
      for (RlNode c = rl_first_child(cx, n); c; c = rl_next_sibling(cx, c))
        if (rl_kind(cx, c) != RL_C_TYPE_REF) next = c;
    } else if (rl_kind(cx, n) == RL_JS_TYPE_ASSERTION) {
      next = rl_named_child(cx, n, 1);
    } else {
      next = rl_named_child(cx, n, 0);
    }
    if (!next) break;
    n = next;
  }
  return n;
}

/* Feeds the structure of n into hash h; a node that subst (if any) maps to
 * another expression is fed as that expression instead (one level: the
 * replacement itself is fed unchanged). */
static uint64_t rl_ast__key_feed(const RlCtx *cx, uint64_t h, RlNode n, RlExprSubst subst,
                                 void *ud) {
  n = rl_strip(cx, n);
  if (!n) return h;
  uint32_t end = RL_REC(cx, n)->end;
  uint32_t stack[64], depth = 0;
  for (uint32_t i = n; i < end; i++) {
    const RlNodeRec *r = RL_REC(cx, i);
    while (depth && i >= RL_REC(cx, stack[depth - 1])->end) {
      h = rl_hash_bytes(h, ")", 1);
      depth--;
    }
    if (r->flags & RL_NF_EXTRA) {
      i = r->end - 1; /* comments: skip */
      continue;
    }
    if (rl_ast__transparent(cx, i) || r->kind == RL_C_TYPE_REF) continue;
    RlNode to = subst ? subst(ud, i) : RL_NONE;
    if (to) {
      h = rl_ast__key_feed(cx, h, to, NULL, NULL);
      i = r->end - 1;
      continue;
    }
    uint16_t k = r->kind;
    h = rl_hash_bytes(h, &k, sizeof k);
    if (r->ext && cx->tree.ext[r->ext].name && *cx->tree.ext[r->ext].name) {
      h = rl_hash_str(h, cx->tree.ext[r->ext].name);
    } else if ((!r->first_child && !(r->flags & RL_NF_MACRO)) || rl_ast__recovery(cx, i)) {
      /* a leaf, or what clang could not check (`r->app`, `r->dynamic`): its text */
      size_t len;
      const char *t = rl_text(cx, i, &len);
      h = rl_hash_bytes(h, t, len);
      h = rl_hash_bytes(h, "", 1);
    }
    if (r->first_child) {
      h = rl_hash_bytes(h, "(", 1);
      if (depth < RL_COUNTOF(stack)) stack[depth++] = i;
    }
  }
  while (depth--) h = rl_hash_bytes(h, ")", 1);
  return h;
}

uint64_t rl_expr_key(const RlCtx *cx, RlNode n) {
  return rl_ast__key_feed(cx, RL_FNV_INIT, n, NULL, NULL);
}

uint64_t rl_expr_key_subst(const RlCtx *cx, RlNode n, RlExprSubst subst, void *ud) {
  return rl_ast__key_feed(cx, RL_FNV_INIT, n, subst, ud);
}

bool rl_same_expr(const RlCtx *cx, RlNode a, RlNode b) {
  return a && b && rl_expr_key(cx, a) == rl_expr_key(cx, b);
}

RlLoc rl_loc(const RlCtx *cx, RlNode n) {
  const RlNodeRec *r = RL_REC(cx, n);
  /* the memo in the line table is per file, and a file is one thread's */
  return rl_lines_loc((RlLines *)&cx->lines, cx->src, cx->len, r->start_byte, r->end_byte);
}

/* Section - rule_api: C specifics */

static const RlNodeExt *rl_ast__ext(const RlCtx *cx, RlNode n) {
  const RlNodeRec *r = RL_REC(cx, n);
  return r->ext ? &cx->tree.ext[r->ext] : NULL;
}

const char *rl_c_name(const RlCtx *cx, RlNode n) {
  const RlNodeExt *e = rl_ast__ext(cx, n);
  return e && e->name ? e->name : "";
}

RlRefKind rl_c_ref(const RlCtx *cx, RlNode n) {
  const RlNodeExt *e = rl_ast__ext(cx, n);
  return e ? (RlRefKind)e->ref : RL_REF_NONE;
}

const char *rl_c_type(const RlCtx *cx, RlNode n) {
  const RlNodeExt *e = rl_ast__ext(cx, n);
  return e && e->type ? e->type : "";
}

bool rl_c_in_macro(const RlCtx *cx, RlNode n) {
  return (RL_REC(cx, n)->flags & RL_NF_MACRO) != 0;
}

const char *rl_c_callee(const RlCtx *cx, RlNode call) {
  if (rl_kind(cx, call) != RL_C_CALL_EXPR) return "";
  RlNode callee = rl_strip(cx, rl_child(cx, call, RL_F_CALLEE));
  if (callee && rl_kind(cx, callee) == RL_C_DECL_REF_EXPR) return rl_c_name(cx, callee);
  return "";
}

uint32_t rl_c_argc(const RlCtx *cx, RlNode call) {
  uint32_t k = 0;
  for (RlNode c = rl_first_child(cx, call); c; c = rl_next_sibling(cx, c))
    if (rl_field(cx, c) == RL_F_ARG) k++;
  return k;
}

RlNode rl_c_arg(const RlCtx *cx, RlNode call, uint32_t i) {
  for (RlNode c = rl_first_child(cx, call); c; c = rl_next_sibling(cx, c))
    if (rl_field(cx, c) == RL_F_ARG && i-- == 0) return c;
  return 0;
}

/* Section - functions, of both languages (the engine names the function of
 * every finding and fact) */

bool rl_js_is_function(const RlCtx *cx, RlNode n) {
  switch (rl_kind(cx, n)) {
  case RL_JS_FUNCTION_DECLARATION:
  case RL_JS_FUNCTION_EXPRESSION:
  case RL_JS_FUNCTION:
  case RL_JS_GENERATOR_FUNCTION_DECLARATION:
  case RL_JS_GENERATOR_FUNCTION:
  case RL_JS_ARROW_FUNCTION:
  case RL_JS_METHOD_DEFINITION:
    return true;
  default:
    return false;
  }
}

RlNode rl_js_own_next(const RlCtx *cx, RlNode i, RlNode end) {
  RlNode n = i + 1;
  while (n < end && rl_js_is_function(cx, n)) n = rl_node_end(cx, n);
  return n;
}

static bool rl_ast__is_fn_node(const RlCtx *cx, RlNode p) {
  return rl_js_is_function(cx, p) || rl_kind(cx, p) == RL_C_FUNCTION_DECL;
}

RlNode rl_enclosing_function(const RlCtx *cx, RlNode n) {
  if (!n || n >= cx->tree.n) return RL_NONE;
  if (!cx->encl_fn) {
    /* one pass in node order (parents come before their children): a
     * cache of a function of the immutable tree, hence the cast */
    uint32_t *e = rl_arena_alloc(cx->scratch, cx->tree.n * sizeof *e);
    e[0] = RL_NONE;
    for (uint32_t i = 1; i < cx->tree.n; i++) {
      RlNode p = rl_parent(cx, i);
      e[i] = !p ? RL_NONE : rl_ast__is_fn_node(cx, p) ? p : e[p];
    }
    ((RlCtx *)cx)->encl_fn = e;
  }
  return cx->encl_fn[n];
}

static const char *rl_ast__class_name(RlCtx *cx, RlNode n) {
  for (RlNode p = rl_parent(cx, n); p; p = rl_parent(cx, p)) {
    RlKind k = rl_kind(cx, p);
    if (k == RL_JS_CLASS_DECLARATION || k == RL_JS_ABSTRACT_CLASS_DECLARATION ||
        k == RL_JS_CLASS) {
      RlNode name = rl_child(cx, p, RL_F_NAME);
      if (name) return rl_text_dup(cx, name);
      /* const Foo = class { ... } */
      RlNode vp = rl_parent(cx, p);
      if (rl_kind(cx, vp) == RL_JS_VARIABLE_DECLARATOR)
        return rl_text_dup(cx, rl_child(cx, vp, RL_F_NAME));
      return "";
    }
  }
  return "";
}

const char *rl_function_name(RlCtx *cx, RlNode fn) {
  if (!fn) return "";
  RlKind k = rl_kind(cx, fn);
  if (k == RL_C_FUNCTION_DECL) return rl_c_name(cx, fn);
  if (k == RL_JS_METHOD_DEFINITION) {
    const char *cls = rl_ast__class_name(cx, fn);
    const char *m = rl_text_dup(cx, rl_child(cx, fn, RL_F_NAME));
    if (!*cls) return m;
    size_t a = strlen(cls), b = strlen(m);
    char *s = rl_alloc(cx, a + b + 2);
    memcpy(s, cls, a);
    s[a] = '.';
    memcpy(s + a + 1, m, b);
    return s;
  }
  RlNode name = rl_child(cx, fn, RL_F_NAME);
  if (name) return rl_text_dup(cx, name);
  RlNode p = rl_parent(cx, fn);
  while (p && rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION) p = rl_parent(cx, p);
  switch (rl_kind(cx, p)) {
  case RL_JS_VARIABLE_DECLARATOR:
    return rl_text_dup(cx, rl_child(cx, p, RL_F_NAME));
  case RL_JS_PAIR:
    return rl_text_dup(cx, rl_child(cx, p, RL_F_KEY));
  case RL_JS_ASSIGNMENT_EXPRESSION:
    return rl_text_dup(cx, rl_child(cx, p, RL_F_LEFT));
  case RL_JS_FIELD_DEFINITION:
  case RL_JS_PUBLIC_FIELD_DEFINITION: {
    RlNode prop = rl_child(cx, p, RL_F_PROPERTY);
    if (!prop) prop = rl_child(cx, p, RL_F_NAME);
    const char *cls = rl_ast__class_name(cx, p);
    const char *m = prop ? rl_text_dup(cx, prop) : "";
    if (!*cls) return m;
    char *s = rl_alloc(cx, strlen(cls) + strlen(m) + 2);
    strcpy(s, cls);
    strcat(s, ".");
    strcat(s, m);
    return s;
  }
  default:
    return "";
  }
}
