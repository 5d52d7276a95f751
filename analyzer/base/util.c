/* util.c - allocation, buffers, UTF-8, hashing and file reading helpers.
 * See util.h. No global state. */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void rl_util__oom(size_t n) {
  fprintf(stderr, "racelint: out of memory allocating %zu bytes\n", n);
  abort();
}

void *rl_malloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) rl_util__oom(n);
  return p;
}

void *rl_calloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) rl_util__oom(n * size);
  return p;
}

void *rl_realloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) rl_util__oom(n);
  return q;
}

char *rl_strndup(const char *s, size_t n) {
  char *p = rl_malloc(n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *rl_strdup(const char *s) { return rl_strndup(s, strlen(s)); }

char *rl_asprintf(const char *fmt, ...) {
  RlBuf b = {0};
  va_list ap;
  va_start(ap, fmt);
  rl_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  rl_buf_cstr(&b);
  return b.data;
}

static void rl_buf__reserve(RlBuf *self, size_t extra) {
  if (self->len + extra + 1 <= self->cap) return;
  size_t cap = self->cap ? self->cap : 64;
  while (cap < self->len + extra + 1) cap *= 2;
  self->data = rl_realloc(self->data, cap);
  self->cap = cap;
}

void rl_buf_put(RlBuf *self, const void *p, size_t n) {
  rl_buf__reserve(self, n);
  if (n) memcpy(self->data + self->len, p, n);
  self->len += n;
  self->data[self->len] = 0;
}

void rl_buf_puts(RlBuf *self, const char *s) { rl_buf_put(self, s, strlen(s)); }

void rl_buf_putc(RlBuf *self, char c) { rl_buf_put(self, &c, 1); }

void rl_buf_vprintf(RlBuf *self, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n <= 0) {
    rl_buf__reserve(self, 0);
    self->data[self->len] = 0;
    return;
  }
  rl_buf__reserve(self, (size_t)n);
  vsnprintf(self->data + self->len, (size_t)n + 1, fmt, ap);
  self->len += (size_t)n;
}

void rl_buf_printf(RlBuf *self, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  rl_buf_vprintf(self, fmt, ap);
  va_end(ap);
}

const char *rl_buf_cstr(RlBuf *self) {
  rl_buf__reserve(self, 0);
  self->data[self->len] = 0;
  return self->data;
}

void rl_buf_free(RlBuf *self) {
  free(self->data);
  self->data = NULL;
  self->len = self->cap = 0;
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t rl_utf8__seq(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  size_t len;
  unsigned min;
  if ((c & 0xE0) == 0xC0) len = 2, min = 0x80;
  else if ((c & 0xF0) == 0xE0) len = 3, min = 0x800;
  else if ((c & 0xF8) == 0xF0) len = 4, min = 0x10000;
  else return 0;
  if (n < len) return 0;
  unsigned cp = c & (0x3F >> (len - 1));
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool rl_utf8_valid(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    size_t k = rl_utf8__seq(p + i, n - i);
    if (!k) return false;
    i += k;
  }
  return true;
}

void rl_utf8_repair(RlBuf *out, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, run = 0;
  while (i < n) {
    size_t k = rl_utf8__seq(p + i, n - i);
    if (k && p[i] != 0) {
      i += k;
      run += k;
      continue;
    }
    rl_buf_put(out, s + i - run, run);
    run = 0;
    if (p[i] == 0) rl_buf_puts(out, "\xEF\xBF\xBD"); /* NUL is not text either */
    else rl_buf_puts(out, "\xEF\xBF\xBD");
    i++;
  }
  rl_buf_put(out, s + i - run, run);
}

uint32_t rl_utf8_codepoints(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  uint32_t count = 0;
  size_t i = 0;
  while (i < n) {
    size_t k = rl_utf8__seq(p + i, n - i);
    i += k ? k : 1;
    count++;
  }
  return count;
}

uint32_t rl_utf8_utf16_units(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  uint32_t count = 0;
  size_t i = 0;
  while (i < n) {
    size_t k = rl_utf8__seq(p + i, n - i);
    count += (k == 4) ? 2 : 1;
    i += k ? k : 1;
  }
  return count;
}

uint64_t rl_hash_bytes(uint64_t h, const void *p, size_t n) {
  const unsigned char *s = p;
  for (size_t i = 0; i < n; i++) {
    h ^= s[i];
    h *= UINT64_C(0x100000001b3);
  }
  return h;
}

uint64_t rl_hash_str(uint64_t h, const char *s) {
  return rl_hash_bytes(h, s, strlen(s) + 1);
}

const char *rl_read_status_text(RlReadStatus st, int err, const char *too_big) {
  if (st == RL_READ_NOT_FILE) return "not a regular file";
  if (st == RL_READ_TOO_BIG) return too_big;
  return strerror(err ? err : EIO);
}

RlReadStatus rl_read_file(const char *path, size_t max_size, char **out,
                          size_t *len, int *err) {
  *out = NULL;
  *len = 0;
  *err = 0;
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    *err = errno;
    return RL_READ_ERRNO;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    *err = errno;
    close(fd);
    return RL_READ_ERRNO;
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    return RL_READ_NOT_FILE;
  }
  if ((uint64_t)st.st_size > max_size) {
    close(fd);
    *len = (size_t)st.st_size;
    return RL_READ_TOO_BIG;
  }
  /* The file may grow while we read it: read what fits, then stop. */
  size_t cap = (size_t)st.st_size + 1, n = 0;
  char *buf = rl_malloc(cap + 1);
  for (;;) {
    if (n == cap) break;
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0) {
      if (errno == EINTR) continue;
      *err = errno;
      free(buf);
      close(fd);
      return RL_READ_ERRNO;
    }
    if (r == 0) break;
    n += (size_t)r;
  }
  close(fd);
  if (n > max_size) {
    free(buf);
    *len = n;
    return RL_READ_TOO_BIG;
  }
  buf[n] = 0;
  *out = buf;
  *len = n;
  return RL_READ_OK;
}

bool rl_str_ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && memcmp(s + a - b, suffix, b) == 0;
}

bool rl_str_starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

void rl_path_trim(char *p) {
  size_t n = strlen(p);
  while (n > 1 && p[n - 1] == '/') p[--n] = 0;
}

char *rl_path_join(const char *a, const char *b) {
  if (!*a || strcmp(a, ".") == 0) return rl_strdup(b);
  size_t n = strlen(a);
  return rl_asprintf("%s%s%s", a, a[n - 1] == '/' ? "" : "/", b);
}

size_t rl_levenshtein(const char *a, const char *b) {
  size_t n = strlen(a), m = strlen(b);
  size_t *row = rl_malloc((m + 1) * sizeof *row);
  for (size_t j = 0; j <= m; j++) row[j] = j;
  for (size_t i = 1; i <= n; i++) {
    size_t prev = row[0];
    row[0] = i;
    for (size_t j = 1; j <= m; j++) {
      size_t cur = row[j];
      size_t sub = prev + (a[i - 1] != b[j - 1]);
      size_t del = row[j] + 1, ins = row[j - 1] + 1;
      row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
      prev = cur;
    }
  }
  size_t r = row[m];
  free(row);
  return r;
}
