/* diag.h - the findings model shared by the engine, the emitters and the LSP
 * server: locations, findings (RlDiag), notices about files, and the result
 * of a whole run (RlRun). Emitters and lsp.c include only this header.
 *
 * Ownership: every string and array reachable from an RlDiag is owned by the
 * file result that produced it (engine.h) and lives until that result is
 * deleted; emitters only read. */
#ifndef RL_ANALYZER_DIAG_H_
#define RL_ANALYZER_DIAG_H_

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef enum RlSeverity {
  RL_SEV_NONE = 0, /* only as a --fail-on threshold: never fail */
  RL_SEV_NOTE = 1,
  RL_SEV_WARNING = 2,
  RL_SEV_ERROR = 3,
} RlSeverity;

typedef enum RlCategory {
  RL_CAT_CONCURRENCY = 0,
  RL_CAT_CORRECTNESS,
  RL_CAT_SECURITY,
} RlCategory;

/* A source range. Lines are 1-based; `col` counts bytes from 1, `col_cp`
 * counts Unicode code points from 1 (invalid bytes count one each). The end
 * is exclusive. `start`/`end` are byte offsets into the file. */
typedef struct RlLoc {
  uint32_t line, col, end_line, end_col;
  uint32_t col_cp, end_col_cp;
  uint32_t start, end;
} RlLoc;

struct RlRule;

typedef struct RlRelated {
  const char *path;      /* display path */
  const char *rel_path;  /* relative to the run root (for SARIF) */
  RlLoc loc;
  const char *msg;
} RlRelated;

/* A mechanical change that fixes (or silences) a finding: byte ranges of
 * the analysed text, non-overlapping, to be replaced by `text`. `loc` is
 * the same range as lines and columns (loc.line 0: not known), for the
 * reports that give positions (JSON, SARIF). */
typedef struct RlEdit {
  uint32_t start, end; /* byte offsets */
  const char *text;
  RlLoc loc;
} RlEdit;

typedef enum RlFixSafety {
  RL_FIX_SAFE = 0,   /* keeps the meaning */
  RL_FIX_UNSAFE,     /* may change behaviour (e.g. serial -> parallel) */
  RL_FIX_SUGGESTION, /* never applied automatically */
} RlFixSafety;

typedef struct RlFix {
  const char *title;
  RlFixSafety safety;
  RlEdit *edits;
  uint32_t nedits;
} RlFix;

typedef struct RlDiag {
  const struct RlRule *rule;
  RlSeverity severity;
  const char *path;      /* display path, as the file was named on the command line */
  const char *rel_path;  /* relative to the run root, '/'-separated */
  RlLoc loc;
  const char *msg;       /* what is wrong and what can interleave */
  const char *hint;      /* what to do: names the runtime primitive */
  const char *func;      /* enclosing function, "" at top level */
  const char *line_text; /* the source line of loc.line, without newline */
  RlRelated *related;
  uint32_t nrelated;
  char fingerprint[17];  /* 16 hex digits, see rl_diag_fingerprints() */
  char base[17];         /* the fingerprint without the occurrence index */
  const char *baseline;  /* NULL, "new" or "unchanged" (with --baseline) */
  const char *line_hash; /* GitHub's primaryLocationLineHash, or NULL (linehash.h) */
  RlFix *fixes;          /* offered by the rule (editor quick fixes) */
  uint32_t nfixes;
  const char *suppressed; /* NULL, or the justification of the suppression */
} RlDiag;

/* A message about a file or the run that is not a finding: skipped files,
 * unreadable paths, bad compile_commands.json, libclang trouble. */
typedef struct RlNotice {
  const char *path; /* may be NULL */
  const char *msg;
  bool is_error;    /* errors make the exit status 2 */
} RlNotice;

/* Everything an emitter needs. Arrays are sorted by (path, line, col, rule). */
typedef struct RlRun {
  const char *tool_version;
  const char *root;          /* absolute path of the run root */
  const struct RlRule *const *rules; /* the rules that ran, in id order */
  uint32_t nrules;
  RlDiag **diags;            /* reported findings */
  uint32_t ndiags;
  RlDiag **suppressed;       /* findings silenced in source */
  uint32_t nsuppressed;
  RlNotice *notices;
  uint32_t nnotices;
  uint32_t files_scanned;
  RlDiag **baselined;        /* findings hidden because the baseline has them */
  uint32_t nbaselined;
  bool baseline;             /* --baseline given: SARIF baselineState */
  bool color;                /* text: ANSI colour */
  bool quiet;                /* text: no summary, no notes */
} RlRun;

/* Severity names as users type them: "note", "warning", "error", "none". */
/* Adds to d the edit "replace [start, end) with text" of its fix titled
 * `title`, creating that fix (with `safety`) on first use. `loc` (may be
 * NULL) is the range as lines and columns. Strings are copied into `a`,
 * which must be the arena that owns d. */
struct RlArena;
void rl_fix_add(struct RlArena *a, RlDiag *d, const char *title, RlFixSafety safety,
                uint32_t start, uint32_t end, const char *text, const RlLoc *loc);
/* rl_fix_add on a list of fixes *fixes[0..*n) (a finding's, a fact's). */
void rl_fix_list_add(struct RlArena *a, RlFix **fixes, uint32_t *n, const char *title,
                     RlFixSafety safety, uint32_t start, uint32_t end, const char *text,
                     const RlLoc *loc);

const char *rl_severity_name(RlSeverity s);
/* Parses a severity name; returns false on an unknown name. */
bool rl_severity_parse(const char *s, RlSeverity *out);

/* Sorts findings by (rel_path, line, col, rule id, message). Deterministic
 * whatever order the workers finished in. */
void rl_diag_sort(RlDiag **v, uint32_t n);
/* Fills each finding's fingerprint: a hash of the rule id, the relative path,
 * the whitespace-normalised flagged line, the enclosing function and the
 * occurrence index among findings with the same four; line numbers are not
 * part of it, so it survives unrelated edits. `v` must be sorted. */
void rl_diag_fingerprints(RlDiag **v, uint32_t n);

/* The rule's markdown doc (embedded at build time), or NULL. */
const char *rl_rule_doc(const char *id);
/* The documentation URL for a rule id; caller frees. */
char *rl_doc_url(const char *rule_id);

/* Section - emitters (emit_*.c). Each writes the whole run to `out`. */
void rl_emit_text(const RlRun *run, FILE *out);
void rl_emit_json(const RlRun *run, FILE *out);
void rl_emit_sarif(const RlRun *run, FILE *out);
void rl_emit_github(const RlRun *run, FILE *out);

#endif
