/* run_testdata.c - checks the inline expectations of one testdata case.
 *
 * usage: run_testdata [-I dir] PATH   (a file, or a directory = a multi-file case)
 *
 * Every file of the case is analysed in-process with all rules on (phase 1
 * and phase 2), then each finding must match a marker and each marker a
 * finding. Markers live in comments:
 *   code();   // expect: [rule-id]          this line
 *   // expect: 5 [rule-id] "substring"      the next code line (column 5)
 *   // expect@+2: [rule-id]                 two lines below the marker
 *   // expect-next-line: rule-id            the next code line
 *   // expect-note: "checked here"          a related location on that line
 *   // expect-none                          the file must have no findings
 * A file without any marker is an error, as with clang -verify.
 *
 * Rules on: the rule of the case's directory (testdata/<lang>/<rule>/...),
 * parse-error, and every rule whose id appears in the case's text (in a
 * marker or a suppression comment). Other rules are off, so a rule's
 * negative cases cannot be broken by another rule's true positives. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "cworker.h"
#include "discover.h"
#include "engine.h"
#include "pkgtypes.h"
#include "scheduler.h"
#include "session.h"
#include "suppress.h"
#include "util.h"

typedef struct Expect {
  const char *file; /* rel path */
  uint32_t line, col;
  char rule[64];
  char msg[256];
  bool note, matched;
  uint32_t marker_line;
} Expect;

typedef struct Expects {
  RL_VEC(Expect) v;
  RL_VEC(const char *) none_files; /* files with expect-none */
  int errors;
} Expects;

static bool comment_only(const char *line, const char *marker) {
  for (const char *p = line; p < marker; p++) {
    if (isspace((unsigned char)*p)) continue;
    if (p[0] == '/' && (p[1] == '/' || p[1] == '*')) return true;
    if (p[0] == '{' && p[1] == '/' && p[2] == '*') return true; /* JSX {/-star comment */
    if (p[0] == '*') return true;                             /* block comment body */
    return false;
  }
  return true;
}

static bool is_marker_line(const char *line) {
  const char *m = strstr(line, "expect");
  return m && comment_only(line, m) && (strstr(line, "//") || strstr(line, "/*"));
}

static bool blank(const char *line) {
  for (; *line; line++)
    if (!isspace((unsigned char)*line)) return false;
  return true;
}

/* Parses the markers of one file. */
static void parse_file(Expects *ex, const char *rel, const char *text) {
  RL_VEC(char *) lines = {0};
  const char *p = text;
  while (*p) {
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    char *l = rl_strndup(p, n);
    if (n && l[n - 1] == '\r') l[n - 1] = 0;
    RL_VEC_PUSH(lines, l);
    p += n + (e ? 1 : 0);
  }
  bool any = false;
  for (uint32_t i = 0; i < lines.n; i++) {
    const char *line = lines.v[i];
    const char *m = line;
    while ((m = strstr(m, "expect")) != NULL) {
      /* must be inside a comment */
      const char *c1 = strstr(line, "//"), *c2 = strstr(line, "/*");
      const char *c = c1 && (!c2 || c1 < c2) ? c1 : c2;
      if (!c || c > m || (m > line && (isalnum((unsigned char)m[-1]) || m[-1] == '_'))) {
        m += 6;
        continue;
      }
      const char *q = m + 6;
      bool note = false, next = false, none = false;
      if (strncmp(q, "-next-line", 10) == 0) next = true, q += 10;
      else if (strncmp(q, "-note", 5) == 0) note = true, q += 5;
      else if (strncmp(q, "-none", 5) == 0) none = true, q += 5;
      int rel_off = 0;
      bool has_rel = false;
      if (*q == '@') {
        rel_off = (int)strtol(q + 1, (char **)&q, 10);
        has_rel = true;
      }
      if (none) {
        RL_VEC_PUSH(ex->none_files, rel);
        any = true;
        m = q;
        continue;
      }
      if (*q != ':') {
        m = q;
        continue;
      }
      q++;
      any = true;
      Expect e;
      memset(&e, 0, sizeof e);
      e.file = rel;
      e.note = note;
      e.marker_line = i + 1;
      while (*q == ' ') q++;
      if (*q == '@') {
        rel_off = (int)strtol(q + 1, (char **)&q, 10);
        has_rel = true;
        while (*q == ' ') q++;
      }
      if (isdigit((unsigned char)*q)) {
        e.col = (uint32_t)strtoul(q, (char **)&q, 10);
        while (*q == ' ') q++;
      }
      if (!note) {
        bool br = *q == '[';
        if (br) q++;
        size_t k = 0;
        while (*q && (isalnum((unsigned char)*q) || *q == '-') && k < sizeof e.rule - 1)
          e.rule[k++] = *q++;
        if (br && *q == ']') q++;
        if (!k) {
          fprintf(stderr, "%s:%u: marker without a rule id\n", rel, i + 1);
          ex->errors++;
        }
        while (*q == ' ') q++;
      }
      if (*q == '"') {
        const char *end = strchr(q + 1, '"');
        size_t k = end ? (size_t)(end - q - 1) : strlen(q + 1);
        if (k >= sizeof e.msg) k = sizeof e.msg - 1;
        memcpy(e.msg, q + 1, k);
        q = end ? end + 1 : q + 1 + k;
      }
      if (has_rel) {
        e.line = (uint32_t)((int)(i + 1) + rel_off);
      } else if (next || comment_only(line, c)) {
        uint32_t j = i + 1;
        while (j < lines.n && (is_marker_line(lines.v[j]) || blank(lines.v[j]))) j++;
        e.line = j + 1;
      } else {
        e.line = i + 1;
      }
      RL_VEC_PUSH(ex->v, e);
      m = q;
    }
  }
  if (!any) {
    fprintf(stderr, "%s: no expectations (add `expect: [rule]` markers or `expect-none`)\n",
            rel);
    ex->errors++;
  }
  for (uint32_t i = 0; i < lines.n; i++) free(lines.v[i]);
  RL_VEC_FREE(lines);
}

static bool has_none(const Expects *ex, const char *file) {
  for (uint32_t i = 0; i < ex->none_files.n; i++)
    if (strcmp(ex->none_files.v[i], file) == 0) return true;
  return false;
}

int main(int argc, char **argv) {
  /* the engine starts this binary again as its C parser process */
  if (argc >= 2 && strcmp(argv[1], "--c-worker") == 0) return rl_cworker_main(argc - 1, argv + 1);
  RlSession s;
  rl_session_init(&s);
  const char *path = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-I") == 0 && i + 1 < argc) {
      char *a = rl_asprintf("-I%s", argv[++i]);
      rl_session_add_c_arg(&s, a);
      free(a);
    } else {
      path = argv[i];
    }
  }
  if (!path) {
    fprintf(stderr, "usage: run_testdata [-I dir] PATH\n");
    return 2;
  }
  for (uint32_t i = 0; i < s.nrules; i++) s.enabled[i] = false;
  const char *err;
  if (!rl_session_prepare(&s, &err)) {
    fprintf(stderr, "%s\n", err);
    return 2;
  }
  struct stat st;
  if (stat(path, &st) != 0) {
    perror(path);
    return 2;
  }
  char *abs = realpath(path, NULL);
  if (S_ISDIR(st.st_mode)) {
    s.root = rl_strdup(abs);
  } else {
    s.root = rl_strdup(abs);
    char *slash = strrchr(s.root, '/');
    if (slash && slash != s.root) *slash = 0;
  }
  RlDiscovery disc;
  const char *paths[] = {path};
  rl_discover(paths, 1, s.root, false, &disc);
  if (disc.files.n == 0) {
    fprintf(stderr, "%s: no source files\n", path);
    return 2;
  }
  int failures_config = 0;
  /* Which rule this case is about: testdata/<lang>/<rule>/... */
  const char *td = strstr(abs, "/testdata/");
  int case_rule = -1;
  if (td) {
    const char *lang = td + 10, *slash = strchr(lang, '/');
    if (slash) {
      const char *rule = slash + 1, *end = strchr(rule, '/');
      size_t n = end ? (size_t)(end - rule) : strlen(rule);
      for (uint32_t i = 0; i < s.nrules; i++)
        if (strlen(s.rules[i]->id) == n && strncmp(s.rules[i]->id, rule, n) == 0)
          case_rule = (int)i;
    }
  }
  if (case_rule >= 0) s.enabled[case_rule] = true;
  int pe = rl_session_rule_index(&s, "parse-error");
  if (pe >= 0) s.enabled[pe] = true;
  for (uint32_t i = 0; i < disc.files.n; i++) {
    char *text;
    size_t len;
    int errn;
    if (rl_read_file(disc.files.v[i].abs_path, 64u << 20, &text, &len, &errn) != RL_READ_OK)
      continue;
    for (uint32_t r = 0; r < s.nrules; r++)
      if (strstr(text, s.rules[r]->id)) s.enabled[r] = true;
    free(text);
  }
  /* .racelint.json files in a case apply (severities, js/c options); the
   * rule selection above wins over their on/off. */
  int8_t cli[RL_MAX_RULES];
  for (uint32_t r = 0; r < s.nrules; r++) cli[r] = s.enabled[r] ? 1 : 0;
  /* a case named *_default (file or directory) runs its rule as a user
   * with no config gets it: a rule on by default for some shapes only
   * (RlRule.narrow_default) is not turned on by name */
  if (case_rule >= 0 && strstr(abs, "_default")) cli[case_rule] = -1;
  RlConfigSet *configs = rl_configset_new(&s, NULL);
  RlFileSettings *settings = rl_calloc(disc.files.n + 1, sizeof *settings);
  for (uint32_t i = 0; i < disc.files.n; i++) {
    const char *fabs = disc.files.v[i].abs_path;
    rl_config_settings(&s, rl_configset_for(configs, fabs), fabs, cli, &settings[i]);
  }
  for (uint32_t i = 0; i < rl_configset_nerrors(configs); i++) {
    fprintf(stderr, "config error: %s\n", rl_configset_error(configs, i));
    failures_config++;
  }
  RlWorker *w = rl_worker_new(&s);
  RlEngineFile **files = rl_calloc(disc.files.n, sizeof *files);
  Expects ex;
  memset(&ex, 0, sizeof ex);
  for (uint32_t i = 0; i < disc.files.n; i++) {
    RlFileEntry *e = &disc.files.v[i];
    files[i] = rl_engine_analyze(w, e->path, e->rel_path, e->abs_path, NULL, 0, &settings[i]);
    char *text;
    size_t len;
    int errn;
    if (rl_read_file(e->abs_path, 64u << 20, &text, &len, &errn) == RL_READ_OK) {
      parse_file(&ex, e->rel_path, text);
      free(text);
    }
    for (uint32_t j = 0; j < files[i]->notices.n; j++)
      fprintf(stderr, "%s: notice: %s\n", e->rel_path, files[i]->notices.v[j].msg);
  }
  rl_worker_delete(w);
  /* a case's own node_modules (never scanned as source) gives package types */
  RlPkgTypes *pkgs = rl_pkgtypes_load(&s, 1, files, disc.files.n);
  uint32_t np;
  RlEngineFile **pf = rl_pkgtypes_files(pkgs, &np);
  RlEngineFile **all = rl_calloc(disc.files.n + np + 1, sizeof *all);
  memcpy(all, files, disc.files.n * sizeof *all);
  if (np) memcpy(all + disc.files.n, pf, np * sizeof *all);
  rl_engine_project_pkgs(&s, all, disc.files.n + np, rl_pkgtypes_resolve, pkgs);
  free(all);
  rl_suppress_apply(&s, files, disc.files.n);

  int failures = ex.errors + failures_config, ndiags = 0;
  for (uint32_t i = 0; i < disc.files.n; i++) {
    for (uint32_t j = 0; j < files[i]->diags.n; j++) {
      RlDiag *d = files[i]->diags.v[j];
      ndiags++;
      bool ok = false;
      for (uint32_t k = 0; k < ex.v.n && !ok; k++) {
        Expect *e = &ex.v.v[k];
        if (e->matched || e->note || strcmp(e->file, d->rel_path) != 0 ||
            e->line != d->loc.line || strcmp(e->rule, d->rule->id) != 0 ||
            (e->col && e->col != d->loc.col) || (e->msg[0] && !strstr(d->msg, e->msg)))
          continue;
        e->matched = ok = true;
      }
      if (!ok || has_none(&ex, d->rel_path)) {
        fprintf(stderr, "%s:%u:%u: unexpected finding [%s] %s\n", d->rel_path, d->loc.line,
                d->loc.col, d->rule->id, d->msg);
        failures++;
      }
      for (uint32_t r = 0; r < d->nrelated; r++) {
        for (uint32_t k = 0; k < ex.v.n; k++) {
          Expect *e = &ex.v.v[k];
          if (e->matched || !e->note || strcmp(e->file, d->related[r].rel_path) != 0 ||
              e->line != d->related[r].loc.line ||
              (e->msg[0] && !strstr(d->related[r].msg, e->msg)))
            continue;
          e->matched = true;
          break;
        }
      }
    }
  }
  for (uint32_t k = 0; k < ex.v.n; k++) {
    Expect *e = &ex.v.v[k];
    if (e->matched) continue;
    fprintf(stderr, "%s:%u: expected %s%s%s%s%s not found (marker at line %u)\n", e->file,
            e->line, e->note ? "note" : "[", e->note ? "" : e->rule, e->note ? "" : "]",
            e->msg[0] ? " matching " : "", e->msg, e->marker_line);
    failures++;
  }
  printf("%s: %u file%s, %d finding%s, %u expectation%s: %s\n", path, disc.files.n,
         disc.files.n == 1 ? "" : "s", ndiags, ndiags == 1 ? "" : "s", ex.v.n,
         ex.v.n == 1 ? "" : "s", failures ? "FAIL" : "ok");
  for (uint32_t i = 0; i < disc.files.n; i++) rl_engine_file_delete(files[i]);
  rl_pkgtypes_delete(pkgs);
  free(files);
  RL_VEC_FREE(ex.v);
  RL_VEC_FREE(ex.none_files);
  rl_discovery_free(&disc);
  rl_configset_delete(configs);
  free(settings);
  rl_session_free(&s);
  free(abs);
  return failures ? 1 : 0;
}
