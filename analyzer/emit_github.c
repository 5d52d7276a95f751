/* emit_github.c - GitHub Actions workflow commands, one per finding:
 *   ::warning file=src/a.js,line=3,col=5,endLine=3,endColumn=9,title=...::msg
 * Escaped as @actions/core escapes them: data gets %, CR, LF encoded;
 * property values also ':' and ','. */
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
    default: fputc(*p, out);
    }
  }
  rl_buf_free(&b);
}

void rl_emit_github(const RlRun *run, FILE *out) {
  for (uint32_t i = 0; i < run->ndiags; i++) {
    const RlDiag *d = run->diags[i];
    const char *level = d->severity == RL_SEV_ERROR     ? "error"
                        : d->severity == RL_SEV_WARNING ? "warning"
                                                        : "notice";
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
}
