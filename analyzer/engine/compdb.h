/* compdb.h - compile_commands.json: per-file compiler flags for libclang.
 *
 * compile_commands.json comes from the scanned repository, so it is data,
 * never a program: no command in it is executed, and only flags on an
 * allow-list of what analysis needs reach libclang (include paths, macros,
 * -std, -x, the target, -f/-m flags that change the code's meaning).
 * Everything else is dropped; what may matter (anything that could name an
 * output, a plugin, a cache or a response file, and any unknown flag) is
 * counted in one warning. */
#ifndef RL_ANALYZER_COMPDB_H_
#define RL_ANALYZER_COMPDB_H_

#include <stdint.h>

#include "util.h"

typedef struct RlCompDb RlCompDb;

/* Loads a compile_commands.json. On error returns NULL and *err is a heap
 * message (caller frees). Dropped flags are summed up in *warnings (heap
 * text, one line per kind of problem, may be NULL; caller frees). */
RlCompDb *rl_compdb_load(const char *path, char **err, char **warnings);
void rl_compdb_delete(RlCompDb *self);
/* Filtered clang arguments for an absolute source path, or NULL when the
 * file has no entry. Owned by the database. */
const char *const *rl_compdb_args(const RlCompDb *self, const char *abs_path,
                                  uint32_t *n);
uint32_t rl_compdb_size(const RlCompDb *self);

/* Flags dropped while filtering: how many, and a few escaped examples. */
typedef struct RlCompDrops {
  uint32_t n, nexamples;
  RlBuf examples; /* "'-MJ x', '-Wp,-MD,y'" */
} RlCompDrops;
void rl_compdb_drops_free(RlCompDrops *self);

/* Filters one compiler command line (argv[0] is the compiler) into clang
 * arguments through the allow-list; relative paths of include flags are made
 * absolute against `dir`. Dropped flags are added to *drops. Used by
 * rl_compdb_load; exposed for tests. Returns a heap NULL-terminated vector
 * (free with rl_compdb_free_args). */
char **rl_compdb_filter(const char *const *argv, uint32_t argc, const char *dir,
                        RlCompDrops *drops, uint32_t *nout);
void rl_compdb_free_args(char **args);

#endif
