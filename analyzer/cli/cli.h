/* cli.h - what the command line's files share: the options as parsed
 * (RlCli), the scan, and RlMain, everything one run holds, from the options
 * to the exit status. options.c parses the command line into it; main.c
 * runs the steps of a scan over it. */
#ifndef RL_ANALYZER_CLI_H_
#define RL_ANALYZER_CLI_H_

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "baseline.h"
#include "config.h"
#include "diag.h"
#include "discover.h"
#include "engine.h"
#include "session.h"
#include "util.h"

typedef enum RlFormat { RL_FMT_TEXT, RL_FMT_JSON, RL_FMT_SARIF, RL_FMT_GITHUB } RlFormat;

typedef struct RlCli {
  RlFormat format;
  const char *config;       /* --config */
  const char *print_config; /* --print-config */
  const char *baseline, *write_baseline, *changed_since;
  bool prune_baseline, verbose, no_cache;
  const char *cache_dir;
  int8_t rules[RL_MAX_RULES]; /* --enable/--disable: -1 unset, 0 off, 1 on */
  const char *output;
  RlSeverity fail_on;
  uint32_t jobs;
  const char *compile_commands;
  const char *stdin_filename;
  const char *root;
  int color; /* -1 auto (FORCE_COLOR, NO_COLOR, a terminal), 0 never, 1 always */
  bool quiet, follow_symlinks, exit_zero, statistics;
  long max_warnings; /* --max-warnings: -1 no limit */
  const char *excludes[64]; /* --exclude globs, relative to the cwd */
  uint32_t nexcludes;
} RlCli;

typedef struct RlScan {
  RlDiscovery *disc;
  RlFileSettings *settings;
  RlEngineFile **results;
  bool progress;
} RlScan;

/* Everything one command-line run holds, from the options to the exit
 * status. Lives on main()'s stack; each step below reads and fills it. */
typedef struct RlMain {
  RlCli cli;
  RlSession s;
  bool bad, list, parse_only;
  const char *explain;
  const char *const *paths;
  int npaths;
  RlConfigSet *configs;
  RlDiscovery disc;
  RlScan scan;
  uint32_t nfiles;
  char *stdin_text;
  size_t stdin_len;
  RL_VEC(RlDiag *) diags;
  RL_VEC(RlDiag *) suppressed;
  RL_VEC(RlDiag *) baselined;
  RL_VEC(RlNotice) notices;
  uint32_t scanned;
  RlBaseline *bl;
  bool write_failed;
  char **changed; /* --changed-since: the changed files, sorted (owned) */
  uint32_t nchanged;
  struct timespec t0; /* for --statistics */
  /* --fix, --unsafe-fixes, --diff, --fix-only (fix.h) */
  bool fix, unsafe_fixes, diff, fix_only_set;
  int8_t fix_only[RL_MAX_RULES];
  bool fixed_any; /* --diff: something to fix */
  struct RlPkgTypes *pkgs; /* packages' declaration files (pkgtypes.h) */
} RlMain;

/* Parses argv into `m` (options.c, through a table of options). Returns -1
 * to go on, else the exit status (0 after --help/--version, 2 on a usage
 * error). */
int rl_options_parse(RlMain *m, int argc, char **argv);
/* --list-rules and --explain. Returns -1 when neither was asked for, else
 * the exit status. */
int rl_options_info(RlMain *m);

#endif
