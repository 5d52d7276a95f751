/* config.h - .racelint.json: rules on/off and severity, per-path overrides,
 * ignore globs, C and JS options.
 *
 * Each file uses the closest .racelint.json in its directory or above (up to
 * the filesystem root); a config may name an explicit parent with
 * "extends". There is no implicit merging with configs further up (as in
 * ruff). --config FILE uses one config for every file. CLI flags override
 * configs. A typo in a key, a rule name or a value is an error naming the
 * file, the key and the nearest valid name.
 *
 * Presets: "extends": "racelint:recommended" (what no config means) or
 * "racelint:strict" (also the rules whose RlRule.strict is set); a preset
 * names no file. The nearest preset in the extends chain applies. */
#ifndef RL_ANALYZER_CONFIG_H_
#define RL_ANALYZER_CONFIG_H_

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "compdb.h"

#include "session.h"

typedef struct RlConfig RlConfig;
typedef struct RlConfigSet RlConfigSet;

/* Per-file effective settings (what rules see through the engine). */
typedef struct RlFileSettings {
  bool enabled[RL_MAX_RULES];
  RlSeverity severity[RL_MAX_RULES];
  bool severity_set[RL_MAX_RULES];
  const RlConfig *config; /* NULL: defaults only */
  bool strict;            /* the config chain extends "racelint:strict" */
  bool narrow[RL_MAX_RULES]; /* on for its default shapes only (RlRule.narrow_default) */
  int8_t context;         /* an override's "context" (RlFileContext); -1: by path */
} RlFileSettings;

/* A set of loaded configs, cached by directory. `forced` is the --config
 * file or NULL for discovery. Errors are collected in the set. */
RlConfigSet *rl_configset_new(const RlSession *s, const char *forced);
void rl_configset_delete(RlConfigSet *self);
/* The config that applies to abs_path (NULL: none). */
const RlConfig *rl_configset_for(RlConfigSet *self, const char *abs_path);
/* Number of errors so far; their messages (each names file and key). */
uint32_t rl_configset_nerrors(const RlConfigSet *self);
const char *rl_configset_error(const RlConfigSet *self, uint32_t i);

/* Effective settings for abs_path under config c (may be NULL), starting
 * from the session's rule defaults; `cli` holds --enable/--disable given on
 * the command line (-1 unset, 0 off, 1 on) and wins. */
void rl_config_settings(const RlSession *s, const RlConfig *c, const char *abs_path,
                        const int8_t *cli, RlFileSettings *out);
/* Does glob g, relative to directory dir, match abs_path? The "ignore"
 * syntax: a glob without a slash matches a file or directory name anywhere
 * below dir, `**` spans directories, "vendor/" is everything under it. */
bool rl_glob_match(const char *dir, const char *g, const char *abs_path);
/* The kind of code a path is by its name alone: a test (*.test.*,
 * *.spec.*, *.test-d.*, or a test/, tests/, __tests__/, __mocks__/, spec/
 * directory), a script (scripts/, script/, bin/), else library code. */
RlFileContext rl_config_context_of(const char *path);
/* rl_config_context_of for abs_path relative to the directory of the root
 * of c's extends chain, else to the working directory, else `rel` (the
 * path below the scan root; NULL: abs_path): a checkout under ~/tests/ is
 * not a test. */
RlFileContext rl_config_context(const RlConfig *c, const char *abs_path, const char *rel);
/* Is abs_path ignored by c's "ignore" globs (or an override's)? */
bool rl_config_ignored(const RlConfig *c, const char *abs_path);
/* Extra clang arguments (-I/-D) of c; NULL-terminated; owned by c. */
const char *const *rl_config_c_args(const RlConfig *c, uint32_t *n);
/* The compile_commands.json named by c.compileCommands (loaded with the
 * config), or NULL. */
const RlCompDb *rl_config_compdb(const RlConfig *c);
/* Wrapper functions declared in c (c.lockFunctions ...). */
bool rl_config_wrapper(const RlConfig *c, RlWrapKind kind, const char *fn, uint32_t *arg);
/* JS names declared in c (js.promiseFunctions, js.mutexApis). */
bool rl_config_js_name(const RlConfig *c, int which, const char *name);
const char *rl_config_path(const RlConfig *c);
/* A hash of c's file and its parents' (part of cache keys). */
uint64_t rl_config_hash(const RlConfig *c);

/* Writes the effective config for abs_path as JSON (--print-config). */
void rl_config_print(const RlSession *s, const RlConfig *c, const char *abs_path,
                     const int8_t *cli, FILE *out);

#endif
