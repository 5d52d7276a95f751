/* engine.h - analysis of one file (phase 1) and of the project (phase 2).
 *
 * Phase 1, rl_engine_analyze(), runs on a worker: read, parse, record the
 * standard facts, run each enabled rule's callbacks, free the tree. What
 * survives is an RlEngineFile (file.h): findings, facts, notices. Phase 2,
 * rl_engine_project(), runs once on one thread over every file's facts and
 * appends cross-file findings. The CLI and the LSP server share both. */
#ifndef RL_ANALYZER_ENGINE_H_
#define RL_ANALYZER_ENGINE_H_

#include "arena.h"
#include "config.h"
#include "diag.h"
#include "rule_api.h"
#include "session.h"
#include "file.h"
#include "suppress.h"

typedef struct RlWorker RlWorker;

/* Language of a path by extension, RL_LANG_NONE if not ours. */
RlLang rl_engine_lang_of(const char *path);

/* Per-thread state: parsers and the libclang index. */
RlWorker *rl_worker_new(const RlSession *session);
void rl_worker_delete(RlWorker *self);

/* Phase 1 on one file. `text` NULL reads the file from disk; otherwise
 * text[0..len) is analysed as the contents of `path` (editors, stdin).
 * `settings` (may be NULL: the session's) must outlive the result.
 * Returns a new result (never NULL); free with rl_engine_file_delete(). */
RlEngineFile *rl_engine_analyze(RlWorker *w, const char *path, const char *rel_path,
                                const char *abs_path, const char *text, size_t len,
                                const RlFileSettings *settings);
struct RlJsTree;
/* rl_engine_analyze for a document the caller keeps parsing: for JS/TS,
 * *tree (may be NULL) is the previous syntax tree, already edited to match
 * `text`, and is replaced by the new one (the caller owns it). */
RlEngineFile *rl_engine_analyze_doc(RlWorker *w, const char *path, const char *rel_path,
                                    const char *abs_path, const char *text, size_t len,
                                    const RlFileSettings *settings, struct RlJsTree **tree);
/* Is rule `idx` on for f (its settings, else the session)? */
bool rl_engine_enabled(const RlSession *s, const RlEngineFile *f, uint32_t idx);
/* Is the rule named `id` on for some of the files (each by its own
 * settings: a folder's config may turn on what the session's default has
 * off, or off what it has on)? False for an unknown id. */
bool rl_engine_any_enabled(const RlSession *s, RlEngineFile *const *files, uint32_t n,
                           const char *id);
void rl_engine_file_delete(RlEngineFile *self);

/* Phase 2: runs every enabled rule's project() over the files' facts.
 * Each file's `diags` is rebuilt from its phase-1 findings, then cross-file
 * findings are appended to the file they point into. It may run again on
 * the same files (the editor server does, after every change). */
void rl_engine_project(const RlSession *session, RlEngineFile **files, uint32_t n);
/* Resolves bare import `spec` (a package) of the file at `from_abs` to the
 * absolute path of one of the project's files, or NULL. `ctx` is the
 * caller's; the result is owned by it. */
typedef const char *(*RlEngineResolveBare)(const void *ctx, const char *from_abs,
                                           const char *spec);
/* rl_engine_project where files[] also holds the declaration files of
 * packages (scan/pkgtypes.c) and `resolve` (may be NULL) maps a bare
 * import to the entry among them, for rl_project_resolve. The engine sits
 * below the package lookup: the caller gives it as a callback. */
void rl_engine_project_pkgs(const RlSession *session, RlEngineFile **files, uint32_t n,
                            RlEngineResolveBare resolve, const void *ctx);
/* Phase 1 on a package's declaration file (.d.ts), as TypeScript, facts
 * only when `off` turns every rule off; rel_path is also its display path.
 * Returns a new result (never NULL); free with rl_engine_file_delete(). */
RlEngineFile *rl_engine_analyze_types(RlWorker *w, const char *abs_path, const char *rel_path,
                                      const RlFileSettings *off);

/* After phase 2 (suppress_apply.c): moves suppressed findings of every
 * file from f->diags to f->suppressed, and reports unused or malformed
 * suppressions. */
void rl_suppress_apply(const RlSession *s, RlEngineFile **files, uint32_t n);

/* Starts a finding of the engine-raised rule `id` (parse-error,
 * unused-suppression) at loc; NULL when the rule is off. */
RlDiag *rl_engine_report(const RlSession *s, RlEngineFile *f, const char *id, RlLoc loc,
                         const char *line_text, const char *msg);

/* A parse-error finding in cx's file at offset: "syntax error: detail;
 * ..." or, when msg is given, msg as it is (the languages, lang.h). */
void rl_engine_parse_error(RlCtx *cx, uint32_t offset, const char *detail, const char *msg);

/* Adds a notice to a file result (message is copied). */
void rl_engine_notice(RlEngineFile *f, bool is_error, const char *fmt, ...)
    RL_PRINTF(3, 4);

#endif
