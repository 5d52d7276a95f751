/* emit_github.c - GitHub Actions workflow commands, one per finding:
 *   ::warning file=src/a.js,line=3,col=5,endLine=3,endColumn=9,title=...::msg
 * Every value printed is escaped, in annotations and in the plain log lines
 * alike (file names and messages come from the scanned repository, and a
 * line of theirs starting with "::" would be a workflow command): as
 * @actions/core escapes them, data gets %, CR, LF encoded, property values
 * also ':' and ','; other control characters are encoded too. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "rule_api.h"
#include "util.h"

static void rl_github__esc(FILE *out, const char *s, bool property) {
  RlBuf b = {0};
  rl_utf8_repair(&b, s, strlen(s));
  for (const char *p = rl_buf_cstr(&b); *p; p++) {
    switch (*p) {
    case '%': fputs("%25", out); break;
    case '\r': fputs("%0D", out); break;
    case '\n': fputs("%0A", out); break;
    case ':': if (property) fputs("%3A", out); else fputc(':', out); break;
    case ',': if (property) fputs("%2C", out); else fputc(',', out); break;
    default:
      if ((unsigned char)*p < 0x20 || *p == 0x7f) fprintf(out, "%%%02X", (unsigned char)*p);
      else fputc(*p, out);
    }
  }
  rl_buf_free(&b);
}

/* GitHub shows at most 10 error and 10 warning annotations per step (and
 * 10 notices); more are dropped silently, so racelint prints the rest as
 * plain log lines and says how many. */
#define RL_GITHUB_PER_LEVEL 10

static void rl_github__annotation(FILE *out, const RlDiag *d, const char *level) {
  fprintf(out, "::%s file=", level);
  rl_github__esc(out, d->rel_path, true);
  fprintf(out, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=", d->loc.line, d->loc.col_cp,
          d->loc.end_line, d->loc.end_col_cp);
  rl_github__esc(out, d->rule->id, true);
  fputs("::", out);
  char *msg = d->hint && *d->hint ? rl_asprintf("%s\n\nFix: %s", d->msg, d->hint)
                                  : rl_strdup(d->msg);
  rl_github__esc(out, msg, false);
  free(msg);
  fputc('\n', out);
}

void rl_emit_github(const RlRun *run, FILE *out) {
  static const char *const levels[] = {NULL, "notice", "warning", "error"};
  uint32_t left_out = 0;
  /* errors first, then warnings, then notes */
  for (int sev = RL_SEV_ERROR; sev >= RL_SEV_NOTE; sev--) {
    uint32_t shown = 0;
    for (uint32_t i = 0; i < run->ndiags; i++) {
      const RlDiag *d = run->diags[i];
      if ((int)d->severity != sev) continue;
      if (shown < RL_GITHUB_PER_LEVEL) {
        rl_github__annotation(out, d, levels[sev]);
        shown++;
        continue;
      }
      left_out++;
      /* a plain log line: the path first, with ':' encoded, so that no
       * line can start with "::" */
      rl_github__esc(out, d->rel_path, true);
      fprintf(out, ":%u:%u: %s: ", d->loc.line, d->loc.col, rl_severity_name(d->severity));
      rl_github__esc(out, d->msg, false);
      fputs(" [", out);
      rl_github__esc(out, d->rule->id, false);
      fputs("]\n", out);
    }
  }
  if (left_out)
    fprintf(out,
            "::notice title=racelint::%u more finding%s not shown as annotations (GitHub shows "
            "at most %d per level and step); they are listed above, and all are in the SARIF "
            "report\n",
            left_out, left_out == 1 ? "" : "s", RL_GITHUB_PER_LEVEL);
}
