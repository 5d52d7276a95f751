/* front_js.c - tree-sitter front end for .js/.jsx/.ts/.tsx files.
 * Parses with the pinned grammars (grammars/) and copies the tree into the
 * flat preorder RlTree with an explicit stack (no recursion), keeping named
 * nodes, keyword tokens (async, static, get ...) and tokens that carry a
 * field (operators). The tree-sitter tree is freed before returning. */
#include "front_js.h"

#include <ctype.h>
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

static TSTree *rl_front_js__run(RlJsParser *self, const RlJsGrammar *g,
                                const char *src, size_t len, uint64_t timeout_us,
                                const TSTree *old) {
  if (!ts_parser_set_language(self->parser, g->lang)) return NULL;
  ts_parser_set_timeout_micros(self->parser, timeout_us);
  /* an old tree of another grammar cannot be reused */
  if (old && ts_tree_language(old) != g->lang) old = NULL;
  TSTree *tree = ts_parser_parse_string(self->parser, old, src, (uint32_t)len);
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

void rl_front_js_tree_edit(RlJsTree *t, uint32_t start, uint32_t old_end, uint32_t new_end,
                           uint32_t start_row, uint32_t start_col, uint32_t old_row,
                           uint32_t old_col, uint32_t new_row, uint32_t new_col) {
  if (!t) return;
  TSInputEdit e = {start,   old_end, new_end, {start_row, start_col},
                   {old_row, old_col}, {new_row, new_col}};
  ts_tree_edit((TSTree *)t, &e);
}

RlJsTree *rl_front_js_tree_copy(const RlJsTree *t) {
  return t ? (RlJsTree *)ts_tree_copy((const TSTree *)t) : NULL;
}

void rl_front_js_tree_delete(RlJsTree *t) {
  if (t) ts_tree_delete((TSTree *)t);
}

RlJsParseResult rl_front_js_parse_reuse(RlJsParser *self, const RlJsTables *tables,
                                        RlLang lang, const char *src, size_t len,
                                        uint64_t timeout_us, RlTree *out, RlJsTree **keep) {
  RlJsParseResult res = {false, UINT32_MAX, 0};
  const RlJsGrammar *g = rl_front_js__grammar(tables, lang);
  TSTree *tree = rl_front_js__run(self, g, src, len, timeout_us,
                                  keep ? (const TSTree *)*keep : NULL);
  if (!tree) return res;
  TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
  /* opened[d] says whether the node at cursor depth d was opened. */
  uint32_t cap = 256, depth = 0;
  uint8_t *opened = rl_malloc(cap);
  opened[depth++] = rl_front_js__enter(g, &c, out, &res);
  for (;;) {
    if (ts_tree_cursor_goto_first_child(&c)) {
      if (depth == cap) opened = rl_realloc(opened, cap *= 2);
      opened[depth++] = rl_front_js__enter(g, &c, out, &res);
      continue;
    }
    for (;;) {
      if (opened[--depth]) rl_tree_close(out);
      if (ts_tree_cursor_goto_next_sibling(&c)) {
        opened[depth++] = rl_front_js__enter(g, &c, out, &res);
        break;
      }
      if (!ts_tree_cursor_goto_parent(&c)) goto done;
    }
  }
done:
  while (out->depth) rl_tree_close(out);
  free(opened);
  ts_tree_cursor_delete(&c);
  if (keep) {
    rl_front_js_tree_delete(*keep);
    *keep = (RlJsTree *)tree;
  } else {
    ts_tree_delete(tree);
  }
  res.ok = true;
  return res;
}
