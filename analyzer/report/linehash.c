/* linehash.c - GitHub's primaryLocationLineHash (see linehash.h). */
#include "linehash.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define RL_LH_BLOCK 100
#define RL_LH_EOF 65535u

typedef struct RlLineHash {
  uint32_t window[RL_LH_BLOCK];
  int64_t line_of[RL_LH_BLOCK]; /* line starting at this window slot, or -1 */
  uint64_t hash, first_mod;
  uint32_t index;
  int64_t line;
  int line_start, prev_cr;
  RL_VEC(char *) out;
  /* counts per hash value: a small open-addressing table */
  uint64_t *keys;
  uint32_t *counts;
  uint32_t cap, used;
} RlLineHash;

static uint32_t rl_lh__count(RlLineHash *h, uint64_t key) {
  if (h->used * 2 >= h->cap) {
    uint32_t ncap = h->cap ? h->cap * 2 : 1024;
    uint64_t *nk = rl_calloc(ncap, sizeof *nk);
    uint32_t *nc = rl_calloc(ncap, sizeof *nc);
    for (uint32_t i = 0; i < h->cap; i++) {
      if (!h->counts[i]) continue;
      uint32_t j = (uint32_t)(h->keys[i] * 0x9E3779B97F4A7C15ull >> 40) & (ncap - 1);
      while (nc[j]) j = (j + 1) & (ncap - 1);
      nk[j] = h->keys[i];
      nc[j] = h->counts[i];
    }
    free(h->keys);
    free(h->counts);
    h->keys = nk;
    h->counts = nc;
    h->cap = ncap;
  }
  uint32_t j = (uint32_t)(key * 0x9E3779B97F4A7C15ull >> 40) & (h->cap - 1);
  while (h->counts[j] && h->keys[j] != key) j = (j + 1) & (h->cap - 1);
  if (!h->counts[j]) {
    h->keys[j] = key;
    h->used++;
  }
  return ++h->counts[j];
}

static void rl_lh__output(RlLineHash *h) {
  int64_t ln = h->line_of[h->index];
  uint32_t c = rl_lh__count(h, h->hash);
  char *s = rl_asprintf("%llx:%u", (unsigned long long)h->hash, c);
  /* lines arrive in order */
  while ((int64_t)h->out.n < ln - 1) RL_VEC_PUSH(h->out, rl_strdup(""));
  RL_VEC_PUSH(h->out, s);
  h->line_of[h->index] = -1;
}

static void rl_lh__update(RlLineHash *h, uint32_t c) {
  uint32_t begin = h->window[h->index];
  h->window[h->index] = c;
  h->hash = 37u * h->hash + c - h->first_mod * begin; /* wraps mod 2^64 */
  h->index = (h->index + 1) % RL_LH_BLOCK;
}

static void rl_lh__char(RlLineHash *h, uint32_t c) {
  if (c == ' ' || c == '\t' || (h->prev_cr && c == '\n')) {
    h->prev_cr = 0;
    return;
  }
  if (c == '\r') {
    c = '\n';
    h->prev_cr = 1;
  } else {
    h->prev_cr = 0;
  }
  if (h->line_of[h->index] != -1) rl_lh__output(h);
  if (h->line_start) {
    h->line_start = 0;
    h->line_of[h->index] = ++h->line;
  }
  if (c == '\n') h->line_start = 1;
  rl_lh__update(h, c);
}

/* Decodes one UTF-8 sequence; invalid bytes decode to U+FFFD (as Node). */
static size_t rl_lh__decode(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned c = s[0];
  size_t len;
  uint32_t v, min;
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if ((c & 0xE0) == 0xC0) len = 2, v = c & 0x1F, min = 0x80;
  else if ((c & 0xF0) == 0xE0) len = 3, v = c & 0x0F, min = 0x800;
  else if ((c & 0xF8) == 0xF0) len = 4, v = c & 0x07, min = 0x10000;
  else {
    *cp = 0xFFFD;
    return 1;
  }
  if (n < len) {
    *cp = 0xFFFD;
    return 1;
  }
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = v;
  return len;
}

char **rl_linehash(const char *src, size_t len, uint32_t *nlines) {
  RlLineHash h;
  memset(&h, 0, sizeof h);
  for (int i = 0; i < RL_LH_BLOCK; i++) h.line_of[i] = -1;
  h.first_mod = 1;
  for (int i = 0; i < RL_LH_BLOCK; i++) h.first_mod *= 37u;
  h.line_start = 1;
  const unsigned char *p = (const unsigned char *)src;
  size_t i = 0;
  if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) i = 3; /* the decoder drops a BOM */
  while (i < len) {
    uint32_t cp;
    i += rl_lh__decode(p + i, len - i, &cp);
    if (cp >= 0x10000) { /* a surrogate pair: two code units */
      cp -= 0x10000;
      rl_lh__char(&h, 0xD800 + (cp >> 10));
      rl_lh__char(&h, 0xDC00 + (cp & 0x3FF));
    } else {
      rl_lh__char(&h, cp);
    }
  }
  rl_lh__char(&h, RL_LH_EOF);
  for (int k = 0; k < RL_LH_BLOCK; k++) {
    if (h.line_of[h.index] != -1) rl_lh__output(&h);
    rl_lh__update(&h, 0);
  }
  free(h.keys);
  free(h.counts);
  *nlines = h.out.n;
  return h.out.v;
}

void rl_linehash_free(char **v, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) free(v[i]);
  free(v);
}
