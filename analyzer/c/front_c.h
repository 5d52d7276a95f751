/* front_c.h - the C front end: libclang parses a translation unit and its
 * main-file declarations are copied into the flat RlTree (ast.h), with names,
 * types and what each name refers to. Only front_c.c includes clang-c. */
#ifndef RL_ANALYZER_FRONT_C_H_
#define RL_ANALYZER_FRONT_C_H_

#include "ast.h"

/* One per C worker process (owns the loaded libclang and a CXIndex). */
typedef struct RlCParser RlCParser;
/* Loads libclang (the newest accepted version first; RACELINT_LIBCLANG, a
 * ':'-separated list of names or paths, replaces the search list) and
 * creates an index. Returns NULL when no usable libclang can be loaded, with
 * a heap message in *err (caller frees; err may be NULL). */
RlCParser *rl_front_c_parser_new(char **err);
void rl_front_c_parser_delete(RlCParser *self);
/* The name the library was loaded by. Owned by self. */
const char *rl_front_c_library(const RlCParser *self);

typedef struct RlCParseResult {
  bool ok;               /* false: libclang produced no translation unit */
  uint32_t nerrors;      /* error diagnostics */
  uint32_t first_error;  /* byte offset in the main file, or UINT32_MAX */
  const char *error_msg; /* first error's text (in `strings`), or NULL */
  /* The first error is a syntax error ("Parse Issue": `expected ';'`), not
   * a semantic one (an undeclared name or unknown type, as a header or -D
   * the build would give leaves behind) nor a missing header. */
  /* 1: a parse error; 2: a preprocessor error of the file's own (an include
   * refused or nested too deeply), never taken for the build's missing
   * macros; 0: neither. */
  uint8_t syntax;
  /* The first "'x.h' file not found" of the translation unit, in the main
   * file or a header it includes (in `strings`), or NULL. */
  const char *missing;
  const char **includes; /* headers included (paths in `strings`) */
  uint32_t nincludes;
} RlCParseResult;

/* Parses `src` (the contents of `abs_path`) with `args` into `out`
 * (initialised by the caller). Strings go into `strings`. */
RlCParseResult rl_front_c_parse(RlCParser *self, const char *abs_path,
                                const char *src, size_t len,
                                const char *const *args, uint32_t nargs,
                                RlArena *strings, RlTree *out);

/* Parse only, no conversion (the benchmark's parse floor). */
bool rl_front_c_parse_only(RlCParser *self, const char *abs_path, const char *src,
                           size_t len, const char *const *args, uint32_t nargs);

#endif
