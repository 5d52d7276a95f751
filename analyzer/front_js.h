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

/* Parse only, no conversion (the benchmark's parse floor). */
bool rl_front_js_parse_only(RlJsParser *self, const RlJsTables *tables,
                            RlLang lang, const char *src, size_t len);

#endif
