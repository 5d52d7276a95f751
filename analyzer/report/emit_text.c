/* emit_text.c - gcc/clang-style text output:
 *   path:line:col: warning: message [rule-id]
 *      12 |   source line
 *         |   ^~~~~
 *   path:line:col: note: related message
 *     fix: hint
 * File names and source are printed with control characters and escape
 * sequences made visible, so a hostile file cannot drive the terminal. */
#include <string.h>

#include "diag.h"
#include "emit_util.h"
#include "rule_api.h"
#include "util.h"

#define RL_C_BOLD "\033[1m"
#define RL_C_RED "\033[1;31m"
#define RL_C_MAGENTA "\033[1;35m"
#define RL_C_CYAN "\033[1;36m"
#define RL_C_GREEN "\033[1;32m"
#define RL_C_RESET "\033[0m"

/* Writes s[0..n) with control bytes and invalid UTF-8 made visible
 * (emit_util.h). */
static void rl_text__esc(FILE *out, const char *s, size_t n, bool keep_tab) {
  rl_emit_term_escape(out, s, n, keep_tab);
}

static void rl_text__s(FILE *out, const char *s) { rl_text__esc(out, s, strlen(s), false); }

static const char *rl_text__color(RlSeverity s) {
  return s == RL_SEV_ERROR ? RL_C_RED : s == RL_SEV_WARNING ? RL_C_MAGENTA : RL_C_CYAN;
}

static void rl_text__snippet(FILE *out, const RlDiag *d, bool color) {
  const char *line = d->line_text ? d->line_text : "";
  size_t n = strlen(line);
  if (!n) return;
  fprintf(out, "%5u | ", d->loc.line);
  rl_text__esc(out, line, n, true);
  fputc('\n', out);
  fputs("      | ", out);
  /* pad with spaces (tabs kept) up to the column, in code points */
  size_t col = d->loc.col ? d->loc.col - 1 : 0;
  if (col > n) col = n;
  for (size_t i = 0; i < col;) {
    if (line[i] == '\t') fputc('\t', out);
    else if (((unsigned char)line[i] & 0xC0) != 0x80) fputc(' ', out);
    i++;
  }
  uint32_t width = 1;
  if (d->loc.end_line == d->loc.line && d->loc.end_col > d->loc.col) {
    size_t e = d->loc.end_col - 1 < n ? d->loc.end_col - 1 : n;
    width = rl_utf8_codepoints(line + col, e - col);
  } else {
    width = rl_utf8_codepoints(line + col, n - col);
  }
  if (width == 0) width = 1;
  if (width > 120) width = 120;
  if (color) fputs(RL_C_GREEN, out);
  fputc('^', out);
  for (uint32_t i = 1; i < width; i++) fputc('~', out);
  if (color) fputs(RL_C_RESET, out);
  fputc('\n', out);
}

void rl_emit_text(const RlRun *run, FILE *out) {
  bool color = run->color;
  uint32_t count[4] = {0};
  for (uint32_t i = 0; i < run->ndiags; i++) {
    const RlDiag *d = run->diags[i];
    count[d->severity]++;
    if (color) fputs(RL_C_BOLD, out);
    rl_text__s(out, d->path);
    fprintf(out, ":%u:%u: ", d->loc.line, d->loc.col);
    if (color) fputs(rl_text__color(d->severity), out);
    fprintf(out, "%s:", rl_severity_name(d->severity));
    if (color) fputs(RL_C_RESET RL_C_BOLD, out);
    fputc(' ', out);
    rl_text__s(out, d->msg);
    fprintf(out, " [%s]", d->rule->id);
    if (color) fputs(RL_C_RESET, out);
    fputc('\n', out);
    rl_text__snippet(out, d, color);
    for (uint32_t j = 0; j < d->nrelated; j++) {
      const RlRelated *r = &d->related[j];
      if (color) fputs(RL_C_BOLD, out);
      rl_text__s(out, r->path);
      fprintf(out, ":%u:%u: ", r->loc.line, r->loc.col);
      if (color) fputs(RL_C_CYAN, out);
      fputs("note:", out);
      if (color) fputs(RL_C_RESET, out);
      fputc(' ', out);
      rl_text__s(out, r->msg);
      fputc('\n', out);
    }
    if (d->hint && *d->hint) {
      fputs("  fix: ", out);
      rl_text__s(out, d->hint);
      fputc('\n', out);
    }
  }
  if (run->quiet) return;
  if (run->ndiags || run->nsuppressed) fputc('\n', out);
  fprintf(out, "%u finding%s (%u error%s, %u warning%s, %u note%s) in %u file%s", run->ndiags,
          run->ndiags == 1 ? "" : "s", count[RL_SEV_ERROR], count[RL_SEV_ERROR] == 1 ? "" : "s",
          count[RL_SEV_WARNING], count[RL_SEV_WARNING] == 1 ? "" : "s", count[RL_SEV_NOTE],
          count[RL_SEV_NOTE] == 1 ? "" : "s", run->files_scanned,
          run->files_scanned == 1 ? "" : "s");
  if (run->nsuppressed) fprintf(out, "; %u suppressed", run->nsuppressed);
  if (run->baseline) fprintf(out, "; %u in the baseline", run->nbaselined);
  fputc('\n', out);
}
