/* suppress.c - parsing suppression comments into plain records (see
 * suppress.h); suppress_apply.c applies them to a project's findings. */
#include "suppress.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

/* The comments of a C or JS/TS file: a small lexer that knows string,
 * character and template literals, so `// racelint-...` inside a string or
 * inside a block comment's prose is not a directive. (JS regular-expression
 * literals are not recognised; a quote inside one can hide a later
 * directive on that line, never invent one.) Calls `fn` with the offset of
 * each comment's text (after the opener) and its end. */
/* Where parsed suppressions go: strings into keep, records into supps. */
typedef struct RlSuppSink {
  RlArena *keep;
  RlSuppressions *supps;
} RlSuppSink;

typedef void (*RlCommentFn)(size_t text, size_t end, bool block, void *ctx);

static void rl_suppress__comments(const char *src, size_t len, RlCommentFn fn, void *ctx) {
  size_t i = 0;
  while (i < len) {
    char c = src[i];
    if (c == '/' && i + 1 < len && src[i + 1] == '/') {
      size_t e = i + 2;
      while (e < len && src[e] != '\n' && src[e] != '\r') e++;
      fn(i + 2, e, false, ctx);
      i = e;
    } else if (c == '/' && i + 1 < len && src[i + 1] == '*') {
      size_t e = i + 2;
      while (e + 1 < len && !(src[e] == '*' && src[e + 1] == '/')) e++;
      fn(i + 2, e < len ? e : len, true, ctx);
      i = e + 2;
    } else if (c == '"' || c == '\'' || c == '`') {
      size_t e = i + 1;
      while (e < len && src[e] != c) {
        if (src[e] == '\\') e++;
        else if (c != '`' && (src[e] == '\n')) break; /* unterminated: stop at the line end */
        e++;
      }
      i = e + 1;
    } else {
      i++;
    }
  }
}

static void rl_suppress__add(RlSuppSink *f, RlSuppKind kind, uint32_t first, uint32_t last,
                             RlLoc loc, const char *line_text, const char *id, size_t idlen,
                             const char *reason) {
  RlSuppression s;
  memset(&s, 0, sizeof s);
  s.kind = kind;
  s.first = first;
  s.last = last;
  s.loc = loc;
  s.line_text = line_text;
  s.id = rl_arena_strndup(f->keep, id, idlen);
  s.reason = reason;
  RL_VEC_PUSH(*f->supps, s);
}

typedef struct RlSuppParse {
  RlSuppSink *f;
  const char *src;
  size_t len;
  RlLines lines;
} RlSuppParse;

/* The bytes to delete to remove the comment [cs, ce) of src, and the text
 * to put there: its whole line when it stands alone on it, else the
 * comment and the blanks on one side (a space when there are none, so
 * that two tokens never join). */
static void rl_suppress__del_range(const char *src, size_t len, size_t cs, size_t ce,
                                   RlEdit *out) {
  uint32_t s_, e_, *ds = &s_, *de = &e_;
  const char *t_, **text = &t_;
  size_t ls = cs, le = ce;
  while (ls > 0 && src[ls - 1] != '\n') ls--;
  while (le < len && src[le] != '\n') le++;
  bool before = true, after = true;
  for (size_t i = ls; i < cs && before; i++) before = src[i] == ' ' || src[i] == '\t';
  for (size_t i = ce; i < le && after; i++)
    after = src[i] == ' ' || src[i] == '\t' || src[i] == '\r';
  *text = "";
  if (before && after) { /* the whole line, and one line break */
    if (le < len) {
      *ds = (uint32_t)ls, *de = (uint32_t)le + 1;
    } else {
      size_t s0 = ls;
      if (s0 > 0 && src[s0 - 1] == '\n') s0--;
      if (s0 > 0 && src[s0 - 1] == '\r') s0--;
      *ds = (uint32_t)s0, *de = (uint32_t)len;
    }
  } else if (after) { /* code before it: to the end of the line */
    size_t s0 = cs, e0 = le;
    while (s0 > ls && (src[s0 - 1] == ' ' || src[s0 - 1] == '\t')) s0--;
    if (e0 > ce && src[e0 - 1] == '\r') e0--;
    *ds = (uint32_t)s0, *de = (uint32_t)e0;
  } else if (ce < len && (src[ce] == ' ' || src[ce] == '\t')) {
    size_t e0 = ce;
    while (e0 < le && (src[e0] == ' ' || src[e0] == '\t')) e0++;
    *ds = (uint32_t)cs, *de = (uint32_t)e0;
  } else if (cs > ls && (src[cs - 1] == ' ' || src[cs - 1] == '\t')) {
    size_t s0 = cs;
    while (s0 > ls && (src[s0 - 1] == ' ' || src[s0 - 1] == '\t')) s0--;
    *ds = (uint32_t)s0, *de = (uint32_t)ce;
  } else {
    *ds = (uint32_t)cs, *de = (uint32_t)ce;
    *text = " ";
  }
  out->start = *ds, out->end = *de, out->text = *text;
}

/* The typescript-eslint (and eslint-plugin-promise) rules whose check a
 * racelint rule makes: an ESLint directive that turns one of them off at
 * a line turns the racelint rule off there too (the maintainer wrote that
 * the promise is dropped on purpose). */
static const struct {
  const char *eslint, *id;
} rl_suppress__eslint_rules[] = {
    {"@typescript-eslint/no-floating-promises", "floating-promise"},
    {"@typescript-eslint/no-misused-promises", "callback-promise-mix"},
    {"promise/catch-or-return", "floating-promise"},
};

/* An ESLint directive (`eslint-disable-next-line`, `eslint-disable-line`,
 * `eslint-disable` ... `eslint-enable`) at src[m..end): for each rule it
 * names that racelint mirrors, a suppression of the racelint rule with
 * nids 0 (not a racelint comment: never reported unused, never deleted).
 * A directive naming no rule (every rule off) is not taken. */
static void rl_suppress__eslint(RlSuppParse *sp, size_t m, size_t end) {
  RlSuppSink *f = sp->f;
  const char *src = sp->src, *q = src + m + 7, *stop = src + end; /* after "eslint-" */
  RlSuppKind kind;
  bool enable = false;
  if ((size_t)(stop - q) >= 17 && memcmp(q, "disable-next-line", 17) == 0) kind = RL_SUPP_NEXT_LINE, q += 17;
  else if ((size_t)(stop - q) >= 12 && memcmp(q, "disable-line", 12) == 0) kind = RL_SUPP_LINE, q += 12;
  else if ((size_t)(stop - q) >= 7 && memcmp(q, "disable", 7) == 0) kind = RL_SUPP_RANGE, q += 7;
  else if ((size_t)(stop - q) >= 6 && memcmp(q, "enable", 6) == 0) kind = RL_SUPP_RANGE, enable = true, q += 6;
  else return;
  if (q >= stop || !isspace((unsigned char)*q)) return;
  const char *ids_end = stop, *reason = "";
  for (const char *c = q; c + 1 < stop; c++)
    if (c[0] == '-' && c[1] == '-' && c > q && isspace((unsigned char)c[-1])) {
      ids_end = c;
      const char *r = c + 2, *re = stop;
      while (r < stop && isspace((unsigned char)*r)) r++;
      while (re > r && isspace((unsigned char)re[-1])) re--;
      reason = rl_arena_strndup(f->keep, r, (size_t)(re - r));
      break;
    }
  RlLoc loc = rl_lines_loc(&sp->lines, src, sp->len, (uint32_t)m, (uint32_t)end);
  size_t n;
  const char *text_line = rl_lines_text(&sp->lines, src, sp->len, loc.line, &n);
  const char *lt = rl_arena_strndup(f->keep, text_line, n > 400 ? 400 : n);
  uint32_t first = loc.line, last = loc.line;
  if (kind == RL_SUPP_NEXT_LINE) first = last = loc.end_line + 1;
  if (kind == RL_SUPP_RANGE) last = UINT32_MAX;
  for (const char *c = q; c < ids_end;) {
    while (c < ids_end && (isspace((unsigned char)*c) || *c == ',')) c++;
    const char *s0 = c;
    while (c < ids_end && !isspace((unsigned char)*c) && *c != ',') c++;
    for (size_t i = 0; i < RL_COUNTOF(rl_suppress__eslint_rules); i++) {
      const char *e = rl_suppress__eslint_rules[i].eslint, *id = rl_suppress__eslint_rules[i].id;
      if (strlen(e) != (size_t)(c - s0) || memcmp(e, s0, (size_t)(c - s0)) != 0) continue;
      if (!enable) {
        rl_suppress__add(f, kind, first, last, loc, lt, id, strlen(id),
                         *reason ? reason : rl_arena_strndup(f->keep, src + m, end - m));
        continue;
      }
      for (uint32_t k = f->supps->n; k-- > 0;) { /* the innermost open ESLint range */
        RlSuppression *o = &f->supps->v[k];
        if (o->kind == RL_SUPP_RANGE && o->last == UINT32_MAX && o->nids == 0 &&
            strcmp(o->id, id) == 0) {
          o->last = loc.line;
          break;
        }
      }
    }
  }
}

static void rl_suppress__comment(size_t text, size_t end, bool block, void *ctx) {
  RlSuppParse *sp = ctx;
  RlSuppSink *f = sp->f;
  const char *src = sp->src;
  static const char marker[] = "racelint-";
  size_t m = text;
  while (m < end && (src[m] == ' ' || src[m] == '\t')) m++;
  if (end - m > 7 && memcmp(src + m, "eslint-", 7) == 0) {
    rl_suppress__eslint(sp, m, end);
    return;
  }
  /* the directive is the comment's first word: only that one counts */
  if (end - m < sizeof marker - 1 || memcmp(src + m, marker, sizeof marker - 1) != 0) return;
  const char *p = src + m, *q = p + sizeof marker - 1, *stop = src + end;
  RlSuppKind kind;
  bool enable = false;
  if ((size_t)(stop - q) >= 17 && memcmp(q, "disable-next-line", 17) == 0) kind = RL_SUPP_NEXT_LINE, q += 17;
  else if ((size_t)(stop - q) >= 12 && memcmp(q, "disable-line", 12) == 0) kind = RL_SUPP_LINE, q += 12;
  else if ((size_t)(stop - q) >= 12 && memcmp(q, "disable-file", 12) == 0) kind = RL_SUPP_FILE, q += 12;
  else if ((size_t)(stop - q) >= 7 && memcmp(q, "disable", 7) == 0) kind = RL_SUPP_RANGE, q += 7;
  else if ((size_t)(stop - q) >= 6 && memcmp(q, "enable", 6) == 0) kind = RL_SUPP_RANGE, enable = true, q += 6;
  else return;
  if (q < stop && !isspace((unsigned char)*q)) return; /* racelint-disabled */
  (void)block;
  /* reason: after " -- " */
  const char *reason = "";
  const char *ids_end = stop;
  for (const char *c = q; c + 1 < stop; c++)
    if (c[0] == '-' && c[1] == '-') {
      ids_end = c;
      const char *r = c + 2;
      while (r < stop && isspace((unsigned char)*r)) r++;
      const char *re = stop;
      while (re > r && isspace((unsigned char)re[-1])) re--;
      reason = rl_arena_strndup(f->keep, r, (size_t)(re - r));
      break;
    }
  RlLoc loc = rl_lines_loc(&sp->lines, src, sp->len, (uint32_t)m, (uint32_t)end);
  uint32_t ln = loc.line;
  size_t n;
  const char *text_line = rl_lines_text(&sp->lines, src, sp->len, ln, &n);
  const char *lt = rl_arena_strndup(f->keep, text_line, n > 400 ? 400 : n);
  uint32_t first = ln, last = ln;
  if (kind == RL_SUPP_NEXT_LINE) first = last = loc.end_line + 1;
  if (kind == RL_SUPP_FILE) first = 1, last = UINT32_MAX;
  if (kind == RL_SUPP_RANGE) last = UINT32_MAX; /* closed by a later enable */
  bool any = false;
  uint32_t first_new = f->supps->n, nids = 0;
  RlEdit del;
  rl_suppress__del_range(src, sp->len, text - 2, block && end < sp->len ? end + 2 : end, &del);
  del.loc = rl_lines_loc(&sp->lines, src, sp->len, del.start, del.end);
  RL_VEC(uint32_t) closed = {0};
  const char *c = q;
  while (c < ids_end) {
    while (c < ids_end && (isspace((unsigned char)*c) || *c == ',')) c++;
    const char *s0 = c;
    while (c < ids_end && (isalnum((unsigned char)*c) || *c == '-' || *c == '_')) c++;
    if (c == s0) {
      if (c < ids_end) c++; /* skip a stray character */
      continue;
    }
    any = true;
    nids++;
    if (enable) {
      for (uint32_t i = f->supps->n; i-- > 0;) { /* close the innermost open range */
        RlSuppression *o = &f->supps->v[i];
        if (o->kind == RL_SUPP_RANGE && o->last == UINT32_MAX && o->nids != 0 &&
            strlen(o->id) == (size_t)(c - s0) && memcmp(o->id, s0, (size_t)(c - s0)) == 0) {
          o->last = ln;
          RL_VEC_PUSH(closed, i);
          break;
        }
      }
    } else {
      rl_suppress__add(f, kind, first, last, loc, lt, s0, (size_t)(c - s0), reason);
    }
  }
  if (!any && !enable) rl_suppress__add(f, kind, first, last, loc, lt, "", 0, reason);
  for (uint32_t i = first_new; i < f->supps->n; i++) {
    RlSuppression *o = &f->supps->v[i];
    o->del = del, o->nids = nids ? nids : 1;
  }
  for (uint32_t i = 0; i < closed.n; i++) {
    RlSuppression *o = &f->supps->v[closed.v[i]];
    o->en = del, o->en_nids = nids;
  }
  RL_VEC_FREE(closed);
}

void rl_suppress_parse(RlArena *keep, RlSuppressions *out, const char *src, size_t len) {
  static const char marker[] = "racelint-";
  if (!memmem(src, len, marker, sizeof marker - 1) && !memmem(src, len, "eslint-", 7))
    return; /* the common case */
  RlSuppSink sink = {keep, out};
  RlSuppParse sp = {&sink, src, len, {0}};
  rl_lines_build(&sp.lines, src, len);
  rl_suppress__comments(src, len, rl_suppress__comment, &sp);
  rl_lines_free(&sp.lines);
}
