/* arena.h - bump allocator. Everything derived from one file lives in that
 * file's arenas, so rules never call free(). Not thread-safe: one arena is
 * used by one thread at a time. */
#ifndef RL_ANALYZER_ARENA_H_
#define RL_ANALYZER_ARENA_H_

#include <stdarg.h>
#include <stddef.h>

#include "util.h"

typedef struct RlArenaBlock RlArenaBlock;
typedef struct RlArena {
  RlArenaBlock *head;
  size_t total;
} RlArena;

/* Zeroed memory of n bytes, aligned for any type; valid until
 * rl_arena_free(self). */
void *rl_arena_alloc(RlArena *self, size_t n);
char *rl_arena_strndup(RlArena *self, const char *s, size_t n);
char *rl_arena_strdup(RlArena *self, const char *s);
char *rl_arena_printf(RlArena *self, const char *fmt, ...) RL_PRINTF(2, 3);
char *rl_arena_vprintf(RlArena *self, const char *fmt, va_list ap);
/* Frees every block; the arena is empty and reusable afterwards. */
void rl_arena_free(RlArena *self);

#endif
