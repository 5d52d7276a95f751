/* suppress_apply.c - applying suppression comments (suppress.h) to the
 * findings of a project after phase 2: moving suppressed findings aside,
 * and reporting unused or malformed suppressions (with the fix that deletes
 * the comment). Declared in engine.h (rl_suppress_apply). */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "suppress.h"

/* unused-suppression's fix: delete the comment of supps[j] (and the
 * enable comment closing its range) when every rule id it names is
 * unused, by a rule enabled for f; only then does deleting it change no
 * finding. Comments have no behaviour: the fix is safe. */
static void rl_suppress__offer_delete(const RlSession *s, RlEngineFile *f, uint32_t j,
                                      RlDiag *d) {
  const RlSuppression *sp = &f->supps.v[j];
  if (!d || sp->del.end <= sp->del.start || !sp->del.text) return;
  uint32_t lo = j, hi = j + 1, unused = 0;
  while (lo > 0 && f->supps.v[lo - 1].loc.start == sp->loc.start) lo--;
  while (hi < f->supps.n && f->supps.v[hi].loc.start == sp->loc.start) hi++;
  for (uint32_t k = lo; k < hi; k++) {
    const RlSuppression *o = &f->supps.v[k];
    int idx = *o->id ? rl_session_rule_index(s, o->id) : -1;
    if (o->used || idx < 0 || !rl_engine_enabled(s, f, (uint32_t)idx)) return;
    if (o->kind == RL_SUPP_RANGE && o->en_nids > 1) return; /* the enable names others */
    unused++;
  }
  if (unused != sp->nids) return;
  const char *title = "Remove the unused suppression comment";
  rl_fix_add(&f->proj, d, title, RL_FIX_SAFE, sp->del.start, sp->del.end, sp->del.text,
             &sp->del.loc);
  if (sp->kind == RL_SUPP_RANGE && sp->en.text && sp->en_nids == 1)
    rl_fix_add(&f->proj, d, title, RL_FIX_SAFE, sp->en.start, sp->en.end, sp->en.text,
               &sp->en.loc);
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

/* Section - matching. Single-line suppressions (next-line, line) are found
 * through a hash on (rule id, line): a file with 100,000 of them and as many
 * findings costs linear time. Range and file suppressions are few in
 * practice and are scanned. The first matching comment in source order
 * wins, as before. */

typedef struct RlSuppIndex {
  uint32_t *slot; /* index + 1 into f->supps; 0 = empty */
  uint32_t mask;
} RlSuppIndex;

static uint32_t rl_suppress__hash(const char *id, uint32_t line) {
  return (uint32_t)rl_hash_bytes(rl_hash_str(RL_FNV_INIT, id), &line, sizeof line);
}

/* The slot for (id, line): holds the first single-line suppression of it. */
static uint32_t *rl_suppress__slot(const RlSuppIndex *ix, const RlEngineFile *f, const char *id,
                                   uint32_t line) {
  for (uint32_t i = rl_suppress__hash(id, line) & ix->mask;; i = (i + 1) & ix->mask) {
    uint32_t k = ix->slot[i];
    if (!k) return &ix->slot[i];
    const RlSuppression *sp = &f->supps.v[k - 1];
    if (sp->first == line && strcmp(sp->id, id) == 0) return &ix->slot[i];
  }
}

void rl_suppress_apply(const RlSession *s, RlEngineFile **files, uint32_t n) {
  for (uint32_t fi = 0; fi < n; fi++) {
    RlEngineFile *f = files[fi];
    if (!f->supps.n) continue;
    RlSuppIndex ix;
    uint32_t cap = 16;
    while (cap < 2u * f->supps.n + 1) cap *= 2;
    ix.slot = rl_calloc(cap, sizeof *ix.slot);
    ix.mask = cap - 1;
    RL_VEC(uint32_t) wide = {0}; /* ranges and whole-file ones, in order */
    for (uint32_t j = 0; j < f->supps.n; j++) {
      const RlSuppression *sp = &f->supps.v[j];
      if (sp->first != sp->last) {
        RL_VEC_PUSH(wide, j);
        continue;
      }
      uint32_t *slot = rl_suppress__slot(&ix, f, sp->id, sp->first);
      if (!*slot) *slot = j + 1;
    }
    uint32_t k = 0;
    for (uint32_t i = 0; i < f->diags.n; i++) {
      RlDiag *d = f->diags.v[i];
      RlSuppression *hit = NULL;
      uint32_t at = *rl_suppress__slot(&ix, f, d->rule->id, d->loc.line);
      if (at) hit = &f->supps.v[at - 1];
      for (uint32_t w = 0; w < wide.n && wide.v[w] < (at ? at - 1 : UINT32_MAX); w++) {
        RlSuppression *sp = &f->supps.v[wide.v[w]];
        if (d->loc.line >= sp->first && d->loc.line <= sp->last &&
            strcmp(sp->id, d->rule->id) == 0) {
          hit = sp;
          break;
        }
      }
      if (hit) {
        hit->used = true;
        d->suppressed = hit->reason;
        RL_VEC_PUSH(f->suppressed, d);
      } else {
        f->diags.v[k++] = d;
      }
    }
    free(ix.slot);
    RL_VEC_FREE(wide);
    f->diags.n = k;
    for (uint32_t j = 0; j < f->supps.n; j++) {
      RlSuppression *sp = &f->supps.v[j];
      if (sp->used || sp->nids == 0) continue; /* nids 0: an ESLint directive */
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
      RlDiag *d = rl_engine_report(s, f, "unused-suppression", sp->loc, sp->line_text, msg);
      if (*sp->id && rl_session_rule_index(s, sp->id) >= 0) rl_suppress__offer_delete(s, f, j, d);
    }
  }
}
