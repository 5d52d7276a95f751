/* pkgtypes.h - the declaration files (.d.ts) of the packages a JS/TS
 * project imports, read so that phase 2 knows what their exported
 * functions, classes and interfaces declare (analyzer/scan/pkgtypes.c).
 *
 * Only what the scanned files import is read: each bare specifier is
 * resolved the way Node and TypeScript do it (node_modules up the
 * directory tree, package.json `exports` "types" conditions, `types`/
 * `typings`, `main` with .d.ts, index.d.ts, then @types/<name>), and the
 * declaration files those entries import or re-export, within a cap on
 * files and bytes. node_modules is never scanned as source. */
#ifndef RL_ANALYZER_PKGTYPES_H_
#define RL_ANALYZER_PKGTYPES_H_

#include <stdint.h>

#include "engine.h"

typedef struct RlPkgTypes RlPkgTypes;

/* Caps of one run (files read, bytes read, one file's size). A larger
 * file is skipped: such .d.ts are generated protocol dumps made of
 * namespaces, which are not read (devtools-protocol's 724 KiB
 * protocol.d.ts took a third of puppeteer-core's cold time). */
#define RL_PKGTYPES_MAX_FILES 1500u
#define RL_PKGTYPES_MAX_BYTES (24u << 20)
#define RL_PKGTYPES_MAX_FILE (256u << 10)

/* Reads the declaration files for the bare imports of files[0..n) on
 * `jobs` worker threads, facts only (no rule runs on them). Returns a new
 * set (never NULL); free with rl_pkgtypes_delete(). */
RlPkgTypes *rl_pkgtypes_load(const RlSession *s, uint32_t jobs, RlEngineFile *const *files,
                             uint32_t n);
/* Frees the set and the results it read. NULL is a no-op. */
void rl_pkgtypes_delete(RlPkgTypes *self);

/* The declaration files read, as engine results, to append to the
 * project's files for phase 2. Owned by `self`; *n their count. */
RlEngineFile **rl_pkgtypes_files(const RlPkgTypes *self, uint32_t *n);

/* The absolute path of the .d.ts that bare specifier `spec` imported from
 * the file at `from_abs` resolves to, or NULL (not a package, not found,
 * not read). Owned by `self`. `self` may be NULL. */
const char *rl_pkgtypes_entry(const RlPkgTypes *self, const char *from_abs, const char *spec);
/* rl_pkgtypes_entry as the engine's bare-import lookup
 * (RlEngineResolveBare, engine.h): `self` is the RlPkgTypes (may be NULL). */
const char *rl_pkgtypes_resolve(const void *self, const char *from_abs, const char *spec);

/* One message for the whole run saying which package types were not found
 * or not read and what that costs, or NULL when there is nothing to say.
 * Owned by `self`. */
const char *rl_pkgtypes_notice(const RlPkgTypes *self);

/* Counts for --statistics: packages imported (not Node built-ins),
 * packages whose types were found, files read, files skipped as larger
 * than RL_PKGTYPES_MAX_FILE. */
void rl_pkgtypes_counts(const RlPkgTypes *self, uint32_t *imported, uint32_t *found,
                        uint32_t *files, uint32_t *big);

/* A digest of what files[0..n) may ask packages about: each JS/TS file's
 * path, its imports and re-exports, the types its classes and interfaces
 * extend, and the facts of the rules that ask (floating-promise,
 * callback-promise-mix), without their positions. rl_pkgtypes_load on
 * files with the same digest reads the same declaration files (while
 * node_modules stays as it is), so the editor server keeps its set across
 * edits that change none of these. */
uint64_t rl_pkgtypes_questions(const RlSession *s, RlEngineFile *const *files, uint32_t n);

#endif
