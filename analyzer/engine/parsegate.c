/* parsegate.c - lowers C findings that follow a parse error to `note` and
 * summarises what was lowered (see parsegate.h). Works on the findings'
 * lines: the front end reports a file's first error, and after a fatal one
 * (a header not found) clang reports no more, so every function from the
 * first error on is taken to be incomplete. */
#include "parsegate.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "rule_api.h"
#include "util.h"

/* The file's parse-error finding (the first), or NULL. */
static const RlDiag *rl_parsegate__error(const RlEngineFile *f) {
  if (f->lang != RL_LANG_C) return NULL;
  for (uint32_t i = 0; i < f->diags.n; i++)
    if (strcmp(f->diags.v[i]->rule->id, "parse-error") == 0) return f->diags.v[i];
  return NULL;
}

static bool rl_parsegate__lowered(const RlDiag *d, const RlDiag *pe) {
  return d != pe && strcmp(d->rule->id, "parse-error") != 0 && d->loc.line >= pe->loc.line;
}

void rl_parsegate_apply(RlEngineFile **files, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    const RlDiag *pe = rl_parsegate__error(files[i]);
    if (!pe) continue;
    for (uint32_t j = 0; j < files[i]->diags.n; j++) {
      RlDiag *d = files[i]->diags.v[j];
      if (d->severity > RL_SEV_NOTE && rl_parsegate__lowered(d, pe)) d->severity = RL_SEV_NOTE;
    }
  }
}

/* The header name in "'x.h' file not found", or NULL. */
static char *rl_parsegate__missing(const char *msg) {
  const char *e = strstr(msg, "' file not found");
  if (!e) return NULL;
  const char *b = e;
  while (b > msg && b[-1] != '\'') b--;
  if (b == msg) return NULL;
  size_t len = (size_t)(e - b);
  char *s = rl_malloc(len + 1);
  memcpy(s, b, len);
  s[len] = 0;
  return s;
}

char *rl_parsegate_summary(RlEngineFile *const *files, uint32_t n) {
  uint32_t nfind = 0, nfunc = 0, nfile = 0;
  char *headers = rl_strdup("");
  uint32_t nheaders = 0;
  for (uint32_t i = 0; i < n; i++) {
    const RlDiag *pe = rl_parsegate__error(files[i]);
    if (!pe) continue;
    uint32_t before = nfind;
    for (uint32_t j = 0; j < files[i]->diags.n; j++) {
      const RlDiag *d = files[i]->diags.v[j];
      if (!rl_parsegate__lowered(d, pe) || d->rule->severity == RL_SEV_NOTE) continue;
      nfind++;
      bool seen = false; /* a function counted once per file */
      for (uint32_t k = 0; k < j && !seen; k++) {
        const RlDiag *o = files[i]->diags.v[k];
        seen = rl_parsegate__lowered(o, pe) && o->rule->severity != RL_SEV_NOTE &&
               strcmp(o->func, d->func) == 0;
      }
      if (!seen) nfunc++;
    }
    if (nfind == before) continue;
    nfile++;
    char *h = rl_parsegate__missing(pe->msg);
    if (h && !strstr(headers, h) && nheaders < 8) {
      char *t = rl_asprintf("%s%s%s", headers, nheaders ? ", " : "", h);
      free(headers);
      headers = t;
      nheaders++;
    }
    free(h);
  }
  char *out = NULL;
  if (nfind)
    out = rl_asprintf("%u finding%s in %u function%s of %u file%s reported as notes: they "
                      "follow a parse error, so the parser may have dropped code%s%s%s",
                      nfind, nfind == 1 ? "" : "s", nfunc, nfunc == 1 ? "" : "s", nfile,
                      nfile == 1 ? "" : "s", nheaders ? "; headers not found: " : "", headers,
                      nheaders ? " (give their directories with -I, or --compile-commands)"
                               : " (give the build's flags with -I/-D or --compile-commands)");
  free(headers);
  return out;
}
