/* suppress.h - in-source suppression comments.
 *
 *   // racelint-disable-next-line <id>[, <id>] -- <reason>
 *   code();  // racelint-disable-line <id> -- <reason>
 *   racelint-disable <id> ... racelint-enable <id>   (in block comments: a range)
 *   // racelint-disable-file <id> -- <reason>
 *
 * ESLint's own directives (`eslint-disable-next-line`, `eslint-disable-line`,
 * `eslint-disable` ... `eslint-enable`) naming a typescript-eslint rule that
 * a racelint rule mirrors (@typescript-eslint/no-floating-promises,
 * @typescript-eslint/no-misused-promises, promise/catch-or-return) suppress
 * that racelint rule too; they are the project's comments for another
 * tool, so they are never reported unused (nids 0).
 *
 * The rule id is required. Comments are parsed per file in phase 1; they are
 * applied after phase 2, so cross-file findings can be suppressed too. A
 * suppression that silenced nothing (for an enabled rule), names no rule or
 * names an unknown rule is reported as `unused-suppression`. */
#ifndef RL_ANALYZER_SUPPRESS_H_
#define RL_ANALYZER_SUPPRESS_H_

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "util.h"

typedef enum RlSuppKind {
  RL_SUPP_NEXT_LINE,
  RL_SUPP_LINE,
  RL_SUPP_RANGE, /* from disable to the matching enable (or end of file) */
  RL_SUPP_FILE,
} RlSuppKind;

typedef struct RlSuppression {
  RlSuppKind kind;
  uint32_t first, last; /* lines covered (1-based, inclusive) */
  RlLoc loc;            /* the comment's marker, for unused-suppression */
  const char *line_text;
  const char *id;       /* one rule id per entry ("" when missing) */
  const char *reason;   /* text after "--", or "" */
  bool used;
  /* The fix of unused-suppression: the bytes that delete the comment
   * (its line when it stands alone), what replaces them, and how many
   * rule ids the comment names (deleted only when all are unused; 0: an
   * ESLint directive, never reported unused nor deleted); for
   * a range, the same for the enable comment that closes it (0: none). */
  uint32_t nids, en_nids;
  RlEdit del, en; /* en.text NULL: no enable comment */
} RlSuppression;

typedef RL_VEC(RlSuppression) RlSuppressions;

/* Appends the suppression comments of src to out (strings in keep). */
void rl_suppress_parse(RlArena *keep, RlSuppressions *out, const char *src, size_t len);

/* Applying them to findings after phase 2: rl_suppress_apply (engine.h). */

#endif
