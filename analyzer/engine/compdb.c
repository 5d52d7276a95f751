/* compdb.c - reads compile_commands.json with jansson and turns each entry
 * into safe clang arguments through an allow-list (see compdb.h). */
#include "compdb.h"

#include <errno.h>
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

static char *rl_compdb__abs(const char *dir, const char *p) {
  if (p[0] == '/' || !dir || !*dir) return rl_strdup(p);
  return rl_path_join(dir, p);
}

/* Section - the flag allow-list
 *
 * Each command-line argument is matched against the table below, first
 * match wins. What is not in the table is dropped and counted: the database
 * is the repository's data, and a flag nobody listed here may name an
 * output, a plugin, a cache or a response file (-MJ, -Wp,-MD,..., @file,
 * -fmodules-cache-path=, --write-dependencies, ...). */

typedef enum RlArgForm {
  RL_ARG_EXACT,  /* the flag alone */
  RL_ARG_SEP,    /* the flag, then its value as the next argument */
  RL_ARG_JOINED, /* a prefix with the value attached (-Dx, -std=c11, -m64) */
  RL_ARG_BOTH,   /* RL_ARG_SEP or RL_ARG_JOINED (-I dir, -Idir) */
} RlArgForm;

typedef enum RlArgAction {
  RL_ARG_PASS,   /* given to libclang as it is */
  RL_ARG_PATH,   /* given to libclang, the value made absolute */
  RL_ARG_IGNORE, /* irrelevant to analysis and harmless: dropped silently */
  RL_ARG_DROP,   /* dropped and counted (with its value) */
} RlArgAction;

typedef struct RlArgRule {
  const char *name;
  RlArgForm form;
  RlArgAction action;
} RlArgRule;

static const RlArgRule rl_compdb__rules[] = {
    /* where headers come from */
    {"-I", RL_ARG_BOTH, RL_ARG_PATH},
    {"-isystem", RL_ARG_BOTH, RL_ARG_PATH},
    {"-iquote", RL_ARG_BOTH, RL_ARG_PATH},
    {"-idirafter", RL_ARG_BOTH, RL_ARG_PATH},
    {"-include", RL_ARG_BOTH, RL_ARG_PATH},
    {"-imacros", RL_ARG_BOTH, RL_ARG_PATH},
    {"-iprefix", RL_ARG_BOTH, RL_ARG_PATH},
    {"-isysroot", RL_ARG_BOTH, RL_ARG_PATH},
    {"--sysroot=", RL_ARG_JOINED, RL_ARG_PATH},
    {"--sysroot", RL_ARG_SEP, RL_ARG_PATH},
    {"-nostdinc", RL_ARG_EXACT, RL_ARG_PASS},
    {"-nostdlibinc", RL_ARG_EXACT, RL_ARG_PASS},
    {"-nobuiltininc", RL_ARG_EXACT, RL_ARG_PASS},
    /* macros, language, standard, target */
    {"-D", RL_ARG_BOTH, RL_ARG_PASS},
    {"-U", RL_ARG_BOTH, RL_ARG_PASS},
    {"-std=", RL_ARG_JOINED, RL_ARG_PASS},
    {"--std=", RL_ARG_JOINED, RL_ARG_PASS},
    {"-ansi", RL_ARG_EXACT, RL_ARG_PASS},
    {"-x", RL_ARG_BOTH, RL_ARG_PASS}, /* value checked in rl_compdb__lang_ok */
    {"--target=", RL_ARG_JOINED, RL_ARG_PASS},
    {"-target", RL_ARG_SEP, RL_ARG_PASS},
    {"-pthread", RL_ARG_EXACT, RL_ARG_PASS},
    {"-w", RL_ARG_EXACT, RL_ARG_PASS},
    /* cc1 pass-throughs and value-taking flags that write, read or load:
     * listed so that their value is consumed (and counted) with them */
    {"-mllvm", RL_ARG_SEP, RL_ARG_DROP},
    {"-Xclang", RL_ARG_SEP, RL_ARG_DROP},
    {"-Xanalyzer", RL_ARG_SEP, RL_ARG_DROP},
    {"-Xassembler", RL_ARG_SEP, RL_ARG_DROP},
    {"-Xpreprocessor", RL_ARG_SEP, RL_ARG_DROP},
    {"-Xlinker", RL_ARG_SEP, RL_ARG_DROP},
    {"-MF", RL_ARG_BOTH, RL_ARG_DROP},
    {"-MJ", RL_ARG_BOTH, RL_ARG_DROP},
    {"-MT", RL_ARG_BOTH, RL_ARG_DROP},
    {"-MQ", RL_ARG_BOTH, RL_ARG_DROP},
    {"-dependency-file", RL_ARG_SEP, RL_ARG_DROP},
    {"-dependency-dot", RL_ARG_SEP, RL_ARG_DROP},
    {"-include-pch", RL_ARG_SEP, RL_ARG_DROP},
    {"-ivfsoverlay", RL_ARG_SEP, RL_ARG_DROP},
    {"-iwithprefix", RL_ARG_SEP, RL_ARG_DROP},
    {"-iwithprefixbefore", RL_ARG_SEP, RL_ARG_DROP},
    {"-main-file-name", RL_ARG_SEP, RL_ARG_DROP},
    {"-serialize-diagnostics", RL_ARG_SEP, RL_ARG_DROP},
    {"--serialize-diagnostics", RL_ARG_SEP, RL_ARG_DROP},
    {"-specs", RL_ARG_SEP, RL_ARG_DROP},
    {"--config", RL_ARG_SEP, RL_ARG_DROP},
    /* the compile itself: outputs, optimisation, debug info, linking */
    {"-o", RL_ARG_BOTH, RL_ARG_IGNORE},
    {"-c", RL_ARG_EXACT, RL_ARG_IGNORE},
    {"-pipe", RL_ARG_EXACT, RL_ARG_IGNORE},
    {"-O", RL_ARG_EXACT, RL_ARG_IGNORE},
    {"-O", RL_ARG_JOINED, RL_ARG_IGNORE},
    {"-g", RL_ARG_EXACT, RL_ARG_IGNORE},
    {"-g", RL_ARG_JOINED, RL_ARG_IGNORE},
    {"-pedantic", RL_ARG_EXACT, RL_ARG_IGNORE},
    {"-pedantic", RL_ARG_JOINED, RL_ARG_IGNORE},
    {"-shared", RL_ARG_EXACT, RL_ARG_IGNORE},
    {"-static", RL_ARG_EXACT, RL_ARG_IGNORE},
    {"-rdynamic", RL_ARG_EXACT, RL_ARG_IGNORE},
    {"-s", RL_ARG_EXACT, RL_ARG_IGNORE},
    {"-l", RL_ARG_BOTH, RL_ARG_IGNORE},
    {"-L", RL_ARG_BOTH, RL_ARG_IGNORE},
    {"-arch", RL_ARG_SEP, RL_ARG_IGNORE},
};

/* -f flags that change what the code means (types, extensions, predefined
 * macros), each also as -fno-<name>. */
static const char *const rl_compdb__f_flags[] = {
    "signed-char", "unsigned-char", "short-enums", "short-wchar", "ms-extensions",
    "ms-compatibility", "gnu89-inline", "blocks", "openmp", "openmp-simd", "builtin",
    "freestanding", "hosted", "common", "pic", "PIC", "pie", "PIE", "wrapv", "trapv",
    "strict-aliasing", "exceptions", "gnu-keywords", "asm", "dollars-in-identifiers",
    "declspec", "fast-math", "finite-math-only", "math-errno", "omit-frame-pointer",
    "stack-protector", "stack-protector-strong", "stack-protector-all",
    "delete-null-pointer-checks", "zero-initialized-in-bss", "gnu-inline-asm",
    "char8_t", "rtti", "threadsafe-statics", "pack-struct", "strict-overflow",
    "lax-vector-conversions", "single-precision-constant", "cxx-exceptions",
};
/* -f flags with a value that change what the code means. */
static const char *const rl_compdb__f_valued[] = {
    "-fvisibility=", "-fms-compatibility-version=", "-fsanitize=", "-fno-sanitize=",
    "-fopenmp=", "-fgnuc-version=", "-fpack-struct=", "-fno-builtin-", "-fmax-type-align=",
    "-fwchar-type=", "-fms-runtime-lib=",
};
/* -f flags irrelevant to analysis and harmless: dropped silently. */
static const char *const rl_compdb__f_ignored[] = {
    "-fdiagnostics-", "-fcolor-diagnostics", "-fno-color-diagnostics", "-fdata-sections",
    "-ffunction-sections", "-fno-data-sections", "-fno-function-sections", "-fno-plt",
    "-fplt", "-fstack-clash-protection", "-fcf-protection", "-fvar-tracking",
    "-fno-var-tracking", "-fasynchronous-unwind-tables", "-fno-asynchronous-unwind-tables",
    "-funwind-tables", "-fno-unwind-tables", "-flto", "-fno-lto", "-fmessage-length=",
    "-fno-semantic-interposition", "-fsemantic-interposition", "-fno-ident", "-fident",
    "-fmerge-all-constants", "-fno-merge-all-constants", "-fexcess-precision=",
    "-fno-stack-protector", "-fjump-tables", "-fno-jump-tables", "-ftree-",
    "-fno-tree-", "-finline", "-fno-inline", "-fvect-cost-model", "-funroll-loops",
    "-fno-unroll-loops", "-fno-strict-overflow", "-fno-delete-null-pointer-checks",
};

static bool rl_compdb__f_ok(const char *a) {
  const char *name = a + 2;
  if (rl_str_starts_with(name, "no-")) name += 3;
  for (size_t i = 0; i < RL_COUNTOF(rl_compdb__f_flags); i++)
    if (strcmp(name, rl_compdb__f_flags[i]) == 0) return true;
  for (size_t i = 0; i < RL_COUNTOF(rl_compdb__f_valued); i++)
    if (rl_str_starts_with(a, rl_compdb__f_valued[i]) && a[strlen(rl_compdb__f_valued[i])])
      return true;
  return false;
}

static bool rl_compdb__f_ignored_ok(const char *a) {
  for (size_t i = 0; i < RL_COUNTOF(rl_compdb__f_ignored); i++) {
    const char *p = rl_compdb__f_ignored[i];
    size_t n = strlen(p);
    /* a prefix entry ends in '-' or '='; others match exactly */
    if (p[n - 1] == '-' || p[n - 1] == '=' ? strncmp(a, p, n) == 0 : strcmp(a, p) == 0)
      return true;
  }
  return false;
}

/* -x: only the languages racelint parses. */
static bool rl_compdb__lang_ok(const char *v) {
  static const char *const langs[] = {"c", "c-header", "cpp-output", "c++", "c++-header"};
  for (size_t i = 0; i < RL_COUNTOF(langs); i++)
    if (strcmp(v, langs[i]) == 0) return true;
  return false;
}

/* -m: target features; -mllvm is matched earlier by the table. The driver
 * actions spelled -module-... (-module-dependency-dir DIR, an output
 * directory; -module-file-info) are not target flags. */
static bool rl_compdb__m_ok(const char *a) {
  if (a[2] == 0 || rl_str_starts_with(a, "-module-")) return false;
  for (const char *p = a + 2; *p; p++) /* no paths: -mfoo, -mfoo=bar, -march=x86-64 */
    if (*p == '/' || *p == ',') return false;
  return true;
}

/* Records a dropped argument: counted, and the first few kept (escaped) as
 * examples for the notice. */
static void rl_compdb__dropped(RlCompDrops *d, const char *a, const char *value) {
  d->n++;
  if (d->nexamples >= 4) return;
  d->nexamples++;
  RlBuf *b = &d->examples;
  if (b->len) rl_buf_puts(b, ", ");
  rl_buf_putc(b, '\'');
  for (int part = 0; part < 2; part++) {
    const char *s = part ? value : a;
    if (!s) break;
    if (part) rl_buf_putc(b, ' ');
    size_t k = 0;
    for (; s[k] && k < 60; k++) {
      unsigned char c = (unsigned char)s[k];
      if (c < 0x20 || c == 0x7f || c == '\'' || c == '\\') rl_buf_printf(b, "\\x%02x", c);
      else rl_buf_putc(b, (char)c);
    }
    if (s[k]) rl_buf_puts(b, "...");
  }
  rl_buf_putc(b, '\'');
}

char **rl_compdb_filter(const char *const *argv, uint32_t argc, const char *dir,
                        RlCompDrops *drops, uint32_t *nout) {
  RL_VEC(char *) out = {0};
  for (uint32_t i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] == '@') { /* a response file: more flags, read by the compiler */
      rl_compdb__dropped(drops, a, NULL);
      continue;
    }
    if (a[0] != '-') continue; /* the source file, object files: not flags */
    const RlArgRule *rule = NULL;
    const char *value = NULL;
    bool sep = false;
    for (size_t k = 0; k < RL_COUNTOF(rl_compdb__rules) && !rule; k++) {
      const RlArgRule *r = &rl_compdb__rules[k];
      size_t fl = strlen(r->name);
      if (strcmp(a, r->name) == 0 && r->form != RL_ARG_JOINED) {
        rule = r;
        if (r->form != RL_ARG_EXACT) {
          sep = true;
          value = i + 1 < argc ? argv[++i] : NULL;
        }
      } else if ((r->form == RL_ARG_JOINED || r->form == RL_ARG_BOTH) &&
                 strncmp(a, r->name, fl) == 0 && a[fl]) {
        rule = r;
        value = a + fl;
      }
    }
    RlArgAction act = rule ? rule->action : RL_ARG_DROP;
    if (rule && strcmp(rule->name, "-x") == 0 && (!value || !rl_compdb__lang_ok(value)))
      act = RL_ARG_DROP;
    if (sep && !value && act != RL_ARG_IGNORE) act = RL_ARG_DROP; /* the value is missing */
    if (!rule) {
      if (a[1] == 'f' && rl_compdb__f_ok(a)) act = RL_ARG_PASS;
      else if (a[1] == 'f' && rl_compdb__f_ignored_ok(a)) act = RL_ARG_IGNORE;
      else if (a[1] == 'm' && rl_compdb__m_ok(a)) act = RL_ARG_PASS;
      /* warnings are irrelevant (libclang's own are off); -Wp, -Wa, -Wl,
       * pass options through to other tools and are dropped and counted */
      else if (a[1] == 'W' && !strchr(a, ',')) act = RL_ARG_IGNORE;
    }
    switch (act) {
    case RL_ARG_PASS:
      if (sep) {
        RL_VEC_PUSH(out, rl_strdup(a));
        RL_VEC_PUSH(out, rl_strdup(value));
      } else {
        RL_VEC_PUSH(out, rl_strdup(a));
      }
      break;
    case RL_ARG_PATH: {
      char *p = rl_compdb__abs(dir, value);
      if (sep) {
        RL_VEC_PUSH(out, rl_strdup(a));
        RL_VEC_PUSH(out, p);
      } else {
        RL_VEC_PUSH(out, rl_asprintf("%s%s", rule->name, p));
        free(p);
      }
      break;
    }
    case RL_ARG_IGNORE: break;
    case RL_ARG_DROP: rl_compdb__dropped(drops, a, sep ? value : NULL); break;
    }
  }
  RL_VEC_PUSH(out, NULL);
  *nout = out.n - 1;
  return out.v;
}

void rl_compdb_drops_free(RlCompDrops *self) { rl_buf_free(&self->examples); }

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
  /* regular files only (never /dev/stdin, a FIFO or a device: the editor
   * server's stdin is its protocol pipe), bounded, parsed from memory */
  char *text;
  size_t len;
  int rerr = 0;
  RlReadStatus st = rl_read_file(path, (size_t)1 << 30, &text, &len, &rerr);
  if (st != RL_READ_OK) {
    *err = rl_asprintf("%s: cannot read: %s", path,
                       rl_read_status_text(st, rerr, "larger than 1 GiB"));
    return NULL;
  }
  json_error_t je;
  json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
  free(text);
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
  uint32_t skipped = 0, entries_with_drops = 0;
  RlCompDrops drops = {0};
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
    RlCompEntry *ce = &db->v[db->n++];
    uint32_t before = drops.n;
    ce->args = rl_compdb_filter((const char *const *)argv, argc, dir, &drops, &ce->nargs);
    if (drops.n > before) entries_with_drops++;
    for (uint32_t k = 0; k < argc; k++) free(argv[k]);
    free(argv);
    char *abs = rl_compdb__abs(dir, file);
    char *real = realpath(abs, NULL);
    ce->file = real ? real : rl_strdup(abs);
    free(abs);
  }
  json_decref(root);
  if (drops.n)
    rl_buf_printf(&warn,
                  "dropped %u flag%s in %u entr%s that analysis does not need (%s%s); "
                  "only include paths, macros, language, standard and target flags are "
                  "given to libclang\n",
                  drops.n, drops.n == 1 ? "" : "s", entries_with_drops,
                  entries_with_drops == 1 ? "y" : "ies", rl_buf_cstr(&drops.examples),
                  drops.n > drops.nexamples ? ", ..." : "");
  rl_compdb_drops_free(&drops);
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
