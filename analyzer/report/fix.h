/* fix.h - the mechanical fixes findings carry, from the rule that offers
 * them to the file they are written to.
 *
 * This module owns: which fixes a run may apply (applicability, --unsafe-fixes,
 * --fix-only), applying a fix's edits to a text, the unified diff of a
 * fixed text, and the --fix / --diff loop: apply, re-analyse, repeat
 * until nothing is left to fix (bounded), never keep a round that adds a
 * parse error, write each file once, atomically (outfile.h).
 *
 * The fix model itself (RlFix, RlEdit, RlFixSafety) lives in diag.h with
 * the findings: emitters and the LSP render it and include nothing else.
 * Edits are byte ranges of the text as analysed: a BOM is blanked there,
 * never shifted, so offsets are those of the file's bytes; everything
 * outside the edits is copied byte for byte (line endings, encoding). */
#ifndef RL_ANALYZER_FIX_H_
#define RL_ANALYZER_FIX_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "diag.h"
#include "engine.h"
#include "session.h"

/* Section - building */

/* rl_fix_add (adding an edit to a finding's fix) is in diag.h. */

/* "safe", "unsafe" or "suggestion": the applicability as JSON, SARIF and
 * the docs spell it. */
const char *rl_fix_safety_name(RlFixSafety s);

/* Section - choosing */

typedef struct RlFixPolicy {
  bool unsafe;        /* --unsafe-fixes: unsafe fixes too, of every enabled rule */
  const int8_t *only; /* --fix-only: only[rule index] != 0 may fix; NULL: any */
} RlFixPolicy;

/* The fix of d the policy applies (the first one that qualifies), or
 * NULL. Without --unsafe-fixes only safe fixes qualify, and of those
 * only the fixes of rules that met the precision targets (a table in
 * fix.c; on by default for the file's language) unless --fix-only names
 * the rule (also one off by default). With --unsafe-fixes the safe and
 * unsafe fixes of every enabled rule qualify. Suggestions never do. */
const RlFix *rl_fix_pick(const RlSession *s, const RlFixPolicy *p, const RlDiag *d);

/* Does plain --fix (no --fix-only, no --unsafe-fixes) leave d's safe fix
 * only because d's rule has not met the precision targets? The caller
 * says so once (how many, and the flag that applies them). */
bool rl_fix_held(const RlSession *s, const RlFixPolicy *p, const RlDiag *d);

/* Do two fixes' edits overlap (an exact repeat of an edit does not)? Such
 * fixes cannot be applied together. */
bool rl_fix_overlaps(const RlFix *a, const RlFix *b);

/* Section - applying */

/* text[0..len) with edits[0..n) applied (their order does not matter; an
 * edit repeated exactly is applied once). Returns a new NUL-terminated
 * buffer (caller frees) and its length in *out_len, or NULL when two
 * edits overlap or one is out of range (nothing is applied then). When
 * text starts with a UTF-8 BOM, no edit removes or precedes it. */
char *rl_fix_apply(const char *text, size_t len, const RlEdit *edits, uint32_t n,
                   size_t *out_len);

/* Writes the unified diff (3 lines of context) from a[0..alen) to
 * b[0..blen) to out, with headers "--- a/<path>" and "+++ b/<path>", so
 * that `patch -p1` applies it from the directory `path` is relative to.
 * Writes nothing when the texts are equal. Lines keep their own line
 * endings; a last line without one gets "\ No newline at end of file". */
void rl_fix_diff(FILE *out, const char *path, const char *a, size_t alen, const char *b,
                 size_t blen);

/* Section - the --fix / --diff loop */

typedef struct RlFixRun {
  RlFixPolicy policy;
  bool write;          /* --fix: write the fixed files; false: --diff */
  FILE *diff;          /* --diff: where the diff goes */
  FILE *stdin_out;     /* the file read from stdin: its fixed text goes here (--fix) */
  const char *stdin_text; /* that file's text (NULL: files are read from disk) */
  size_t stdin_len;
  uint32_t max_rounds; /* 0: 10 */
  /* results */
  uint32_t applied;   /* fixes applied (over every round) */
  uint32_t files;     /* files whose text changed */
  uint32_t rejected;  /* fixes dropped because the result did not parse */
  uint32_t failed;    /* files that could not be read back or written */
} RlFixRun;

/* The --fix / --diff loop over an analysed project. Runs phase 2 and the
 * suppressions on files[0..n), then per round: in every file, the fixes
 * the policy picks (the first per finding, skipping one whose edits
 * overlap an earlier pick) are applied to the file's current text and
 * the file is analysed again from that text; a round that gives a file a
 * parse error its original text did not have is retried one fix at a
 * time, and a fix that still breaks the parse is dropped. Then phase 2
 * and the suppressions again, and the next round, until a round changes
 * nothing or max_rounds. Finally each changed file is written (write:
 * atomically, never through a symbolic link, only when it still holds
 * the text that was analysed) or its diff printed.
 *
 * files[i] is replaced by the analysis of its final text (the old result
 * deleted), so the caller reports what is left; settings[i] are the
 * files' settings (borrowed, as in rl_engine_analyze; settings NULL: the
 * session's). Problems become
 * notices of the file. Returns true when something was (or, with --diff,
 * would be) fixed. */
bool rl_fix_run(const RlSession *s, RlEngineFile **files, const RlFileSettings *settings,
                uint32_t n, RlFixRun *run);

#endif
