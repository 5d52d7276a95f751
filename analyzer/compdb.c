/* compdb.c - reads compile_commands.json with jansson and turns each entry
 * into safe clang arguments (see compdb.h). */
#include "compdb.h"

#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

typedef struct RlCompEntry {
  char *file; /* absolute, normalised */
  char **args;
  uint32_t nargs;
} RlCompEntry;

struct RlCompDb {
  RlCompEntry *v;
  uint32_t n;
};

/* Splits a shell-like command line (quotes and backslashes, no expansion). */
static char **rl_compdb__split(const char *cmd, uint32_t *n) {
  RL_VEC(char *) out = {0};
  const char *p = cmd;
  for (;;) {
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    if (!*p) break;
    RlBuf b = {0};
    char q = 0;
    for (; *p; p++) {
      if (q) {
        if (*p == q) q = 0;
        else if (*p == '\\' && q == '"' && p[1]) rl_buf_putc(&b, *++p);
        else rl_buf_putc(&b, *p);
      } else if (*p == '"' || *p == '\'') {
        q = *p;
      } else if (*p == '\\' && p[1]) {
        rl_buf_putc(&b, *++p);
      } else if (*p == ' ' || *p == '\t' || *p == '\n') {
        break;
      } else {
        rl_buf_putc(&b, *p);
      }
    }
    rl_buf_cstr(&b);
    RL_VEC_PUSH(out, b.data);
  }
  *n = out.n;
  return out.v;
}

/* Flags that take the next argument as a path to resolve. */
static const char *const rl_compdb__path_flags[] = {
    "-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-iprefix"};
/* Flags whose value is separate and irrelevant (dropped with the value). */
static const char *const rl_compdb__drop_with_value[] = {"-o", "-MF", "-MT", "-MQ",
                                                         "-arch", "-Xlinker"};
/* Flags dropped alone. */
static const char *const rl_compdb__drop[] = {"-c", "-S", "-E", "-M", "-MM", "-MD",
                                              "-MMD", "-MP", "-MG", "-pipe"};

static bool rl_compdb__is_source(const char *a) {
  static const char *const exts[] = {".c", ".h", ".cc", ".cpp", ".cxx", ".o", ".s", ".S"};
  if (a[0] == '-') return false;
  for (size_t i = 0; i < RL_COUNTOF(exts); i++)
    if (rl_str_ends_with(a, exts[i])) return true;
  return false;
}

static char *rl_compdb__abs(const char *dir, const char *p) {
  if (p[0] == '/' || !dir || !*dir) return rl_strdup(p);
  return rl_path_join(dir, p);
}

char **rl_compdb_filter(const char *const *argv, uint32_t argc, const char *dir,
                        RlBuf *warnings, uint32_t *nout) {
  RL_VEC(char *) out = {0};
  for (uint32_t i = 1; i < argc; i++) {
    const char *a = argv[i];
    bool dropped_value = false;
    for (size_t k = 0; k < RL_COUNTOF(rl_compdb__drop_with_value); k++)
      if (strcmp(a, rl_compdb__drop_with_value[k]) == 0) dropped_value = true;
    if (dropped_value) {
      i++;
      continue;
    }
    bool drop = false;
    for (size_t k = 0; k < RL_COUNTOF(rl_compdb__drop); k++)
      if (strcmp(a, rl_compdb__drop[k]) == 0) drop = true;
    if (drop || (a[0] == '-' && a[1] == 'o' && a[2]) || rl_str_starts_with(a, "-MF") ||
        rl_str_starts_with(a, "-MT") || rl_str_starts_with(a, "-MQ"))
      continue;
    /* Flags that load code or write files: never passed to libclang. */
    bool unsafe = rl_str_starts_with(a, "-fplugin") ||
                  rl_str_starts_with(a, "-fpass-plugin") || rl_str_starts_with(a, "-B") ||
                  rl_str_starts_with(a, "--config") || a[0] == '@' ||
                  rl_str_starts_with(a, "-save-temps") ||
                  rl_str_starts_with(a, "-ftime-trace") || strcmp(a, "-load") == 0 ||
                  rl_str_starts_with(a, "-specs") || rl_str_starts_with(a, "--gcc-toolchain") ||
                  rl_str_starts_with(a, "-fprofile-") || rl_str_starts_with(a, "-fcrash-diagnostics");
    if (strcmp(a, "-Xclang") == 0 || strcmp(a, "-mllvm") == 0 || strcmp(a, "-Xanalyzer") == 0 ||
        strcmp(a, "-Xassembler") == 0 || strcmp(a, "-Xpreprocessor") == 0) {
      /* Everything passed through to cc1 is dropped: -Xclang -load ... */
      if (i + 1 < argc) {
        rl_buf_printf(warnings, "dropped '%s %s' (may load code)\n", a, argv[i + 1]);
        i++;
        if (i + 1 < argc && strcmp(a, "-Xclang") == 0 &&
            (strcmp(argv[i], "-load") == 0 || strcmp(argv[i], "-plugin") == 0 ||
             strcmp(argv[i], "-add-plugin") == 0 || strcmp(argv[i], "-plugin-arg") == 0) &&
            i + 2 < argc && strcmp(argv[i + 1], "-Xclang") == 0)
          i += 2; /* -Xclang -load -Xclang lib.so */
      }
      continue;
    }
    if (unsafe) {
      rl_buf_printf(warnings, "dropped '%s' (may load code or write files)\n", a);
      continue;
    }
    if (rl_compdb__is_source(a)) continue;
    bool path_flag = false;
    for (size_t k = 0; k < RL_COUNTOF(rl_compdb__path_flags); k++) {
      size_t fl = strlen(rl_compdb__path_flags[k]);
      if (strcmp(a, rl_compdb__path_flags[k]) == 0 && i + 1 < argc) {
        RL_VEC_PUSH(out, rl_strdup(a));
        RL_VEC_PUSH(out, rl_compdb__abs(dir, argv[++i]));
        path_flag = true;
        break;
      }
      if (strncmp(a, rl_compdb__path_flags[k], fl) == 0 && a[fl] &&
          strcmp(rl_compdb__path_flags[k], "-I") == 0) {
        char *p = rl_compdb__abs(dir, a + fl);
        RL_VEC_PUSH(out, rl_asprintf("-I%s", p));
        free(p);
        path_flag = true;
        break;
      }
    }
    if (path_flag) continue;
    RL_VEC_PUSH(out, rl_strdup(a));
  }
  RL_VEC_PUSH(out, NULL);
  *nout = out.n - 1;
  return out.v;
}

void rl_compdb_free_args(char **args) {
  if (!args) return;
  for (char **p = args; *p; p++) free(*p);
  free(args);
}

static int rl_compdb__cmp(const void *a, const void *b) {
  return strcmp(((const RlCompEntry *)a)->file, ((const RlCompEntry *)b)->file);
}

RlCompDb *rl_compdb_load(const char *path, char **err, char **warnings) {
  *err = NULL;
  *warnings = NULL;
  json_error_t je;
  json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
  if (!root) {
    *err = rl_asprintf("%s:%d:%d: invalid JSON: %s", path, je.line, je.column, je.text);
    return NULL;
  }
  if (!json_is_array(root)) {
    *err = rl_asprintf("%s: expected a JSON array of compile commands", path);
    json_decref(root);
    return NULL;
  }
  RlCompDb *db = rl_calloc(1, sizeof *db);
  RlBuf warn = {0};
  size_t idx;
  json_t *e;
  uint32_t skipped = 0;
  db->v = rl_calloc(json_array_size(root) + 1, sizeof *db->v);
  json_array_foreach(root, idx, e) {
    const char *dir = json_string_value(json_object_get(e, "directory"));
    const char *file = json_string_value(json_object_get(e, "file"));
    json_t *args = json_object_get(e, "arguments");
    const char *cmd = json_string_value(json_object_get(e, "command"));
    if (!json_is_object(e) || !dir || !file || (!json_is_array(args) && !cmd)) {
      skipped++;
      continue;
    }
    char **argv;
    uint32_t argc = 0;
    if (json_is_array(args)) {
      argv = rl_calloc(json_array_size(args) + 1, sizeof *argv);
      size_t j;
      json_t *a;
      json_array_foreach(args, j, a) {
        if (json_is_string(a)) argv[argc++] = rl_strdup(json_string_value(a));
      }
    } else {
      argv = rl_compdb__split(cmd, &argc);
    }
    RlBuf w = {0};
    RlCompEntry *ce = &db->v[db->n++];
    ce->args = rl_compdb_filter((const char *const *)argv, argc, dir, &w, &ce->nargs);
    for (uint32_t k = 0; k < argc; k++) free(argv[k]);
    free(argv);
    char *abs = rl_compdb__abs(dir, file);
    char *real = realpath(abs, NULL);
    ce->file = real ? real : rl_strdup(abs);
    free(abs);
    if (w.len) rl_buf_printf(&warn, "%s: %s", ce->file, rl_buf_cstr(&w));
    rl_buf_free(&w);
  }
  json_decref(root);
  if (skipped) rl_buf_printf(&warn, "%s: %u malformed entries ignored\n", path, skipped);
  qsort(db->v, db->n, sizeof *db->v, rl_compdb__cmp);
  *warnings = warn.data;
  return db;
}

void rl_compdb_delete(RlCompDb *self) {
  if (!self) return;
  for (uint32_t i = 0; i < self->n; i++) {
    free(self->v[i].file);
    rl_compdb_free_args(self->v[i].args);
  }
  free(self->v);
  free(self);
}

const char *const *rl_compdb_args(const RlCompDb *self, const char *abs_path,
                                  uint32_t *n) {
  if (!self) return NULL;
  RlCompEntry key = {.file = (char *)abs_path};
  RlCompEntry *e = bsearch(&key, self->v, self->n, sizeof key, rl_compdb__cmp);
  if (!e) return NULL;
  *n = e->nargs;
  return (const char *const *)e->args;
}

uint32_t rl_compdb_size(const RlCompDb *self) { return self ? self->n : 0; }
