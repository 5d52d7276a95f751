/* test_fix.c - unit tests of analyzer/report/fix.c: applying edits (overlaps,
 * repeats, the BOM, bounds), the unified diff (hunks, a missing final
 * newline), and the --fix loop's parse guard: a fix whose result does not
 * parse is left out while the others of the round are kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cworker.h"
#include "engine.h"
#include "fix.h"
#include "session.h"
#include "util.h"

static int fails, passes;

#define CHECK(cond, ...)                                  \
  do {                                                    \
    if (cond) {                                           \
      passes++;                                           \
    } else {                                              \
      fails++;                                            \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
      fprintf(stderr, __VA_ARGS__);                       \
      fputc('\n', stderr);                                \
    }                                                     \
  } while (0)

static void test_apply(void) {
  const char *t = "abcdef";
  size_t n;
  RlEdit two[] = {{4, 5, "E", {0}}, {1, 2, "B", {0}}}; /* out of order */
  char *r = rl_fix_apply(t, 6, two, 2, &n);
  CHECK(r && strcmp(r, "aBcdEf") == 0 && n == 6, "two edits: %s", r ? r : "NULL");
  free(r);
  RlEdit overlap[] = {{1, 3, "X", {0}}, {2, 4, "Y", {0}}};
  CHECK(rl_fix_apply(t, 6, overlap, 2, &n) == NULL, "overlapping edits apply");
  RlEdit same[] = {{1, 3, "X", {0}}, {1, 3, "X", {0}}};
  r = rl_fix_apply(t, 6, same, 2, &n);
  CHECK(r && strcmp(r, "aXdef") == 0, "a repeated edit: %s", r ? r : "NULL");
  free(r);
  RlEdit ins[] = {{2, 2, "1", {0}}, {2, 2, "2", {0}}};
  CHECK(rl_fix_apply(t, 6, ins, 2, &n) == NULL, "two insertions at one point apply");
  RlEdit out[] = {{5, 9, "", {0}}};
  CHECK(rl_fix_apply(t, 6, out, 1, &n) == NULL, "an edit past the end applies");
  RlEdit adj[] = {{1, 2, "", {0}}, {2, 2, "+", {0}}};
  r = rl_fix_apply(t, 6, adj, 2, &n);
  CHECK(r && strcmp(r, "a+cdef") == 0, "adjacent edits: %s", r ? r : "NULL");
  free(r);
  const char bom[] = "\xEF\xBB\xBF// x\ncode\n";
  RlEdit del[] = {{0, 8, "", {0}}}; /* a whole first line, from offset 0 */
  r = rl_fix_apply(bom, sizeof bom - 1, del, 1, &n);
  CHECK(r && strcmp(r, "\xEF\xBB\xBF" "code\n") == 0, "the BOM is kept: %s", r ? r : "NULL");
  free(r);
}

static char *diff(const char *a, const char *b) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  rl_fix_diff(f, "d/x.js", a, strlen(a), b, strlen(b));
  fclose(f);
  return buf;
}

static void test_diff(void) {
  char *d = diff("same\n", "same\n");
  CHECK(d && *d == 0, "equal texts give a diff: %s", d);
  free(d);
  RlBuf a = {0}, b = {0};
  for (int i = 1; i <= 30; i++) {
    rl_buf_printf(&a, "line %d\n", i);
    rl_buf_printf(&b, i == 3 ? "LINE %d\n" : i == 25 ? "" : "line %d\n", i);
  }
  rl_buf_cstr(&a);
  rl_buf_cstr(&b);
  d = diff(a.data, b.data);
  const char *first = "--- a/d/x.js\n+++ b/d/x.js\n@@ -1,6 +1,6 @@\n line 1\n line 2\n-line 3\n"
                      "+LINE 3\n line 4\n";
  CHECK(strncmp(d, first, strlen(first)) == 0, "first hunk:\n%s", d);
  CHECK(strstr(d, "@@ -22,7 +22,6 @@\n line 22\n line 23\n line 24\n-line 25\n line 26\n") != NULL,
        "second hunk:\n%s", d);
  free(d);
  rl_buf_free(&a);
  rl_buf_free(&b);
  d = diff("a\nb", "a\nc");
  CHECK(strcmp(d, "--- a/d/x.js\n+++ b/d/x.js\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of "
                  "file\n+c\n\\ No newline at end of file\n") == 0,
        "no final newline:\n%s", d);
  free(d);
  d = diff("", "new\n");
  CHECK(strcmp(d, "--- a/d/x.js\n+++ b/d/x.js\n@@ -0,0 +1,1 @@\n+new\n") == 0, "from empty:\n%s", d);
  free(d);
}

/* The parse guard: of two fixes of one round, the one that breaks the
 * parse is left out, the other kept. */
static void test_guard(void) {
  char dir[] = "/tmp/rl-fix-test-XXXXXX";
  if (!mkdtemp(dir)) {
    CHECK(0, "mkdtemp");
    return;
  }
  char *path = rl_path_join(dir, "g.js");
  const char *src = "async function save(x) {\n  if (!x) throw new Error('no');\n  return x;\n}\n"
                    "function a() {\n  save(1);\n}\nfunction b() {\n  save(2);\n}\n";
  FILE *f = fopen(path, "w");
  fputs(src, f);
  fclose(f);
  RlSession s;
  rl_session_init(&s);
  const char *err = NULL;
  CHECK(rl_session_prepare(&s, &err), "session: %s", err ? err : "");
  s.root = rl_strdup(dir);
  /* floating-promise is on for one shape by default: every shape, as
   * --enable would */
  int fp = rl_session_rule_index(&s, "floating-promise");
  CHECK(fp >= 0, "floating-promise is registered");
  if (fp >= 0) s.enabled[fp] = true, s.narrow[fp] = false;
  RlWorker *w = rl_worker_new(&s);
  RlEngineFile *files[1] = {rl_engine_analyze(w, path, "g.js", path, NULL, 0, NULL)};
  rl_worker_delete(w);
  RlEngineFile *fe = files[0];
  CHECK(fe->local.n == 2 && !fe->parse_error, "two floating promises, no parse error (%u)",
        fe->local.n);
  if (fe->local.n == 2) { /* the first finding's fix now breaks the parse */
    RlDiag *d = fe->local.v[0];
    uint32_t at = d->loc.start;
    d->nfixes = 0;
    rl_fix_add(&fe->keep, d, "break it", RL_FIX_SAFE, at, at, "(((", NULL);
  }
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  RlFixRun run;
  memset(&run, 0, sizeof run);
  run.policy.unsafe = true;
  run.diff = out;
  run.max_rounds = 1;
  bool any = rl_fix_run(&s, files, NULL, 1, &run);
  fclose(out);
  CHECK(any && run.applied == 1 && run.rejected == 1, "applied %u, rejected %u", run.applied,
        run.rejected);
  CHECK(buf && !strstr(buf, "(((") && strstr(buf, "+  await save(2);") == NULL &&
            strstr(buf, "+  void save(2);") != NULL,
        "the diff:\n%s", buf ? buf : "");
  CHECK(!files[0]->parse_error, "the result parses");
  free(buf);
  /* the file itself is untouched (no write) */
  char *now = NULL;
  size_t nl = 0;
  int e = 0;
  CHECK(rl_read_file(path, 1 << 20, &now, &nl, &e) == RL_READ_OK && nl == strlen(src) &&
            memcmp(now, src, nl) == 0,
        "--diff wrote the file");
  free(now);
  rl_engine_file_delete(files[0]);
  rl_session_free(&s);
  unlink(path);
  rmdir(dir);
  free(path);
}

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "--c-worker") == 0) return rl_cworker_main(argc - 1, argv + 1);
  test_apply();
  test_diff();
  test_guard();
  printf("%d passed, %d failed\n", passes, fails);
  return fails ? 1 : 0;
}
