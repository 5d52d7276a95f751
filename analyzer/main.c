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
#include <unistd.h>

#include "baseline.h"
#include "cache.h"
#include "cworker.h"
#include "diag.h"
#include "discover.h"
#include "engine.h"
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
  int color; /* -1 auto */
  bool quiet, follow_symlinks, exit_zero;
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
      "       racelint lsp\n"
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
      "  --no-color              no colour (colour is used only on a terminal)\n"
      "  -q, --quiet             findings only: no summary, no skipped-file notes\n"
      "Configuration:\n"
      "  --config FILE           use FILE for every file instead of the closest\n"
      "                          .racelint.json\n"
      "  --print-config FILE     print the effective configuration for FILE and exit\n"
      "CI gate:\n"
      "  --baseline FILE         report only findings that are not in FILE\n"
      "  --write-baseline FILE   record today's findings in FILE (exit 0)\n"
      "  --prune-baseline        with --baseline: drop entries that no longer occur\n"
      "  --changed-since REF     analyse everything, report only files changed since\n"
      "                          the git revision REF (committed, staged, unstaged,\n"
      "                          untracked)\n"
      "  -v, --verbose           also list baseline entries that no longer occur\n"
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
      "  --root DIR              paths in reports are relative to DIR (default: the\n"
      "                          git work tree, else the current directory)\n"
      "  --version, -h, --help\n"
      "\n"
      "Exit status: 0 no findings at or above --fail-on, 1 findings, 2 error.\n",
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
    const char *lang = (r->langs & RL_LANG_C) && (r->langs & RL_LANG_JSTS) ? "c,js,ts"
                       : (r->langs & RL_LANG_C)                          ? "c"
                                                                         : "js,ts";
    printf("%-22s %-8s %-8s %s\n", r->id,
           r->off_by_default ? "off" : rl_severity_name(r->severity), lang, r->title);
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
                             "package libclang1-14 or newer (apt-get install libclang1-14)",
                             count, count == 1 ? "" : "s", why),
                 false};
  return true;
}

static char *rl_main__read_stdin(size_t *len) {
  RlBuf b = {0};
  char tmp[65536];
  size_t n;
  while ((n = fread(tmp, 1, sizeof tmp, stdin)) > 0) rl_buf_put(&b, tmp, n);
  rl_buf_cstr(&b);
  *len = b.len;
  return b.data;
}

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "lsp") == 0) return rl_lsp_main(argc - 1, argv + 1);
  /* the C parser process (cworker.h), started by racelint itself */
  if (argc >= 2 && strcmp(argv[1], "--c-worker") == 0) return rl_cworker_main(argc - 1, argv + 1);
  RlCli cli;
  memset(&cli, 0, sizeof cli);
  cli.format = RL_FMT_TEXT;
  cli.fail_on = RL_SEV_WARNING;
  cli.color = -1;
  memset(cli.rules, -1, sizeof cli.rules);
  RlSession s;
  rl_session_init(&s);
  bool bad = false, list = false, parse_only = false;
  const char *explain = NULL;
  enum {
    O_FORMAT = 256, O_FAIL_ON, O_ENABLE, O_DISABLE, O_CC, O_LIST, O_EXPLAIN, O_STDIN,
    O_NOCOLOR, O_COLOR, O_VERSION, O_MAXSIZE, O_FOLLOW, O_ROOT, O_PARSE_ONLY, O_EXIT_ZERO,
    O_CACHE_DIR, O_NO_CACHE, O_PARSE_TIMEOUT, O_CONFIG, O_PRINT_CONFIG, O_BASELINE, O_WRITE_BASELINE, O_PRUNE_BASELINE, O_CHANGED_SINCE, O_EXCLUDE, O_C_MEMORY
  };
  static const struct option opts[] = {
      {"format", required_argument, 0, O_FORMAT},
      {"output", required_argument, 0, 'o'},
      {"fail-on", required_argument, 0, O_FAIL_ON},
      {"enable", required_argument, 0, O_ENABLE},
      {"disable", required_argument, 0, O_DISABLE},
      {"jobs", required_argument, 0, 'j'},
      {"compile-commands", required_argument, 0, O_CC},
      {"list-rules", no_argument, 0, O_LIST},
      {"explain", required_argument, 0, O_EXPLAIN},
      {"stdin-filename", required_argument, 0, O_STDIN},
      {"no-color", no_argument, 0, O_NOCOLOR},
      {"color", no_argument, 0, O_COLOR},
      {"quiet", no_argument, 0, 'q'},
      {"version", no_argument, 0, O_VERSION},
      {"help", no_argument, 0, 'h'},
      {"max-file-size", required_argument, 0, O_MAXSIZE},
      {"follow-symlinks", no_argument, 0, O_FOLLOW},
      {"exclude", required_argument, 0, O_EXCLUDE},
      {"root", required_argument, 0, O_ROOT},
      {"parse-only", no_argument, 0, O_PARSE_ONLY},
      {"exit-zero", no_argument, 0, O_EXIT_ZERO},
      {"config", required_argument, 0, O_CONFIG},
      {"parse-timeout", required_argument, 0, O_PARSE_TIMEOUT},
      {"c-memory-limit", required_argument, 0, O_C_MEMORY},
      {"cache-dir", required_argument, 0, O_CACHE_DIR},
      {"no-cache", no_argument, 0, O_NO_CACHE},
      {"print-config", required_argument, 0, O_PRINT_CONFIG},
      {"baseline", required_argument, 0, O_BASELINE},
      {"write-baseline", required_argument, 0, O_WRITE_BASELINE},
      {"prune-baseline", no_argument, 0, O_PRUNE_BASELINE},
      {"changed-since", required_argument, 0, O_CHANGED_SINCE},
      {"verbose", no_argument, 0, 'v'},
      {0, 0, 0, 0}};
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":o:j:qvhI:D:", opts, NULL)) != -1) {
    switch (c) {
    case O_FORMAT:
      if (strcmp(optarg, "text") == 0) cli.format = RL_FMT_TEXT;
      else if (strcmp(optarg, "json") == 0) cli.format = RL_FMT_JSON;
      else if (strcmp(optarg, "sarif") == 0) cli.format = RL_FMT_SARIF;
      else if (strcmp(optarg, "github") == 0) cli.format = RL_FMT_GITHUB;
      else {
        fprintf(stderr, "racelint: unknown format '%s' (text, json, sarif, github)\n", optarg);
        bad = true;
      }
      break;
    case 'o': cli.output = optarg; break;
    case O_FAIL_ON:
      if (!rl_severity_parse(optarg, &cli.fail_on)) {
        fprintf(stderr, "racelint: --fail-on takes error, warning, note or none, not '%s'\n",
                optarg);
        bad = true;
      }
      break;
    case O_ENABLE: bad |= !rl_main__set_rules(&s, cli.rules, optarg, true); break;
    case O_DISABLE: bad |= !rl_main__set_rules(&s, cli.rules, optarg, false); break;
    case O_CONFIG: cli.config = optarg; break;
    case O_PRINT_CONFIG: cli.print_config = optarg; break;
    case O_BASELINE: cli.baseline = optarg; break;
    case O_WRITE_BASELINE: cli.write_baseline = optarg; break;
    case O_PRUNE_BASELINE: cli.prune_baseline = true; break;
    case O_CHANGED_SINCE: cli.changed_since = optarg; break;
    case 'v': cli.verbose = true; break;
    case 'j': {
      char *end;
      long v = strtol(optarg, &end, 10);
      if (*end || v < 1 || v > 1024) {
        fprintf(stderr, "racelint: --jobs takes a number from 1 to 1024, not '%s'\n", optarg);
        bad = true;
      } else {
        cli.jobs = (uint32_t)v;
      }
      break;
    }
    case O_CC: cli.compile_commands = optarg; break;
    case 'I': {
      char *a = rl_asprintf("-I%s", optarg);
      rl_session_add_c_arg(&s, a);
      free(a);
      break;
    }
    case 'D': {
      char *a = rl_asprintf("-D%s", optarg);
      rl_session_add_c_arg(&s, a);
      free(a);
      break;
    }
    case O_LIST: list = true; break;
    case O_EXPLAIN: explain = optarg; break;
    case O_STDIN: cli.stdin_filename = optarg; break;
    case O_NOCOLOR: cli.color = 0; break;
    case O_COLOR: cli.color = 1; break;
    case 'q': cli.quiet = true; break;
    case O_VERSION: printf("racelint %s\n", RL_VERSION); rl_session_free(&s); return 0;
    case 'h': rl_main__usage(stdout); rl_session_free(&s); return 0;
    case O_MAXSIZE:
      if (!rl_main__size(optarg, &s.max_file_size)) {
        fprintf(stderr, "racelint: bad --max-file-size '%s' (e.g. 500K, 8M)\n", optarg);
        bad = true;
      }
      break;
    case O_FOLLOW: cli.follow_symlinks = true; break;
    case O_EXCLUDE:
      if (!*optarg) {
        fprintf(stderr, "racelint: --exclude takes a glob, not an empty string\n");
        bad = true;
      } else if (cli.nexcludes == RL_COUNTOF(cli.excludes)) {
        fprintf(stderr, "racelint: more than %zu --exclude globs; use \"ignore\" in "
                        ".racelint.json\n", RL_COUNTOF(cli.excludes));
        bad = true;
      } else {
        cli.excludes[cli.nexcludes++] = optarg;
      }
      break;
    case O_CACHE_DIR: cli.cache_dir = optarg; break;
    case O_NO_CACHE: cli.no_cache = true; break;
    case O_PARSE_TIMEOUT: {
      char *end;
      long long ms = strtoll(optarg, &end, 10);
      if (*end || ms < 0 || ms > 86400000LL) {
        fprintf(stderr, "racelint: --parse-timeout takes milliseconds, not '%s'\n", optarg);
        bad = true;
      } else {
        s.parse_timeout_us = (uint64_t)ms * 1000u;
        s.c_timeout_ms = (uint64_t)ms;
      }
      break;
    }
    case O_C_MEMORY: {
      size_t v = 0;
      if (strcmp(optarg, "0") != 0 && (!rl_main__size(optarg, &v) || v < (256u << 20))) {
        fprintf(stderr, "racelint: bad --c-memory-limit '%s' (e.g. 2G; at least 256M, or 0)\n",
                optarg);
        bad = true;
      } else {
        s.c_memory_limit = v;
      }
      break;
    }
    case O_ROOT: cli.root = optarg; break;
    case O_PARSE_ONLY: parse_only = true; break;
    case O_EXIT_ZERO: cli.exit_zero = true; break;
    case ':':
      fprintf(stderr, "racelint: option '%s' needs a value\n", argv[optind - 1]);
      bad = true;
      break;
    default:
      fprintf(stderr, "racelint: unknown option '%s'\n", argv[optind - 1]);
      bad = true;
      break;
    }
  }
  if (cli.prune_baseline && !cli.baseline) {
    fprintf(stderr, "racelint: --prune-baseline needs --baseline FILE\n");
    bad = true;
  }
  if (bad) {
    fputs("Try 'racelint --help'.\n", stderr);
    rl_session_free(&s);
    return 2;
  }
  if (list) {
    rl_main__list_rules(&s);
    rl_session_free(&s);
    return 0;
  }
  if (explain) {
    const char *doc = rl_rule_doc(explain);
    if (!doc) {
      const RlRule *near = rl_main__nearest_rule(explain);
      fprintf(stderr, "racelint: unknown rule '%s'%s%s%s\n", explain,
              near ? "; did you mean '" : "", near ? near->id : "", near ? "'?" : "");
      rl_session_free(&s);
      return 2;
    }
    fputs(doc, stdout);
    rl_session_free(&s);
    return 0;
  }
  s.parse_only = parse_only;
  const char *err = NULL;
  if (!rl_session_prepare(&s, &err)) {
    fprintf(stderr, "racelint: %s\n", err);
    rl_session_free(&s);
    return 2;
  }
  git_libgit2_init();

  const char *default_paths[] = {"."};
  const char *const *paths = (const char *const *)argv + optind;
  int npaths = argc - optind;
  if (npaths == 0) {
    paths = default_paths;
    npaths = 1;
  }
  if (cli.root) {
    char *r = realpath(cli.root, NULL);
    if (!r) {
      fprintf(stderr, "racelint: --root %s: %s\n", cli.root, strerror(errno));
      rl_session_free(&s);
      git_libgit2_shutdown();
      return 2;
    }
    s.root = r;
  } else {
    s.root = rl_discover_default_root(cli.stdin_filename ? "." : paths[0]);
  }

  if (!cli.no_cache && !parse_only) {
    char *dir = cli.cache_dir ? rl_strdup(cli.cache_dir) : rl_cache_default_dir();
    s.cache = rl_cache_open(dir);
    if (!s.cache && cli.cache_dir)
      fprintf(stderr, "racelint: cannot use cache directory %s; analysing without it\n", dir);
    free(dir);
    /* this build's identity: a rebuilt binary never reuses older results */
    struct stat st;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
      exe[n] = 0;
      s.cache_salt = rl_hash_str(RL_FNV_INIT, RL_VERSION);
      if (stat(exe, &st) == 0) {
        int64_t id[3] = {(int64_t)st.st_size, (int64_t)st.st_mtim.tv_sec, (int64_t)st.st_mtim.tv_nsec};
        s.cache_salt = rl_hash_bytes(s.cache_salt, id, sizeof id);
      }
    } else {
      rl_cache_close(s.cache); /* cannot tell builds apart: do without */
      s.cache = NULL;
    }
  }
  RlConfigSet *configs = rl_configset_new(&s, cli.config);
  if (cli.print_config) {
    char *abs = realpath(cli.print_config, NULL);
    char cwd[PATH_MAX];
    if (!abs)
      abs = cli.print_config[0] == '/'
                ? rl_strdup(cli.print_config)
                : rl_path_join(getcwd(cwd, sizeof cwd) ? cwd : ".", cli.print_config);
    const RlConfig *conf = rl_configset_for(configs, abs);
    rl_config_print(&s, conf, abs, cli.rules, stdout);
    int st = 0;
    for (uint32_t i = 0; i < rl_configset_nerrors(configs); i++) {
      fprintf(stderr, "racelint: error: %s\n", rl_configset_error(configs, i));
      st = 2;
    }
    free(abs);
    rl_configset_delete(configs);
    rl_session_free(&s);
    return st;
  }

  RlDiscovery disc;
  memset(&disc, 0, sizeof disc);
  if (!cli.stdin_filename) {
    rl_discover(paths, (uint32_t)npaths, s.root, cli.follow_symlinks, &disc);
    /* drop what the configs ignore and --exclude names */
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "/");
    uint32_t k = 0;
    for (uint32_t i = 0; i < disc.files.n; i++) {
      RlFileEntry *e = &disc.files.v[i];
      bool excluded = false;
      for (uint32_t x = 0; x < cli.nexcludes && !excluded; x++)
        excluded = rl_glob_match(cli.excludes[x][0] == '/' ? "/" : cwd, cli.excludes[x],
                                 e->abs_path);
      if (excluded || rl_config_ignored(rl_configset_for(configs, e->abs_path), e->abs_path)) {
        free(e->path);
        free(e->rel_path);
        free(e->abs_path);
        continue;
      }
      disc.files.v[k++] = *e;
    }
    disc.files.n = k;
  }
  char *cc = cli.compile_commands ? rl_strdup(cli.compile_commands)
                                  : rl_main__find_compdb(s.root, paths, npaths);
  if (cc) rl_main__compdb(&s, cc, cli.compile_commands != NULL, &disc);
  free(cc);

  char *stdin_text = NULL;
  size_t stdin_len = 0;
  uint32_t jobs = cli.jobs ? cli.jobs : rl_scheduler_cpus();
  RlScan scan = {&disc, NULL, NULL, false};
  uint32_t nfiles;
  if (cli.stdin_filename) {
    size_t len;
    char *text = rl_main__read_stdin(&len);
    stdin_text = rl_strndup(text, len);
    stdin_len = len;
    char cwd[PATH_MAX];
    char *abs = cli.stdin_filename[0] == '/'
                    ? rl_strdup(cli.stdin_filename)
                    : rl_path_join(getcwd(cwd, sizeof cwd) ? cwd : ".", cli.stdin_filename);
    char *rel = rl_discover_relative(s.root, abs);
    scan.settings = rl_calloc(1, sizeof *scan.settings);
    rl_config_settings(&s, rl_configset_for(configs, abs), abs, cli.rules, &scan.settings[0]);
    RlWorker *w = rl_worker_new(&s);
    scan.results = rl_calloc(1, sizeof *scan.results);
    if (rl_engine_lang_of(cli.stdin_filename) == RL_LANG_NONE) {
      RlNotice n = {rl_strdup(cli.stdin_filename),
                    rl_strdup("--stdin-filename: not a C or JavaScript/TypeScript file name"),
                    true};
      RL_VEC_PUSH(disc.notices, n);
      nfiles = 0;
    } else {
      scan.results[0] =
          rl_engine_analyze(w, cli.stdin_filename, rel, abs, text, len, &scan.settings[0]);
      nfiles = 1;
    }
    rl_worker_delete(w);
    free(text);
    free(abs);
    free(rel);
  } else {
    nfiles = disc.files.n;
    scan.results = rl_calloc(nfiles + 1, sizeof *scan.results);
    scan.settings = rl_calloc(nfiles + 1, sizeof *scan.settings);
    for (uint32_t i = 0; i < nfiles; i++) {
      const char *abs = disc.files.v[i].abs_path;
      rl_config_settings(&s, rl_configset_for(configs, abs), abs, cli.rules, &scan.settings[i]);
    }
    scan.progress = isatty(2) && nfiles >= 50 && !cli.quiet;
    rl_scheduler_run(&s, jobs, nfiles, rl_main__analyze_one, rl_main__progress, &scan);
    if (scan.progress) fputs("\r\033[K", stderr);
  }
  /* A rule's project phase runs when some file has it on. */
  for (uint32_t r = 0; r < s.nrules; r++) {
    bool any = false;
    for (uint32_t i = 0; i < nfiles && !any; i++) any = scan.settings[i].enabled[r];
    s.enabled[r] = any;
  }
  rl_engine_project(&s, scan.results, nfiles);
  rl_suppress_apply(&s, scan.results, nfiles);
  for (uint32_t i = 0; i < rl_configset_nerrors(configs); i++) {
    RlNotice n = {NULL, rl_strdup(rl_configset_error(configs, i)), true};
    RL_VEC_PUSH(disc.notices, n);
  }

  /* Collect. */
  RL_VEC(RlDiag *) diags = {0};
  RL_VEC(RlDiag *) suppressed = {0};
  RL_VEC(RlNotice) notices = {0};
  for (uint32_t i = 0; i < disc.notices.n; i++) RL_VEC_PUSH(notices, disc.notices.v[i]);

  uint32_t scanned = 0;
  for (uint32_t i = 0; i < nfiles; i++) {
    RlEngineFile *f = scan.results[i];
    if (f->analyzed) scanned++;
    for (uint32_t j = 0; j < f->diags.n; j++) RL_VEC_PUSH(diags, f->diags.v[j]);
    for (uint32_t j = 0; j < f->suppressed.n; j++) RL_VEC_PUSH(suppressed, f->suppressed.v[j]);
    for (uint32_t j = 0; j < f->notices.n; j++) RL_VEC_PUSH(notices, f->notices.v[j]);
  }
  RlNotice no_clang;
  if (rl_main__no_libclang(scan.results, nfiles, &no_clang)) {
    RL_VEC_PUSH(notices, no_clang);
    RL_VEC_PUSH(disc.notices, no_clang); /* owned there, freed with it */
  }
  rl_diag_sort(diags.v, diags.n);
  rl_diag_fingerprints(diags.v, diags.n);
  rl_diag_sort(suppressed.v, suppressed.n);
  rl_diag_fingerprints(suppressed.v, suppressed.n);

  bool write_failed = false;
  if (cli.write_baseline) {
    int rc = rl_baseline_write(cli.write_baseline, RL_VERSION, diags.v, diags.n);
    if (rc) {
      fprintf(stderr, "racelint: error: cannot write baseline %s: %s\n", cli.write_baseline,
              strerror(rc));
      write_failed = true;
    } else if (!cli.quiet) {
      fprintf(stderr, "racelint: wrote %u finding%s to baseline %s\n", diags.n,
              diags.n == 1 ? "" : "s", cli.write_baseline);
    }
  }
  if (cli.changed_since) {
    char **changed;
    uint32_t nchanged;
    char *gerr;
    if (!rl_discover_changed_since(s.root, cli.changed_since, &changed, &nchanged, &gerr)) {
      RlNotice n = {NULL, gerr, true};
      RL_VEC_PUSH(notices, n);
      RL_VEC_PUSH(disc.notices, n); /* owned there, freed with it */
    } else if (nchanged == 0) {
      diags.n = 0; /* nothing changed: nothing to report */
      suppressed.n = 0;
    } else {
      uint32_t k = 0;
      for (uint32_t i = 0; i < diags.n; i++)
        if (bsearch(&diags.v[i]->rel_path, changed, nchanged, sizeof *changed,
                    rl_main__cmp_str))
          diags.v[k++] = diags.v[i];
      diags.n = k;
      k = 0;
      for (uint32_t i = 0; i < suppressed.n; i++)
        if (bsearch(&suppressed.v[i]->rel_path, changed, nchanged, sizeof *changed,
                    rl_main__cmp_str))
          suppressed.v[k++] = suppressed.v[i];
      suppressed.n = k;
      for (uint32_t i = 0; i < nchanged; i++) free(changed[i]);
      free(changed);
    }
  }
  RL_VEC(RlDiag *) baselined = {0};
  RlBaseline *bl = NULL;
  if (cli.baseline) {
    char *berr = NULL;
    bl = rl_baseline_load(cli.baseline, &berr);
    if (!bl) {
      RlNotice n = {NULL, berr, true};
      RL_VEC_PUSH(notices, n);
      RL_VEC_PUSH(disc.notices, n); /* owned there, freed with it */
    } else {
      rl_baseline_apply(bl, diags.v, diags.n);
      uint32_t k = 0;
      for (uint32_t i = 0; i < diags.n; i++) {
        if (strcmp(diags.v[i]->baseline, "unchanged") == 0) RL_VEC_PUSH(baselined, diags.v[i]);
        else diags.v[k++] = diags.v[i];
      }
      diags.n = k;
      if (cli.verbose) rl_baseline_absent(bl, stderr);
      if (cli.prune_baseline) {
        int rc = rl_baseline_prune(bl, cli.baseline);
        if (rc) {
          fprintf(stderr, "racelint: error: cannot rewrite baseline %s: %s\n", cli.baseline,
                  strerror(rc));
          write_failed = true;
        } else if (!cli.quiet) {
          fprintf(stderr, "racelint: pruned %u entr%s from baseline %s\n",
                  rl_baseline_absent(bl, NULL), rl_baseline_absent(bl, NULL) == 1 ? "y" : "ies",
                  cli.baseline);
        }
      }
    }
  }

  if (cli.format == RL_FMT_SARIF) {
    /* GitHub's line hashes, for the files that have results */
    for (uint32_t i = 0; i < nfiles; i++) {
      RlEngineFile *f = scan.results[i];
      if (!f->diags.n && !f->suppressed.n) continue;
      char *text = NULL;
      size_t len = 0;
      int errn;
      if (cli.stdin_filename) {
        text = rl_strndup(stdin_text ? stdin_text : "", stdin_len);
        len = stdin_len;
      } else if (rl_read_file(f->abs_path, s.max_file_size, &text, &len, &errn) != RL_READ_OK) {
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

  FILE *out = stdout;
  if (cli.output) {
    out = fopen(cli.output, "w");
    if (!out) {
      fprintf(stderr, "racelint: cannot write %s: %s\n", cli.output, strerror(errno));
      out = NULL;
    }
  }
  bool any_error = false;
  for (uint32_t i = 0; i < notices.n; i++) {
    RlNotice *n = &notices.v[i];
    if (n->is_error) any_error = true;
    if (cli.quiet && !n->is_error) continue;
    fputs("racelint: ", stderr);
    if (n->path) fprintf(stderr, "%s: ", n->path);
    fprintf(stderr, "%s%s\n", n->is_error ? "error: " : "", n->msg);
  }
  if (!cli.quiet && disc.symlinks_skipped && cli.format == RL_FMT_TEXT)
    fprintf(stderr, "racelint: %u symbolic link%s not followed (use --follow-symlinks)\n",
            disc.symlinks_skipped, disc.symlinks_skipped == 1 ? "" : "s");

  RlRun run;
  memset(&run, 0, sizeof run);
  run.tool_version = RL_VERSION;
  run.root = s.root;
  run.rules = s.rules;
  run.nrules = s.nrules;
  run.diags = diags.v;
  run.ndiags = diags.n;
  run.suppressed = suppressed.v;
  run.nsuppressed = suppressed.n;
  run.baselined = baselined.v;
  run.nbaselined = baselined.n;
  run.baseline = bl != NULL;
  run.notices = notices.v;
  run.nnotices = notices.n;
  run.files_scanned = scanned;
  run.quiet = cli.quiet;
  run.color = cli.color == 1 || (cli.color == -1 && out == stdout && isatty(1) &&
                                 !getenv("NO_COLOR"));
  if (out) {
    switch (cli.format) {
    case RL_FMT_TEXT: rl_emit_text(&run, out); break;
    case RL_FMT_JSON: rl_emit_json(&run, out); break;
    case RL_FMT_SARIF: rl_emit_sarif(&run, out); break;
    case RL_FMT_GITHUB: rl_emit_github(&run, out); break;
    }
    if (out != stdout) {
      if (fclose(out) != 0) out = NULL; /* e.g. the disk is full */
    } else if (fflush(out) != 0) {
      out = NULL;
    }
  }
  int status = 0;
  if (!out || any_error || write_failed) {
    status = 2;
  } else if (cli.write_baseline) {
    status = 0; /* today's findings are accepted */
  } else if (!cli.exit_zero && cli.fail_on != RL_SEV_NONE) {
    for (uint32_t i = 0; i < diags.n; i++)
      if (diags.v[i]->severity >= cli.fail_on) status = 1;
  }
  RL_VEC_FREE(diags);
  RL_VEC_FREE(suppressed);
  RL_VEC_FREE(baselined);
  rl_baseline_delete(bl);
  RL_VEC_FREE(notices);
  for (uint32_t i = 0; i < nfiles; i++) rl_engine_file_delete(scan.results[i]);
  free(scan.results);
  free(scan.settings);
  free(stdin_text);
  rl_configset_delete(configs);
  rl_discovery_free(&disc);
  rl_session_free(&s);
  git_libgit2_shutdown();
  return status;
}
