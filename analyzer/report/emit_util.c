/* emit_util.c - UTF-8-safe JSON strings and URI encoding for emitters. */
#include "emit_util.h"

#include <string.h>

#include "util.h"

json_t *rl_emit_jstr(const char *s) {
  if (!s) s = "";
  size_t n = strlen(s);
  if (rl_utf8_valid(s, n)) {
    json_t *j = json_stringn(s, n);
    if (j) return j;
  }
  RlBuf b = {0};
  rl_utf8_repair(&b, s, n);
  json_t *j = json_stringn(rl_buf_cstr(&b), b.len);
  rl_buf_free(&b);
  return j ? j : json_string("");
}

char *rl_emit_uri_path(const char *path) {
  RlBuf b = {0};
  static const char hex[] = "0123456789ABCDEF";
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    unsigned c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      rl_buf_putc(&b, (char)c);
    } else {
      char e[3] = {'%', hex[c >> 4], hex[c & 15]};
      rl_buf_put(&b, e, 3);
    }
  }
  rl_buf_cstr(&b);
  return b.data;
}

void rl_emit_term_escape(FILE *out, const char *s, size_t n, bool keep_tab) {
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    unsigned c = p[i];
    if (c == '\t' && keep_tab) {
      fputc('\t', out);
      i++;
    } else if (c < 0x20 || c == 0x7f) {
      fprintf(out, "\\x%02x", c);
      i++;
    } else if (c < 0x80) {
      fputc((int)c, out);
      i++;
    } else {
      size_t k = 1;
      while (k < 4 && i + k < n && (p[i + k] & 0xC0) == 0x80) k++;
      if (!rl_utf8_valid(s + i, k) || (c == 0xC2 && k == 2 && p[i + 1] < 0xA0)) {
        fprintf(out, "\\x%02x", c); /* invalid, or a C1 control (U+0080..U+009F) */
        i++;
      } else {
        fwrite(s + i, 1, k, out);
        i += k;
      }
    }
  }
}
