/* front_js.h - the JavaScript/TypeScript front end: tree-sitter parses a
 * buffer, and the tree is copied into the flat RlTree (ast.h). Only
 * front_js.c includes tree_sitter/api.h. */
#ifndef RL_ANALYZER_FRONT_JS_H_
#define RL_ANALYZER_FRONT_JS_H_

#include "ast.h"

/* Grammar tables: symbol -> RlKind and field id -> RlField for the three
 * grammars. Built once, then immutable and shared by every thread. */
typedef struct RlJsTables RlJsTables;
/* Returns NULL and sets *err (static text) if a grammar cannot be loaded
 * (ABI mismatch with the tree-sitter runtime). */
RlJsTables *rl_front_js_tables_new(const char **err);
void rl_front_js_tables_delete(RlJsTables *self);

/* One per worker thread (wraps a TSParser). */
typedef struct RlJsParser RlJsParser;
RlJsParser *rl_front_js_parser_new(void);
void rl_front_js_parser_delete(RlJsParser *self);

typedef struct RlJsParseResult {
  bool ok;              /* false: the parser gave up (timeout, bad language) */
  uint32_t first_error; /* byte offset of the first syntax error, or UINT32_MAX */
  uint32_t nerrors;
} RlJsParseResult;

/* Parses src[0..len) as `lang` into `out` (initialised by the caller).
 * timeout_us == 0 means no limit. */
RlJsParseResult rl_front_js_parse(RlJsParser *self, const RlJsTables *tables,
                                  RlLang lang, const char *src, size_t len,
                                  uint64_t timeout_us, RlTree *out);

/* Section - incremental parsing (the editor server) */
/* A syntax tree kept between parses of one document: tree-sitter's tree
 * and the flat nodes made from it; the next parse converts only what the
 * edits changed (the rest is copied from the previous flat nodes). */
typedef struct RlJsTree RlJsTree;
/* Like rl_front_js_parse, reusing *tree (edited with rl_front_js_tree_edit
 * to match src) when not NULL; on success *tree is replaced by the new tree
 * (the caller owns it). */
RlJsParseResult rl_front_js_parse_reuse(RlJsParser *self, const RlJsTables *tables,
                                        RlLang lang, const char *src, size_t len,
                                        uint64_t timeout_us, RlTree *out, RlJsTree **tree);
/* Records an edit of the text in the tree: bytes [start, old_end) became
 * [start, new_end); rows/columns (bytes) of those three points. */
void rl_front_js_tree_edit(RlJsTree *t, uint32_t start, uint32_t old_end, uint32_t new_end,
                           uint32_t start_row, uint32_t start_col, uint32_t old_row,
                           uint32_t old_col, uint32_t new_row, uint32_t new_col);
void rl_front_js_tree_delete(RlJsTree *t);

/* Parse only, no conversion (the benchmark's parse floor). */
bool rl_front_js_parse_only(RlJsParser *self, const RlJsTables *tables,
                            RlLang lang, const char *src, size_t len);

#endif
