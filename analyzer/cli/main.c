/* main.c - the racelint command line: options, discovery, the two phases,
 * output and exit status (0 clean, 1 findings at or above --fail-on,
 * 2 usage/config/internal error). `racelint lsp` is the editor server. */
#include <errno.h>
#include <getopt.h>
#include <git2.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "baseline.h"
#include "cache.h"
#include "catalog.h"
#include "cworker.h"
#include "emit_util.h"
#include "outfile.h"
#include "diag.h"
#include "discover.h"
#include "engine.h"
#include "fix.h"
#include "incdisc.h"
#include "parsegate.h"
#include "linehash.h"
#include "lsp.h"
#include "scheduler.h"
#include "session.h"
#include "suppress.h"
#include "util.h"

#ifndef RL_VERSION
#define RL_VERSION "0.0.0-dev"
#endif

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

static void rl_main__usage(FILE *out) {
  fputs(
      "usage: racelint [options] [path ...]\n"
      "       racelint lsp [--config FILE]\n"
      "\n"
      "Finds concurrency bugs in C and JavaScript/TypeScript. Paths default to '.';\n"
      "directories are searched for .c .h .js .mjs .cjs .jsx .ts .mts .cts .tsx files,\n"
      "skipping node_modules, .git and what .gitignore ignores.\n"
      "\n"
      "Output:\n"
      "  --format FMT            text (default), json, sarif or github\n"
      "  -o, --output FILE       write the report to FILE instead of stdout\n"
      "  --fail-on LEVEL         exit 1 on findings at or above LEVEL: error, warning\n"
      "                          (default), note, none\n"
      "  --exit-zero             exit 0 even with findings (errors still exit 2)\n"
      "  --max-warnings N        exit 1 when there are more than N warnings; warnings\n"
      "                          and notes no longer fail on their own (as ESLint)\n"
      "  --color[=WHEN]          colour: auto (default), always, never; auto uses\n"
      "                          colour on a terminal unless NO_COLOR is set, and\n"
      "                          FORCE_COLOR=1 (or 0) overrides the terminal check\n"
      "  --no-color              same as --color=never\n"
      "  -q, --quiet             findings only: no summary, no skipped-file notes\n"
      "  --statistics            also print the count of findings per rule and the\n"
      "                          run's time (text: after the report; else stderr)\n"
      "Configuration:\n"
      "  --config FILE           use FILE for every file instead of the closest\n"
      "                          .racelint.json\n"
      "  --print-config FILE     print the effective configuration for FILE and exit\n"
      "CI gate:\n"
      "  --baseline FILE         report only findings that are not in FILE\n"
      "  --write-baseline FILE   record today's findings in FILE (exit 0); the report\n"
      "                          is written only with --output\n"
      "  --prune-baseline        with --baseline: drop entries that no longer occur\n"
      "  --changed-since REF     analyse everything, report only files changed since\n"
      "                          the git revision REF (committed, staged, unstaged,\n"
      "                          untracked)\n"
      "  -v, --verbose           also list baseline entries that no longer occur\n"
      "Fixes:\n"
      "  --fix                   apply the safe fixes of the rules on by default to\n"
      "                          the files, then report what is left\n"
      "  --unsafe-fixes          with --fix or --diff: unsafe fixes too (they change\n"
      "                          behaviour: review them), of every enabled rule\n"
      "  --diff                  print the fixes as a unified diff (patch -p1 from the\n"
      "                          --root) and change nothing; exit 1 if any\n"
      "  --fix-only RULE[,RULE]  fix only these rules' findings (implies --fix\n"
      "                          unless --diff; safe fixes only without\n"
      "                          --unsafe-fixes); --fix re-analyses after each round\n"
      "                          and never writes a file its fixes would break\n"
      "Rules:\n"
      "  --enable RULE[,RULE]    turn rules on\n"
      "  --disable RULE[,RULE]   turn rules off\n"
      "  --list-rules            list the rules and exit\n"
      "  --explain RULE          print a rule's documentation and exit\n"
      "Scanning:\n"
      "  -j, --jobs N            worker threads (default: number of CPUs)\n"
      "  --compile-commands PATH compile_commands.json (default: found at the scan\n"
      "                          root or in build/)\n"
      "  -I DIR, -D NAME[=VAL]   extra C include dirs and macros\n"
      "  --stdin-filename NAME   read the source from stdin, as if it were NAME\n"
      "  --max-file-size SIZE    skip larger files (default 8M; K/M/G suffixes)\n"
      "  --parse-timeout MS      give up parsing a file after MS milliseconds\n"
      "                          (default 10000 for JS/TS, 20000 for C; 0 = no limit)\n"
      "  --c-memory-limit SIZE   address space of the C parser process (default 2G;\n"
      "                          0 = no limit); a file needing more is not analysed\n"
      "  --follow-symlinks       follow symbolic links (with loop detection)\n"
      "  --exclude GLOB          skip files matching GLOB (repeatable; the syntax of\n"
      "                          .racelint.json \"ignore\", relative to the current\n"
      "                          directory unless absolute: 'test', '**/*.spec.ts',\n"
      "                          'vendor/')\n"
      "  --cache-dir DIR         keep per-file results in DIR (default\n"
      "                          $XDG_CACHE_HOME/racelint or ~/.cache/racelint)\n"
      "  --no-cache              analyse every file afresh\n"
      "  --root DIR              SARIF, JSON and baseline paths are relative to DIR\n"
      "                          (default: the top of the git work tree holding the\n"
      "                          first path, else that path, or its folder for a\n"
      "                          file); text output shows paths as given\n"
      "  --version, -h, --help\n"
      "\n"
      "Files: besides .gitignore, racelint skips node_modules, .git, vendored and\n"
      "generated bundles (.yarn/, vendor/, third_party/, dist/, build/, coverage/\n"
      "folders, *.min.js, *.bundle.js, ...; see README) and what a\n"
      ".racelintignore (gitignore syntax) lists; a path given as an argument is\n"
      "searched all the same.\n"
      "\n"
      "Exit status: 0 no findings at or above --fail-on, 1 findings, 2 error (also\n"
      "when the paths hold no file to analyse, except with --changed-since).\n",
      out);
}

static const RlRule *rl_main__nearest_rule(const char *id) {
  const RlRule *best = NULL;
  size_t bd = (size_t)-1;
  for (uint32_t i = 0; i < rl_nrules; i++) {
    size_t d = rl_levenshtein(id, rl_rules[i]->id);
    if (d < bd) bd = d, best = rl_rules[i];
  }
  return bd <= 4 ? best : NULL;
}

static bool rl_main__set_rules(RlSession *s, int8_t *cli, const char *list, bool on) {
  char *copy = rl_strdup(list), *save = NULL;
  bool ok = true;
  for (char *id = strtok_r(copy, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
    while (*id == ' ') id++;
    int i = rl_session_rule_index(s, id);
    if (i < 0) {
      const RlRule *near = rl_main__nearest_rule(id);
      fprintf(stderr, "racelint: unknown rule '%s'%s%s%s (see --list-rules)\n", id,
              near ? "; did you mean '" : "", near ? near->id : "", near ? "'?" : "");
      ok = false;
      continue;
    }
    cli[i] = on;
  }
  free(copy);
  return ok;
}

static bool rl_main__size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s) return false;
  if (*end == 'K' || *end == 'k') v <<= 10, end++;
  else if (*end == 'M' || *end == 'm') v <<= 20, end++;
  else if (*end == 'G' || *end == 'g') v <<= 30, end++;
  if (*end == 'B' || *end == 'b') end++;
  if (*end || v == 0 || v > (1ull << 32)) return false;
  *out = (size_t)v;
  return true;
}

static void rl_main__list_rules(const RlSession *s) {
  printf("%-22s %-8s %-8s %s\n", "RULE", "DEFAULT", "LANG", "SUMMARY");
  for (uint32_t i = 0; i < s->nrules; i++) {
    const RlRule *r = s->rules[i];
    unsigned langs = r->langs; /* the inline check's, and each extra check's */
    for (uint32_t k = 0; k < r->nchecks; k++) langs |= r->checks[k]->langs;
    const char *lang = (langs & RL_LANG_C) && (langs & RL_LANG_JSTS) ? "c,js,ts"
                       : (langs & RL_LANG_C)                        ? "c"
                                                                    : "js,ts";
    char def[32];
    snprintf(def, sizeof def, "%s%s",
             r->off_by_default ? "off" : r->strict ? "strict" : rl_severity_name(r->severity),
             !r->off_by_default && !r->strict && (r->strict_langs & RL_LANG_C) ? " (c: strict)" : "");
    printf("%-22s %-8s %-8s %s\n", r->id, def, lang, r->title);
  }
}

static void rl_main__progress(uint32_t done, uint32_t total, void *ctx) {
  RlScan *scan = ctx;
  if (!scan->progress) return;
  if (done % 32 == 0 || done == total) fprintf(stderr, "\r[%u/%u] files", done, total);
}

static void rl_main__analyze_one(RlWorker *w, uint32_t i, void *ctx) {
  RlScan *scan = ctx;
  RlFileEntry *e = &scan->disc->files.v[i];
  scan->results[i] =
      rl_engine_analyze(w, e->path, e->rel_path, e->abs_path, NULL, 0, &scan->settings[i]);
}

/* Loads a compile_commands.json into the session; problems become notices. */
static void rl_main__compdb(RlSession *s, const char *path, bool explicit_path,
                            RlDiscovery *disc) {
  char *err = NULL, *warn = NULL;
  s->compdb = rl_compdb_load(path, &err, &warn);
  if (!s->compdb) {
    RlNotice n = {rl_strdup(path), rl_asprintf("%s; C files are parsed with default flags",
                                                err),
                  explicit_path};
    RL_VEC_PUSH(disc->notices, n);
  }
  if (warn) {
    char *save = NULL;
    for (char *line = strtok_r(warn, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
      RlNotice n = {NULL, rl_asprintf("compile_commands.json: %s", line), false};
      RL_VEC_PUSH(disc->notices, n);
    }
  }
  free(err);
  free(warn);
}

static char *rl_main__find_compdb(const char *root, const char *const *paths, int npaths) {
  for (int i = 0; i <= npaths; i++) {
    const char *dir = i < npaths ? paths[i] : root;
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) continue;
    const char *cands[] = {"compile_commands.json", "build/compile_commands.json"};
    for (int k = 0; k < 2; k++) {
      char *p = rl_path_join(dir, cands[k]);
      if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) return p;
      free(p);
    }
  }
  return NULL;
}

static int rl_main__cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads stdin, bounded like a file (--max-file-size): the heap text
 * (NUL-terminated, *len bytes; caller frees), or NULL when stdin holds more
 * than `max` bytes (nothing kept, the rest not read). */
static char *rl_main__read_stdin(size_t max, size_t *len) {
  RlBuf b = {0};
  char tmp[65536];
  size_t n;
  while ((n = fread(tmp, 1, sizeof tmp, stdin)) > 0) {
    if (n > max - b.len) {
      rl_buf_free(&b);
      *len = 0;
      return NULL;
    }
    rl_buf_put(&b, tmp, n);
  }
  rl_buf_cstr(&b);
  *len = b.len;
  return b.data;
}

/* Section - option parsing (a table) */

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
} RlMain;

/* What an option handler tells the parser. */
typedef enum RlOptResult {
  RL_OPT_NEXT, /* go on */
  RL_OPT_BAD,  /* a usage error (already printed): exit 2 after parsing */
  RL_OPT_DONE, /* handled completely (--help, --version): exit 0 now */
} RlOptResult;

/* One command-line option: its long name (NULL: short only), its short
 * letter (0: long only), whether it takes a value, and its handler. */
typedef struct RlOptSpec {
  const char *name;
  char short_name;
  int has_arg;
  RlOptResult (*apply)(RlMain *m, const char *arg);
} RlOptSpec;

static RlOptResult rl_main__opt_format(RlMain *m, const char *arg) {
  if (strcmp(arg, "text") == 0) m->cli.format = RL_FMT_TEXT;
  else if (strcmp(arg, "json") == 0) m->cli.format = RL_FMT_JSON;
  else if (strcmp(arg, "sarif") == 0) m->cli.format = RL_FMT_SARIF;
  else if (strcmp(arg, "github") == 0) m->cli.format = RL_FMT_GITHUB;
  else {
    fprintf(stderr, "racelint: unknown format '%s' (text, json, sarif, github)\n", arg);
    return RL_OPT_BAD;
  }
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_output(RlMain *m, const char *arg) {
  m->cli.output = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_fail_on(RlMain *m, const char *arg) {
  if (!rl_severity_parse(arg, &m->cli.fail_on)) {
    fprintf(stderr, "racelint: --fail-on takes error, warning, note or none, not '%s'\n", arg);
    return RL_OPT_BAD;
  }
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_enable(RlMain *m, const char *arg) {
  return rl_main__set_rules(&m->s, m->cli.rules, arg, true) ? RL_OPT_NEXT : RL_OPT_BAD;
}

static RlOptResult rl_main__opt_disable(RlMain *m, const char *arg) {
  return rl_main__set_rules(&m->s, m->cli.rules, arg, false) ? RL_OPT_NEXT : RL_OPT_BAD;
}

static RlOptResult rl_main__opt_jobs(RlMain *m, const char *arg) {
  char *end;
  long v = strtol(arg, &end, 10);
  if (*end || v < 1 || v > 1024) {
    fprintf(stderr, "racelint: --jobs takes a number from 1 to 1024, not '%s'\n", arg);
    return RL_OPT_BAD;
  }
  m->cli.jobs = (uint32_t)v;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_compile_commands(RlMain *m, const char *arg) {
  m->cli.compile_commands = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_include(RlMain *m, const char *arg) {
  char *a = rl_asprintf("-I%s", arg);
  rl_session_add_c_arg(&m->s, a);
  free(a);
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_define(RlMain *m, const char *arg) {
  char *a = rl_asprintf("-D%s", arg);
  rl_session_add_c_arg(&m->s, a);
  free(a);
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_list_rules(RlMain *m, const char *arg) {
  (void)arg;
  m->list = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_explain(RlMain *m, const char *arg) {
  m->explain = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_stdin_filename(RlMain *m, const char *arg) {
  m->cli.stdin_filename = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_no_color(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.color = 0;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_color(RlMain *m, const char *arg) {
  if (!arg || strcmp(arg, "always") == 0) m->cli.color = 1;
  else if (strcmp(arg, "never") == 0) m->cli.color = 0;
  else if (strcmp(arg, "auto") == 0) m->cli.color = -1;
  else {
    fprintf(stderr, "racelint: --color takes auto, always or never, not '%s'\n", arg);
    return RL_OPT_BAD;
  }
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_max_warnings(RlMain *m, const char *arg) {
  char *end;
  errno = 0;
  long v = strtol(arg, &end, 10);
  if (errno || end == arg || *end || v < -1) {
    fprintf(stderr, "racelint: --max-warnings takes a number (-1: no limit), not '%s'\n", arg);
    return RL_OPT_BAD;
  }
  m->cli.max_warnings = v;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_statistics(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.statistics = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_quiet(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.quiet = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_version(RlMain *m, const char *arg) {
  (void)m, (void)arg;
  printf("racelint %s\n", RL_VERSION);
  return RL_OPT_DONE;
}

static RlOptResult rl_main__opt_help(RlMain *m, const char *arg) {
  (void)m, (void)arg;
  rl_main__usage(stdout);
  return RL_OPT_DONE;
}

static RlOptResult rl_main__opt_max_file_size(RlMain *m, const char *arg) {
  if (!rl_main__size(arg, &m->s.max_file_size)) {
    fprintf(stderr, "racelint: bad --max-file-size '%s' (e.g. 500K, 8M)\n", arg);
    return RL_OPT_BAD;
  }
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_follow_symlinks(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.follow_symlinks = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_exclude(RlMain *m, const char *arg) {
  if (!*arg) {
    fprintf(stderr, "racelint: --exclude takes a glob, not an empty string\n");
    return RL_OPT_BAD;
  }
  if (m->cli.nexcludes == RL_COUNTOF(m->cli.excludes)) {
    fprintf(stderr, "racelint: more than %zu --exclude globs; use \"ignore\" in "
                    ".racelint.json\n", RL_COUNTOF(m->cli.excludes));
    return RL_OPT_BAD;
  }
  m->cli.excludes[m->cli.nexcludes++] = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_root(RlMain *m, const char *arg) {
  m->cli.root = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_parse_only(RlMain *m, const char *arg) {
  (void)arg;
  m->parse_only = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_exit_zero(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.exit_zero = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_config(RlMain *m, const char *arg) {
  m->cli.config = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_parse_timeout(RlMain *m, const char *arg) {
  char *end;
  long long ms = strtoll(arg, &end, 10);
  if (*end || ms < 0 || ms > 86400000LL) {
    fprintf(stderr, "racelint: --parse-timeout takes milliseconds, not '%s'\n", arg);
    return RL_OPT_BAD;
  }
  m->s.parse_timeout_us = (uint64_t)ms * 1000u;
  m->s.c_timeout_ms = (uint64_t)ms;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_c_memory_limit(RlMain *m, const char *arg) {
  size_t v = 0;
  if (strcmp(arg, "0") != 0 && (!rl_main__size(arg, &v) || v < (256u << 20))) {
    fprintf(stderr, "racelint: bad --c-memory-limit '%s' (e.g. 2G; at least 256M, or 0)\n",
            arg);
    return RL_OPT_BAD;
  }
  m->s.c_memory_limit = v;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_cache_dir(RlMain *m, const char *arg) {
  m->cli.cache_dir = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_no_cache(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.no_cache = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_print_config(RlMain *m, const char *arg) {
  m->cli.print_config = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_baseline(RlMain *m, const char *arg) {
  m->cli.baseline = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_write_baseline(RlMain *m, const char *arg) {
  m->cli.write_baseline = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_prune_baseline(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.prune_baseline = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_changed_since(RlMain *m, const char *arg) {
  m->cli.changed_since = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_verbose(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.verbose = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_fix(RlMain *m, const char *arg) {
  (void)arg;
  m->fix = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_unsafe_fixes(RlMain *m, const char *arg) {
  (void)arg;
  m->unsafe_fixes = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_diff(RlMain *m, const char *arg) {
  (void)arg;
  m->diff = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_main__opt_fix_only(RlMain *m, const char *arg) {
  if (!m->fix_only_set) memset(m->fix_only, 0, sizeof m->fix_only);
  m->fix_only_set = true;
  return rl_main__set_rules(&m->s, m->fix_only, arg, true) ? RL_OPT_NEXT : RL_OPT_BAD;
}

/* The options, in --help order. A new option is one line here, one
 * handler above and its --help text in rl_main__usage(). */
static const RlOptSpec rl_main__opts[] = {
    {"format", 0, required_argument, rl_main__opt_format},
    {"output", 'o', required_argument, rl_main__opt_output},
    {"fail-on", 0, required_argument, rl_main__opt_fail_on},
    {"exit-zero", 0, no_argument, rl_main__opt_exit_zero},
    {"max-warnings", 0, required_argument, rl_main__opt_max_warnings},
    {"color", 0, optional_argument, rl_main__opt_color},
    {"no-color", 0, no_argument, rl_main__opt_no_color},
    {"quiet", 'q', no_argument, rl_main__opt_quiet},
    {"statistics", 0, no_argument, rl_main__opt_statistics},
    {"config", 0, required_argument, rl_main__opt_config},
    {"print-config", 0, required_argument, rl_main__opt_print_config},
    {"baseline", 0, required_argument, rl_main__opt_baseline},
    {"write-baseline", 0, required_argument, rl_main__opt_write_baseline},
    {"prune-baseline", 0, no_argument, rl_main__opt_prune_baseline},
    {"changed-since", 0, required_argument, rl_main__opt_changed_since},
    {"verbose", 'v', no_argument, rl_main__opt_verbose},
    {"fix", 0, no_argument, rl_main__opt_fix},
    {"unsafe-fixes", 0, no_argument, rl_main__opt_unsafe_fixes},
    {"diff", 0, no_argument, rl_main__opt_diff},
    {"fix-only", 0, required_argument, rl_main__opt_fix_only},
    {"enable", 0, required_argument, rl_main__opt_enable},
    {"disable", 0, required_argument, rl_main__opt_disable},
    {"list-rules", 0, no_argument, rl_main__opt_list_rules},
    {"explain", 0, required_argument, rl_main__opt_explain},
    {"jobs", 'j', required_argument, rl_main__opt_jobs},
    {"compile-commands", 0, required_argument, rl_main__opt_compile_commands},
    {NULL, 'I', required_argument, rl_main__opt_include},
    {NULL, 'D', required_argument, rl_main__opt_define},
    {"stdin-filename", 0, required_argument, rl_main__opt_stdin_filename},
    {"max-file-size", 0, required_argument, rl_main__opt_max_file_size},
    {"parse-timeout", 0, required_argument, rl_main__opt_parse_timeout},
    {"c-memory-limit", 0, required_argument, rl_main__opt_c_memory_limit},
    {"follow-symlinks", 0, no_argument, rl_main__opt_follow_symlinks},
    {"exclude", 0, required_argument, rl_main__opt_exclude},
    {"cache-dir", 0, required_argument, rl_main__opt_cache_dir},
    {"no-cache", 0, no_argument, rl_main__opt_no_cache},
    {"root", 0, required_argument, rl_main__opt_root},
    {"parse-only", 0, no_argument, rl_main__opt_parse_only},
    {"version", 0, no_argument, rl_main__opt_version},
    {"help", 'h', no_argument, rl_main__opt_help},
};

/* Parses argv into `m` through rl_main__opts. Returns -1 to go on, else
 * the exit status (0 after --help/--version, 2 on a usage error). */
static int rl_main__parse_args(RlMain *m, int argc, char **argv) {
  enum { NOPTS = RL_COUNTOF(rl_main__opts) };
  struct option longopts[NOPTS + 1];
  char shortopts[2 + 2 * NOPTS + 1];
  size_t ns = 0, nl = 0;
  shortopts[ns++] = ':'; /* report a missing value as ':' */
  for (size_t i = 0; i < NOPTS; i++) {
    const RlOptSpec *o = &rl_main__opts[i];
    int val = o->short_name ? o->short_name : 256 + (int)i;
    if (o->name) longopts[nl++] = (struct option){o->name, o->has_arg, NULL, val};
    if (o->short_name) {
      shortopts[ns++] = o->short_name;
      if (o->has_arg == required_argument) shortopts[ns++] = ':';
    }
  }
  longopts[nl] = (struct option){0, 0, 0, 0};
  shortopts[ns] = 0;
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
    const RlOptSpec *o = NULL;
    if (c >= 256 && c < 256 + NOPTS) o = &rl_main__opts[c - 256];
    for (size_t i = 0; i < NOPTS && !o && c > 0 && c < 256; i++)
      if (c != ':' && rl_main__opts[i].short_name == c) o = &rl_main__opts[i];
    if (o) {
      RlOptResult r = o->apply(m, optarg);
      if (r == RL_OPT_DONE) return 0;
      if (r == RL_OPT_BAD) m->bad = true;
    } else if (c == ':') {
      fprintf(stderr, "racelint: option '%s' needs a value\n", argv[optind - 1]);
      m->bad = true;
    } else {
      fprintf(stderr, "racelint: unknown option '%s'\n", argv[optind - 1]);
      m->bad = true;
    }
  }
  if (m->cli.prune_baseline && !m->cli.baseline) {
    fprintf(stderr, "racelint: --prune-baseline needs --baseline FILE\n");
    m->bad = true;
  }
  if (m->fix_only_set && !m->diff) m->fix = true;
  if (m->diff) m->fix = false; /* --diff changes nothing */
  if (m->unsafe_fixes && !m->fix && !m->diff) {
    fprintf(stderr, "racelint: --unsafe-fixes needs --fix or --diff\n");
    m->bad = true;
  }
  if (m->bad) {
    fputs("Try 'racelint --help'.\n", stderr);
    return 2;
  }
  m->paths = (const char *const *)argv + optind;
  m->npaths = argc - optind;
  return -1;
}

/* Section - the steps of a run */

static bool rl_main__print_notices(RlMain *m);

/* --list-rules and --explain. Returns -1 when neither was asked for, else
 * the exit status. */
static int rl_main__info(RlMain *m) {
  if (m->list) {
    rl_main__list_rules(&m->s);
    return 0;
  }
  if (m->explain) {
    const char *doc = rl_rule_doc(m->explain);
    if (!doc) {
      const RlRule *near = rl_main__nearest_rule(m->explain);
      fprintf(stderr, "racelint: unknown rule '%s'%s%s%s\n", m->explain,
              near ? "; did you mean '" : "", near ? near->id : "", near ? "'?" : "");
      return 2;
    }
    fputs(doc, stdout);
    return 0;
  }
  return -1;
}

/* The run root (--root, else found from the first path). False after an
 * error message. */
static bool rl_main__set_root(RlMain *m) {
  if (m->cli.root) {
    char *r = realpath(m->cli.root, NULL);
    if (!r) {
      fprintf(stderr, "racelint: --root %s: %s\n", m->cli.root, strerror(errno));
      return false;
    }
    m->s.root = r;
  } else {
    m->s.root = rl_discover_default_root(m->cli.stdin_filename ? "." : m->paths[0]);
  }
  return true;
}

/* Opens the result cache, keyed by this build's identity. */
static void rl_main__open_cache(RlMain *m) {
  RlSession *s = &m->s;
  if (m->cli.no_cache || m->parse_only) return;
  char *dir = m->cli.cache_dir ? rl_strdup(m->cli.cache_dir) : rl_cache_default_dir();
  s->cache = rl_cache_open(dir);
  if (!s->cache && m->cli.cache_dir)
    fprintf(stderr, "racelint: cannot use cache directory %s; analysing without it\n", dir);
  free(dir);
  /* this build's identity: a rebuilt binary never reuses older results */
  struct stat st;
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = 0;
    s->cache_salt = rl_hash_str(RL_FNV_INIT, RL_VERSION);
    if (stat(exe, &st) == 0) {
      int64_t id[3] = {(int64_t)st.st_size, (int64_t)st.st_mtim.tv_sec, (int64_t)st.st_mtim.tv_nsec};
      s->cache_salt = rl_hash_bytes(s->cache_salt, id, sizeof id);
    }
  } else {
    rl_cache_close(s->cache); /* cannot tell builds apart: do without */
    s->cache = NULL;
  }
}

/* --print-config FILE. Returns the exit status. */
static int rl_main__print_config(RlMain *m) {
  const char *path = m->cli.print_config;
  char *abs = realpath(path, NULL);
  char cwd[PATH_MAX];
  if (!abs)
    abs = path[0] == '/' ? rl_strdup(path)
                         : rl_path_join(getcwd(cwd, sizeof cwd) ? cwd : ".", path);
  const RlConfig *conf = rl_configset_for(m->configs, abs);
  rl_config_print(&m->s, conf, abs, m->cli.rules, stdout);
  int st = 0;
  for (uint32_t i = 0; i < rl_configset_nerrors(m->configs); i++) {
    const char *e = rl_configset_error(m->configs, i); /* escaped like every notice */
    fputs("racelint: error: ", stderr);
    rl_emit_term_escape(stderr, e, strlen(e), false);
    fputc('\n', stderr);
    st = 2;
  }
  free(abs);
  return st;
}

/* Finds the files under the paths, minus what the configs ignore and
 * --exclude names. */
static void rl_main__discover(RlMain *m) {
  RlDiscovery *disc = &m->disc;
  rl_discover(m->paths, (uint32_t)m->npaths, m->s.root, m->cli.follow_symlinks, disc);
  /* drop what the configs ignore and --exclude names */
  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "/");
  uint32_t k = 0;
  for (uint32_t i = 0; i < disc->files.n; i++) {
    RlFileEntry *e = &disc->files.v[i];
    bool excluded = false;
    for (uint32_t x = 0; x < m->cli.nexcludes && !excluded; x++)
      excluded = rl_glob_match(m->cli.excludes[x][0] == '/' ? "/" : cwd, m->cli.excludes[x],
                               e->abs_path);
    if (excluded || rl_config_ignored(rl_configset_for(m->configs, e->abs_path), e->abs_path)) {
      free(e->path);
      free(e->rel_path);
      free(e->abs_path);
      continue;
    }
    disc->files.v[k++] = *e;
  }
  disc->files.n = k;
}

/* --stdin-filename: looks up the configuration of the named file before
 * the scan, so that its errors stop the run like any other. */
static void rl_main__stdin_config(RlMain *m) {
  const char *name = m->cli.stdin_filename;
  char cwd[PATH_MAX];
  char *abs = name[0] == '/' ? rl_strdup(name)
                             : rl_path_join(getcwd(cwd, sizeof cwd) ? cwd : ".", name);
  (void)rl_configset_for(m->configs, abs);
  free(abs);
}

/* Phase 1 for --stdin-filename: the one file read from stdin. */
static void rl_main__scan_stdin(RlMain *m) {
  RlSession *s = &m->s;
  const char *name = m->cli.stdin_filename;
  size_t len;
  char *text = rl_main__read_stdin(s->max_file_size, &len);
  m->stdin_text = text ? rl_strndup(text, len) : NULL;
  m->stdin_len = len;
  char cwd[PATH_MAX];
  char *abs = name[0] == '/' ? rl_strdup(name)
                             : rl_path_join(getcwd(cwd, sizeof cwd) ? cwd : ".", name);
  char *rel = rl_discover_relative(s->root, abs);
  m->scan.settings = rl_calloc(1, sizeof *m->scan.settings);
  rl_config_settings(s, rl_configset_for(m->configs, abs), abs, m->cli.rules,
                     &m->scan.settings[0]);
  RlWorker *w = rl_worker_new(s);
  m->scan.results = rl_calloc(1, sizeof *m->scan.results);
  if (!text) {
    RlNotice n = {rl_strdup(name),
                  rl_asprintf("stdin holds more than --max-file-size (%zu bytes); not analysed",
                              s->max_file_size),
                  true};
    RL_VEC_PUSH(m->disc.notices, n);
    m->nfiles = 0;
  } else if (rl_engine_lang_of(name) == RL_LANG_NONE) {
    RlNotice n = {rl_strdup(name),
                  rl_strdup("--stdin-filename: not a C or JavaScript/TypeScript file name"),
                  true};
    RL_VEC_PUSH(m->disc.notices, n);
    m->nfiles = 0;
  } else {
    m->scan.results[0] = rl_engine_analyze(w, name, rel, abs, text, len, &m->scan.settings[0]);
    m->nfiles = 1;
  }
  rl_worker_delete(w);
  free(text);
  free(abs);
  free(rel);
}

/* Phase 1 for the discovered files, on the worker threads. */
static void rl_main__scan_files(RlMain *m) {
  RlSession *s = &m->s;
  uint32_t jobs = m->cli.jobs ? m->cli.jobs : rl_scheduler_cpus();
  uint32_t nfiles = m->nfiles = m->disc.files.n;
  m->scan.results = rl_calloc(nfiles + 1, sizeof *m->scan.results);
  m->scan.settings = rl_calloc(nfiles + 1, sizeof *m->scan.settings);
  for (uint32_t i = 0; i < nfiles; i++) {
    const char *abs = m->disc.files.v[i].abs_path;
    rl_config_settings(s, rl_configset_for(m->configs, abs), abs, m->cli.rules,
                       &m->scan.settings[i]);
  }
  m->scan.progress = isatty(2) && nfiles >= 50 && !m->cli.quiet;
  rl_scheduler_run(s, jobs, nfiles, rl_main__analyze_one, rl_main__progress, &m->scan);
  if (m->scan.progress) fputs("\r\033[K", stderr);
}

/* One notice for all the C files skipped because no libclang could be
 * loaded: true and *out (heap message) when there were any. */
static bool rl_main__no_libclang(RlEngineFile **results, uint32_t n, RlNotice *out) {
  uint32_t count = 0;
  const char *why = NULL;
  for (uint32_t i = 0; i < n; i++)
    if (results[i]->no_libclang) {
      count++;
      if (!why) why = results[i]->no_libclang;
    }
  if (!count) return false;
  *out = (RlNotice){NULL,
                 rl_asprintf("skipped %u C file%s: %s; to analyse C, install the Debian "
                             "package libclang1-14 or newer with clang's headers and the C library's "
                             "(apt-get install libclang1-14 libclang-common-14-dev libc6-dev)",
                             count, count == 1 ? "" : "s", why),
                 false};
  return true;
}

/* A rule's project phase runs when some file has it on. */
static void rl_main__project_rules(RlMain *m) {
  RlSession *s = &m->s;
  for (uint32_t r = 0; r < s->nrules; r++) {
    bool any = false;
    for (uint32_t i = 0; i < m->nfiles && !any; i++) any = m->scan.settings[i].enabled[r];
    s->enabled[r] = any;
  }
}

/* --fix / --diff (fix.h): fixes the analysed files; the results are then
 * those of the fixed texts. */
static void rl_main__fix(RlMain *m) {
  rl_main__project_rules(m);
  RlFixRun run;
  memset(&run, 0, sizeof run);
  run.policy.unsafe = m->unsafe_fixes;
  run.policy.only = m->fix_only_set ? m->fix_only : NULL;
  run.write = m->fix;
  run.diff = m->diff ? stdout : NULL;
  if (m->cli.stdin_filename) {
    run.stdin_text = m->stdin_text ? m->stdin_text : "";
    run.stdin_len = m->stdin_len;
    run.stdin_out = stdout;
  }
  m->fixed_any = rl_fix_run(&m->s, m->scan.results, m->scan.settings, m->nfiles, &run);
  fflush(stdout);
  if (m->fix && !m->cli.quiet && (run.applied || run.rejected)) {
    fprintf(stderr, "racelint: applied %u fix%s in %u file%s", run.applied,
            run.applied == 1 ? "" : "es", run.files, run.files == 1 ? "" : "s");
    if (run.rejected)
      fprintf(stderr, "; left %u fix%s out: the file would not parse", run.rejected,
              run.rejected == 1 ? "" : "es");
    fputc('\n', stderr);
  }
}

/* Phase 2 (the project phase and suppressions), then every finding and
 * notice of the run collected, sorted and fingerprinted. */
static void rl_main__collect(RlMain *m) {
  RlSession *s = &m->s;
  uint32_t nfiles = m->nfiles;
  rl_main__project_rules(m);
  rl_engine_project(s, m->scan.results, nfiles);
  rl_suppress_apply(s, m->scan.results, nfiles);
  char *gated = rl_parsegate_summary(m->scan.results, nfiles);
  if (gated) {
    RlNotice n = {NULL, gated, false};
    RL_VEC_PUSH(m->disc.notices, n);
  }
  for (uint32_t i = 0; i < rl_configset_nerrors(m->configs); i++) {
    RlNotice n = {NULL, rl_strdup(rl_configset_error(m->configs, i)), true};
    RL_VEC_PUSH(m->disc.notices, n);
  }
  for (uint32_t i = 0; i < m->disc.notices.n; i++) RL_VEC_PUSH(m->notices, m->disc.notices.v[i]);
  for (uint32_t i = 0; i < nfiles; i++) {
    RlEngineFile *f = m->scan.results[i];
    if (f->analyzed) m->scanned++;
    for (uint32_t j = 0; j < f->diags.n; j++) RL_VEC_PUSH(m->diags, f->diags.v[j]);
    for (uint32_t j = 0; j < f->suppressed.n; j++) RL_VEC_PUSH(m->suppressed, f->suppressed.v[j]);
    for (uint32_t j = 0; j < f->notices.n; j++) RL_VEC_PUSH(m->notices, f->notices.v[j]);
  }
  RlNotice no_clang;
  if (rl_main__no_libclang(m->scan.results, nfiles, &no_clang)) {
    RL_VEC_PUSH(m->notices, no_clang);
    RL_VEC_PUSH(m->disc.notices, no_clang); /* owned there, freed with it */
  }
  rl_diag_sort(m->diags.v, m->diags.n);
  rl_diag_fingerprints(m->diags.v, m->diags.n);
  rl_diag_sort(m->suppressed.v, m->suppressed.n);
  rl_diag_fingerprints(m->suppressed.v, m->suppressed.n);
}

/* --write-baseline: records today's findings. */
static void rl_main__write_baseline(RlMain *m) {
  int rc = rl_baseline_write(m->cli.write_baseline, RL_VERSION, m->diags.v, m->diags.n);
  if (rc) {
    fprintf(stderr, "racelint: error: cannot write baseline %s: %s\n", m->cli.write_baseline,
            strerror(rc));
    m->write_failed = true;
  } else if (!m->cli.quiet) {
    fprintf(stderr, "racelint: wrote %u finding%s to baseline %s\n", m->diags.n,
            m->diags.n == 1 ? "" : "s", m->cli.write_baseline);
  }
}

/* Keeps the findings in `v[0..*n)` whose file is in the sorted `changed`. */
static void rl_main__keep_changed(RlDiag **v, uint32_t *n, char **changed, uint32_t nchanged) {
  uint32_t k = 0;
  for (uint32_t i = 0; i < *n; i++)
    if (bsearch(&v[i]->rel_path, changed, nchanged, sizeof *changed, rl_main__cmp_str))
      v[k++] = v[i];
  *n = k;
}

/* --changed-since REF: the files changed since REF, resolved before the
 * scan so that a bad ref fails at once. False with the error in the
 * notices. */
static bool rl_main__resolve_changed(RlMain *m) {
  char *gerr;
  if (!rl_discover_changed_since(m->s.root, m->cli.changed_since, &m->changed, &m->nchanged,
                                 &gerr)) {
    RlNotice n = {NULL, gerr, true};
    RL_VEC_PUSH(m->disc.notices, n);
    return false;
  }
  return true;
}

/* --changed-since REF: only the findings in files changed since REF. */
static void rl_main__changed_since(RlMain *m) {
  if (m->nchanged == 0) {
    m->diags.n = 0; /* nothing changed: nothing to report */
    m->suppressed.n = 0;
    return;
  }
  rl_main__keep_changed(m->diags.v, &m->diags.n, m->changed, m->nchanged);
  rl_main__keep_changed(m->suppressed.v, &m->suppressed.n, m->changed, m->nchanged);
}

/* --baseline FILE: loaded before the scan, so that a missing or broken
 * file fails at once. False with the error in the notices. */
static bool rl_main__load_baseline(RlMain *m) {
  struct stat st;
  char *berr = NULL;
  if (stat(m->cli.baseline, &st) != 0 && errno == ENOENT) {
    berr = rl_asprintf("baseline %s does not exist; create it with --write-baseline %s",
                       m->cli.baseline, m->cli.baseline);
  } else {
    m->bl = rl_baseline_load(m->cli.baseline, &berr);
    if (m->bl) return true;
  }
  RlNotice n = {NULL, berr, true};
  RL_VEC_PUSH(m->disc.notices, n);
  return false;
}

/* --baseline FILE (and --prune-baseline): hides the known findings. */
static void rl_main__apply_baseline(RlMain *m) {
  rl_baseline_apply(m->bl, m->diags.v, m->diags.n);
  uint32_t k = 0;
  for (uint32_t i = 0; i < m->diags.n; i++) {
    if (strcmp(m->diags.v[i]->baseline, "unchanged") == 0) RL_VEC_PUSH(m->baselined, m->diags.v[i]);
    else m->diags.v[k++] = m->diags.v[i];
  }
  m->diags.n = k;
  if (m->cli.verbose) rl_baseline_absent(m->bl, stderr);
  if (m->cli.prune_baseline) {
    int rc = rl_baseline_prune(m->bl, m->cli.baseline);
    if (rc) {
      fprintf(stderr, "racelint: error: cannot rewrite baseline %s: %s\n", m->cli.baseline,
              strerror(rc));
      m->write_failed = true;
    } else if (!m->cli.quiet) {
      fprintf(stderr, "racelint: pruned %u entr%s from baseline %s\n",
              rl_baseline_absent(m->bl, NULL), rl_baseline_absent(m->bl, NULL) == 1 ? "y" : "ies",
              m->cli.baseline);
    }
  }
}

/* Whether a run that found no file at all must stop with an error
 * (ESLint's "No files matching the pattern", exit 2). Not for
 * --changed-since (matching nothing is normal there), nor when a file was
 * named explicitly (pre-commit passes files, which may all be ignored).
 * Sets *missing when a path does not exist (reported already). */
static bool rl_main__nothing_found(const RlMain *m, bool *missing) {
  *missing = false;
  if (m->disc.files.n || m->cli.changed_since || m->cli.stdin_filename) return false;
  for (uint32_t i = 0; i < m->disc.notices.n; i++)
    if (m->disc.notices.v[i].is_error) *missing = true;
  if (*missing) return true;
  for (int i = 0; i < m->npaths; i++) {
    struct stat st;
    if (stat(m->paths[i], &st) == 0 && !S_ISDIR(st.st_mode)) return false;
  }
  return true;
}

/* Errors that make the report meaningless: a broken configuration, a
 * --changed-since ref git cannot resolve, a missing or broken baseline,
 * nothing to analyse. Checked before the scan. */
static bool rl_main__preflight(RlMain *m) {
  bool ok = rl_configset_nerrors(m->configs) == 0;
  if (m->cli.changed_since) ok &= rl_main__resolve_changed(m);
  if (m->cli.baseline) ok &= rl_main__load_baseline(m);
  bool missing;
  if (rl_main__nothing_found(m, &missing) && missing) {
    ok = false;
  } else if (rl_main__nothing_found(m, &missing)) {
    RlBuf b = {0};
    for (int i = 0; i < m->npaths; i++) {
      if (i) rl_buf_put(&b, ", ", 2);
      rl_buf_put(&b, "'", 1);
      rl_buf_put(&b, m->paths[i], strlen(m->paths[i]));
      rl_buf_put(&b, "'", 1);
    }
    rl_buf_cstr(&b);
    RlNotice n = {NULL,
                  rl_asprintf("No files matching %s were found (C or JavaScript/TypeScript "
                              "sources that are not ignored)", b.data),
                  true};
    free(b.data);
    RL_VEC_PUSH(m->disc.notices, n);
    ok = false;
  }
  return ok;
}

/* Stops a run after a preflight error: every notice, then the config
 * errors, so that the error is the last thing on the terminal; no report.
 * Returns the exit status, 2. */
static int rl_main__fail(RlMain *m) {
  for (uint32_t i = 0; i < rl_configset_nerrors(m->configs); i++) {
    RlNotice n = {NULL, rl_strdup(rl_configset_error(m->configs, i)), true};
    RL_VEC_PUSH(m->disc.notices, n);
  }
  for (uint32_t i = 0; i < m->disc.notices.n; i++) {
    if (!m->disc.notices.v[i].is_error) RL_VEC_PUSH(m->notices, m->disc.notices.v[i]);
  }
  for (uint32_t i = 0; i < m->disc.notices.n; i++) {
    if (m->disc.notices.v[i].is_error) RL_VEC_PUSH(m->notices, m->disc.notices.v[i]);
  }
  (void)rl_main__print_notices(m);
  return 2;
}

/* SARIF: GitHub's line hashes, for the files that have results. */
static void rl_main__line_hashes(RlMain *m) {
  for (uint32_t i = 0; i < m->nfiles; i++) {
    RlEngineFile *f = m->scan.results[i];
    if (!f->diags.n && !f->suppressed.n) continue;
    char *text = NULL;
    size_t len = 0;
    int errn;
    if (m->cli.stdin_filename) {
      text = rl_strndup(m->stdin_text ? m->stdin_text : "", m->stdin_len);
      len = m->stdin_len;
    } else if (rl_read_file(f->abs_path, m->s.max_file_size, &text, &len, &errn) != RL_READ_OK) {
      continue;
    }
    uint32_t nl;
    char **h = rl_linehash(text, len, &nl);
    RlDiag **lists[2] = {f->diags.v, f->suppressed.v};
    uint32_t counts[2] = {f->diags.n, f->suppressed.n};
    for (int l = 0; l < 2; l++)
      for (uint32_t j = 0; j < counts[l]; j++) {
        RlDiag *d = lists[l][j];
        if (d->loc.line >= 1 && d->loc.line <= nl)
          d->line_hash = rl_arena_strdup(&f->keep, h[d->loc.line - 1]);
      }
    rl_linehash_free(h, nl);
    free(text);
  }
}

/* Prints the notices on stderr. Returns true when one is an error. */
static bool rl_main__print_notices(RlMain *m) {
  bool any_error = false;
  for (uint32_t i = 0; i < m->notices.n; i++) {
    RlNotice *n = &m->notices.v[i];
    if (n->is_error) any_error = true;
    if (m->cli.quiet && !n->is_error) continue;
    fputs("racelint: ", stderr); /* names and messages escaped as in the text format */
    if (n->path) rl_emit_term_escape(stderr, n->path, strlen(n->path), false);
    if (n->path) fputs(": ", stderr);
    fputs(n->is_error ? "error: " : "", stderr);
    rl_emit_term_escape(stderr, n->msg, strlen(n->msg), false);
    fputc('\n', stderr);
  }
  if (!m->cli.quiet && m->disc.symlinks_skipped && m->cli.format == RL_FMT_TEXT)
    fprintf(stderr, "racelint: %u symbolic link%s not followed (use --follow-symlinks)\n",
            m->disc.symlinks_skipped, m->disc.symlinks_skipped == 1 ? "" : "s");
  return any_error;
}

/* Colour for the text report: --color, else FORCE_COLOR (anything but 0 or
 * false turns it on, as Node and chalk read it), else NO_COLOR (set and
 * not empty: off, no-color.org), else only on a terminal. */
static bool rl_main__use_color(const RlMain *m, FILE *out) {
  if (m->cli.color >= 0) return m->cli.color == 1;
  const char *force = getenv("FORCE_COLOR");
  if (force) return strcmp(force, "0") != 0 && strcmp(force, "false") != 0;
  const char *no = getenv("NO_COLOR");
  if (no && *no) return false;
  return out == stdout && isatty(1);
}

/* --statistics: findings per rule (most first, then by id) and the run's
 * time, like ruff --statistics and ESLint's TIMING. */
static void rl_main__statistics(const RlMain *m, FILE *out) {
  uint32_t count[RL_MAX_RULES] = {0}, sev[RL_MAX_RULES] = {0};
  uint32_t order[RL_MAX_RULES], n = 0;
  for (uint32_t i = 0; i < m->diags.n; i++) {
    const RlDiag *d = m->diags.v[i];
    for (uint32_t r = 0; r < m->s.nrules; r++)
      if (m->s.rules[r] == d->rule) {
        if (count[r]++ == 0) order[n++] = r;
        if ((uint32_t)d->severity > sev[r]) sev[r] = (uint32_t)d->severity;
      }
  }
  for (uint32_t i = 1; i < n; i++) /* insertion sort: count desc, then id */
    for (uint32_t j = i; j > 0; j--) {
      uint32_t a = order[j - 1], b = order[j];
      if (count[a] > count[b] ||
          (count[a] == count[b] && strcmp(m->s.rules[a]->id, m->s.rules[b]->id) <= 0))
        break;
      order[j - 1] = b, order[j] = a;
    }
  fprintf(out, "%7s  %-8s %s\n", "COUNT", "SEVERITY", "RULE");
  for (uint32_t i = 0; i < n; i++) {
    uint32_t r = order[i];
    fprintf(out, "%7u  %-8s %s\n", count[r], rl_severity_name((RlSeverity)sev[r]),
            m->s.rules[r]->id);
  }
  struct timespec t1;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (double)(t1.tv_sec - m->t0.tv_sec) + (double)(t1.tv_nsec - m->t0.tv_nsec) / 1e9;
  fprintf(out, "%u finding%s in %u file%s, analysed in %.2f s\n", m->diags.n,
          m->diags.n == 1 ? "" : "s", m->scanned, m->scanned == 1 ? "" : "s", secs);
}

/* Writes the report to --output or stdout. Returns false when it could
 * not be written. */
static bool rl_main__report(RlMain *m, FILE *out, RlOutFile *of) {
  RlRun run;
  memset(&run, 0, sizeof run);
  run.tool_version = RL_VERSION;
  run.root = m->s.root;
  run.rules = m->s.rules;
  run.nrules = m->s.nrules;
  run.diags = m->diags.v;
  run.ndiags = m->diags.n;
  run.suppressed = m->suppressed.v;
  run.nsuppressed = m->suppressed.n;
  run.baselined = m->baselined.v;
  run.nbaselined = m->baselined.n;
  run.baseline = m->bl != NULL;
  run.notices = m->notices.v;
  run.nnotices = m->notices.n;
  run.files_scanned = m->scanned;
  run.quiet = m->cli.quiet;
  run.color = rl_main__use_color(m, out);
  if (!out) return false;
  switch (m->cli.format) {
  case RL_FMT_TEXT: rl_emit_text(&run, out); break;
  case RL_FMT_JSON: rl_emit_json(&run, out); break;
  case RL_FMT_SARIF: rl_emit_sarif(&run, out); break;
  case RL_FMT_GITHUB: rl_emit_github(&run, out); break;
  }
  int rc = of ? rl_outfile_commit(of) : fflush(out) == 0 ? 0 : errno; /* e.g. the disk is full */
  if (rc) fprintf(stderr, "racelint: error: cannot write %s: %s\n",
                  of ? m->cli.output : "the report to standard output", strerror(rc ? rc : EIO));
  return rc == 0;
}

/* Opens --output (stdout without it; *of is then NULL), replaced only once
 * complete and never through a symlink (outfile.h). NULL after an error
 * message. */
static FILE *rl_main__open_output(const RlMain *m, RlOutFile **of) {
  *of = NULL;
  if (!m->cli.output) return stdout;
  int err;
  *of = rl_outfile_open(m->cli.output, 0666, &err);
  if (!*of) fprintf(stderr, "racelint: cannot write %s: %s\n", m->cli.output, strerror(err));
  return *of ? rl_outfile_stream(*of) : NULL;
}

/* 0 clean, 1 findings at or above --fail-on (or more warnings than
 * --max-warnings), 2 an error. */
static int rl_main__exit_status(const RlMain *m, bool written, bool any_error) {
  if (!written || any_error || m->write_failed) return 2;
  if (m->cli.write_baseline) return 0; /* today's findings are accepted */
  if (m->cli.exit_zero) return 0;
  RlSeverity fail_on = m->cli.fail_on;
  /* ESLint: with --max-warnings, warnings fail only by their number */
  if (m->cli.max_warnings >= 0 && fail_on != RL_SEV_NONE && fail_on < RL_SEV_ERROR)
    fail_on = RL_SEV_ERROR;
  int status = 0;
  uint32_t warnings = 0;
  for (uint32_t i = 0; i < m->diags.n; i++) {
    if (m->diags.v[i]->severity == RL_SEV_WARNING) warnings++;
    if (fail_on != RL_SEV_NONE && m->diags.v[i]->severity >= fail_on) status = 1;
  }
  if (m->cli.max_warnings >= 0 && warnings > (unsigned long)m->cli.max_warnings) {
    fprintf(stderr, "racelint: too many warnings: %u (--max-warnings %ld)\n", warnings,
            m->cli.max_warnings);
    status = 1;
  }
  return status;
}

static void rl_main__free(RlMain *m) {
  RL_VEC_FREE(m->diags);
  RL_VEC_FREE(m->suppressed);
  RL_VEC_FREE(m->baselined);
  rl_baseline_delete(m->bl);
  RL_VEC_FREE(m->notices);
  for (uint32_t i = 0; i < m->nfiles; i++) rl_engine_file_delete(m->scan.results[i]);
  free(m->scan.results);
  free(m->scan.settings);
  free(m->stdin_text);
  for (uint32_t i = 0; i < m->nchanged; i++) free(m->changed[i]);
  free(m->changed);
  rl_configset_delete(m->configs);
  rl_discovery_free(&m->disc);
}

/* Without a compile_commands.json: the include directories and generated
 * headers the project's layout implies (incdisc.h), after any -I given.
 * Stubs live in the cache directory, named by the root, so that cached
 * results stay valid from run to run. */
static void rl_main__discover_includes(RlMain *m) {
  RL_VEC(const char *) c = {0};
  for (uint32_t i = 0; i < m->disc.files.n; i++) {
    const char *p = m->disc.files.v[i].abs_path;
    if (rl_str_ends_with(p, ".c") || rl_str_ends_with(p, ".h")) RL_VEC_PUSH(c, p);
  }
  if (c.n) {
    char *base = m->cli.cache_dir ? rl_strdup(m->cli.cache_dir) : rl_cache_default_dir();
    char *stubs = base ? rl_asprintf("%s/stubs-%016llx", base,
                                     (unsigned long long)rl_hash_str(RL_FNV_INIT, m->s.root))
                       : NULL;
    RlIncDisc *d = rl_incdisc_new(m->s.root, c.v, c.n, stubs);
    uint32_t n;
    const char *const *args = rl_incdisc_args(d, &n);
    for (uint32_t i = 0; i < n; i++) rl_session_add_c_arg(&m->s, args[i]);
    if (rl_incdisc_ndirs(d) || rl_incdisc_nstubs(d)) {
      RlNotice no = {NULL,
                     rl_asprintf("no compile_commands.json: using %u include director%s "
                                 "found from the sources' #include lines and %u stand-in%s "
                                 "for generated headers",
                                 rl_incdisc_ndirs(d), rl_incdisc_ndirs(d) == 1 ? "y" : "ies",
                                 rl_incdisc_nstubs(d), rl_incdisc_nstubs(d) == 1 ? "" : "s"),
                     false};
      RL_VEC_PUSH(m->disc.notices, no);
    }
    rl_incdisc_delete(d);
    free(stubs);
    free(base);
  }
  RL_VEC_FREE(c);
}

/* Section - the driver */

/* Options, then discovery, phase 1 on the worker threads, phase 2, the CI
 * gate (baseline, --changed-since), the report and the exit status. */
static int rl_main__run(RlMain *m) {
  clock_gettime(CLOCK_MONOTONIC, &m->t0);
  rl_main__open_cache(m);
  m->configs = rl_configset_new(&m->s, m->cli.config);
  if (m->cli.print_config) return rl_main__print_config(m);
  if (!m->cli.stdin_filename) rl_main__discover(m);
  else rl_main__stdin_config(m);
  if (!rl_main__preflight(m)) return rl_main__fail(m);
  char *cc = m->cli.compile_commands ? rl_strdup(m->cli.compile_commands)
                                     : rl_main__find_compdb(m->s.root, m->paths, m->npaths);
  if (!cc && !m->cli.stdin_filename) cc = rl_incdisc_find_compdb(m->s.root);
  if (cc) rl_main__compdb(&m->s, cc, m->cli.compile_commands != NULL, &m->disc);
  free(cc);
  if (!m->s.compdb && !m->cli.stdin_filename) rl_main__discover_includes(m);
  m->scan.disc = &m->disc;
  if (m->cli.stdin_filename) rl_main__scan_stdin(m);
  else rl_main__scan_files(m);
  if (m->fix || m->diff) rl_main__fix(m);
  rl_main__collect(m);
  if (m->cli.write_baseline) rl_main__write_baseline(m);
  if (m->cli.changed_since) rl_main__changed_since(m);
  if (m->bl) rl_main__apply_baseline(m);
  if (m->cli.format == RL_FMT_SARIF) rl_main__line_hashes(m);
  /* --write-baseline: the findings went to the baseline; the report only
   * where --output asks for it */
  bool to_output = !m->cli.write_baseline || m->cli.output;
  if (m->diff && !m->cli.output) to_output = false; /* the diff is the output */
  RlOutFile *of = NULL;
  FILE *out = to_output ? rl_main__open_output(m, &of) : NULL;
  if (out == stdout && m->fix && m->cli.stdin_filename) out = stderr; /* stdout: the fixed text */
  bool any_error = rl_main__print_notices(m);
  bool written = to_output ? rl_main__report(m, out, of) : true;
  int status = rl_main__exit_status(m, written, any_error);
  if (m->diff && status != 2) status = m->fixed_any ? 1 : 0;
  if (m->cli.statistics)
    rl_main__statistics(m, m->cli.format == RL_FMT_TEXT && !m->cli.output ? stdout : stderr);
  return status;
}

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "lsp") == 0) return rl_lsp_main(argc - 1, argv + 1);
  /* the C parser process (cworker.h), started by racelint itself */
  if (argc >= 2 && strcmp(argv[1], "--c-worker") == 0) return rl_cworker_main(argc - 1, argv + 1);
  RlMain m;
  memset(&m, 0, sizeof m);
  m.cli.format = RL_FMT_TEXT;
  m.cli.fail_on = RL_SEV_WARNING;
  m.cli.color = -1;
  m.cli.max_warnings = -1;
  memset(m.cli.rules, -1, sizeof m.cli.rules);
  rl_session_init(&m.s);
  int status = rl_main__parse_args(&m, argc, argv);
  if (status < 0) status = rl_main__info(&m);
  if (status >= 0) {
    rl_session_free(&m.s);
    return status;
  }
  static const char *const default_paths[] = {"."};
  if (m.npaths == 0) {
    m.paths = default_paths;
    m.npaths = 1;
  }
  m.s.parse_only = m.parse_only;
  const char *err = NULL;
  if (!rl_session_prepare(&m.s, &err)) {
    fprintf(stderr, "racelint: %s\n", err);
    rl_session_free(&m.s);
    return 2;
  }
  git_libgit2_init();
  if (!rl_main__set_root(&m)) {
    rl_session_free(&m.s);
    git_libgit2_shutdown();
    return 2;
  }
  status = rl_main__run(&m);
  rl_main__free(&m);
  rl_cache_close(m.s.cache);
  m.s.cache = NULL;
  rl_session_free(&m.s);
  git_libgit2_shutdown();
  return status;
}
