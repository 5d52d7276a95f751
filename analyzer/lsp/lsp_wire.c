/* lsp_wire.c - the editor server's side of the protocol (see lsp.c):
 * writing JSON-RPC messages (serialised by out_mu), URIs and positions
 * (UTF-16 code units unless the client offers UTF-8), findings as LSP
 * diagnostics, and reading framed messages with bounded memory. */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ast.h"
#include "config.h"
#include "diag.h"
#include "discover.h"
#include "emit_util.h"
#include "engine.h"
#include "fix.h"
#include "front_js.h"
#include "lsp.h"
#include "lsp_int.h"
#include "session.h"
#include "suppress.h"
#include "util.h"

#ifndef RL_VERSION
#define RL_VERSION "0.0.0-dev"
#endif

/* Section - time and output */

uint64_t rl_lsp_wire_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

void rl_lsp_wire_send(RlLsp *l, json_t *msg) {
  char *body = json_dumps(msg, JSON_COMPACT);
  json_decref(msg);
  if (!body) return;
  pthread_mutex_lock(&l->out_mu);
  fprintf(l->out, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
  fflush(l->out);
  pthread_mutex_unlock(&l->out_mu);
  free(body);
}

void rl_lsp_wire_reply(RlLsp *l, json_t *id, json_t *result) {
  rl_lsp_wire_send(l, json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(),
                                "result", result ? result : json_null()));
}

void rl_lsp_wire_error(RlLsp *l, json_t *id, int code, const char *msg) {
  rl_lsp_wire_send(l, json_pack("{s:s,s:O,s:{s:i,s:s}}", "jsonrpc", "2.0", "id",
                                id ? id : json_null(), "error", "code", code, "message", msg));
}

void rl_lsp_wire_notify(RlLsp *l, const char *method, json_t *params) {
  rl_lsp_wire_send(l, json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method, "params",
                                params));
}

void rl_lsp_wire_log(RlLsp *l, int type, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  RlBuf b = {0};
  rl_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  rl_lsp_wire_notify(
      l, "window/logMessage",
      json_pack("{s:i,s:o}", "type", type, "message", rl_emit_jstr(rl_buf_cstr(&b))));
  rl_buf_free(&b);
}

/* Section - URIs and positions */

char *rl_lsp_wire_uri_to_path(const char *uri) {
  if (strncmp(uri, "file://", 7) != 0) return NULL;
  const char *p = uri + 7;
  if (*p != '/') { /* file://host/path: only localhost */
    if (strncmp(p, "localhost/", 10) != 0) return NULL;
    p += 9;
  }
  RlBuf b = {0};
  for (; *p && *p != '?' && *p != '#'; p++) {
    if (*p == '%' && p[1] && p[2]) {
      char hex[3] = {p[1], p[2], 0};
      char *end;
      long v = strtol(hex, &end, 16);
      if (*end == 0 && v > 0) {
        rl_buf_putc(&b, (char)v);
        p += 2;
        continue;
      }
    }
    rl_buf_putc(&b, *p);
  }
  rl_buf_cstr(&b);
  return b.data;
}

char *rl_lsp_wire_path_to_uri(const char *path) {
  char *enc = rl_emit_uri_path(path);
  char *uri = rl_asprintf("file://%s", enc);
  free(enc);
  return uri;
}

/* Units of s[0..n) in the negotiated encoding. */
static uint32_t rl_lsp_wire__units(const RlLsp *l, const char *s, size_t n) {
  return l->utf8 ? (uint32_t)n : rl_utf8_utf16_units(s, n);
}

/* Byte offset of an LSP position in text (clamped to the line's end). */
size_t rl_lsp_wire_offset(const RlLsp *l, const char *text, size_t len, int64_t line,
                          int64_t character) {
  size_t i = 0;
  for (int64_t ln = 0; ln < line && i < len; i++)
    if (text[i] == '\n') ln++;
  if (line < 0) return 0;
  int64_t u = 0;
  while (i < len && text[i] != '\n' && u < character) {
    unsigned c = (unsigned char)text[i];
    size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (i + k > len) k = len - i;
    u += l->utf8 ? (int64_t)k : (k == 4 ? 2 : 1);
    i += k;
  }
  return i;
}

/* Row and byte column of offset `off` in text (tree-sitter points). */
void rl_lsp_wire_point(const char *text, size_t off, uint32_t *row, uint32_t *col) {
  uint32_t r = 0;
  size_t line_start = 0;
  for (size_t i = 0; i < off; i++)
    if (text[i] == '\n') r++, line_start = i + 1;
  *row = r;
  *col = (uint32_t)(off - line_start);
}

/* LSP position {line, character} of byte offset `off` in text. */
json_t *rl_lsp_wire_pos(const RlLsp *l, const RlLines *lines, const char *text, size_t len,
                        uint32_t off) {
  if (off > len) off = (uint32_t)len;
  uint32_t lo = 0, hi = lines->n;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (lines->starts[mid] <= off) lo = mid;
    else hi = mid;
  }
  uint32_t start = lines->starts[lo];
  return json_pack("{s:i,s:i}", "line", (json_int_t)lo, "character",
                   (json_int_t)rl_lsp_wire__units(l, text + start, off - start));
}

/* A range for loc: exact when the text is known, else from code points. */
static json_t *rl_lsp_wire__range(const RlLsp *l, const RlLoc *loc, const char *text, size_t len,
                                  const RlLines *lines) {
  if (text && lines)
    return json_pack("{s:o,s:o}", "start", rl_lsp_wire_pos(l, lines, text, len, loc->start), "end",
                     rl_lsp_wire_pos(l, lines, text, len, loc->end));
  return json_pack("{s:{s:i,s:i},s:{s:i,s:i}}", "start", "line", (json_int_t)loc->line - 1,
                   "character", (json_int_t)loc->col_cp - 1, "end", "line",
                   (json_int_t)loc->end_line - 1, "character", (json_int_t)loc->end_col_cp - 1);
}

/* Section - diagnostics as JSON */

/* The URI of a file by its path relative to the workspace (an entry's rel;
 * absolute outside it). A finding's `path` is only what its message names. */
static char *rl_lsp_wire__rel_uri(const RlLsp *l, const char *rel) {
  if (rel[0] == '/') return rl_lsp_wire_path_to_uri(rel);
  char *abs = rl_path_join(l->root ? l->root : "/", rel);
  char *uri = rl_lsp_wire_path_to_uri(abs);
  free(abs);
  return uri;
}

json_t *rl_lsp_wire_diag_json(RlLsp *l, const RlDiag *d, const RlLspEntry *e,
                              const RlLines *lines) {
  int sev = d->severity == RL_SEV_ERROR ? 1 : d->severity == RL_SEV_WARNING ? 2 : 3;
  char *url = rl_doc_url(d->rule->id);
  char *msg = d->hint && *d->hint ? rl_asprintf("%s\nFix: %s", d->msg, d->hint) : rl_strdup(d->msg);
  json_t *o =
      json_pack("{s:o,s:i,s:s,s:{s:s},s:s,s:o,s:{s:s}}", "range",
                rl_lsp_wire__range(l, &d->loc, e->snap, e->snap_len, lines), "severity", sev,
                "code", d->rule->id, "codeDescription", "href", url, "source", "racelint",
                "message", rl_emit_jstr(msg), "data", "fingerprint", d->fingerprint);
  free(msg);
  free(url);
  if (d->nrelated) {
    json_t *rel = json_array();
    for (uint32_t i = 0; i < d->nrelated; i++) {
      const RlRelated *r = &d->related[i];
      /* the related file: this one, an open one, or a closed one on disk */
      RlLspEntry *re = NULL;
      for (uint32_t k = 0; k < l->entries.n; k++)
        if (strcmp(l->entries.v[k]->rel, r->rel_path) == 0) re = l->entries.v[k];
      char *uri = re ? rl_strdup(re->uri) : rl_lsp_wire__rel_uri(l, r->rel_path);
      json_t *range;
      if (re == e && lines) {
        range = rl_lsp_wire__range(l, &r->loc, e->snap, e->snap_len, lines);
      } else if (re && re->snap) {
        RlLines rl;
        rl_lines_build(&rl, re->snap, re->snap_len);
        range = rl_lsp_wire__range(l, &r->loc, re->snap, re->snap_len, &rl);
        rl_lines_free(&rl);
      } else {
        range = rl_lsp_wire__range(l, &r->loc, NULL, 0, NULL);
      }
      json_array_append_new(rel, json_pack("{s:{s:s,s:o},s:o}", "location", "uri", uri,
                                           "range", range, "message", rl_emit_jstr(r->msg)));
      free(uri);
    }
    json_object_set_new(o, "relatedInformation", rel);
  }
  return o;
}

/* A finding of another file whose related location lies in e (a lock-order
 * cycle through two files): shown in e as well, at that location, so the
 * cause is visible in every file involved. */
static json_t *rl_lsp_wire__mirror(RlLsp *l, const RlDiag *d, const RlRelated *r,
                                   const RlLspEntry *e, const RlLines *lines) {
  RlDiag m = *d;
  m.loc = r->loc;
  m.rel_path = e->rel;
  char *msg = rl_asprintf("%s (this is part of a finding reported in %s:%u: %s)", r->msg,
                          d->rel_path, d->loc.line, d->msg);
  m.msg = msg;
  m.nrelated = 0;
  json_t *j = rl_lsp_wire_diag_json(l, &m, e, lines);
  free(msg);
  /* point back at the primary location */
  char *uri = rl_lsp_wire__rel_uri(l, d->rel_path);
  RlLspEntry *pe = NULL;
  for (uint32_t k = 0; k < l->entries.n; k++)
    if (strcmp(l->entries.v[k]->rel, d->rel_path) == 0) pe = l->entries.v[k];
  json_object_set_new(j, "relatedInformation",
                      json_pack("[{s:{s:s,s:o},s:s}]", "location", "uri", pe ? pe->uri : uri,
                                "range", rl_lsp_wire__range(l, &d->loc, NULL, 0, NULL), "message",
                                "reported here"));
  free(uri);
  return j;
}

json_t *rl_lsp_wire_diags(RlLsp *l, const RlLspEntry *e) {
  json_t *arr = json_array();
  if (!e->res) return arr;
  RlLines lines = {0};
  if (e->snap) rl_lines_build(&lines, e->snap, e->snap_len);
  for (uint32_t i = 0; i < e->res->diags.n; i++)
    json_array_append_new(arr, rl_lsp_wire_diag_json(l, e->res->diags.v[i], e, e->snap ? &lines : NULL));
  /* cross-file lock-order cycles of other files that run through this one
   * (each site of the cycle is part of the bug). Other findings only point
   * here through relatedInformation: a related location such as the async
   * declaration of a floating promise is correct code, not a problem. */
  for (uint32_t k = 0; k < l->entries.n; k++) {
    const RlLspEntry *o = l->entries.v[k];
    if (o == e || !o->res) continue;
    for (uint32_t i = 0; i < o->res->diags.n; i++) {
      const RlDiag *d = o->res->diags.v[i];
      if (!d->rule || strcmp(d->rule->id, "lock-order") != 0) continue;
      for (uint32_t j = 0; j < d->nrelated; j++)
        if (strcmp(d->related[j].rel_path, e->rel) == 0) {
          json_array_append_new(arr, rl_lsp_wire__mirror(l, d, &d->related[j], e, e->snap ? &lines : NULL));
          break; /* once per finding */
        }
    }
  }
  rl_lines_free(&lines);
  return arr;
}

uint64_t rl_lsp_wire_signature_json(json_t *diags) {
  char *s = json_dumps(diags, JSON_COMPACT | JSON_SORT_KEYS);
  uint64_t h = s ? rl_hash_str(RL_FNV_INIT, s) : 0;
  free(s);
  return h;
}

/* Section - the message reader */

/* Reads one header line into line[0..cap) (NUL-terminated, the newline
 * kept); a longer line is consumed but not kept (*too_long). Returns its
 * length in the stream, or -1 at EOF before any byte. Memory stays bounded
 * whatever the client sends. */
static long long rl_lsp_wire__getline(FILE *in, char *line, size_t cap, bool *too_long) {
  long long n = 0;
  size_t k = 0;
  int c;
  *too_long = false;
  while ((c = getc(in)) != EOF) {
    n++;
    if (k + 1 < cap) line[k++] = (char)c;
    else *too_long = true;
    if (c == '\n') break;
  }
  line[k] = 0;
  return n == 0 && c == EOF ? -1 : (long long)k;
}

/* Reads one framed message body. Returns 1 ok, 0 EOF, -1 malformed framing
 * (already answered or skipped). */
int rl_lsp_wire_read(RlLsp *l, FILE *in, char **body, size_t *len) {
  char line[8194];
  long long clen = -1;
  bool any = false, bad = false;
  for (;;) {
    bool too_long;
    long long n = rl_lsp_wire__getline(in, line, sizeof line, &too_long);
    if (n < 0) return 0;
    if (too_long) bad = true;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    if (n == 0) {
      if (any) break;
      continue; /* stray blank lines between messages */
    }
    any = true;
    if (strncasecmp(line, "Content-Length:", 15) == 0) {
      char *end;
      errno = 0;
      clen = strtoll(line + 15, &end, 10);
      while (*end == ' ') end++;
      if (errno || *end || clen < 0) bad = true;
    } else if (!strchr(line, ':')) {
      bad = true;
    }
  }
  if (bad || clen < 0) {
    rl_lsp_wire_error(l, NULL, -32700, "malformed message header (need Content-Length)");
    return -1;
  }
  if ((unsigned long long)clen > RL_LSP_MAX_MESSAGE) {
    /* skip it without keeping it in memory */
    char buf[65536];
    unsigned long long left = (unsigned long long)clen;
    while (left) {
      size_t k = fread(buf, 1, left < sizeof buf ? (size_t)left : sizeof buf, in);
      if (!k) return 0;
      left -= k;
    }
    rl_lsp_wire_error(l, NULL, -32700, "message too large");
    return -1;
  }
  char *b = rl_malloc((size_t)clen + 1);
  size_t got = fread(b, 1, (size_t)clen, in);
  b[got] = 0;
  if (got < (size_t)clen) {
    free(b);
    return 0;
  }
  *body = b;
  *len = got;
  return 1;
}
