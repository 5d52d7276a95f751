/* options.c - the command line's options: the usage text, a table of
 * options with one handler each, parsing argv into RlMain (cli.h), and the
 * answers that need no scan (--list-rules, --explain). */
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

#include "cli.h"

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

static void rl_options__usage(FILE *out) {
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
      "  --fix                   apply the safe fixes of the rules that met the\n"
      "                          precision targets (today unused-suppression only:\n"
      "                          docs/fixes.md), then report what is left\n"
      "  --unsafe-fixes          with --fix or --diff: unsafe fixes too (they change\n"
      "                          behaviour: review them), of every enabled rule\n"
      "  --diff                  print the fixes as a unified diff (patch -p1 from the\n"
      "                          --root) and change nothing; exit 1 if any\n"
      "  --fix-only RULE[,RULE]  fix only these rules' findings, whatever their\n"
      "                          precision (implies --fix unless --diff; safe\n"
      "                          fixes only without\n"
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

static const RlRule *rl_options__nearest_rule(const char *id) {
  const RlRule *best = NULL;
  size_t bd = (size_t)-1;
  for (uint32_t i = 0; i < rl_nrules; i++) {
    size_t d = rl_levenshtein(id, rl_rules[i]->id);
    if (d < bd) bd = d, best = rl_rules[i];
  }
  return bd <= 4 ? best : NULL;
}

static bool rl_options__set_rules(RlSession *s, int8_t *cli, const char *list, bool on) {
  char *copy = rl_strdup(list), *save = NULL;
  bool ok = true;
  for (char *id = strtok_r(copy, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
    while (*id == ' ') id++;
    int i = rl_session_rule_index(s, id);
    if (i < 0) {
      const RlRule *near = rl_options__nearest_rule(id);
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

static bool rl_options__size(const char *s, size_t *out) {
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

static void rl_options__list_rules(const RlSession *s) {
  printf("%-22s %-8s %-8s %s\n", "RULE", "DEFAULT", "LANG", "SUMMARY");
  for (uint32_t i = 0; i < s->nrules; i++) {
    const RlRule *r = s->rules[i];
    unsigned langs = r->langs; /* the inline check's, and each extra check's */
    for (uint32_t k = 0; k < r->nchecks; k++) langs |= r->checks[k]->langs;
    const char *lang = (langs & RL_LANG_C) && (langs & RL_LANG_JSTS) ? "c,js,ts"
                       : (langs & RL_LANG_C)                        ? "c"
                                                                    : "js,ts";
    char def[32];
    bool by_lang = !r->off_by_default && !r->strict && r->strict_langs;
    snprintf(def, sizeof def, "%s%s",
             r->off_by_default   ? "off"
             : r->strict         ? "strict"
             : r->narrow_default ? "narrow"
                                 : rl_severity_name(r->severity),
             !by_lang                         ? ""
             : (r->strict_langs & RL_LANG_C)  ? " (c: strict)"
                                              : " (js,ts: strict)");
    printf("%-22s %-8s %-8s %s\n", r->id, def, lang, r->title);
  }
}

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

static RlOptResult rl_options__opt_format(RlMain *m, const char *arg) {
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

static RlOptResult rl_options__opt_output(RlMain *m, const char *arg) {
  m->cli.output = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_fail_on(RlMain *m, const char *arg) {
  if (!rl_severity_parse(arg, &m->cli.fail_on)) {
    fprintf(stderr, "racelint: --fail-on takes error, warning, note or none, not '%s'\n", arg);
    return RL_OPT_BAD;
  }
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_enable(RlMain *m, const char *arg) {
  return rl_options__set_rules(&m->s, m->cli.rules, arg, true) ? RL_OPT_NEXT : RL_OPT_BAD;
}

static RlOptResult rl_options__opt_disable(RlMain *m, const char *arg) {
  return rl_options__set_rules(&m->s, m->cli.rules, arg, false) ? RL_OPT_NEXT : RL_OPT_BAD;
}

static RlOptResult rl_options__opt_jobs(RlMain *m, const char *arg) {
  char *end;
  long v = strtol(arg, &end, 10);
  if (*end || v < 1 || v > 1024) {
    fprintf(stderr, "racelint: --jobs takes a number from 1 to 1024, not '%s'\n", arg);
    return RL_OPT_BAD;
  }
  m->cli.jobs = (uint32_t)v;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_compile_commands(RlMain *m, const char *arg) {
  m->cli.compile_commands = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_include(RlMain *m, const char *arg) {
  char *a = rl_asprintf("-I%s", arg);
  rl_session_add_c_arg(&m->s, a);
  free(a);
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_define(RlMain *m, const char *arg) {
  char *a = rl_asprintf("-D%s", arg);
  rl_session_add_c_arg(&m->s, a);
  free(a);
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_list_rules(RlMain *m, const char *arg) {
  (void)arg;
  m->list = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_explain(RlMain *m, const char *arg) {
  m->explain = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_stdin_filename(RlMain *m, const char *arg) {
  m->cli.stdin_filename = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_no_color(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.color = 0;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_color(RlMain *m, const char *arg) {
  if (!arg || strcmp(arg, "always") == 0) m->cli.color = 1;
  else if (strcmp(arg, "never") == 0) m->cli.color = 0;
  else if (strcmp(arg, "auto") == 0) m->cli.color = -1;
  else {
    fprintf(stderr, "racelint: --color takes auto, always or never, not '%s'\n", arg);
    return RL_OPT_BAD;
  }
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_max_warnings(RlMain *m, const char *arg) {
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

static RlOptResult rl_options__opt_statistics(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.statistics = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_quiet(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.quiet = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_version(RlMain *m, const char *arg) {
  (void)m, (void)arg;
  printf("racelint %s\n", RL_VERSION);
  return RL_OPT_DONE;
}

static RlOptResult rl_options__opt_help(RlMain *m, const char *arg) {
  (void)m, (void)arg;
  rl_options__usage(stdout);
  return RL_OPT_DONE;
}

static RlOptResult rl_options__opt_max_file_size(RlMain *m, const char *arg) {
  if (!rl_options__size(arg, &m->s.max_file_size)) {
    fprintf(stderr, "racelint: bad --max-file-size '%s' (e.g. 500K, 8M)\n", arg);
    return RL_OPT_BAD;
  }
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_follow_symlinks(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.follow_symlinks = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_exclude(RlMain *m, const char *arg) {
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

static RlOptResult rl_options__opt_root(RlMain *m, const char *arg) {
  m->cli.root = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_parse_only(RlMain *m, const char *arg) {
  (void)arg;
  m->parse_only = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_exit_zero(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.exit_zero = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_config(RlMain *m, const char *arg) {
  m->cli.config = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_parse_timeout(RlMain *m, const char *arg) {
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

static RlOptResult rl_options__opt_c_memory_limit(RlMain *m, const char *arg) {
  size_t v = 0;
  if (strcmp(arg, "0") != 0 && (!rl_options__size(arg, &v) || v < (256u << 20))) {
    fprintf(stderr, "racelint: bad --c-memory-limit '%s' (e.g. 2G; at least 256M, or 0)\n",
            arg);
    return RL_OPT_BAD;
  }
  m->s.c_memory_limit = v;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_cache_dir(RlMain *m, const char *arg) {
  m->cli.cache_dir = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_no_cache(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.no_cache = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_print_config(RlMain *m, const char *arg) {
  m->cli.print_config = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_baseline(RlMain *m, const char *arg) {
  m->cli.baseline = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_write_baseline(RlMain *m, const char *arg) {
  m->cli.write_baseline = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_prune_baseline(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.prune_baseline = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_changed_since(RlMain *m, const char *arg) {
  m->cli.changed_since = arg;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_verbose(RlMain *m, const char *arg) {
  (void)arg;
  m->cli.verbose = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_fix(RlMain *m, const char *arg) {
  (void)arg;
  m->fix = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_unsafe_fixes(RlMain *m, const char *arg) {
  (void)arg;
  m->unsafe_fixes = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_diff(RlMain *m, const char *arg) {
  (void)arg;
  m->diff = true;
  return RL_OPT_NEXT;
}

static RlOptResult rl_options__opt_fix_only(RlMain *m, const char *arg) {
  if (!m->fix_only_set) memset(m->fix_only, 0, sizeof m->fix_only);
  m->fix_only_set = true;
  return rl_options__set_rules(&m->s, m->fix_only, arg, true) ? RL_OPT_NEXT : RL_OPT_BAD;
}

/* The options, in --help order. A new option is one line here, one
 * handler above and its --help text in rl_options__usage(). */
static const RlOptSpec rl_options__opts[] = {
    {"format", 0, required_argument, rl_options__opt_format},
    {"output", 'o', required_argument, rl_options__opt_output},
    {"fail-on", 0, required_argument, rl_options__opt_fail_on},
    {"exit-zero", 0, no_argument, rl_options__opt_exit_zero},
    {"max-warnings", 0, required_argument, rl_options__opt_max_warnings},
    {"color", 0, optional_argument, rl_options__opt_color},
    {"no-color", 0, no_argument, rl_options__opt_no_color},
    {"quiet", 'q', no_argument, rl_options__opt_quiet},
    {"statistics", 0, no_argument, rl_options__opt_statistics},
    {"config", 0, required_argument, rl_options__opt_config},
    {"print-config", 0, required_argument, rl_options__opt_print_config},
    {"baseline", 0, required_argument, rl_options__opt_baseline},
    {"write-baseline", 0, required_argument, rl_options__opt_write_baseline},
    {"prune-baseline", 0, no_argument, rl_options__opt_prune_baseline},
    {"changed-since", 0, required_argument, rl_options__opt_changed_since},
    {"verbose", 'v', no_argument, rl_options__opt_verbose},
    {"fix", 0, no_argument, rl_options__opt_fix},
    {"unsafe-fixes", 0, no_argument, rl_options__opt_unsafe_fixes},
    {"diff", 0, no_argument, rl_options__opt_diff},
    {"fix-only", 0, required_argument, rl_options__opt_fix_only},
    {"enable", 0, required_argument, rl_options__opt_enable},
    {"disable", 0, required_argument, rl_options__opt_disable},
    {"list-rules", 0, no_argument, rl_options__opt_list_rules},
    {"explain", 0, required_argument, rl_options__opt_explain},
    {"jobs", 'j', required_argument, rl_options__opt_jobs},
    {"compile-commands", 0, required_argument, rl_options__opt_compile_commands},
    {NULL, 'I', required_argument, rl_options__opt_include},
    {NULL, 'D', required_argument, rl_options__opt_define},
    {"stdin-filename", 0, required_argument, rl_options__opt_stdin_filename},
    {"max-file-size", 0, required_argument, rl_options__opt_max_file_size},
    {"parse-timeout", 0, required_argument, rl_options__opt_parse_timeout},
    {"c-memory-limit", 0, required_argument, rl_options__opt_c_memory_limit},
    {"follow-symlinks", 0, no_argument, rl_options__opt_follow_symlinks},
    {"exclude", 0, required_argument, rl_options__opt_exclude},
    {"cache-dir", 0, required_argument, rl_options__opt_cache_dir},
    {"no-cache", 0, no_argument, rl_options__opt_no_cache},
    {"root", 0, required_argument, rl_options__opt_root},
    {"parse-only", 0, no_argument, rl_options__opt_parse_only},
    {"version", 0, no_argument, rl_options__opt_version},
    {"help", 'h', no_argument, rl_options__opt_help},
};

/* Parses argv into `m` through rl_options__opts. Returns -1 to go on, else
 * the exit status (0 after --help/--version, 2 on a usage error). */
int rl_options_parse(RlMain *m, int argc, char **argv) {
  enum { NOPTS = RL_COUNTOF(rl_options__opts) };
  struct option longopts[NOPTS + 1];
  char shortopts[2 + 2 * NOPTS + 1];
  size_t ns = 0, nl = 0;
  shortopts[ns++] = ':'; /* report a missing value as ':' */
  for (size_t i = 0; i < NOPTS; i++) {
    const RlOptSpec *o = &rl_options__opts[i];
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
    if (c >= 256 && c < 256 + NOPTS) o = &rl_options__opts[c - 256];
    for (size_t i = 0; i < NOPTS && !o && c > 0 && c < 256; i++)
      if (c != ':' && rl_options__opts[i].short_name == c) o = &rl_options__opts[i];
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

/* --list-rules and --explain. Returns -1 when neither was asked for, else
 * the exit status. */
int rl_options_info(RlMain *m) {
  if (m->list) {
    rl_options__list_rules(&m->s);
    return 0;
  }
  if (m->explain) {
    const char *doc = rl_rule_doc(m->explain);
    if (!doc) {
      const RlRule *near = rl_options__nearest_rule(m->explain);
      fprintf(stderr, "racelint: unknown rule '%s'%s%s%s\n", m->explain,
              near ? "; did you mean '" : "", near ? near->id : "", near ? "'?" : "");
      return 2;
    }
    fputs(doc, stdout);
    return 0;
  }
  return -1;
}
