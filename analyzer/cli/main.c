/* main.c - the racelint command line: discovery, the two phases,
 * output and exit status (0 clean, 1 findings at or above --fail-on,
 * 2 usage/config/internal error). `racelint lsp` is the editor server.
 * The options are options.c's; what both share is cli.h. */
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
#include "pkgtypes.h"
#include "linehash.h"
#include "lsp.h"
#include "scheduler.h"
#include "session.h"
#include "suppress.h"
#include "util.h"

#ifndef RL_VERSION
#define RL_VERSION "0.0.0-dev"
#endif

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

/* Section - the steps of a run */

static bool rl_main__print_notices(RlMain *m);


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

/* Plain --fix or --diff left safe fixes because their rules have not met
 * the precision targets (rl_fix_held): says so once, with how many and
 * the --fix-only that applies them. */
static void rl_main__fix_held(RlMain *m, const RlFixPolicy *p) {
  bool rule[RL_MAX_RULES] = {0};
  uint32_t n = 0;
  for (uint32_t i = 0; i < m->nfiles; i++) {
    const RlEngineFile *f = m->scan.results[i];
    for (uint32_t j = 0; j < f->diags.n; j++) {
      const RlDiag *d = f->diags.v[j];
      if (!rl_fix_held(&m->s, p, d)) continue;
      n++;
      rule[rl_session_rule_index(&m->s, d->rule->id)] = true;
    }
  }
  if (!n) return;
  RlBuf ids = {0};
  for (uint32_t r = 0; r < m->s.nrules; r++) {
    if (!rule[r]) continue;
    if (ids.len) rl_buf_puts(&ids, ",");
    rl_buf_puts(&ids, m->s.rules[r]->id);
  }
  rl_buf_cstr(&ids);
  fprintf(stderr,
          "racelint: %s left %u safe fix%s of %s: their rules have not met the precision targets "
          "that plain --fix requires (docs/fixes.md); --fix-only %s applies %s\n",
          m->diff ? "--diff" : "--fix", n, n == 1 ? "" : "es", ids.data, ids.data,
          n == 1 ? "it" : "them");
  free(ids.data);
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
  if (!m->cli.quiet) rl_main__fix_held(m, &run.policy);
}

/* Phase 2 over the scanned files and, when floating-promise or
 * callback-promise-mix is on, the .d.ts of the packages they import
 * (pkgtypes.h): one notice for the run when some could not be found. */
static void rl_main__project(RlMain *m) {
  RlSession *s = &m->s;
  bool want = rl_engine_any_enabled(s, m->scan.results, m->nfiles, "floating-promise") ||
              rl_engine_any_enabled(s, m->scan.results, m->nfiles, "callback-promise-mix");
  if (!want || s->parse_only) {
    rl_engine_project(s, m->scan.results, m->nfiles);
    return;
  }
  m->pkgs = rl_pkgtypes_load(s, m->cli.jobs ? m->cli.jobs : rl_scheduler_cpus(),
                             m->scan.results, m->nfiles);
  uint32_t np;
  RlEngineFile **pf = rl_pkgtypes_files(m->pkgs, &np);
  RlEngineFile **all = rl_calloc(m->nfiles + np + 1, sizeof *all);
  memcpy(all, m->scan.results, m->nfiles * sizeof *all);
  if (np) memcpy(all + m->nfiles, pf, np * sizeof *all);
  rl_engine_project_pkgs(s, all, m->nfiles + np, rl_pkgtypes_resolve, m->pkgs);
  free(all);
  const char *msg = rl_pkgtypes_notice(m->pkgs);
  if (msg) {
    RlNotice n = {NULL, rl_strdup(msg), false};
    RL_VEC_PUSH(m->disc.notices, n);
  }
}

/* Phase 2 (the project phase and suppressions), then every finding and
 * notice of the run collected, sorted and fingerprinted. */
static void rl_main__collect(RlMain *m) {
  RlSession *s = &m->s;
  uint32_t nfiles = m->nfiles;
  rl_main__project_rules(m);
  rl_main__project(m);
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
  uint32_t imported, found, dts, big;
  rl_pkgtypes_counts(m->pkgs, &imported, &found, &dts, &big);
  if (imported)
    fprintf(out,
            "package types: %u of %u imported package%s found, %u declaration file%s read, "
            "%u over %u KiB skipped\n",
            found, imported, imported == 1 ? "" : "s", dts, dts == 1 ? "" : "s", big,
            RL_PKGTYPES_MAX_FILE >> 10);
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
  rl_pkgtypes_delete(m->pkgs);
  free(m->scan.results);
  free(m->scan.settings);
  free(m->stdin_text);
  for (uint32_t i = 0; i < m->nchanged; i++) free(m->changed[i]);
  free(m->changed);
  rl_configset_delete(m->configs);
  rl_discovery_free(&m->disc);
}

/* The include directories and generated headers the project's layout
 * implies (incdisc.h), after any -I given: for every C file without a
 * compile_commands.json, else for the files it has no entry for (headers,
 * sources the build skipped: tests, other platforms). Stubs live in the
 * cache directory, named by the root, so that cached results stay valid
 * from run to run. */
static void rl_main__discover_includes(RlMain *m) {
  RL_VEC(const char *) c = {0};
  uint32_t nodb = 0; /* .c files the database has no entry for */
  for (uint32_t i = 0; i < m->disc.files.n; i++) {
    const char *p = m->disc.files.v[i].abs_path;
    uint32_t na;
    bool src = rl_str_ends_with(p, ".c");
    if (src || rl_str_ends_with(p, ".h")) RL_VEC_PUSH(c, p);
    if (src && m->s.compdb && !rl_compdb_args(m->s.compdb, p, &na)) nodb++;
  }
  if (c.n && (!m->s.compdb || nodb)) {
    char *base = m->cli.cache_dir ? rl_strdup(m->cli.cache_dir) : rl_cache_default_dir();
    char *stubs = base ? rl_asprintf("%s/stubs-%016llx", base,
                                     (unsigned long long)rl_hash_str(RL_FNV_INIT, m->s.root))
                       : NULL;
    /* outside git and without --root, the root is the first path
     * (`racelint src` in a tarball): its package's headers may lie beside
     * it (../include) */
    char *hroot = m->cli.root ? NULL : rl_incdisc_header_root(m->s.root);
    RlIncDisc *d = rl_incdisc_new(m->s.root, hroot, c.v, c.n, stubs);
    free(hroot);
    uint32_t n;
    const char *const *args = rl_incdisc_args(d, &n);
    for (uint32_t i = 0; i < n; i++) {
      if (m->s.compdb) rl_session_add_c_found_arg(&m->s, args[i]);
      else rl_session_add_c_arg(&m->s, args[i]);
    }
    if (rl_incdisc_nstubs(d) && stubs) m->s.c_stub_dir = rl_strdup(stubs);
    if (rl_incdisc_ndirs(d) || rl_incdisc_nstubs(d)) {
      char *what = m->s.compdb ? rl_asprintf("%u C file%s without a compile_commands.json entry",
                                             nodb, nodb == 1 ? "" : "s")
                               : rl_strdup("no compile_commands.json");
      RlNotice no = {NULL,
                     rl_asprintf("%s: using %u include director%s "
                                 "found from the sources' #include lines and %u stand-in%s "
                                 "for generated headers",
                                 what, rl_incdisc_ndirs(d), rl_incdisc_ndirs(d) == 1 ? "y" : "ies",
                                 rl_incdisc_nstubs(d), rl_incdisc_nstubs(d) == 1 ? "" : "s"),
                     false};
      free(what);
      RL_VEC_PUSH(m->disc.notices, no);
    }
    rl_incdisc_delete(d);
    free(stubs);
    free(base);
  }
  RL_VEC_FREE(c);
}

/* RACELINT_DUMP_C_FACTS=FILE: each C file's per-function fact
 * fingerprints (cache.h), for bench/buildfree/agree.sh. Not an option: a
 * measuring aid, not an output format. */
static void rl_main__dump_c_facts(const RlMain *m) {
  const char *p = getenv("RACELINT_DUMP_C_FACTS");
  FILE *o = p && *p ? fopen(p, "w") : NULL;
  if (!o) return;
  for (uint32_t i = 0; i < m->nfiles; i++) rl_cache_dump_c_facts(o, m->scan.results[i]);
  fclose(o);
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
  if (!m->cli.stdin_filename) rl_main__discover_includes(m);
  m->scan.disc = &m->disc;
  if (m->cli.stdin_filename) rl_main__scan_stdin(m);
  else rl_main__scan_files(m);
  if (m->fix || m->diff) rl_main__fix(m);
  rl_main__collect(m);
  rl_main__dump_c_facts(m);
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
  int status = rl_options_parse(&m, argc, argv);
  if (status < 0) status = rl_options_info(&m);
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
