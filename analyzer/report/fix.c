/* fix.c - building, choosing and applying fixes, their unified diffs, and
 * the --fix / --diff loop (see fix.h). The fix model is diag.h's, and so
 * is rl_fix_add (diag.c), which rules reach through rl_report_fix*. */
#include "fix.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "outfile.h"
#include "suppress.h"
#include "util.h"

/* Section - building */

const char *rl_fix_safety_name(RlFixSafety s) {
  switch (s) {
  case RL_FIX_SAFE: return "safe";
  case RL_FIX_UNSAFE: return "unsafe";
  case RL_FIX_SUGGESTION: break;
  }
  return "suggestion";
}

/* Section - choosing */

/* The rules whose safe fixes plain --fix applies: those whose findings met
 * the precision targets of the precision issues (16 for C, 17 for JS:
 * TRUE >= 60% and FALSE <= 10% of a rule's findings on a held-out set).
 * None of the analyses has yet. The last measured held-out figures:
 * docs/triage-js.md, "Held-out triage (seventh session)": floating-promise
 * 25% TRUE / 8% FALSE (24 findings), check-then-act 18% / 0% (11),
 * callback-promise-mix 0% / 0% (3), all 21% / 5%; docs/triage-c.md, the
 * same session: no C finding TRUE (lock-balance 0 of 18, 17 FALSE;
 * lock-order 0 of 1; shared-mutable-state 0 of 3). A rule joins this list
 * when a held-out triage shows it at the targets, with the figures here.
 *
 * unused-suppression is here though it is no analysis: its finding is a
 * fact of the run (a suppression comment that matched nothing), not a
 * guess about the code, and its fix deletes only that comment. */
static const char *const rl_fix__precise[] = {
    "unused-suppression",
};

static bool rl_fix__is_precise(const char *id) {
  for (size_t i = 0; i < sizeof rl_fix__precise / sizeof *rl_fix__precise; i++)
    if (strcmp(rl_fix__precise[i], id) == 0) return true;
  return false;
}

/* d's rule on by default for d's file (neither off by default nor strict). */
static bool rl_fix__by_default(const RlDiag *d) {
  return !d->rule->off_by_default && !d->rule->strict &&
         !(d->rule->strict_langs & (unsigned)rl_engine_lang_of(d->path));
}

const RlFix *rl_fix_pick(const RlSession *s, const RlFixPolicy *p, const RlDiag *d) {
  if (!d->nfixes || !d->rule) return NULL;
  int idx = rl_session_rule_index(s, d->rule->id);
  if (idx < 0) return NULL;
  bool named = p->only && p->only[idx];
  if (p->only && !named) return NULL;
  bool plain = rl_fix__by_default(d) && rl_fix__is_precise(d->rule->id);
  for (uint32_t i = 0; i < d->nfixes; i++) {
    const RlFix *fx = &d->fixes[i];
    if (!fx->nedits) continue;
    if (fx->safety == RL_FIX_SAFE && (plain || named || p->unsafe)) return fx;
    if (fx->safety == RL_FIX_UNSAFE && p->unsafe) return fx;
  }
  return NULL;
}

bool rl_fix_held(const RlSession *s, const RlFixPolicy *p, const RlDiag *d) {
  if (p->only || p->unsafe || !d->nfixes || !d->rule) return false;
  if (rl_session_rule_index(s, d->rule->id) < 0 || !rl_fix__by_default(d)) return false;
  if (rl_fix__is_precise(d->rule->id)) return false;
  for (uint32_t i = 0; i < d->nfixes; i++)
    if (d->fixes[i].nedits && d->fixes[i].safety == RL_FIX_SAFE) return true;
  return false;
}

/* Section - applying */

static int rl_fix__cmp_edit(const void *a, const void *b) {
  const RlEdit *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->end != y->end) return x->end < y->end ? -1 : 1;
  return strcmp(x->text, y->text);
}

char *rl_fix_apply(const char *text, size_t len, const RlEdit *edits, uint32_t n,
                   size_t *out_len) {
  RlEdit *v = rl_malloc((n + 1) * sizeof *v);
  if (n) memcpy(v, edits, n * sizeof *v);
  uint32_t floor = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  for (uint32_t i = 0; i < n; i++) { /* the BOM stays first and whole */
    if (v[i].start < floor) v[i].start = floor;
    if (v[i].end < v[i].start) v[i].end = v[i].start;
  }
  qsort(v, n, sizeof *v, rl_fix__cmp_edit);
  uint32_t k = 0;
  for (uint32_t i = 0; i < n; i++) { /* drop exact repeats */
    if (k && v[k - 1].start == v[i].start && v[k - 1].end == v[i].end &&
        strcmp(v[k - 1].text, v[i].text) == 0)
      continue;
    v[k++] = v[i];
  }
  for (uint32_t i = 0; i < k; i++) {
    bool overlap = i && (v[i].start < v[i - 1].end ||
                         /* two insertions at one point: their order is unknown */
                         (v[i].start == v[i].end && v[i - 1].start == v[i - 1].end &&
                          v[i].start == v[i - 1].start));
    if (v[i].end > len || overlap) {
      free(v);
      return NULL;
    }
  }
  RlBuf b = {0};
  size_t at = 0;
  for (uint32_t i = 0; i < k; i++) {
    rl_buf_put(&b, text + at, v[i].start - at);
    rl_buf_puts(&b, v[i].text);
    at = v[i].end;
  }
  rl_buf_put(&b, text + at, len - at);
  rl_buf_cstr(&b);
  free(v);
  *out_len = b.len;
  return b.data;
}

/* Section - diff (Myers' O(ND) algorithm on lines) */

typedef struct RlFixLines {
  const char **p; /* line starts; a line includes its '\n' */
  uint32_t *len;
  uint64_t *hash;
  uint32_t n;
} RlFixLines;

static void rl_fix__lines(RlFixLines *self, const char *s, size_t len) {
  uint32_t cap = 16;
  self->n = 0;
  self->p = rl_malloc(cap * sizeof *self->p);
  self->len = rl_malloc(cap * sizeof *self->len);
  size_t at = 0;
  while (at < len) {
    const char *nl = memchr(s + at, '\n', len - at);
    size_t e = nl ? (size_t)(nl - s) + 1 : len;
    if (self->n == cap) {
      cap *= 2;
      self->p = rl_realloc(self->p, cap * sizeof *self->p);
      self->len = rl_realloc(self->len, cap * sizeof *self->len);
    }
    self->p[self->n] = s + at;
    self->len[self->n++] = (uint32_t)(e - at);
    at = e;
  }
  self->hash = rl_malloc((self->n + 1) * sizeof *self->hash);
  for (uint32_t i = 0; i < self->n; i++)
    self->hash[i] = rl_hash_bytes(RL_FNV_INIT, self->p[i], self->len[i]);
}

static void rl_fix__lines_free(RlFixLines *self) {
  free(self->p);
  free(self->len);
  free(self->hash);
}

static bool rl_fix__same(const RlFixLines *a, uint32_t i, const RlFixLines *b, uint32_t j) {
  return a->hash[i] == b->hash[j] && a->len[i] == b->len[j] &&
         memcmp(a->p[i], b->p[j], a->len[i]) == 0;
}

/* One step of the edit script: a line of both, of a only, of b only. */
typedef enum RlFixOpKind { RL_FIX_EQ, RL_FIX_DEL, RL_FIX_INS } RlFixOpKind;
typedef struct RlFixOp {
  uint8_t kind;
  uint32_t a, b; /* line indexes (0-based) in a and b */
} RlFixOp;
typedef RL_VEC(RlFixOp) RlFixOps;

/* Beyond this many differing lines the middle is shown as one change. */
#define RL_FIX_MAX_D 2000

/* The shortest edit script from a[lo_a..hi_a) to b[lo_b..hi_b), appended
 * to ops. */
static void rl_fix__myers(const RlFixLines *a, uint32_t lo_a, uint32_t hi_a,
                          const RlFixLines *b, uint32_t lo_b, uint32_t hi_b, RlFixOps *ops) {
  int64_t n = hi_a - lo_a, m = hi_b - lo_b, max = n + m;
  if (max > RL_FIX_MAX_D) max = RL_FIX_MAX_D;
  int64_t *v = rl_calloc((size_t)(2 * max + 3), sizeof *v);
  int64_t off = max + 1;
  int64_t **trace = rl_calloc((size_t)max + 2, sizeof *trace);
  int64_t d_end = -1;
  for (int64_t d = 0; d <= max && d_end < 0; d++) {
    trace[d] = rl_malloc((size_t)(2 * d + 3) * sizeof **trace); /* v[-d-1 .. d+1] */
    memcpy(trace[d], v + off - d - 1, (size_t)(2 * d + 3) * sizeof **trace);
    for (int64_t k = -d; k <= d; k += 2) {
      int64_t x;
      if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) x = v[off + k + 1];
      else x = v[off + k - 1] + 1;
      int64_t y = x - k;
      while (x < n && y < m && rl_fix__same(a, lo_a + (uint32_t)x, b, lo_b + (uint32_t)y)) x++, y++;
      v[off + k] = x;
      if (x >= n && y >= m) {
        d_end = d;
        break;
      }
    }
  }
  RlFixOps rev = {0};
  if (d_end < 0) { /* too different: all of a out, then all of b in (reversed below) */
    for (int64_t j = m; j-- > 0;) RL_VEC_PUSH(rev, ((RlFixOp){RL_FIX_INS, 0, lo_b + (uint32_t)j}));
    for (int64_t i = n; i-- > 0;) RL_VEC_PUSH(rev, ((RlFixOp){RL_FIX_DEL, lo_a + (uint32_t)i, 0}));
  } else {
    int64_t x = n, y = m;
    for (int64_t d = d_end; d > 0; d--) {
      const int64_t *t = trace[d] + d + 1; /* t[k] = v[k] before step d */
      int64_t k = x - y, pk;
      if (k == -d || (k != d && t[k - 1] < t[k + 1])) pk = k + 1;
      else pk = k - 1;
      int64_t px = t[pk], py = px - pk;
      while (x > px && y > py) {
        x--, y--;
        RL_VEC_PUSH(rev, ((RlFixOp){RL_FIX_EQ, lo_a + (uint32_t)x, lo_b + (uint32_t)y}));
      }
      if (x == px) RL_VEC_PUSH(rev, ((RlFixOp){RL_FIX_INS, 0, lo_b + (uint32_t)(y - 1)}));
      else RL_VEC_PUSH(rev, ((RlFixOp){RL_FIX_DEL, lo_a + (uint32_t)(x - 1), 0}));
      x = px, y = py;
    }
    while (x > 0 && y > 0) {
      x--, y--;
      RL_VEC_PUSH(rev, ((RlFixOp){RL_FIX_EQ, lo_a + (uint32_t)x, lo_b + (uint32_t)y}));
    }
  }
  for (uint32_t i = rev.n; i-- > 0;) RL_VEC_PUSH(*ops, rev.v[i]);
  RL_VEC_FREE(rev);
  for (int64_t d = 0; d <= max + 1; d++) free(trace[d]);
  free(trace);
  free(v);
}

static void rl_fix__line_out(FILE *out, char sign, const RlFixLines *l, uint32_t i) {
  fputc(sign, out);
  fwrite(l->p[i], 1, l->len[i], out);
  if (l->len[i] == 0 || l->p[i][l->len[i] - 1] != '\n')
    fputs("\n\\ No newline at end of file\n", out);
}

void rl_fix_diff(FILE *out, const char *path, const char *a, size_t alen, const char *b,
                 size_t blen) {
  if (alen == blen && memcmp(a, b, alen) == 0) return;
  RlFixLines la, lb;
  rl_fix__lines(&la, a, alen);
  rl_fix__lines(&lb, b, blen);
  uint32_t pre = 0;
  while (pre < la.n && pre < lb.n && rl_fix__same(&la, pre, &lb, pre)) pre++;
  uint32_t suf = 0;
  while (suf < la.n - pre && suf < lb.n - pre &&
         rl_fix__same(&la, la.n - 1 - suf, &lb, lb.n - 1 - suf))
    suf++;
  RlFixOps ops = {0};
  for (uint32_t i = 0; i < pre; i++) RL_VEC_PUSH(ops, ((RlFixOp){RL_FIX_EQ, i, i}));
  rl_fix__myers(&la, pre, la.n - suf, &lb, pre, lb.n - suf, &ops);
  for (uint32_t i = 0; i < suf; i++)
    RL_VEC_PUSH(ops, ((RlFixOp){RL_FIX_EQ, la.n - suf + i, lb.n - suf + i}));
  fprintf(out, "--- a/%s\n+++ b/%s\n", path, path);
  const uint32_t ctx = 3;
  uint32_t i = 0;
  while (i < ops.n) {
    while (i < ops.n && ops.v[i].kind == RL_FIX_EQ) i++;
    if (i == ops.n) break;
    uint32_t start = i > ctx ? i - ctx : 0, end = i;
    /* extend over changes separated by at most 2*ctx equal lines */
    for (;;) {
      while (end < ops.n && ops.v[end].kind != RL_FIX_EQ) end++;
      uint32_t eq = end;
      while (eq < ops.n && ops.v[eq].kind == RL_FIX_EQ) eq++;
      if (eq < ops.n && eq - end <= 2 * ctx) {
        end = eq;
        continue;
      }
      end = end + ctx < ops.n ? end + ctx : ops.n;
      if (end > eq) end = eq;
      break;
    }
    /* the hunk's line ranges: counts, and where they start */
    uint32_t na = 0, nb = 0, a0 = UINT32_MAX, b0 = UINT32_MAX, a_before = 0, b_before = 0;
    for (uint32_t k = 0; k < start; k++) {
      if (ops.v[k].kind != RL_FIX_INS) a_before++;
      if (ops.v[k].kind != RL_FIX_DEL) b_before++;
    }
    for (uint32_t k = start; k < end; k++) {
      if (ops.v[k].kind != RL_FIX_INS) {
        if (a0 == UINT32_MAX) a0 = ops.v[k].a;
        na++;
      }
      if (ops.v[k].kind != RL_FIX_DEL) {
        if (b0 == UINT32_MAX) b0 = ops.v[k].b;
        nb++;
      }
    }
    fprintf(out, "@@ -%u,%u +%u,%u @@\n", na ? a0 + 1 : a_before, na, nb ? b0 + 1 : b_before,
            nb);
    for (uint32_t k = start; k < end; k++) {
      const RlFixOp *o = &ops.v[k];
      if (o->kind == RL_FIX_EQ) rl_fix__line_out(out, ' ', &la, o->a);
      else if (o->kind == RL_FIX_DEL) rl_fix__line_out(out, '-', &la, o->a);
      else rl_fix__line_out(out, '+', &lb, o->b);
    }
    i = end;
  }
  RL_VEC_FREE(ops);
  rl_fix__lines_free(&la);
  rl_fix__lines_free(&lb);
}

/* Section - the --fix / --diff loop */

typedef struct RlFixText {
  char *orig, *cur; /* bytes as read; the current text (NULL: still orig) */
  size_t olen, clen;
  int orig_parse;   /* -1 unknown, 0 parses, 1 has a parse error */
  bool unreadable;
} RlFixText;

/* Loads file i's bytes once; false (with a notice) when they cannot be
 * read or are not what was analysed. */
static bool rl_fix__load(const RlSession *s, RlEngineFile *f, RlFixText *t, const RlFixRun *run) {
  if (t->orig) return true;
  if (t->unreadable) return false;
  if (run->stdin_text) {
    t->orig = rl_strndup(run->stdin_text, run->stdin_len);
    t->olen = run->stdin_len;
  } else {
    int err = 0;
    if (rl_read_file(f->abs_path, s->max_file_size, &t->orig, &t->olen, &err) != RL_READ_OK) {
      rl_engine_notice(f, true, "not fixed: cannot read the file again");
      t->unreadable = true;
      return false;
    }
  }
  char *blank = rl_strndup(t->orig, t->olen);
  if (t->olen >= 3 && memcmp(blank, "\xEF\xBB\xBF", 3) == 0) memset(blank, ' ', 3);
  uint64_t h = rl_hash_bytes(RL_FNV_INIT, blank, t->olen);
  free(blank);
  if (f->content_hash && h != f->content_hash) {
    rl_engine_notice(f, true, "not fixed: the file changed while it was analysed");
    free(t->orig);
    t->orig = NULL;
    t->unreadable = true;
    return false;
  }
  t->orig_parse = -1;
  return true;
}

static RlEngineFile *rl_fix__analyze(RlWorker *w, const RlEngineFile *f, const char *text,
                                     size_t len, const RlFileSettings *settings) {
  return rl_engine_analyze(w, f->path, f->rel_path, f->abs_path, text, len, settings);
}

/* Does `text` (a fixed version of file f) add a parse error? */
static bool rl_fix__breaks(RlWorker *w, const RlEngineFile *nf, const RlEngineFile *f,
                           RlFixText *t, const RlFileSettings *settings) {
  if (!nf->parse_error) return false;
  if (t->orig_parse < 0) {
    RlEngineFile *of = rl_fix__analyze(w, f, t->orig, t->olen, settings);
    t->orig_parse = of->parse_error;
    rl_engine_file_delete(of);
  }
  return t->orig_parse == 0;
}

/* The edits of picks[0..n), each a fix's, flattened into *out. */
static uint32_t rl_fix__flatten(const RlFix *const *picks, uint32_t n, RlEdit **out) {
  uint32_t total = 0;
  for (uint32_t i = 0; i < n; i++) total += picks[i]->nedits;
  RlEdit *v = rl_malloc((total + 1) * sizeof *v);
  uint32_t k = 0;
  for (uint32_t i = 0; i < n; i++)
    for (uint32_t j = 0; j < picks[i]->nedits; j++) v[k++] = picks[i]->edits[j];
  *out = v;
  return k;
}

bool rl_fix_overlaps(const RlFix *a, const RlFix *b) {
  for (uint32_t i = 0; i < a->nedits; i++)
    for (uint32_t j = 0; j < b->nedits; j++) {
      const RlEdit *x = &a->edits[i], *y = &b->edits[j];
      if (x->start == y->start && x->end == y->end && strcmp(x->text, y->text) == 0) continue;
      if (x->start < y->end && y->start < x->end) return true;
      if (x->start == y->start && (x->start == x->end || y->start == y->end)) return true;
    }
  return false;
}

/* Applies picks[0..n) to the current text of f; on success the new text
 * and its analysis. NULL when the edits do not apply or add a parse
 * error. */
static RlEngineFile *rl_fix__try(RlWorker *w, const RlEngineFile *f, RlFixText *t,
                                 const RlFileSettings *settings, const RlFix *const *picks,
                                 uint32_t n, char **text, size_t *len) {
  RlEdit *edits;
  uint32_t ne = rl_fix__flatten(picks, n, &edits);
  const char *cur = t->cur ? t->cur : t->orig;
  size_t clen = t->cur ? t->clen : t->olen;
  char *nt = rl_fix_apply(cur, clen, edits, ne, len);
  free(edits);
  if (!nt) return NULL;
  RlEngineFile *nf = rl_fix__analyze(w, f, nt, *len, settings);
  /* not analysed (grown past --max-file-size...): nothing says it is fine */
  if (!nf->analyzed || rl_fix__breaks(w, nf, f, t, settings)) {
    rl_engine_file_delete(nf);
    free(nt);
    return NULL;
  }
  *text = nt;
  return nf;
}

/* One round on file i: true when its text changed. */
static bool rl_fix__round(const RlSession *s, RlWorker *w, RlEngineFile **files,
                          const RlFileSettings *settings, uint32_t i, RlFixText *t,
                          RlFixRun *run) {
  RlEngineFile *f = files[i];
  const RlFileSettings *fs = settings ? &settings[i] : NULL;
  RL_VEC(const RlFix *) picks = {0};
  for (uint32_t j = 0; j < f->diags.n; j++) {
    const RlFix *fx = rl_fix_pick(s, &run->policy, f->diags.v[j]);
    if (!fx) continue;
    bool clash = false;
    for (uint32_t k = 0; k < picks.n && !clash; k++) clash = rl_fix_overlaps(fx, picks.v[k]);
    if (!clash) RL_VEC_PUSH(picks, fx);
  }
  if (!picks.n || !rl_fix__load(s, f, t, run)) {
    RL_VEC_FREE(picks);
    return false;
  }
  char *nt = NULL;
  size_t nlen = 0;
  uint32_t napplied = picks.n;
  RlEngineFile *nf = rl_fix__try(w, f, t, fs, picks.v, picks.n, &nt, &nlen);
  if (!nf && picks.n > 1) { /* one at a time: keep those that parse */
    RL_VEC(const RlFix *) ok = {0};
    napplied = 0;
    for (uint32_t k = 0; k < picks.n; k++) {
      RL_VEC_PUSH(ok, picks.v[k]);
      char *tt = NULL;
      size_t tl = 0;
      RlEngineFile *tf = rl_fix__try(w, f, t, fs, ok.v, ok.n, &tt, &tl);
      if (!tf) {
        ok.n--;
        run->rejected++;
        continue;
      }
      if (nf) rl_engine_file_delete(nf);
      free(nt);
      nf = tf, nt = tt, nlen = tl, napplied = ok.n;
    }
    RL_VEC_FREE(ok);
  } else if (!nf) {
    run->rejected++;
  }
  RL_VEC_FREE(picks);
  if (!nf) return false;
  run->applied += napplied;
  free(t->cur);
  t->cur = nt;
  t->clen = nlen;
  rl_engine_file_delete(files[i]);
  files[i] = nf;
  return true;
}

/* Writes file f's fixed text: only over the bytes that were analysed,
 * never through a symbolic link. */
static bool rl_fix__write(const RlSession *s, RlEngineFile *f, const RlFixText *t) {
  struct stat st;
  if (lstat(f->abs_path, &st) != 0) {
    rl_engine_notice(f, true, "not fixed: %s", strerror(errno));
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    rl_engine_notice(f, true, "not fixed: not a regular file (a symbolic link is not written "
                              "through)");
    return false;
  }
  char *now = NULL;
  size_t nlen = 0;
  int err = 0;
  bool same = rl_read_file(f->abs_path, s->max_file_size, &now, &nlen, &err) == RL_READ_OK &&
              nlen == t->olen && memcmp(now, t->orig, nlen) == 0;
  free(now);
  if (!same) {
    rl_engine_notice(f, true, "not fixed: the file changed while it was being fixed");
    return false;
  }
  int rc = rl_outfile_write(f->abs_path, t->cur, t->clen, st.st_mode & 07777);
  if (rc) rl_engine_notice(f, true, "not fixed: cannot write: %s", strerror(rc));
  return rc == 0;
}

bool rl_fix_run(const RlSession *s, RlEngineFile **files, const RlFileSettings *settings,
                uint32_t n, RlFixRun *run) {
  uint32_t rounds = run->max_rounds ? run->max_rounds : 10;
  RlFixText *texts = rl_calloc(n + 1, sizeof *texts);
  RlWorker *w = rl_worker_new(s);
  rl_engine_project(s, files, n);
  rl_suppress_apply(s, files, n);
  for (uint32_t r = 0; r < rounds; r++) {
    bool changed = false;
    for (uint32_t i = 0; i < n; i++)
      if (rl_fix__round(s, w, files, settings, i, &texts[i], run)) changed = true;
    if (!changed) break;
    rl_engine_project(s, files, n);
    rl_suppress_apply(s, files, n);
  }
  rl_worker_delete(w);
  bool any = false;
  for (uint32_t i = 0; i < n; i++) {
    RlFixText *t = &texts[i];
    bool fixed = t->cur && (t->clen != t->olen || memcmp(t->cur, t->orig, t->olen) != 0);
    if (fixed) {
      any = true;
      run->files++;
      if (run->diff) rl_fix_diff(run->diff, files[i]->rel_path, t->orig, t->olen, t->cur, t->clen);
      if (run->write && !run->stdin_text && !rl_fix__write(s, files[i], t)) run->failed++;
    }
    if (run->write && run->stdin_text && run->stdin_out) { /* the fixed text, or the text */
      if (fixed) fwrite(t->cur, 1, t->clen, run->stdin_out);
      else fwrite(run->stdin_text, 1, run->stdin_len, run->stdin_out);
    }
    free(t->orig);
    free(t->cur);
  }
  free(texts);
  return any;
}
