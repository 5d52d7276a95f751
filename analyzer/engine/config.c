/* config.c - .racelint.json loading, validation, discovery and the
 * effective per-file settings (see config.h). Loaded once, before the scan,
 * on the main thread; read-only afterwards. */
#include "config.h"

#include <errno.h>
#include <fnmatch.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define RL_CONFIG_NAME ".racelint.json"

typedef struct RlRuleSetting {
  int8_t on;  /* -1 unset, 0 off, 1 on */
  int8_t sev; /* -1 unset, else RlSeverity */
} RlRuleSetting;

typedef struct RlOverride {
  char **files;
  uint32_t nfiles;
  RlRuleSetting rules[RL_MAX_RULES];
  int8_t context; /* -1 unset, else RlFileContext */
} RlOverride;

typedef struct RlWrapper {
  char *name;
  uint32_t arg;
  RlWrapKind kind;
} RlWrapper;

struct RlConfig {
  char *path, *dir;
  const RlConfig *parent; /* "extends" */
  int8_t preset;          /* "extends": "racelint:..."; -1 none, 0 recommended, 1 strict */
  RlRuleSetting rules[RL_MAX_RULES];
  RL_VEC(RlOverride) overrides;
  RL_VEC(char *) ignore;
  RL_VEC(char *) c_args; /* NULL-terminated when read */
  RL_VEC(RlWrapper) wrappers;
  RL_VEC(char *) js_names[2];
  char *compile_commands;
  RlCompDb *compdb;
  uint64_t hash; /* of the file's bytes and its parent's hash (cache keys) */
};

typedef struct RlDirEntry {
  char *dir;
  RlConfig *config; /* may be NULL: no config at or above */
} RlDirEntry;

struct RlConfigSet {
  const RlSession *session;
  RlConfig *forced;
  RL_VEC(RlConfig *) loaded; /* by path, owned */
  RL_VEC(RlDirEntry) dirs;   /* cache of discovery results */
  RL_VEC(char *) errors;
};

/* Section - errors */

static void rl_config__error(RlConfigSet *set, const char *fmt, ...) RL_PRINTF(2, 3);
static void rl_config__error(RlConfigSet *set, const char *fmt, ...) {
  RlBuf b = {0};
  va_list ap;
  va_start(ap, fmt);
  rl_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  rl_buf_cstr(&b);
  RL_VEC_PUSH(set->errors, b.data);
}

static const char *rl_config__nearest(const char *word, const char *const *valid, size_t n) {
  const char *best = NULL;
  size_t bd = (size_t)-1, bscore = (size_t)-1;
  for (size_t i = 0; i < n; i++) {
    size_t d = rl_levenshtein(word, valid[i]);
    /* ties go to the candidate that starts like the word ("warn": "warning") */
    size_t score = d * 2 + (word[0] != valid[i][0]);
    if (score < bscore) bscore = score, bd = d, best = valid[i];
  }
  return bd <= 3 || (best && bd * 2 <= strlen(word)) ? best : NULL;
}

static void rl_config__unknown(RlConfigSet *set, const char *path, const char *where,
                               const char *key, const char *const *valid, size_t n) {
  const char *near = rl_config__nearest(key, valid, n);
  if (near)
    rl_config__error(set, "%s: unknown key '%s%s'; did you mean '%s%s'?", path, where, key, where,
                     near);
  else
    rl_config__error(set, "%s: unknown key '%s%s'", path, where, key);
}

/* Section - parsing */

static bool rl_config__strings(RlConfigSet *set, const char *path, const char *key, json_t *v,
                               void (*add)(RlConfig *, const char *), RlConfig *c) {
  if (!json_is_array(v)) {
    rl_config__error(set, "%s: '%s' must be an array of strings", path, key);
    return false;
  }
  size_t i;
  json_t *e;
  json_array_foreach(v, i, e) {
    if (!json_is_string(e)) {
      rl_config__error(set, "%s: '%s[%zu]' must be a string", path, key, i);
      continue;
    }
    add(c, json_string_value(e));
  }
  return true;
}

static void rl_config__add_ignore(RlConfig *c, const char *s) { RL_VEC_PUSH(c->ignore, rl_strdup(s)); }
static void rl_config__add_inc(RlConfig *c, const char *s) {
  char *p = s[0] == '/' ? rl_strdup(s) : rl_path_join(c->dir, s);
  RL_VEC_PUSH(c->c_args, rl_asprintf("-I%s", p));
  free(p);
}
static void rl_config__add_def(RlConfig *c, const char *s) { RL_VEC_PUSH(c->c_args, rl_asprintf("-D%s", s)); }
static void rl_config__add_promise(RlConfig *c, const char *s) { RL_VEC_PUSH(c->js_names[0], rl_strdup(s)); }
static void rl_config__add_mutex(RlConfig *c, const char *s) { RL_VEC_PUSH(c->js_names[1], rl_strdup(s)); }

static void rl_config__rules(RlConfigSet *set, const char *path, const char *where, json_t *v,
                             RlRuleSetting *out) {
  const RlSession *s = set->session;
  if (!json_is_object(v)) {
    rl_config__error(set, "%s: '%s' must be an object of rule ids", path, where);
    return;
  }
  const char *key;
  json_t *val;
  json_object_foreach(v, key, val) {
    int idx = rl_session_rule_index(s, key);
    if (idx < 0) {
      const char *ids[RL_MAX_RULES];
      for (uint32_t i = 0; i < s->nrules; i++) ids[i] = s->rules[i]->id;
      const char *near = rl_config__nearest(key, ids, s->nrules);
      if (near)
        rl_config__error(set, "%s: '%s': unknown rule '%s'; did you mean '%s'?", path, where, key,
                         near);
      else
        rl_config__error(set, "%s: '%s': unknown rule '%s' (see racelint --list-rules)", path,
                         where, key);
      continue;
    }
    const char *sv = json_string_value(val);
    static const char *const values[] = {"off", "on", "note", "warning", "error"};
    RlSeverity sev;
    if (json_is_boolean(val)) {
      out[idx].on = json_is_true(val);
    } else if (sv && strcmp(sv, "off") == 0) {
      out[idx].on = 0;
    } else if (sv && strcmp(sv, "on") == 0) {
      out[idx].on = 1;
    } else if (sv && strcmp(sv, "warn") == 0) { /* ESLint's and oxlint's spelling */
      out[idx].on = 1;
      out[idx].sev = (int8_t)RL_SEV_WARNING;
    } else if (sv && rl_severity_parse(sv, &sev) && sev != RL_SEV_NONE) {
      out[idx].on = 1;
      out[idx].sev = (int8_t)sev;
    } else {
      const char *near = sv ? rl_config__nearest(sv, values, RL_COUNTOF(values)) : NULL;
      rl_config__error(set,
                       "%s: '%s.%s': expected \"off\", \"on\", \"note\", \"warning\" or \"error\"%s%s%s",
                       path, where, key, near ? "; did you mean \"" : "", near ? near : "",
                       near ? "\"?" : "");
    }
  }
}

static void rl_config__wrappers(RlConfigSet *set, RlConfig *c, const char *key, json_t *v,
                                RlWrapKind kind) {
  if (!json_is_array(v)) {
    rl_config__error(set, "%s: 'c.%s' must be an array of {\"name\", \"arg\"}", c->path, key);
    return;
  }
  size_t i;
  json_t *e;
  json_array_foreach(v, i, e) {
    const char *name = json_string_value(json_object_get(e, "name"));
    json_t *arg = json_object_get(e, "arg");
    if (!json_is_object(e) || !name || (arg && !json_is_integer(arg))) {
      rl_config__error(set, "%s: 'c.%s[%zu]' must be {\"name\": string, \"arg\": integer}",
                       c->path, key, i);
      continue;
    }
    const char *k;
    json_t *x;
    json_object_foreach(e, k, x) {
      static const char *const ok[] = {"name", "arg"};
      if (strcmp(k, "name") && strcmp(k, "arg")) {
        char where[64];
        snprintf(where, sizeof where, "c.%s[%zu].", key, i);
        rl_config__unknown(set, c->path, where, k, ok, 2);
      }
    }
    RlWrapper w = {rl_strdup(name), arg ? (uint32_t)json_integer_value(arg) : 0, kind};
    RL_VEC_PUSH(c->wrappers, w);
  }
}

static RlConfig *rl_config__load(RlConfigSet *set, const char *path, int depth);

static void rl_config__parse(RlConfigSet *set, RlConfig *c, json_t *root, int depth) {
  static const char *const top[] = {"$schema", "extends", "rules", "overrides",
                                    "ignore",  "c",       "js"};
  static const char *const ckeys[] = {"compileCommands", "includeDirs", "defines",
                                      "lockFunctions", "unlockFunctions",
                                      "threadCreateFunctions"};
  static const char *const jskeys[] = {"promiseFunctions", "mutexApis"};
  static const char *const okeys[] = {"files", "rules", "context"};
  const char *key;
  json_t *v;
  json_object_foreach(root, key, v) {
    if (strcmp(key, "$schema") == 0) continue;
    if (strcmp(key, "extends") == 0) {
      const char *p = json_string_value(v);
      if (!p) {
        rl_config__error(set, "%s: 'extends' must be a path", c->path);
        continue;
      }
      if (strncmp(p, "racelint:", 9) == 0) {
        static const char *const presets[] = {"recommended", "strict"};
        c->preset = -1;
        for (int i = 0; i < 2; i++)
          if (strcmp(p + 9, presets[i]) == 0) c->preset = (int8_t)i;
        if (c->preset < 0) {
          const char *near = rl_config__nearest(p + 9, presets, 2);
          rl_config__error(set, "%s: 'extends': unknown preset '%s'%s%s%s", c->path, p,
                           near ? "; did you mean 'racelint:" : " (racelint:recommended or racelint:strict)",
                           near ? near : "", near ? "'?" : "");
        }
        continue;
      }
      char *abs = p[0] == '/' ? rl_strdup(p) : rl_path_join(c->dir, p);
      c->parent = rl_config__load(set, abs, depth + 1);
      free(abs);
    } else if (strcmp(key, "rules") == 0) {
      rl_config__rules(set, c->path, "rules", v, c->rules);
    } else if (strcmp(key, "ignore") == 0) {
      rl_config__strings(set, c->path, "ignore", v, rl_config__add_ignore, c);
    } else if (strcmp(key, "overrides") == 0) {
      if (!json_is_array(v)) {
        rl_config__error(set, "%s: 'overrides' must be an array", c->path);
        continue;
      }
      size_t i;
      json_t *o;
      json_array_foreach(v, i, o) {
        RlOverride ov;
        memset(&ov, 0, sizeof ov);
        memset(ov.rules, -1, sizeof ov.rules);
        ov.context = -1;
        char where[64];
        snprintf(where, sizeof where, "overrides[%zu]", i);
        json_t *files = json_object_get(o, "files");
        if (!json_is_object(o) || !json_is_array(files)) {
          rl_config__error(set, "%s: '%s' needs \"files\": [globs]", c->path, where);
          continue;
        }
        const char *k;
        json_t *x;
        json_object_foreach(o, k, x) {
          if (strcmp(k, "context") == 0) {
            static const char *const ctxs[] = {"library", "test", "script"};
            const char *cv = json_string_value(x);
            for (int q = 0; cv && q < 3; q++)
              if (strcmp(cv, ctxs[q]) == 0) ov.context = (int8_t)q;
            if (ov.context < 0) {
              const char *near = cv ? rl_config__nearest(cv, ctxs, 3) : NULL;
              rl_config__error(set,
                               "%s: '%s.context': expected \"library\", \"test\" or \"script\"%s%s%s",
                               c->path, where, near ? "; did you mean \"" : "", near ? near : "",
                               near ? "\"?" : "");
            }
          } else if (strcmp(k, "files") && strcmp(k, "rules")) {
            char w2[80];
            snprintf(w2, sizeof w2, "%s.", where);
            rl_config__unknown(set, c->path, w2, k, okeys, RL_COUNTOF(okeys));
          }
        }
        size_t j;
        json_t *g;
        json_array_foreach(files, j, g) {
          if (!json_is_string(g)) { /* a glob that is not one: never matched silently */
            rl_config__error(set, "%s: '%s.files[%zu]' must be a string (a glob)", c->path,
                             where, j);
            continue;
          }
          ov.files = rl_realloc(ov.files, (ov.nfiles + 1) * sizeof *ov.files);
          ov.files[ov.nfiles++] = rl_strdup(json_string_value(g));
        }
        if (json_object_get(o, "rules")) {
          char w2[80];
          snprintf(w2, sizeof w2, "%s.rules", where);
          rl_config__rules(set, c->path, w2, json_object_get(o, "rules"), ov.rules);
        }
        RL_VEC_PUSH(c->overrides, ov);
      }
    } else if (strcmp(key, "c") == 0) {
      const char *k;
      json_t *x;
      if (!json_is_object(v)) {
        rl_config__error(set, "%s: 'c' must be an object", c->path);
        continue;
      }
      json_object_foreach(v, k, x) {
        if (strcmp(k, "compileCommands") == 0) {
          const char *p = json_string_value(x);
          if (!p) {
            rl_config__error(set, "%s: 'c.compileCommands' must be a path", c->path);
            continue;
          }
          c->compile_commands = p[0] == '/' ? rl_strdup(p) : rl_path_join(c->dir, p);
        } else if (strcmp(k, "includeDirs") == 0) {
          rl_config__strings(set, c->path, "c.includeDirs", x, rl_config__add_inc, c);
        } else if (strcmp(k, "defines") == 0) {
          rl_config__strings(set, c->path, "c.defines", x, rl_config__add_def, c);
        } else if (strcmp(k, "lockFunctions") == 0) {
          rl_config__wrappers(set, c, k, x, RL_WRAP_LOCK);
        } else if (strcmp(k, "unlockFunctions") == 0) {
          rl_config__wrappers(set, c, k, x, RL_WRAP_UNLOCK);
        } else if (strcmp(k, "threadCreateFunctions") == 0) {
          rl_config__wrappers(set, c, k, x, RL_WRAP_THREAD_CREATE);
        } else {
          rl_config__unknown(set, c->path, "c.", k, ckeys, RL_COUNTOF(ckeys));
        }
      }
    } else if (strcmp(key, "js") == 0) {
      const char *k;
      json_t *x;
      if (!json_is_object(v)) {
        rl_config__error(set, "%s: 'js' must be an object", c->path);
        continue;
      }
      json_object_foreach(v, k, x) {
        if (strcmp(k, "promiseFunctions") == 0)
          rl_config__strings(set, c->path, "js.promiseFunctions", x, rl_config__add_promise, c);
        else if (strcmp(k, "mutexApis") == 0)
          rl_config__strings(set, c->path, "js.mutexApis", x, rl_config__add_mutex, c);
        else
          rl_config__unknown(set, c->path, "js.", k, jskeys, RL_COUNTOF(jskeys));
      }
    } else {
      rl_config__unknown(set, c->path, "", key, top, RL_COUNTOF(top));
    }
  }
  RL_VEC_PUSH(c->c_args, NULL);
  c->c_args.n--; /* keep the NULL terminator outside the count */
}


/* JSONC, as oxlint and VS Code read their configs: blanks out // and
 * slash-star comments and trailing commas before '}' or ']' (outside
 * strings), keeping every newline so that error lines and columns stay
 * right. In place. */
static void rl_config__strip_jsonc(char *b, size_t n) {
  bool str = false;
  for (size_t i = 0; i < n; i++) {
    if (str) {
      if (b[i] == '\\' && i + 1 < n) i++;
      else if (b[i] == '"') str = false;
    } else if (b[i] == '"') {
      str = true;
    } else if (b[i] == '/' && i + 1 < n && b[i + 1] == '/') {
      for (; i < n && b[i] != '\n'; i++) b[i] = ' ';
    } else if (b[i] == '/' && i + 1 < n && b[i + 1] == '*') {
      size_t j = i + 2;
      while (j < n && !(b[j - 1] == '*' && b[j] == '/' && j > i + 2)) j++;
      if (j < n) j++; /* past the closing slash; unclosed: to the end */
      for (size_t k = i; k < j; k++)
        if (b[k] != '\n') b[k] = ' ';
      i = j - 1;
    }
  }
  str = false;
  for (size_t i = 0; i < n; i++) {
    if (str) {
      if (b[i] == '\\' && i + 1 < n) i++;
      else if (b[i] == '"') str = false;
    } else if (b[i] == '"') {
      str = true;
    } else if (b[i] == ',') {
      size_t j = i + 1;
      while (j < n && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r')) j++;
      if (j < n && (b[j] == '}' || b[j] == ']')) b[i] = ' ';
    }
  }
}

static RlConfig *rl_config__load(RlConfigSet *set, const char *path, int depth) {
  char *real = realpath(path, NULL);
  if (!real) {
    rl_config__error(set, "%s: cannot read config: no such file", path);
    return NULL;
  }
  for (uint32_t i = 0; i < set->loaded.n; i++)
    if (strcmp(set->loaded.v[i]->path, real) == 0) {
      free(real);
      return set->loaded.v[i];
    }
  if (depth > 16) {
    rl_config__error(set, "%s: 'extends' chain is too deep (a cycle?)", real);
    free(real);
    return NULL;
  }
  RlConfig *c = rl_calloc(1, sizeof *c);
  c->path = real;
  c->dir = rl_strdup(real);
  char *slash = strrchr(c->dir, '/');
  if (slash) slash == c->dir ? (void)(slash[1] = 0) : (void)(*slash = 0);
  memset(c->rules, -1, sizeof c->rules);
  c->preset = -1;
  RL_VEC_PUSH(set->loaded, c); /* before parsing: an extends cycle finds it */
  /* Read whole, regular files only: a config naming /dev/stdin, a FIFO or
   * a device (the editor server's own protocol pipe) is refused. */
  char *bytes = NULL;
  size_t nbytes = 0;
  int rerr = 0;
  RlReadStatus rst = rl_read_file(real, 1u << 20, &bytes, &nbytes, &rerr);
  c->hash = rl_hash_str(RL_FNV_INIT, real);
  if (rst == RL_READ_OK) {
    c->hash = rl_hash_bytes(c->hash, bytes, nbytes);
    rl_config__strip_jsonc(bytes, nbytes); /* comments allowed (JSONC) */
  }
  json_error_t je;
  json_t *root = rst == RL_READ_OK ? json_loadb(bytes, nbytes, JSON_REJECT_DUPLICATES, &je) : NULL;
  free(bytes);
  if (rst != RL_READ_OK) {
    rl_config__error(set, "%s: cannot read: %s", real,
                     rl_read_status_text(rst, rerr, "larger than 1 MiB"));
    RL_VEC_PUSH(c->c_args, NULL);
    c->c_args.n--;
    return c;
  }
  if (!root && depth > 0) {
    /* reached through "extends", which may name any readable file: say
     * where, never what (jansson's text quotes the bytes near the error) */
    rl_config__error(set, "%s:%d:%d: 'extends' names a file that is not JSON", real, je.line,
                     je.column);
    RL_VEC_PUSH(c->c_args, NULL);
    c->c_args.n--;
    return c;
  }
  if (!root) {
    rl_config__error(set, "%s:%d:%d: invalid JSON: %s", real, je.line, je.column, je.text);
    RL_VEC_PUSH(c->c_args, NULL);
    c->c_args.n--;
    return c;
  }
  if (!json_is_object(root)) {
    rl_config__error(set, "%s: a config file is a JSON object", real);
    RL_VEC_PUSH(c->c_args, NULL);
    c->c_args.n--;
  } else {
    rl_config__parse(set, c, root, depth);
  }
  json_decref(root);
  if (c->parent == c) {
    rl_config__error(set, "%s: 'extends' names the file itself (a cycle)", real);
    c->parent = NULL;
  }
  for (const RlConfig *p = c->parent; p; p = p->parent)
    if (p == c) {
      rl_config__error(set, "%s: 'extends' forms a cycle", real);
      c->parent = NULL;
      break;
    }
  if (c->parent) c->hash = rl_hash_bytes(c->hash, &c->parent->hash, sizeof c->parent->hash);
  if (c->compile_commands) {
    char *err = NULL, *warn = NULL;
    c->compdb = rl_compdb_load(c->compile_commands, &err, &warn);
    if (!c->compdb) rl_config__error(set, "%s: c.compileCommands: %s", real, err);
    free(err);
    free(warn);
  }
  return c;
}

/* Section - the set */

RlConfigSet *rl_configset_new(const RlSession *s, const char *forced) {
  RlConfigSet *set = rl_calloc(1, sizeof *set);
  set->session = s;
  if (forced) set->forced = rl_config__load(set, forced, 0);
  return set;
}

static void rl_config__free(RlConfig *c) {
  for (uint32_t i = 0; i < c->overrides.n; i++) {
    for (uint32_t j = 0; j < c->overrides.v[i].nfiles; j++) free(c->overrides.v[i].files[j]);
    free(c->overrides.v[i].files);
  }
  RL_VEC_FREE(c->overrides);
  for (uint32_t i = 0; i < c->ignore.n; i++) free(c->ignore.v[i]);
  RL_VEC_FREE(c->ignore);
  for (uint32_t i = 0; i < c->c_args.n; i++) free(c->c_args.v[i]);
  RL_VEC_FREE(c->c_args);
  for (uint32_t i = 0; i < c->wrappers.n; i++) free(c->wrappers.v[i].name);
  RL_VEC_FREE(c->wrappers);
  for (int k = 0; k < 2; k++) {
    for (uint32_t i = 0; i < c->js_names[k].n; i++) free(c->js_names[k].v[i]);
    RL_VEC_FREE(c->js_names[k]);
  }
  rl_compdb_delete(c->compdb);
  free(c->compile_commands);
  free(c->path);
  free(c->dir);
  free(c);
}

void rl_configset_delete(RlConfigSet *self) {
  if (!self) return;
  for (uint32_t i = 0; i < self->loaded.n; i++) rl_config__free(self->loaded.v[i]);
  RL_VEC_FREE(self->loaded);
  for (uint32_t i = 0; i < self->dirs.n; i++) free(self->dirs.v[i].dir);
  RL_VEC_FREE(self->dirs);
  for (uint32_t i = 0; i < self->errors.n; i++) free(self->errors.v[i]);
  RL_VEC_FREE(self->errors);
  free(self);
}

uint32_t rl_configset_nerrors(const RlConfigSet *self) { return self->errors.n; }
const char *rl_configset_error(const RlConfigSet *self, uint32_t i) {
  return i < self->errors.n ? self->errors.v[i] : "";
}

static RlConfig *rl_config__for_dir(RlConfigSet *set, const char *dir) {
  for (uint32_t i = set->dirs.n; i-- > 0;)
    if (strcmp(set->dirs.v[i].dir, dir) == 0) return set->dirs.v[i].config;
  RlConfig *c = NULL;
  char *cand = rl_path_join(dir, RL_CONFIG_NAME);
  struct stat st;
  if (stat(cand, &st) == 0 && S_ISREG(st.st_mode)) {
    c = rl_config__load(set, cand, 0);
  } else if (strcmp(dir, "/") != 0 && *dir) {
    char *parent = rl_strdup(dir);
    char *slash = strrchr(parent, '/');
    if (slash) slash == parent ? (void)(slash[1] = 0) : (void)(*slash = 0);
    c = rl_config__for_dir(set, parent);
    free(parent);
  }
  free(cand);
  RlDirEntry e = {rl_strdup(dir), c};
  RL_VEC_PUSH(set->dirs, e);
  return c;
}

const RlConfig *rl_configset_for(RlConfigSet *self, const char *abs_path) {
  if (self->forced) return self->forced;
  char *dir = rl_strdup(abs_path);
  char *slash = strrchr(dir, '/');
  if (slash) slash == dir ? (void)(slash[1] = 0) : (void)(*slash = 0);
  const RlConfig *c = rl_config__for_dir(self, dir);
  free(dir);
  return c;
}

/* Section - applying */

/* Does glob g (relative to dir) match abs_path? Globs without a slash match
 * the file name (or a directory name) anywhere below dir; a double star
 * spans directories; "vendor/" matches everything under vendor. */
bool rl_glob_match(const char *dir, const char *g, const char *abs_path) {
  size_t dl = strlen(dir);
  const char *rel = abs_path;
  if (strncmp(abs_path, dir, dl) == 0 && (abs_path[dl] == '/' || strcmp(dir, "/") == 0))
    rel = abs_path + dl + (strcmp(dir, "/") != 0);
  else
    return false;
  if (!strchr(g, '/')) {
    const char *base = strrchr(rel, '/');
    if (fnmatch(g, base ? base + 1 : rel, 0) == 0) return true;
    /* a bare directory name: any path component */
    for (const char *p = rel; p && *p;) {
      const char *e = strchr(p, '/');
      if (!e) break;
      char comp[PATH_MAX];
      size_t n = (size_t)(e - p) < sizeof comp - 1 ? (size_t)(e - p) : sizeof comp - 1;
      memcpy(comp, p, n);
      comp[n] = 0;
      if (fnmatch(g, comp, 0) == 0) return true;
      p = e + 1;
    }
    return false;
  }
  if (g[0] == '/') g++;
  size_t gl = strlen(g);
  char pat[PATH_MAX];
  if (gl && g[gl - 1] == '/') {
    snprintf(pat, sizeof pat, "%s**", g);
    g = pat;
  }
  if (fnmatch(g, rel, FNM_PATHNAME) == 0) return true;
  if (strstr(g, "**")) {
    if (fnmatch(g, rel, 0) == 0) return true;
    /* a double-star segment may also match no directory at all: drop it */
    char alt[PATH_MAX];
    const char *p = strstr(g, "**/");
    if (p) {
      snprintf(alt, sizeof alt, "%.*s%s", (int)(p - g), g, p + 3);
      if (fnmatch(alt, rel, 0) == 0) return true;
    }
    size_t n = strlen(g);
    if (n >= 3 && strcmp(g + n - 3, "/**") == 0) {
      snprintf(alt, sizeof alt, "%.*s", (int)(n - 3), g);
      if (strncmp(rel, alt, n - 3) == 0 && (rel[n - 3] == '/' || rel[n - 3] == 0)) return true;
    }
  }
  return false;
}

static void rl_config__apply(const RlSession *s, const RlConfig *c, const char *abs_path,
                             RlFileSettings *out, int depth) {
  if (!c || depth > 16) return;
  rl_config__apply(s, c->parent, abs_path, out, depth + 1);
  for (uint32_t i = 0; i < s->nrules; i++) {
    if (c->rules[i].on >= 0) out->enabled[i] = c->rules[i].on;
    if (c->rules[i].on > 0) out->narrow[i] = false; /* turned on by name: every shape */
    if (c->rules[i].sev >= 0) {
      out->severity[i] = (RlSeverity)c->rules[i].sev;
      out->severity_set[i] = true;
    }
  }
  for (uint32_t k = 0; k < c->overrides.n; k++) {
    const RlOverride *o = &c->overrides.v[k];
    bool hit = false;
    for (uint32_t j = 0; j < o->nfiles && !hit; j++)
      hit = rl_glob_match(c->dir, o->files[j], abs_path);
    if (!hit) continue;
    if (o->context >= 0) out->context = o->context;
    for (uint32_t i = 0; i < s->nrules; i++) {
      if (o->rules[i].on >= 0) out->enabled[i] = o->rules[i].on;
      if (o->rules[i].on > 0) out->narrow[i] = false;
      if (o->rules[i].sev >= 0) {
        out->severity[i] = (RlSeverity)o->rules[i].sev;
        out->severity_set[i] = true;
      }
    }
  }
}

void rl_config_settings(const RlSession *s, const RlConfig *c, const char *abs_path,
                        const int8_t *cli, RlFileSettings *out) {
  memset(out, 0, sizeof *out);
  out->context = -1;
  int depth = 0;
  for (const RlConfig *p = c; p && depth < 16; p = p->parent, depth++)
    if (p->preset >= 0) {
      out->strict = p->preset == 1;
      break;
    }
  /* the language by extension, as discovery decides it (a rule may be
   * strict-only for one language: RlRule.strict_langs) */
  const char *dot = abs_path ? strrchr(abs_path, '.') : NULL;
  unsigned lang = dot && (strcmp(dot, ".c") == 0 || strcmp(dot, ".h") == 0) ? RL_LANG_C : RL_LANG_JSTS;
  for (uint32_t i = 0; i < s->nrules; i++) {
    bool strict_only = s->rules[i]->strict || (s->rules[i]->strict_langs & lang) != 0;
    out->enabled[i] = !s->rules[i]->off_by_default && (!strict_only || out->strict);
    out->narrow[i] = s->rules[i]->narrow_default && !out->strict;
    out->severity[i] = s->rules[i]->severity;
  }
  out->config = c;
  rl_config__apply(s, c, abs_path, out, 0);
  for (uint32_t i = 0; i < s->nrules; i++)
    if (cli && cli[i] >= 0) {
      out->enabled[i] = cli[i];
      if (cli[i] > 0) out->narrow[i] = false;
    }
}

RlFileContext rl_config_context_of(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  if (strstr(base, ".test.") || strstr(base, ".spec.") || strstr(base, ".test-d."))
    return RL_CTX_TEST;
  static const char *const tests[] = {"test", "tests", "__tests__", "__mocks__", "spec"};
  static const char *const scripts[] = {"scripts", "script", "bin"};
  RlFileContext ctx = RL_CTX_LIBRARY;
  for (const char *p = path; p < base;) {
    const char *e = strchr(p, '/');
    if (!e || e >= base) break;
    size_t n = (size_t)(e - p);
    for (size_t i = 0; i < RL_COUNTOF(tests); i++)
      if (n == strlen(tests[i]) && strncmp(p, tests[i], n) == 0) return RL_CTX_TEST;
    for (size_t i = 0; i < RL_COUNTOF(scripts); i++)
      if (n == strlen(scripts[i]) && strncmp(p, scripts[i], n) == 0) ctx = RL_CTX_SCRIPT;
    p = e + 1;
  }
  return ctx;
}

bool rl_config_ignored(const RlConfig *c, const char *abs_path) {
  for (int depth = 0; c && depth < 16; c = c->parent, depth++)
    for (uint32_t i = 0; i < c->ignore.n; i++)
      if (rl_glob_match(c->dir, c->ignore.v[i], abs_path)) return true;
  return false;
}

const char *const *rl_config_c_args(const RlConfig *c, uint32_t *n) {
  *n = c ? c->c_args.n : 0;
  return c ? (const char *const *)c->c_args.v : NULL;
}

const RlCompDb *rl_config_compdb(const RlConfig *c) {
  for (int depth = 0; c && depth < 16; c = c->parent, depth++)
    if (c->compdb) return c->compdb;
  return NULL;
}

bool rl_config_wrapper(const RlConfig *c, RlWrapKind kind, const char *fn, uint32_t *arg) {
  for (int depth = 0; c && depth < 16; c = c->parent, depth++)
    for (uint32_t i = 0; i < c->wrappers.n; i++)
      if (c->wrappers.v[i].kind == kind && strcmp(c->wrappers.v[i].name, fn) == 0) {
        if (arg) *arg = c->wrappers.v[i].arg;
        return true;
      }
  return false;
}

bool rl_config_js_name(const RlConfig *c, int which, const char *name) {
  if (which < 0 || which > 1) return false;
  for (int depth = 0; c && depth < 16; c = c->parent, depth++)
    for (uint32_t i = 0; i < c->js_names[which].n; i++)
      if (strcmp(c->js_names[which].v[i], name) == 0) return true;
  return false;
}

const char *rl_config_path(const RlConfig *c) { return c ? c->path : NULL; }

uint64_t rl_config_hash(const RlConfig *c) { return c ? c->hash : 0; }

RlFileContext rl_config_context(const RlConfig *c, const char *abs_path, const char *rel) {
  const RlConfig *root = c;
  for (int depth = 0; root && root->parent && depth < 16; depth++) root = root->parent;
  char cwd[PATH_MAX];
  const char *dirs[] = {root ? root->dir : NULL, getcwd(cwd, sizeof cwd)};
  for (size_t i = 0; i < RL_COUNTOF(dirs); i++) {
    size_t n = dirs[i] ? strlen(dirs[i]) : 0;
    if (n > 1 && strncmp(abs_path, dirs[i], n) == 0 && abs_path[n] == '/')
      return rl_config_context_of(abs_path + n + 1);
  }
  return rl_config_context_of(rel ? rel : abs_path);
}

/* A JSON string of s, invalid UTF-8 replaced by U+FFFD (json_string() gives
 * NULL for it, and the key would vanish from the output). */
static json_t *rl_config__jstr(const char *s) {
  RlBuf b = {0};
  rl_utf8_repair(&b, s, strlen(s));
  json_t *j = json_stringn(b.data ? b.data : "", b.len);
  rl_buf_free(&b);
  return j;
}

void rl_config_print(const RlSession *s, const RlConfig *c, const char *abs_path,
                     const int8_t *cli, FILE *out) {
  RlFileSettings fs;
  rl_config_settings(s, c, abs_path, cli, &fs);
  json_t *root = json_object();
  json_object_set_new(root, "file", rl_config__jstr(abs_path));
  json_t *chain = json_array();
  for (const RlConfig *p = c; p; p = p->parent) json_array_append_new(chain, rl_config__jstr(p->path));
  json_object_set_new(root, "configs", chain);
  json_object_set_new(root, "ignored", json_boolean(rl_config_ignored(c, abs_path)));
  json_object_set_new(root, "preset",
                      json_string(fs.strict ? "racelint:strict" : "racelint:recommended"));
  static const char *const ctxs[] = {"library", "test", "script"};
  json_object_set_new(root, "context",
                      json_string(ctxs[fs.context >= 0 ? fs.context
                                                       : (int)rl_config_context(c, abs_path, NULL)]));
  json_t *rules = json_object();
  for (uint32_t i = 0; i < s->nrules; i++)
    json_object_set_new(rules, s->rules[i]->id,
                        json_string(fs.enabled[i] ? rl_severity_name(fs.severity[i]) : "off"));
  json_object_set_new(root, "rules", rules);
  /* rules on for their default shapes only (RlRule.narrow_default) */
  json_t *narrow = json_array();
  for (uint32_t i = 0; i < s->nrules; i++)
    if (fs.enabled[i] && fs.narrow[i]) json_array_append_new(narrow, json_string(s->rules[i]->id));
  json_object_set_new(root, "defaultShapesOnly", narrow);
  json_t *cobj = json_object();
  json_t *args = json_array();
  uint32_t n;
  const char *const *a = rl_config_c_args(c, &n);
  for (uint32_t i = 0; i < n; i++) json_array_append_new(args, rl_config__jstr(a[i]));
  json_object_set_new(cobj, "args", args);
  for (const RlConfig *p = c; p; p = p->parent)
    if (p->compile_commands) {
      json_object_set_new(cobj, "compileCommands", rl_config__jstr(p->compile_commands));
      break;
    }
  json_t *wr = json_array();
  for (const RlConfig *p = c; p; p = p->parent)
    for (uint32_t i = 0; i < p->wrappers.n; i++) {
      static const char *const kinds[] = {"lock", "unlock", "threadCreate"};
      json_array_append_new(wr, json_pack("{s:s,s:o,s:i}", "kind", kinds[p->wrappers.v[i].kind],
                                          "name", rl_config__jstr(p->wrappers.v[i].name), "arg",
                                          (json_int_t)p->wrappers.v[i].arg));
    }
  json_object_set_new(cobj, "wrappers", wr);
  json_object_set_new(root, "c", cobj);
  json_t *js = json_object();
  static const char *const jn[] = {"promiseFunctions", "mutexApis"};
  for (int k = 0; k < 2; k++) {
    json_t *arr = json_array();
    for (const RlConfig *p = c; p; p = p->parent)
      for (uint32_t i = 0; i < p->js_names[k].n; i++)
        json_array_append_new(arr, rl_config__jstr(p->js_names[k].v[i]));
    json_object_set_new(js, jn[k], arr);
  }
  json_object_set_new(root, "js", js);
  json_dumpf(root, out, JSON_INDENT(2));
  fputc('\n', out);
  json_decref(root);
}
