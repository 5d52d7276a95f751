/* util.h - small helpers shared by every analyzer module: checked allocation,
 * growable byte buffers, UTF-8 checks and repair, hashing, file reading.
 * Nothing here keeps state between calls. */
#ifndef RL_ANALYZER_UTIL_H_
#define RL_ANALYZER_UTIL_H_

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef RL_COUNTOF
#define RL_COUNTOF(a) (sizeof(a) / sizeof((a)[0]))
#endif
#ifndef RL_PRINTF
#define RL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#endif

/* Section - allocation: out-of-memory aborts with a message. */
void *rl_malloc(size_t n);
void *rl_calloc(size_t n, size_t size);
void *rl_realloc(void *p, size_t n);
/* Heap copy of `s` (or of its first `n` bytes); caller frees. */
char *rl_strdup(const char *s);
char *rl_strndup(const char *s, size_t n);
/* printf into a new heap string; caller frees. */
char *rl_asprintf(const char *fmt, ...) RL_PRINTF(1, 2);

/* Section - growable buffer. `data` is always NUL-terminated when len > 0
 * or after rl_buf_cstr(). Owned by the RlBuf; free with rl_buf_free(). */
typedef struct RlBuf {
  char *data;
  size_t len, cap;
} RlBuf;
void rl_buf_put(RlBuf *self, const void *p, size_t n);
void rl_buf_puts(RlBuf *self, const char *s);
void rl_buf_putc(RlBuf *self, char c);
void rl_buf_printf(RlBuf *self, const char *fmt, ...) RL_PRINTF(2, 3);
void rl_buf_vprintf(RlBuf *self, const char *fmt, va_list ap);
const char *rl_buf_cstr(RlBuf *self);
void rl_buf_free(RlBuf *self);

/* Section - growable pointer/element vectors (type-generic by macro). */
#define RL_VEC(T) struct { T *v; uint32_t n, cap; }
#define RL_VEC_PUSH(vec, x)                                                    \
  do {                                                                         \
    if ((vec).n == (vec).cap) {                                                \
      (vec).cap = (vec).cap ? (vec).cap * 2 : 8;                               \
      (vec).v = rl_realloc((vec).v, (size_t)(vec).cap * sizeof(*(vec).v));     \
    }                                                                          \
    (vec).v[(vec).n++] = (x);                                                  \
  } while (0)
#define RL_VEC_FREE(vec) (free((vec).v), (vec).v = NULL, (vec).n = (vec).cap = 0)

/* Section - UTF-8. */
/* True when s[0..n) is valid UTF-8. */
bool rl_utf8_valid(const char *s, size_t n);
/* Appends s[0..n) to out, replacing each invalid sequence with U+FFFD. */
void rl_utf8_repair(RlBuf *out, const char *s, size_t n);
/* Number of code points / UTF-16 units in s[0..n) (invalid bytes count one each). */
uint32_t rl_utf8_codepoints(const char *s, size_t n);
uint32_t rl_utf8_utf16_units(const char *s, size_t n);

/* Section - hashing (FNV-1a, 64 bit). */
#define RL_FNV_INIT UINT64_C(0xcbf29ce484222325)
uint64_t rl_hash_bytes(uint64_t h, const void *p, size_t n);
uint64_t rl_hash_str(uint64_t h, const char *s);

/* Section - files. */
typedef enum RlReadStatus {
  RL_READ_OK = 0,
  RL_READ_ERRNO,    /* open/read failed; errno-style code in *err */
  RL_READ_TOO_BIG,  /* larger than max_size; nothing read */
  RL_READ_NOT_FILE, /* not a regular file */
} RlReadStatus;
/* Reads a whole regular file. On success *out is a heap buffer of *len bytes
 * plus a terminating NUL (caller frees). On error nothing is allocated. */
RlReadStatus rl_read_file(const char *path, size_t max_size, char **out,
                          size_t *len, int *err);
/* Why rl_read_file failed, for a message: "not a regular file", `too_big`
 * (the caller's limit, e.g. "larger than 1 MiB") or strerror(err). */
const char *rl_read_status_text(RlReadStatus st, int err, const char *too_big);

/* Edit distance between a and b (for "did you mean" suggestions). */
size_t rl_levenshtein(const char *a, const char *b);

/* True if `s` ends with `suffix`. */
bool rl_str_ends_with(const char *s, const char *suffix);
bool rl_str_starts_with(const char *s, const char *prefix);
/* Strips trailing '/' (not the first char) in place. */
void rl_path_trim(char *p);
/* "a" + "/" + "b"; caller frees. */
char *rl_path_join(const char *a, const char *b);

#endif
