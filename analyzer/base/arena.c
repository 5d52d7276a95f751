/* arena.c - bump allocator (see arena.h). */
#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct RlArenaBlock {
  RlArenaBlock *next;
  size_t used, cap;
  _Alignas(16) unsigned char data[];
};

void *rl_arena_alloc(RlArena *self, size_t n) {
  n = (n + 15) & ~(size_t)15;
  RlArenaBlock *b = self->head;
  if (!b || b->cap - b->used < n) {
    /* Start small (a file's kept results are often a few hundred bytes, and
     * there is one such arena per scanned file), then grow geometrically. */
    size_t cap = 1024;
    if (self->total > cap) cap = self->total;
    if (cap > 8 * 1024 * 1024) cap = 8 * 1024 * 1024;
    if (cap < n) cap = n;
    b = rl_malloc(sizeof *b + cap);
    b->used = 0;
    b->cap = cap;
    b->next = self->head;
    self->head = b;
    self->total += cap;
  }
  void *p = b->data + b->used;
  b->used += n;
  memset(p, 0, n);
  return p;
}

char *rl_arena_strndup(RlArena *self, const char *s, size_t n) {
  char *p = rl_arena_alloc(self, n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *rl_arena_strdup(RlArena *self, const char *s) {
  return rl_arena_strndup(self, s, strlen(s));
}

char *rl_arena_vprintf(RlArena *self, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0) n = 0;
  char *p = rl_arena_alloc(self, (size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  return p;
}

char *rl_arena_printf(RlArena *self, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *p = rl_arena_vprintf(self, fmt, ap);
  va_end(ap);
  return p;
}

void rl_arena_free(RlArena *self) {
  RlArenaBlock *b = self->head;
  while (b) {
    RlArenaBlock *next = b->next;
    free(b);
    b = next;
  }
  self->head = NULL;
  self->total = 0;
}
