/* discover.c - file discovery (see discover.h). */
#include "discover.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <git2.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "engine.h"

static void rl_discover__notice(RlDiscovery *d, const char *path, bool err, char *msg) {
  RlNotice n = {path ? rl_strdup(path) : NULL, msg, err};
  RL_VEC_PUSH(d->notices, n);
}

char *rl_discover_relative(const char *root, const char *abs) {
  size_t n = strlen(root);
  if (strcmp(root, "/") == 0) return rl_strdup(abs + 1);
  if (strncmp(abs, root, n) == 0 && abs[n] == '/') return rl_strdup(abs + n + 1);
  if (strcmp(abs, root) == 0) return rl_strdup(".");
  return rl_strdup(abs);
}

char *rl_discover_default_root(const char *path) {
  git_libgit2_init(); /* reference counted; paired below */
  char *abs = realpath(path, NULL);
  char *root = NULL;
  if (abs) {
    git_buf buf = {0};
    if (git_repository_discover(&buf, abs, 0, NULL) == 0) {
      git_repository *repo = NULL;
      if (git_repository_open(&repo, buf.ptr) == 0) {
        const char *wd = git_repository_workdir(repo);
        if (wd) {
          root = rl_strdup(wd);
          rl_path_trim(root);
        }
        git_repository_free(repo);
      }
      git_buf_dispose(&buf);
    }
    free(abs);
  }
  if (!root) {
    /* not in a work tree: the directory scanned (or the file's directory) */
    char *real = realpath(path, NULL);
    struct stat st;
    if (real && stat(real, &st) == 0) {
      if (!S_ISDIR(st.st_mode)) {
        char *slash = strrchr(real, '/');
        if (slash) slash == real ? (void)(slash[1] = 0) : (void)(*slash = 0);
      }
      root = real;
    } else {
      free(real);
      char cwd[PATH_MAX];
      root = rl_strdup(getcwd(cwd, sizeof cwd) ? cwd : "/");
    }
  }
  git_libgit2_shutdown();
  return root;
}

typedef struct RlDirItem {
  char *disp, *abs;
} RlDirItem;

typedef struct RlVisited {
  dev_t dev;
  ino_t ino;
} RlVisited;

/* One .racelintignore: its folder and its patterns, in file order. */
typedef struct RlIgnoreFile {
  char *dir;
  RL_VEC(char *) pats; /* "!" kept in front of a negation */
} RlIgnoreFile;
typedef RL_VEC(RlIgnoreFile) RlIgnoreFiles;

typedef struct RlWalk {
  RlDiscovery *out;
  const char *root;
  bool follow;
  git_repository *repo; /* may be NULL */
  size_t workdir_len;
  RL_VEC(RlVisited) seen;
  RlIgnoreFiles *ignores; /* shared by every path of a run */
} RlWalk;

/* Loads dir/.racelintignore (gitignore syntax: '#' comments, blank lines,
 * '!' negates, a trailing '/' names a folder, a leading '/' anchors to
 * dir, a pattern without an inner '/' matches at any depth). */
static void rl_discover__load_ignore(RlWalk *w, const char *dir) {
  char *path = rl_path_join(dir, ".racelintignore");
  char *text;
  size_t len;
  int e;
  RlReadStatus st = rl_read_file(path, 1u << 20, &text, &len, &e);
  free(path);
  if (st != RL_READ_OK) return;
  RlIgnoreFile f = {rl_strdup(dir), {0}};
  char *save = NULL;
  for (char *line = strtok_r(text, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save)) {
    size_t n = strlen(line);
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t')) line[--n] = 0;
    if (!n || line[0] == '#') continue;
    bool neg = line[0] == '!';
    const char *pat = line + neg;
    /* "build/" (no other slash) is a folder at any depth, as in git */
    const char *slash = strchr(pat, '/');
    bool any_depth = slash && slash[1] == 0 && slash != pat;
    char *p = rl_asprintf("%s%s%s", neg ? "!" : "", any_depth ? "**/" : "", pat);
    RL_VEC_PUSH(f.pats, p);
  }
  free(text);
  RL_VEC_PUSH(*w->ignores, f);
}

/* Whether the .racelintignore files loaded so far ignore `abs` (the last
 * matching pattern decides, as in git). */
static bool rl_discover__racelintignored(const RlWalk *w, const char *abs) {
  bool ignored = false;
  for (uint32_t i = 0; i < w->ignores->n; i++) {
    const RlIgnoreFile *f = &w->ignores->v[i];
    for (uint32_t j = 0; j < f->pats.n; j++) {
      const char *p = f->pats.v[j];
      bool neg = p[0] == '!';
      if (rl_glob_match(f->dir, p + neg, abs)) ignored = !neg;
    }
  }
  return ignored;
}

/* Whether `dir` is `top` or below it. */
static bool rl_discover__within(const char *dir, const char *top) {
  size_t n = strlen(top);
  if (strcmp(top, "/") == 0) return true;
  return strncmp(dir, top, n) == 0 && (dir[n] == '/' || dir[n] == 0);
}

/* Loads the .racelintignore files from the run root (or the current
 * folder, when that is higher and holds `dir`) down to `dir`, once per
 * folder. */
static void rl_discover__load_ignores_above(RlWalk *w, const char *dir) {
  size_t rl = rl_discover__within(dir, w->root) ? strlen(w->root) : 0;
  char cwd[PATH_MAX];
  if (getcwd(cwd, sizeof cwd) && rl_discover__within(dir, cwd) && (!rl || strlen(cwd) < rl))
    rl = strlen(cwd);
  if (rl == 0) rl = strlen(dir); /* outside both: only the folder itself */
  char *cur = rl_strdup(dir);
  RL_VEC(char *) chain = {0};
  for (;;) {
    RL_VEC_PUSH(chain, rl_strdup(cur));
    if (!rl || strlen(cur) <= rl) break;
    char *slash = strrchr(cur, '/');
    if (!slash || slash == cur) break;
    *slash = 0;
  }
  for (uint32_t i = chain.n; i-- > 0;) {
    bool have = false;
    for (uint32_t k = 0; k < w->ignores->n && !have; k++)
      have = strcmp(w->ignores->v[k].dir, chain.v[i]) == 0;
    if (!have) rl_discover__load_ignore(w, chain.v[i]);
    free(chain.v[i]);
  }
  RL_VEC_FREE(chain);
  free(cur);
}

static bool rl_discover__ignored(RlWalk *w, const char *abs, bool is_dir) {
  if (!w->repo) return false;
  if (strlen(abs) <= w->workdir_len) return false;
  const char *rel = abs + w->workdir_len;
  char *p = is_dir ? rl_asprintf("%s/", rel) : rl_strdup(rel);
  int ignored = 0;
  if (git_ignore_path_is_ignored(&ignored, w->repo, p) != 0) ignored = 0;
  free(p);
  return ignored != 0;
}

static bool rl_discover__seen(RlWalk *w, const struct stat *st) {
  for (uint32_t i = 0; i < w->seen.n; i++)
    if (w->seen.v[i].dev == st->st_dev && w->seen.v[i].ino == st->st_ino) return true;
  RlVisited v = {st->st_dev, st->st_ino};
  RL_VEC_PUSH(w->seen, v);
  return false;
}

static void rl_discover__add(RlWalk *w, const char *disp, const char *abs) {
  RlFileEntry e = {rl_strdup(disp), rl_discover_relative(w->root, abs), rl_strdup(abs)};
  RL_VEC_PUSH(w->out->files, e);
}

/* Folders never searched: version control, dependencies, and vendored or
 * generated code (the choice follows Semgrep's default .semgrepignore and
 * ruff's default `exclude`; see README "Which files are analysed"). A
 * folder named on the command line is searched all the same. */
static bool rl_discover__skip_dir(const char *name) {
  static const char *const skip[] = {
      "node_modules", ".git", ".hg", ".svn", ".racelint-cache",
      ".yarn", ".pnpm-store", "bower_components", "jspm_packages", /* package managers */
      "vendor", "third_party", "third-party",                      /* vendored */
      "dist", "build", ".next", ".nuxt", "coverage",               /* generated */
  };
  for (size_t i = 0; i < RL_COUNTOF(skip); i++)
    if (strcmp(name, skip[i]) == 0) return true;
  return false;
}

/* Minified or bundled files, skipped in folder searches (Semgrep skips
 * *.min.js); a file named on the command line is analysed all the same. */
static bool rl_discover__generated_file(const char *name) {
  static const char *const pats[] = {"*.min.js", "*.min.mjs", "*.min.cjs", "*-min.js",
                                     "*.bundle.js", "*.bundle.mjs"};
  for (size_t i = 0; i < RL_COUNTOF(pats); i++)
    if (fnmatch(pats[i], name, 0) == 0) return true;
  return false;
}

static void rl_discover__walk(RlWalk *w, const char *disp0, const char *abs0) {
  RL_VEC(RlDirItem) stack = {0};
  RlDirItem first = {rl_strdup(disp0), rl_strdup(abs0)};
  RL_VEC_PUSH(stack, first);
  while (stack.n) {
    RlDirItem it = stack.v[--stack.n];
    rl_discover__load_ignore(w, it.abs);
    DIR *dir = opendir(it.abs);
    if (!dir) {
      rl_discover__notice(w->out, it.disp, true,
                          rl_asprintf("cannot read directory: %s", strerror(errno)));
      free(it.disp);
      free(it.abs);
      continue;
    }
    struct dirent *de;
    while ((de = readdir(dir))) {
      const char *name = de->d_name;
      if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
      char *abs = rl_path_join(it.abs, name);
      char *disp = rl_path_join(it.disp, name);
      struct stat st;
      if (lstat(abs, &st) != 0) {
        /* vanished meanwhile: nothing to say; anything else (a path over
         * PATH_MAX, no permission) is a file not scanned: said, and an error */
        if (errno != ENOENT)
          rl_discover__notice(w->out, disp, true,
                              rl_asprintf("not scanned: %s", strerror(errno)));
        goto next;
      }
      bool was_link = S_ISLNK(st.st_mode);
      if (was_link) {
        if (!w->follow) {
          w->out->symlinks_skipped++;
          goto next;
        }
        if (stat(abs, &st) != 0) goto next; /* dangling */
        if (S_ISDIR(st.st_mode) && rl_discover__seen(w, &st)) {
          rl_discover__notice(w->out, disp, false,
                              rl_strdup("symlink to a directory already scanned "
                                        "(a loop?): not followed"));
          goto next;
        }
      }
      if (S_ISDIR(st.st_mode)) {
        if (rl_discover__skip_dir(name) || rl_discover__ignored(w, abs, true) ||
            rl_discover__racelintignored(w, abs))
          goto next;
        /* with --follow-symlinks, remember real directories too, so a link
         * back to one of them is seen as a loop */
        if (w->follow && !was_link && rl_discover__seen(w, &st)) goto next;
        RlDirItem sub = {disp, abs};
        RL_VEC_PUSH(stack, sub);
        continue; /* ownership moved to the stack */
      }
      if (S_ISREG(st.st_mode) && rl_engine_lang_of(name) != RL_LANG_NONE &&
          !rl_discover__generated_file(name) && !rl_discover__ignored(w, abs, false) &&
          !rl_discover__racelintignored(w, abs))
        rl_discover__add(w, disp, abs);
    next:
      free(abs);
      free(disp);
    }
    closedir(dir);
    free(it.disp);
    free(it.abs);
  }
  RL_VEC_FREE(stack);
}

static int rl_discover__cmp(const void *a, const void *b) {
  return strcmp(((const RlFileEntry *)a)->rel_path, ((const RlFileEntry *)b)->rel_path);
}

void rl_discover(const char *const *paths, uint32_t npaths, const char *root,
                 bool follow_symlinks, RlDiscovery *out) {
  memset(out, 0, sizeof *out);
  RlIgnoreFiles ignores = {0};
  git_libgit2_init(); /* reference counted; paired below */
  for (uint32_t i = 0; i < npaths; i++) {
    const char *p = paths[i];
    struct stat st;
    if (stat(p, &st) != 0) {
      rl_discover__notice(out, p, true, rl_asprintf("%s", strerror(errno)));
      continue;
    }
    char *abs = realpath(p, NULL);
    if (!abs) {
      rl_discover__notice(out, p, true, rl_asprintf("%s", strerror(errno)));
      continue;
    }
    RlWalk w = {out, root, follow_symlinks, NULL, 0, {0}, &ignores};
    if (S_ISDIR(st.st_mode)) {
      char *up = rl_strdup(abs);
      char *slash = strrchr(up, '/');
      if (slash && slash != up) {
        *slash = 0;
        rl_discover__load_ignores_above(&w, up); /* the walk loads abs's own */
      }
      free(up);
      git_buf buf = {0};
      if (git_repository_discover(&buf, abs, 0, NULL) == 0) {
        if (git_repository_open(&w.repo, buf.ptr) != 0) w.repo = NULL;
        git_buf_dispose(&buf);
      }
      if (w.repo && git_repository_workdir(w.repo))
        w.workdir_len = strlen(git_repository_workdir(w.repo));
      else if (w.repo) {
        git_repository_free(w.repo);
        w.repo = NULL;
      }
      rl_discover__seen(&w, &st);
      char *disp = rl_strdup(p);
      rl_path_trim(disp);
      rl_discover__walk(&w, disp, abs);
      free(disp);
      git_repository_free(w.repo);
    } else if (S_ISREG(st.st_mode)) {
      if (rl_engine_lang_of(p) == RL_LANG_NONE)
        rl_discover__notice(out, p, false,
                            rl_strdup("skipped: not a C or JavaScript/TypeScript file"));
      else {
        /* an explicit file: .racelintignore applies (as the config's
         * "ignore" does), the default skips do not */
        char *dir = rl_strdup(abs);
        char *slash = strrchr(dir, '/');
        if (slash) slash == dir ? (void)(slash[1] = 0) : (void)(*slash = 0);
        rl_discover__load_ignores_above(&w, dir);
        free(dir);
        if (!rl_discover__racelintignored(&w, abs)) rl_discover__add(&w, p, abs);
      }
    } else {
      rl_discover__notice(out, p, false, rl_strdup("skipped: not a regular file"));
    }
    RL_VEC_FREE(w.seen);
    free(abs);
  }
  git_libgit2_shutdown();
  for (uint32_t i = 0; i < ignores.n; i++) {
    for (uint32_t j = 0; j < ignores.v[i].pats.n; j++) free(ignores.v[i].pats.v[j]);
    RL_VEC_FREE(ignores.v[i].pats);
    free(ignores.v[i].dir);
  }
  RL_VEC_FREE(ignores);
  if (out->files.n > 1)
    qsort(out->files.v, out->files.n, sizeof *out->files.v, rl_discover__cmp);
  /* drop duplicates (a file named twice) */
  uint32_t k = 0;
  for (uint32_t i = 0; i < out->files.n; i++) {
    if (k && strcmp(out->files.v[k - 1].abs_path, out->files.v[i].abs_path) == 0) {
      free(out->files.v[i].path);
      free(out->files.v[i].rel_path);
      free(out->files.v[i].abs_path);
      continue;
    }
    out->files.v[k++] = out->files.v[i];
  }
  out->files.n = k;
}

void rl_discovery_free(RlDiscovery *self) {
  for (uint32_t i = 0; i < self->files.n; i++) {
    free(self->files.v[i].path);
    free(self->files.v[i].rel_path);
    free(self->files.v[i].abs_path);
  }
  for (uint32_t i = 0; i < self->notices.n; i++) {
    free((char *)self->notices.v[i].path);
    free((char *)self->notices.v[i].msg);
  }
  RL_VEC_FREE(self->files);
  RL_VEC_FREE(self->notices);
}

static int rl_discover__cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

bool rl_discover_changed_since(const char *root, const char *ref, char ***out, uint32_t *n,
                               char **err) {
  *out = NULL;
  *n = 0;
  *err = NULL;
  git_libgit2_init();
  git_repository *repo = NULL;
  git_object *obj = NULL;
  git_tree *tree = NULL;
  git_diff *diff = NULL;
  bool ok = false;
  RL_VEC(char *) v = {0};
  if (git_repository_open_ext(&repo, root, 0, NULL) != 0 || !git_repository_workdir(repo)) {
    *err = rl_asprintf("--changed-since: %s is not inside a git work tree", root);
    goto done;
  }
  if (git_revparse_single(&obj, repo, ref) != 0 ||
      git_object_peel((git_object **)&tree, obj, GIT_OBJECT_TREE) != 0) {
    const git_error *e = git_error_last();
    *err = rl_asprintf("--changed-since: unknown revision '%s'%s%s", ref, e ? ": " : "",
                       e ? e->message : "");
    goto done;
  }
  git_diff_options opts;
  git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
  opts.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
  if (git_diff_tree_to_workdir_with_index(&diff, repo, tree, &opts) != 0) {
    *err = rl_asprintf("--changed-since: git diff failed");
    goto done;
  }
  const char *wd = git_repository_workdir(repo);
  for (size_t i = 0; i < git_diff_num_deltas(diff); i++) {
    const git_diff_delta *d = git_diff_get_delta(diff, i);
    if (d->status == GIT_DELTA_DELETED) continue;
    char *abs = rl_asprintf("%s%s", wd, d->new_file.path);
    char *real = realpath(abs, NULL);
    RL_VEC_PUSH(v, rl_discover_relative(root, real ? real : abs));
    free(real);
    free(abs);
  }
  if (v.n > 1) qsort(v.v, v.n, sizeof *v.v, rl_discover__cmp_str);
  *out = v.v;
  *n = v.n;
  ok = true;
done:
  git_diff_free(diff);
  git_tree_free(tree);
  git_object_free(obj);
  git_repository_free(repo);
  git_libgit2_shutdown();
  return ok;
}
