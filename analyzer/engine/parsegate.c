/* parsegate.c - lowers C findings that follow a parse error to `note` and
 * says once per run what was analysed without its build's setup (see
 * parsegate.h). Works on the findings' lines: the front end gives a file's
 * first error, and after a fatal one (a header not found) clang reports no
 * more, so every function from the first error on is taken to be
 * incomplete. */
#include "parsegate.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "rule_api.h"
#include "util.h"

#define RL_PARSEGATE_MAX_HEADERS 6

static bool rl_parsegate__lowered(const RlEngineFile *f, const RlDiag *d) {
  return f->lang == RL_LANG_C && f->incomplete_line && d->loc.line >= f->incomplete_line &&
         strcmp(d->rule->id, "parse-error") != 0;
}

void rl_parsegate_apply(RlEngineFile **files, uint32_t n) {
  for (uint32_t i = 0; i < n; i++)
    for (uint32_t j = 0; j < files[i]->diags.n; j++) {
      RlDiag *d = files[i]->diags.v[j];
      if (d->severity > RL_SEV_NOTE && rl_parsegate__lowered(files[i], d))
        d->severity = RL_SEV_NOTE;
    }
}

/* The header name in "'x.h' file not found", or NULL. */
static char *rl_parsegate__missing(const char *msg) {
  const char *e = msg ? strstr(msg, "' file not found") : NULL;
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

typedef struct RlGateCount {
  uint32_t nfind, nfunc, nfile; /* lowered findings, their functions and files */
  uint32_t nsetup;              /* files analysed without some of their setup */
  uint32_t nheaders, more;      /* headers named, and how many more were missing */
  char *headers;
} RlGateCount;

static void rl_parsegate__header(RlGateCount *c, const char *missing) {
  char *h = rl_parsegate__missing(missing);
  if (!h) return;
  bool seen = false;
  for (const char *p = c->headers; (p = strstr(p, h)) && !seen; p++) {
    size_t hl = strlen(h);
    seen = (p == c->headers || p[-1] == ' ') && (p[hl] == ',' || p[hl] == 0);
  }
  if (!seen && c->nheaders < RL_PARSEGATE_MAX_HEADERS) {
    char *t = rl_asprintf("%s%s%s", c->headers, c->nheaders ? ", " : "", h);
    free(c->headers);
    c->headers = t;
    c->nheaders++;
  } else if (!seen) {
    c->more++;
  }
  free(h);
}

static void rl_parsegate__file(RlGateCount *c, const RlEngineFile *f) {
  if (f->lang != RL_LANG_C || !f->incomplete_line) return;
  if (f->setup_incomplete) c->nsetup++;
  if (f->missing_header) rl_parsegate__header(c, f->missing_header);
  uint32_t before = c->nfind;
  for (uint32_t j = 0; j < f->diags.n; j++) {
    const RlDiag *d = f->diags.v[j];
    if (!rl_parsegate__lowered(f, d) || d->rule->severity == RL_SEV_NOTE) continue;
    c->nfind++;
    bool seen = false; /* a function counted once per file */
    for (uint32_t k = 0; k < j && !seen; k++) {
      const RlDiag *o = f->diags.v[k];
      seen = rl_parsegate__lowered(f, o) && o->rule->severity != RL_SEV_NOTE &&
             strcmp(o->func, d->func) == 0;
    }
    if (!seen) c->nfunc++;
  }
  if (c->nfind != before) c->nfile++;
}

char *rl_parsegate_summary(RlEngineFile *const *files, uint32_t n) {
  RlGateCount c = {0};
  c.headers = rl_strdup("");
  for (uint32_t i = 0; i < n; i++) rl_parsegate__file(&c, files[i]);
  char *out = NULL;
  if (c.nsetup || c.nfind) {
    char *setup =
        c.nsetup ? rl_asprintf("%u C file%s analysed without some of %s build's headers or "
                               "macros%s%s%s%s, so findings in %s may be missing; ",
                               c.nsetup, c.nsetup == 1 ? " was" : "s were",
                               c.nsetup == 1 ? "its" : "their", c.nheaders ? " (not found: " : "",
                               c.headers, c.more ? ", ..." : "", c.nheaders ? ")" : "",
                               c.nsetup == 1 ? "it" : "them")
                 : rl_strdup("");
    char *lowered =
        c.nfind ? rl_asprintf("%u finding%s in %u function%s of %u file%s reported as notes: "
                              "they follow a parse error, so the parser may have dropped code; ",
                              c.nfind, c.nfind == 1 ? "" : "s", c.nfunc, c.nfunc == 1 ? "" : "s",
                              c.nfile, c.nfile == 1 ? "" : "s")
                : rl_strdup("");
    out = rl_asprintf("%s%sgive the build's flags: a compile_commands.json at the root or in "
                      "build/ (CMake: -DCMAKE_EXPORT_COMPILE_COMMANDS=ON; make: bear -- make), "
                      "--compile-commands PATH, or -I/-D",
                      setup, lowered);
    free(setup);
    free(lowered);
  }
  free(c.headers);
  return out;
}
