/* file.h - RlEngineFile, what phase 1 leaves of one file (findings,
 * facts, notices, the C parse's completeness) and phase 2, suppression
 * and the cache read and add to. Only the record: the engine that fills
 * it is engine.h; the cache (cache.h) and the parse gate (parsegate.h)
 * use the record without the engine, so the engine's folder has no
 * include cycle. */
#ifndef RL_ANALYZER_FILE_H_
#define RL_ANALYZER_FILE_H_

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "config.h"
#include "diag.h"
#include "rule_api.h"
#include "suppress.h"

/* A file a result depends on besides its own text (a C header). */
typedef struct RlDep {
  const char *path;
  int64_t size, mtime_ns;
} RlDep;

typedef struct RlEngineFile {
  char *path;     /* display path */
  char *rel_path; /* relative to the run root */
  char *abs_path;
  RlLang lang;
  RlArena keep;   /* owns every string below */
  RlArena proj;   /* what phase 2 and suppression add; reset when they rerun */
  RL_VEC(RlDiag *) local; /* phase-1 findings: fixed once the file is analysed */
  RL_VEC(RlDiag *) diags; /* local + phase 2, rebuilt by rl_engine_project */
  RL_VEC(RlDiag *) suppressed;          /* moved here by rl_suppress_apply */
  RlSuppressions supps;                 /* suppression comments (suppress.h) */
  RL_VEC(RlFact) facts;
  RL_VEC(RlNotice) notices;
  RL_VEC(struct RlDep) deps; /* C: headers the translation unit included */
  const RlFileSettings *settings; /* per-file rules and options (borrowed; NULL: session) */
  bool analyzed;  /* parsed and checked (false: skipped or failed) */
  bool parse_error; /* the parser found a syntax error or gave up (not set from the cache) */
  /* C: the line from which the parse is incomplete (the first error in the
   * file; 1 when a header it includes had one), 0: complete. Findings
   * from it on are lowered to notes (parsegate.h). */
  uint32_t incomplete_line;
  /* C: the first error came from the setup, not the file: a header not
   * found, an undeclared name or type a header or -D would give, or a
   * header parsed on its own. No parse-error finding then; the run says
   * once how many files were analysed so (parsegate.h). */
  bool setup_incomplete;
  const char *missing_header; /* C: the first header not found (in `keep`), or NULL */
  /* C: skipped because no libclang could be loaded; why (in `keep`). The
   * CLI counts these files in one notice. */
  const char *no_libclang;
  bool phase2;    /* phase 1 is over: new findings go to `proj` */
  uint64_t content_hash;
} RlEngineFile;

#endif
