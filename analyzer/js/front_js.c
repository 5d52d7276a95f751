/* front_js.c - tree-sitter front end for .js/.jsx/.ts/.tsx files.
 * Parses with the pinned grammars (grammars/) and copies the tree into the
 * flat preorder RlTree with an explicit stack (no recursion), keeping named
 * nodes, keyword tokens (async, static, get ...) and tokens that carry a
 * field (operators). The tree-sitter tree is freed before returning, or
 * kept for the editor's next incremental parse (see RlJsTree). */
#include "front_js.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_javascript(void);
const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);

typedef struct RlJsGrammar {
  const TSLanguage *lang;
  uint16_t *kind_of_sym; /* by TSSymbol */
  uint8_t *keep_token;   /* unnamed symbols to keep (keywords) */
  uint32_t nsyms;
  uint8_t *field_of;     /* by TSFieldId */
  uint32_t nfields;
  bool ts, jsx;          /* TypeScript syntax; JSX syntax (js and tsx) */
} RlJsGrammar;

struct RlJsTables {
  RlJsGrammar g[3]; /* js, ts, tsx */
};

struct RlJsParser {
  TSParser *parser;
};

static const struct {
  const char *name;
  RlKind kind;
} rl_front_js__kinds[] = {
#define RL_JS_KIND(e, s) {s, RL_JS_##e},
#include "kinds.def"
#undef RL_JS_KIND
};

static const struct {
  const char *name;
  RlField field;
} rl_front_js__fields[] = {
#define RL_FIELD(e, s) {s, RL_F_##e},
#include "kinds.def"
#undef RL_FIELD
};

static bool rl_front_js__grammar_init(RlJsGrammar *g, const TSLanguage *lang) {
  g->lang = lang;
  if (ts_language_version(lang) > TREE_SITTER_LANGUAGE_VERSION ||
      ts_language_version(lang) < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION)
    return false;
  g->nsyms = ts_language_symbol_count(lang);
  g->kind_of_sym = rl_calloc(g->nsyms, sizeof *g->kind_of_sym);
  g->keep_token = rl_calloc(g->nsyms, 1);
  for (uint32_t s = 0; s < g->nsyms; s++) {
    const char *name = ts_language_symbol_name(lang, (TSSymbol)s);
    g->kind_of_sym[s] = RL_JS_OTHER;
    if (!name) continue;
    for (size_t i = 1; i < RL_COUNTOF(rl_front_js__kinds); i++)
      if (strcmp(rl_front_js__kinds[i].name, name) == 0) {
        g->kind_of_sym[s] = (uint16_t)rl_front_js__kinds[i].kind;
        break;
      }
    if (ts_language_symbol_type(lang, (TSSymbol)s) == TSSymbolTypeAnonymous &&
        (isalpha((unsigned char)name[0]) || strcmp(name, "*") == 0))
      g->keep_token[s] = 1; /* async, static, get, set, await, new ..., and the
                               generator star of `async *method()` */
  }
  /* "ERROR" is not in the symbol table by name: ts_builtin_sym_error. */
  g->nfields = ts_language_field_count(lang) + 1;
  g->field_of = rl_calloc(g->nfields, 1);
  for (uint32_t f = 1; f < g->nfields; f++) {
    const char *name = ts_language_field_name_for_id(lang, (TSFieldId)f);
    if (!name) continue;
    for (size_t i = 0; i < RL_COUNTOF(rl_front_js__fields); i++)
      if (strcmp(rl_front_js__fields[i].name, name) == 0) {
        g->field_of[f] = (uint8_t)rl_front_js__fields[i].field;
        break;
      }
  }
  return true;
}

RlJsTables *rl_front_js_tables_new(const char **err) {
  RlJsTables *t = rl_calloc(1, sizeof *t);
  const TSLanguage *langs[3] = {tree_sitter_javascript(), tree_sitter_typescript(),
                                tree_sitter_tsx()};
  for (int i = 0; i < 3; i++) {
    t->g[i].ts = i > 0;
    t->g[i].jsx = i != 1;
    if (!rl_front_js__grammar_init(&t->g[i], langs[i])) {
      *err = "a JS/TS grammar has a tree-sitter ABI this runtime cannot load";
      rl_front_js_tables_delete(t);
      return NULL;
    }
  }
  return t;
}

void rl_front_js_tables_delete(RlJsTables *self) {
  if (!self) return;
  for (int i = 0; i < 3; i++) {
    free(self->g[i].kind_of_sym);
    free(self->g[i].keep_token);
    free(self->g[i].field_of);
  }
  free(self);
}

RlJsParser *rl_front_js_parser_new(void) {
  RlJsParser *p = rl_calloc(1, sizeof *p);
  p->parser = ts_parser_new();
  return p;
}

void rl_front_js_parser_delete(RlJsParser *self) {
  if (!self) return;
  ts_parser_delete(self->parser);
  free(self);
}

static const RlJsGrammar *rl_front_js__grammar(const RlJsTables *t, RlLang lang) {
  return lang == RL_LANG_TSX ? &t->g[2] : lang == RL_LANG_TS ? &t->g[1] : &t->g[0];
}

/* Section - valid syntax the pinned grammars do not parse
 *
 * tree-sitter-typescript 0.23.2 and tree-sitter-javascript 0.23.1 reject
 * some valid TypeScript 5.x and JSX. Rather than report a parse error and
 * analyse a recovered tree, the parser gets a copy of the text in which
 * each such construct is blanked to something it parses with the same
 * length, so every byte offset (and every node's text, read from the
 * original) stays as written. Only constructs recognised exactly are
 * touched; a genuine syntax error still reaches the parser unchanged. */

static bool rl_front_js__ident(char c) {
  return isalnum((unsigned char)c) || c == '_' || c == '$';
}

/* The index just past the `>` closing the `<` at src[i], or 0: angle
 * brackets counted (the `>` of `=>` is not one), brackets balanced, no `;`,
 * at most 512 bytes. */
static size_t rl_front_js__close_angle(const char *src, size_t len, size_t i) {
  int angle = 0, other = 0;
  for (size_t j = i; j < len && j < i + 512; j++) {
    char c = src[j];
    if (c == ';') return 0;
    if (c == '(' || c == '[' || c == '{') other++;
    else if (c == ')' || c == ']' || c == '}') {
      if (--other < 0) return 0;
    } else if (c == '<') angle++;
    else if (c == '>' && !(j > 0 && src[j - 1] == '=')) {
      if (--angle == 0) return other == 0 ? j + 1 : 0;
    }
  }
  return 0;
}

/* Does the word w start at src[i] and end there (not a longer name)? */
static bool rl_front_js__word(const char *src, size_t len, size_t i, const char *w) {
  size_t n = strlen(w);
  return len - i > n && memcmp(src + i, w, n) == 0 && !rl_front_js__ident(src[i + n]) &&
         (i == 0 || !rl_front_js__ident(src[i - 1]));
}

/* Does `import('m').a.b` end just before src[i] (an import type, whose
 * type arguments the grammar rejects: `import('./m').Box<number>`)? */
static bool rl_front_js__after_import_type(const char *src, size_t i) {
  size_t j = i;
  while (j > 0 && (rl_front_js__ident(src[j - 1]) || src[j - 1] == '.')) j--;
  if (j == i || src[j] != '.' || j == 0 || src[j - 1] != ')') return false;
  size_t k = j - 1, stop = k > 256 ? k - 256 : 0;
  while (k > stop && src[k - 1] != '(' && src[k - 1] != ')' && src[k - 1] != '\n') k--;
  if (k == 0 || src[k - 1] != '(' || k - 1 < 6) return false;
  return memcmp(src + k - 7, "import", 6) == 0 && (k - 7 == 0 || !rl_front_js__ident(src[k - 8]));
}

static bool rl_front_js__has(const char *s, size_t n, const char *w) {
  size_t wl = strlen(w);
  for (size_t i = 0; i + wl <= n; i++)
    if (memcmp(s + i, w, wl) == 0) return true;
  return false;
}

/* A copy of src with the constructs above blanked (malloc'd), or NULL when
 * there is none. */
static char *rl_front_js__mask(const char *src, size_t len, bool ts, bool jsx) {
  char *m = NULL;
#define RL_MASK_AT(i) (m ? m : (m = memcpy(rl_malloc(len ? len : 1), src, len)))[i]
  for (size_t i = 0; i < len; i++) {
    char c = src[i];
    bool word_start = i == 0 || !rl_front_js__ident(src[i - 1]);
    if (ts && c == 'e' && word_start && len - i > 8 && memcmp(src + i, "export", 6) == 0) {
      /* `export type * from` and `export type * as ns from` (TS 5.0) */
      size_t j = i + 6;
      while (j < len && isspace((unsigned char)src[j])) j++;
      if (j > i + 6 && len - j > 4 && memcmp(src + j, "type", 4) == 0) {
        size_t k = j + 4;
        while (k < len && isspace((unsigned char)src[k])) k++;
        if (k > j + 4 && k < len && src[k] == '*')
          for (size_t q = j; q < j + 4; q++) RL_MASK_AT(q) = ' ';
      }
    } else if (ts && c == '<' && i > 0 &&
               (rl_front_js__ident(src[i - 1]) || src[i - 1] == ')' || src[i - 1] == ']')) {
      /* explicit type arguments: of a tagged template (sql<Row>`...`), or of
       * a call when they hold a generic function type (f<<T>(x: T) => T>())
       * or `typeof import('m')` */
      size_t e = rl_front_js__close_angle(src, len, i);
      if (!e || e >= len) continue;
      bool tagged = src[e] == '`';
      bool call = src[e] == '(' &&
                  (src[i + 1] == '<' || rl_front_js__has(src + i, e - i, "import("));
      /* type arguments of an import type: `x: import('./m').Box<number>` */
      bool import_type = src[e] != '(' && rl_front_js__after_import_type(src, i);
      if (tagged || call || import_type) {
        for (size_t q = i; q < e; q++)
          if (src[q] != '\n') RL_MASK_AT(q) = ' ';
      } else {
        /* variance annotations (TS 4.7) of a type parameter list:
         * `interface Box<in out T>`, `type Get<out T> = ...`: the `in` /
         * `out` right after `<` or a top-level `,`, followed by a name */
        int depth = 0;
        for (size_t q = i; q < e; q++) {
          char d = src[q];
          if (d == '<' || d == '(' || d == '[' || d == '{') depth++;
          else if (d == '>' || d == ')' || d == ']' || d == '}') depth--;
          if (!((d == '<' && depth == 1) || (d == ',' && depth == 1))) continue;
          size_t w = q + 1;
          for (int kw = 0; kw < 2; kw++) {
            while (w < e && isspace((unsigned char)src[w])) w++;
            size_t n = rl_front_js__word(src, e, w, "in") ? 2 : rl_front_js__word(src, e, w, "out") ? 3 : 0;
            if (!n) break;
            size_t a = w + n, b = a;
            while (b < e && isspace((unsigned char)src[b])) b++;
            if (b == a || b >= e || !(isalpha((unsigned char)src[b]) || src[b] == '_' || src[b] == '$'))
              break;
            for (size_t z = w; z < a; z++) RL_MASK_AT(z) = ' ';
            w = a;
          }
        }
      }
      i = e - 1;
    } else if (ts && (c == '(' || c == ',')) {
      /* a parameter named infer, unique or never in a function type */
      static const char *const kw[] = {"infer", "unique", "never"};
      size_t j = i + 1;
      while (j < len && isspace((unsigned char)src[j])) j++;
      for (size_t w = 0; w < RL_COUNTOF(kw); w++) {
        size_t n = strlen(kw[w]);
        if (len - j <= n || memcmp(src + j, kw[w], n) != 0 || rl_front_js__ident(src[j + n]))
          continue;
        size_t k = j + n;
        while (k < len && isspace((unsigned char)src[k])) k++;
        if (k < len && src[k] == '?') k++;
        if (k < len && src[k] == ':') RL_MASK_AT(j) = '_';
      }
    } else if (c == 'a' && word_start && rl_front_js__word(src, len, i, "accessor")) {
      /* an auto-accessor field (TS 4.9, decorators): `static accessor n = 1`,
       * `private accessor x`, `accessor #p`; read as a plain field. The
       * name must follow on the same line; `accessor = 1` and `accessor()`
       * (a field or method named accessor) stay as written. */
      size_t j = i + 8;
      while (j < len && (src[j] == ' ' || src[j] == '\t')) j++;
      if (j == i + 8 || j >= len ||
          !(isalpha((unsigned char)src[j]) || src[j] == '_' || src[j] == '$' || src[j] == '#' ||
            src[j] == '['))
        continue;
      size_t b = i;
      while (b > 0 && (src[b - 1] == ' ' || src[b - 1] == '\t')) b--;
      static const char *const mods[] = {"static",   "public",   "private", "protected",
                                         "override", "abstract", "declare", "readonly"};
      bool after_mod = false;
      for (size_t w = 0; w < RL_COUNTOF(mods) && !after_mod; w++) {
        size_t n = strlen(mods[w]);
        after_mod = b >= n && memcmp(src + b - n, mods[w], n) == 0 &&
                    (b == n || !rl_front_js__ident(src[b - n - 1]));
      }
      bool member_start = b == 0 || src[b - 1] == '{' || src[b - 1] == ';' || src[b - 1] == '}' ||
                          src[b - 1] == '\n';
      if (!after_mod && !member_start) continue;
      for (size_t q = i; q < i + 8; q++) RL_MASK_AT(q) = ' ';
      i = j - 1;
    } else if (c == 'u' && word_start && len - i > 7 && memcmp(src + i, "using", 5) == 0 &&
               (src[i + 5] == ' ' || src[i + 5] == '\t')) {
      /* explicit resource management (TS 5.2, ES2026): `using x = ...`,
       * `await using x = ...`, `for ([await] using x of ...)` read as
       * `const`; `using` as a plain name (`using(x)`, `using = 1`) is not
       * followed by a binding and stays as written */
      size_t j = i + 5;
      while (j < len && (src[j] == ' ' || src[j] == '\t')) j++;
      if (j >= len || !(isalpha((unsigned char)src[j]) || src[j] == '_' || src[j] == '$')) continue;
      size_t k = j;
      while (k < len && rl_front_js__ident(src[k])) k++;
      size_t q = k;
      while (q < len && (src[q] == ' ' || src[q] == '\t')) q++;
      bool decl = q + 1 < len && ((src[q] == '=' && src[q + 1] != '=' && src[q + 1] != '>') ||
                                  (ts && src[q] == ':'));
      bool of = len - q > 2 && memcmp(src + q, "of", 2) == 0 && !rl_front_js__ident(src[q + 2]);
      bool keyword = (k - j == 2 && (memcmp(src + j, "of", 2) == 0 || memcmp(src + j, "in", 2) == 0)) ||
                     (k - j == 10 && memcmp(src + j, "instanceof", 10) == 0);
      if ((!decl && !of) || keyword) continue;
      memcpy(&RL_MASK_AT(i), "const", 5);
      size_t a = i; /* `await using`: the await goes */
      while (a > 0 && (src[a - 1] == ' ' || src[a - 1] == '\t')) a--;
      if (a >= 5 && a < i && memcmp(src + a - 5, "await", 5) == 0 &&
          (a == 5 || !rl_front_js__ident(src[a - 6])))
        for (size_t w = a - 5; w < a; w++) RL_MASK_AT(w) = ' ';
      i = k - 1;
    } else if (jsx && c == '=' && i + 1 < len && (src[i + 1] == '"' || src[i + 1] == '\'') &&
               i > 0 && rl_front_js__ident(src[i - 1])) {
      /* a JSX attribute string: `&` that starts no character reference
       * (href="/a?x=1&y=2", title="Tom & Jerry") */
      size_t a = i - 1;
      while (a > 0 && (rl_front_js__ident(src[a - 1]) || src[a - 1] == '-')) a--;
      if (a == 0 || !isspace((unsigned char)src[a - 1])) continue;
      char q = src[i + 1];
      size_t j = i + 2;
      while (j < len && src[j] != q && src[j] != '\n') j++;
      if (j >= len || src[j] != q) continue;
      for (size_t k = i + 2; k < j; k++) {
        if (src[k] != '&') continue;
        size_t r = k + 1;
        if (r < j && src[r] == '#') r++;
        while (r < j && isalnum((unsigned char)src[r])) r++;
        if (!(r < j && src[r] == ';' && r > k + 1)) RL_MASK_AT(k) = '_';
      }
      i = j;
    }
  }
#undef RL_MASK_AT
  return m;
}

static TSTree *rl_front_js__run(RlJsParser *self, const RlJsGrammar *g,
                                const char *src, size_t len, uint64_t timeout_us,
                                const TSTree *old) {
  if (!ts_parser_set_language(self->parser, g->lang)) return NULL;
  ts_parser_set_timeout_micros(self->parser, timeout_us);
  /* an old tree of another grammar cannot be reused */
  if (old && ts_tree_language(old) != g->lang) old = NULL;
  char *masked = rl_front_js__mask(src, len, g->ts, g->jsx);
  TSTree *tree = ts_parser_parse_string(self->parser, old, masked ? masked : src, (uint32_t)len);
  free(masked);
  if (!tree) ts_parser_reset(self->parser);
  return tree;
}

bool rl_front_js_parse_only(RlJsParser *self, const RlJsTables *tables,
                            RlLang lang, const char *src, size_t len) {
  TSTree *t = rl_front_js__run(self, rl_front_js__grammar(tables, lang), src, len, 0, NULL);
  if (!t) return false;
  ts_tree_delete(t);
  return true;
}

/* Enters the node under the cursor: opens it in `out` if it is kept.
 * Returns whether it was opened. */
static bool rl_front_js__enter(const RlJsGrammar *g, TSTreeCursor *c, RlTree *out,
                               RlJsParseResult *res) {
  TSNode node = ts_tree_cursor_current_node(c);
  TSSymbol sym = ts_node_symbol(node);
  bool named = ts_node_is_named(node);
  TSFieldId fid = ts_tree_cursor_current_field_id(c);
  uint8_t field = fid < g->nfields ? g->field_of[fid] : 0;
  bool missing = ts_node_is_missing(node);
  bool error = sym == (TSSymbol)-1; /* ts_builtin_sym_error */
  if (!named && !field && !missing && !(sym < g->nsyms && g->keep_token[sym]))
    return false;
  uint8_t flags = 0;
  uint16_t kind = RL_JS_OTHER;
  if (named) flags |= RL_NF_NAMED;
  if (ts_node_is_extra(node)) flags |= RL_NF_EXTRA;
  if (error) {
    kind = RL_JS_ERROR;
    flags |= RL_NF_ERROR;
  } else if (sym < g->nsyms) {
    kind = g->kind_of_sym[sym];
  }
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  if (missing) flags |= RL_NF_MISSING;
  if (error || missing) {
    if (start < res->first_error) res->first_error = start;
    res->nerrors++;
  }
  rl_tree_open(out, kind, sym, field, flags, start, end);
  return true;
}

RlJsParseResult rl_front_js_parse(RlJsParser *self, const RlJsTables *tables,
                                  RlLang lang, const char *src, size_t len,
                                  uint64_t timeout_us, RlTree *out) {
  return rl_front_js_parse_reuse(self, tables, lang, src, len, timeout_us, out, NULL);
}

/* Section - incremental parsing */

/* A document's tree between parses: tree-sitter's tree, the flat nodes
 * made from it, and the text edits since, merged into one window: bytes
 * [start, old_end) of the old text became [start, new_end). */
struct RlJsTree {
  TSTree *ts;
  RlNodeRec *flat; /* nodes 0..nflat-1 as rl_front_js_parse made them */
  uint32_t nflat;
  bool edited;
  uint32_t start, old_end, new_end;
};

void rl_front_js_tree_edit(RlJsTree *t, uint32_t start, uint32_t old_end, uint32_t new_end,
                           uint32_t start_row, uint32_t start_col, uint32_t old_row,
                           uint32_t old_col, uint32_t new_row, uint32_t new_col) {
  if (!t) return;
  TSInputEdit e = {start,   old_end, new_end, {start_row, start_col},
                   {old_row, old_col}, {new_row, new_col}};
  ts_tree_edit(t->ts, &e);
  if (!t->edited) {
    t->edited = true;
    t->start = start;
    t->old_end = old_end;
    t->new_end = new_end;
    return;
  }
  /* merge: the window so far ends at new_end in the current text; the text
   * after max(new_end, old_end of this edit) is the original's, shifted */
  uint32_t c = t->new_end > old_end ? t->new_end : old_end;
  t->old_end += c - t->new_end;
  t->new_end = c + new_end - old_end;
  if (start < t->start) t->start = start;
}

void rl_front_js_tree_delete(RlJsTree *t) {
  if (!t) return;
  ts_tree_delete(t->ts);
  free(t->flat);
  free(t);
}

/* Where the previous flat tree can stand in for the new tree's nodes:
 * outside the edit window and outside the ranges whose structure
 * tree-sitter says changed. */
typedef struct RlJsReuse {
  const RlNodeRec *old;
  uint32_t nold;
  uint32_t start, old_end, new_end;
  TSRange *changed;
  uint32_t nchanged;
} RlJsReuse;

/* The old node with the same symbol standing for new bytes [a, b), or 0. */
static uint32_t rl_front_js__old_node(const RlJsReuse *r, uint16_t sym, uint32_t a, uint32_t b) {
  if (!(b < r->start || a > r->new_end)) return 0;
  for (uint32_t i = 0; i < r->nchanged; i++)
    if (!(b < r->changed[i].start_byte || a > r->changed[i].end_byte)) return 0;
  if (a > r->new_end) { /* after the window: shifted */
    a = a - r->new_end + r->old_end;
    b = b - r->new_end + r->old_end;
  }
  /* preorder is sorted by start byte: the first node starting at a */
  uint32_t lo = 1, hi = r->nold;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (r->old[mid].start_byte < a) lo = mid + 1;
    else hi = mid;
  }
  for (uint32_t i = lo, k = 0; i < r->nold && k < 64 && r->old[i].start_byte == a; i++, k++)
    if (r->old[i].sym == sym && r->old[i].end_byte == b) return i;
  return 0;
}

/* Copies the descendants of old node `o` below the open node `top` of out,
 * shifting bytes by `shift`; counts the syntax errors among them. */
static void rl_front_js__graft(RlTree *out, const RlJsReuse *r, uint32_t o, int64_t shift,
                               RlJsParseResult *res) {
  const RlNodeRec *old = r->old;
  uint32_t first = o + 1, end = old[o].end, n = end - first;
  if (!n) return;
  if (out->n + n > out->cap) {
    while (out->n + n > out->cap) out->cap *= 2;
    out->nodes = rl_realloc(out->nodes, out->cap * sizeof *out->nodes);
  }
  uint32_t top = rl_tree_top(out), base = out->n;
  int64_t d = (int64_t)base - first; /* index shift */
  for (uint32_t i = first; i < end; i++) {
    RlNodeRec x = old[i];
    x.parent = x.parent == o ? top : (uint32_t)(x.parent + d);
    if (x.first_child) x.first_child = (uint32_t)(x.first_child + d);
    x.next_sibling = x.next_sibling && x.next_sibling < end ? (uint32_t)(x.next_sibling + d) : 0;
    x.end = (uint32_t)(x.end + d);
    x.start_byte = (uint32_t)(x.start_byte + shift);
    x.end_byte = (uint32_t)(x.end_byte + shift);
    if (x.flags & (RL_NF_ERROR | RL_NF_MISSING)) {
      if (x.start_byte < res->first_error) res->first_error = x.start_byte;
      res->nerrors++;
    }
    out->nodes[out->n++] = x;
  }
  /* link the grafted children to `top`, whose children so far are none */
  out->nodes[top].first_child = base;
  uint32_t last = base;
  while (out->nodes[last].next_sibling) last = out->nodes[last].next_sibling;
  out->last[out->depth - 1] = last;
}

/* The flat tree of the cursor's subtree, reusing r's old nodes (r may be
 * NULL). */
static void rl_front_js__flatten(const RlJsGrammar *g, TSTreeCursor *c, RlTree *out,
                                 RlJsParseResult *res, const RlJsReuse *r) {
  /* opened[d] says whether the node at cursor depth d was opened. */
  uint32_t cap = 256, depth = 0;
  uint8_t *opened = rl_malloc(cap);
  opened[depth++] = rl_front_js__enter(g, c, out, res);
  for (;;) {
    if (r && opened[depth - 1]) {
      /* a node whose structure did not change: its descendants as before */
      uint32_t top = rl_tree_top(out);
      const RlNodeRec *t = &out->nodes[top];
      uint32_t o = rl_front_js__old_node(r, t->sym, t->start_byte, t->end_byte);
      if (o && r->old[o].end > o + 1) {
        int64_t shift = t->start_byte > r->new_end ? (int64_t)r->new_end - r->old_end : 0;
        rl_front_js__graft(out, r, o, shift, res);
        goto next;
      }
    }
    if (ts_tree_cursor_goto_first_child(c)) {
      if (depth == cap) opened = rl_realloc(opened, cap *= 2);
      opened[depth++] = rl_front_js__enter(g, c, out, res);
      continue;
    }
  next:
    for (;;) {
      if (opened[--depth]) rl_tree_close(out);
      if (depth == 0) goto done;
      if (ts_tree_cursor_goto_next_sibling(c)) {
        opened[depth++] = rl_front_js__enter(g, c, out, res);
        break;
      }
      if (!ts_tree_cursor_goto_parent(c)) goto done;
    }
  }
done:
  while (out->depth) rl_tree_close(out);
  free(opened);
}

/* RACELINT_CHECK_REUSE=1 (the tests): compare the reused flat tree with a
 * fresh conversion; any difference is a bug worth stopping for. */
static void rl_front_js__check_reuse(const RlJsGrammar *g, TSTree *tree, const RlTree *got) {
  RlTree fresh;
  rl_tree_init(&fresh);
  RlJsParseResult res = {false, UINT32_MAX, 0};
  TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
  rl_front_js__flatten(g, &c, &fresh, &res, NULL);
  ts_tree_cursor_delete(&c);
  bool same = fresh.n == got->n;
  for (uint32_t i = 1; same && i < fresh.n; i++)
    same = memcmp(&fresh.nodes[i], &got->nodes[i], sizeof fresh.nodes[i]) == 0;
  rl_tree_free(&fresh);
  if (!same) {
    fprintf(stderr, "racelint: internal error: incremental syntax tree differs from a fresh one\n");
    abort();
  }
}

RlJsParseResult rl_front_js_parse_reuse(RlJsParser *self, const RlJsTables *tables,
                                        RlLang lang, const char *src, size_t len,
                                        uint64_t timeout_us, RlTree *out, RlJsTree **keep) {
  RlJsParseResult res = {false, UINT32_MAX, 0};
  const RlJsGrammar *g = rl_front_js__grammar(tables, lang);
  RlJsTree *prev = keep ? *keep : NULL;
  TSTree *tree = rl_front_js__run(self, g, src, len, timeout_us, prev ? prev->ts : NULL);
  if (!tree) return res;
  RlJsReuse reuse, *r = NULL;
  if (prev && prev->flat && prev->edited) {
    memset(&reuse, 0, sizeof reuse);
    reuse.old = prev->flat;
    reuse.nold = prev->nflat;
    reuse.start = prev->start;
    reuse.old_end = prev->old_end;
    reuse.new_end = prev->new_end;
    reuse.changed = ts_tree_get_changed_ranges(prev->ts, tree, &reuse.nchanged);
    r = &reuse;
  }
  TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
  rl_front_js__flatten(g, &c, out, &res, r);
  ts_tree_cursor_delete(&c);
  if (r) {
    free(reuse.changed);
    const char *chk = getenv("RACELINT_CHECK_REUSE");
    if (chk && *chk == '1') rl_front_js__check_reuse(g, tree, out);
  }
  if (keep) {
    rl_front_js_tree_delete(prev);
    RlJsTree *t = rl_malloc(sizeof *t);
    memset(t, 0, sizeof *t);
    t->ts = tree;
    t->nflat = out->n;
    t->flat = rl_malloc(out->n * sizeof *t->flat);
    memcpy(t->flat, out->nodes, out->n * sizeof *t->flat);
    *keep = t;
  } else {
    ts_tree_delete(tree);
  }
  res.ok = true;
  return res;
}
