/* suppress.c - parsing and applying suppression comments (see suppress.h). */
#include "suppress.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

/* Is the marker at src[pos] the first thing inside a comment? */
static bool rl_suppress__in_comment(const char *src, size_t line_start, size_t pos) {
  size_t i = pos;
  while (i > line_start && (src[i - 1] == ' ' || src[i - 1] == '\t')) i--;
  if (i >= line_start + 2 && src[i - 2] == '/' && (src[i - 1] == '/' || src[i - 1] == '*'))
    return true;
  if (i >= line_start + 1 && src[i - 1] == '*') return true; /* " * racelint-..." */
  return false;
}

static void rl_suppress__add(RlEngineFile *f, RlSuppKind kind, uint32_t first, uint32_t last,
                             RlLoc loc, const char *line_text, const char *id, size_t idlen,
                             const char *reason) {
  RlSuppression s;
  memset(&s, 0, sizeof s);
  s.kind = kind;
  s.first = first;
  s.last = last;
  s.loc = loc;
  s.line_text = line_text;
  s.id = rl_arena_strndup(&f->keep, id, idlen);
  s.reason = reason;
  RL_VEC_PUSH(f->supps, s);
}

void rl_suppress_parse(RlEngineFile *f, const char *src, size_t len) {
  static const char marker[] = "racelint-";
  if (!memmem(src, len, marker, sizeof marker - 1)) return; /* the common case */
  RlLines lines;
  rl_lines_build(&lines, src, len);
  for (uint32_t ln = 1; ln <= lines.n; ln++) {
    size_t n;
    const char *text = rl_lines_text(&lines, src, len, ln, &n);
    size_t line_start = (size_t)(text - src);
    const char *p = memmem(text, n, marker, sizeof marker - 1);
    if (!p || !rl_suppress__in_comment(src, line_start, (size_t)(p - src))) continue;
    const char *q = p + sizeof marker - 1, *end = text + n;
    RlSuppKind kind;
    bool enable = false;
    if ((size_t)(end - q) >= 17 && memcmp(q, "disable-next-line", 17) == 0) kind = RL_SUPP_NEXT_LINE, q += 17;
    else if ((size_t)(end - q) >= 12 && memcmp(q, "disable-line", 12) == 0) kind = RL_SUPP_LINE, q += 12;
    else if ((size_t)(end - q) >= 12 && memcmp(q, "disable-file", 12) == 0) kind = RL_SUPP_FILE, q += 12;
    else if ((size_t)(end - q) >= 7 && memcmp(q, "disable", 7) == 0) kind = RL_SUPP_RANGE, q += 7;
    else if ((size_t)(end - q) >= 6 && memcmp(q, "enable", 6) == 0) kind = RL_SUPP_RANGE, enable = true, q += 6;
    else continue;
    if (q < end && !isspace((unsigned char)*q) && *q != '*') continue; /* racelint-disabled */
    /* the comment ends at "*" "/" for block comments */
    const char *stop = end;
    for (const char *c = q; c + 1 < end; c++)
      if (c[0] == '*' && c[1] == '/') {
        stop = c;
        break;
      }
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
        reason = rl_arena_strndup(&f->keep, r, (size_t)(re - r));
        break;
      }
    uint32_t off = (uint32_t)(p - src);
    RlLoc loc = rl_lines_loc(&lines, src, len, off, (uint32_t)(stop - src));
    const char *lt = rl_arena_strndup(&f->keep, text, n > 400 ? 400 : n);
    uint32_t first = ln, last = ln;
    if (kind == RL_SUPP_NEXT_LINE) first = last = ln + 1;
    if (kind == RL_SUPP_FILE) first = 1, last = UINT32_MAX;
    if (kind == RL_SUPP_RANGE) last = UINT32_MAX; /* closed by a later enable */
    bool any = false;
    const char *c = q;
    while (c < ids_end) {
      while (c < ids_end && (isspace((unsigned char)*c) || *c == ',')) c++;
      const char *s = c;
      while (c < ids_end && (isalnum((unsigned char)*c) || *c == '-' || *c == '_')) c++;
      if (c == s) {
        if (c < ids_end) c++; /* skip a stray character */
        continue;
      }
      any = true;
      if (enable) {
        /* close the innermost open range of this id */
        for (uint32_t i = f->supps.n; i-- > 0;) {
          RlSuppression *o = &f->supps.v[i];
          if (o->kind == RL_SUPP_RANGE && o->last == UINT32_MAX && strlen(o->id) == (size_t)(c - s) &&
              memcmp(o->id, s, (size_t)(c - s)) == 0) {
            o->last = ln;
            break;
          }
        }
      } else {
        rl_suppress__add(f, kind, first, last, loc, lt, s, (size_t)(c - s), reason);
      }
    }
    if (!any && !enable) rl_suppress__add(f, kind, first, last, loc, lt, "", 0, reason);
  }
  rl_lines_free(&lines);
}

static const RlRule *rl_suppress__nearest(const RlSession *s, const char *id) {
  const RlRule *best = NULL;
  size_t bd = (size_t)-1;
  for (uint32_t i = 0; i < s->nrules; i++) {
    size_t d = rl_levenshtein(id, s->rules[i]->id);
    if (d < bd) bd = d, best = s->rules[i];
  }
  return bd <= 4 ? best : NULL;
}

void rl_suppress_apply(const RlSession *s, RlEngineFile **files, uint32_t n) {
  for (uint32_t fi = 0; fi < n; fi++) {
    RlEngineFile *f = files[fi];
    if (!f->supps.n) continue;
    uint32_t k = 0;
    for (uint32_t i = 0; i < f->diags.n; i++) {
      RlDiag *d = f->diags.v[i];
      RlSuppression *hit = NULL;
      for (uint32_t j = 0; j < f->supps.n && !hit; j++) {
        RlSuppression *sp = &f->supps.v[j];
        if (d->loc.line >= sp->first && d->loc.line <= sp->last &&
            strcmp(sp->id, d->rule->id) == 0)
          hit = sp;
      }
      if (hit) {
        hit->used = true;
        d->suppressed = hit->reason;
        RL_VEC_PUSH(f->suppressed, d);
      } else {
        f->diags.v[k++] = d;
      }
    }
    f->diags.n = k;
    for (uint32_t j = 0; j < f->supps.n; j++) {
      RlSuppression *sp = &f->supps.v[j];
      if (sp->used) continue;
      const char *msg;
      if (!*sp->id) {
        msg = "suppression comment names no rule, so it suppresses nothing: write "
              "`racelint-disable-next-line <rule-id> -- <reason>`";
      } else {
        int idx = rl_session_rule_index(s, sp->id);
        if (idx < 0) {
          const RlRule *near = rl_suppress__nearest(s, sp->id);
          msg = near ? rl_arena_printf(&f->proj,
                                       "suppression names unknown rule '%s'; did you mean '%s'?",
                                       sp->id, near->id)
                     : rl_arena_printf(&f->proj, "suppression names unknown rule '%s'", sp->id);
        } else if (!rl_engine_enabled(s, f, (uint32_t)idx)) {
          continue; /* the rule is off in this run: cannot tell */
        } else {
          msg = rl_arena_printf(&f->proj,
                                "unused suppression: no '%s' finding %s; remove the comment", sp->id,
                                sp->kind == RL_SUPP_FILE        ? "in this file"
                                : sp->kind == RL_SUPP_NEXT_LINE ? "on the next line"
                                : sp->kind == RL_SUPP_LINE      ? "on this line"
                                                                : "in this range");
        }
      }
      rl_engine_report(s, f, "unused-suppression", sp->loc, sp->line_text, msg);
    }
  }
}
