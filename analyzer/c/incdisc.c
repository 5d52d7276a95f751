/* incdisc.c - build-free C flags from a project's layout (see incdisc.h):
 * include directories voted for by the sources' #include lines, stubs for
 * missing generated configuration headers, and a compile_commands.json
 * found below the root. */
#include "incdisc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "util.h"

#define RL_INCDISC_MAX_DIRS 48
#define RL_INCDISC_WALK_DEPTH 6
#define RL_INCDISC_MAX_HEADERS 50000
#define RL_INCDISC_MAX_FALLBACK_READS 2000

static const char *const rl_incdisc__sysdirs[] = {"/usr/include", "/usr/local/include",
                                                  "/usr/include/x86_64-linux-gnu",
                                                  "/usr/include/aarch64-linux-gnu"};

typedef struct RlIncHeader {
  const char *path; /* absolute */
  const char *base; /* points into path */
} RlIncHeader;

typedef RL_VEC(char *) RlIncStrs;

typedef struct RlIncVote {
  char *dir;
  uint32_t votes;
  bool angle; /* some vote came from an <...> include */
} RlIncVote;

typedef RL_VEC(RlIncVote) RlIncVotes;

struct RlIncDisc {
  RL_VEC(char *) args;
  uint32_t ndirs, nstubs;
};

static bool rl_incdisc__is_file(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static bool rl_incdisc__is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static const char *rl_incdisc__base(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

/* Is a directory of that name meant for another platform's build (a copy
 * of a generated header made for it: WIN32-Code/nmake/event2/event-config.h,
 * win32/config.h, msvc/, vs2019/, dos/, os2/, vms/)? */
static bool rl_incdisc__foreign_dir(const char *name, size_t n) {
  static const char *const prefixes[] = {"win32", "win64", "windows", "msvc", "visualc",
                                         "vs20",  "vc20",  "nmake",   "wince", "mingw"};
  static const char *const exact[] = {"win", "os2", "vms", "amiga", "beos", "vc6", "vc7", "vc8",
                                      "dos", "msdos", "djgpp"};
  char low[32];
  if (n == 0 || n >= sizeof low) return false;
  for (size_t i = 0; i < n; i++)
    low[i] = name[i] >= 'A' && name[i] <= 'Z' ? (char)(name[i] - 'A' + 'a') : name[i];
  low[n] = 0;
  for (size_t i = 0; i < RL_COUNTOF(prefixes); i++)
    if (strncmp(low, prefixes[i], strlen(prefixes[i])) == 0) return true;
  for (size_t i = 0; i < RL_COUNTOF(exact); i++)
    if (strcmp(low, exact[i]) == 0) return true;
  return false;
}

/* Does p[0..plen) lie in such a directory below root? */
static bool rl_incdisc__foreign_path(const char *root, const char *p, size_t plen) {
  size_t rlen = strlen(root);
  if (strncmp(p, root, rlen) != 0) rlen = 0;
  for (size_t i = rlen; i < plen;) {
    while (i < plen && p[i] == '/') i++;
    size_t j = i;
    while (j < plen && p[j] != '/') j++;
    if (j < plen && rl_incdisc__foreign_dir(p + i, j - i)) return true;
    i = j;
  }
  return false;
}

static bool rl_incdisc__skip_dir(const char *name) {
  return name[0] == '.' || strcmp(name, "node_modules") == 0 || strcmp(name, "debian") == 0;
}

/* Section - compile_commands.json below the root */

static int rl_incdisc__cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted subdirectories of dir (not skipped ones); caller frees each. */
static uint32_t rl_incdisc__subdirs(const char *dir, char ***out) {
  RL_VEC(char *) v = {0};
  DIR *d = opendir(dir);
  struct dirent *e;
  while (d && (e = readdir(d))) {
    if (rl_incdisc__skip_dir(e->d_name)) continue;
    char *p = rl_path_join(dir, e->d_name);
    if (rl_incdisc__is_dir(p)) RL_VEC_PUSH(v, p);
    else free(p);
  }
  if (d) closedir(d);
  if (v.n) qsort(v.v, v.n, sizeof *v.v, rl_incdisc__cmp_str);
  *out = v.v;
  return v.n;
}

char *rl_incdisc_find_compdb(const char *root) {
  char *p = rl_path_join(root, "compile_commands.json");
  if (rl_incdisc__is_file(p)) return p;
  free(p);
  char **l1;
  uint32_t n1 = rl_incdisc__subdirs(root, &l1);
  char *found = NULL;
  for (int depth = 1; depth <= 2 && !found; depth++)
    for (uint32_t i = 0; i < n1 && !found; i++) {
      if (depth == 1) {
        p = rl_path_join(l1[i], "compile_commands.json");
        if (rl_incdisc__is_file(p)) found = p;
        else free(p);
        continue;
      }
      char **l2;
      uint32_t n2 = rl_incdisc__subdirs(l1[i], &l2);
      for (uint32_t j = 0; j < n2; j++) {
        p = found ? NULL : rl_path_join(l2[j], "compile_commands.json");
        if (p && rl_incdisc__is_file(p)) found = p;
        else free(p);
        free(l2[j]);
      }
      free(l2);
    }
  for (uint32_t i = 0; i < n1; i++) free(l1[i]);
  free(l1);
  return found;
}

/* Section - headers and templates */

static int rl_incdisc__cmp_header(const void *a, const void *b) {
  const RlIncHeader *x = a, *y = b;
  int c = strcmp(x->base, y->base);
  return c ? c : strcmp(x->path, y->path);
}

/* Is `name` (as in #include <name>) a header of this system? The
 * compiler's own headers (stdbool.h...) are not in /usr/include. */
static bool rl_incdisc__system(const char *name) {
  static const char *const compiler[] = {"stdbool.h",   "stddef.h",     "stdarg.h",
                                         "float.h",     "stdatomic.h",  "stdalign.h",
                                         "stdnoreturn.h", "iso646.h",   "varargs.h",
                                         "cpuid.h",     "immintrin.h",  "x86intrin.h"};
  for (size_t i = 0; i < RL_COUNTOF(compiler); i++)
    if (strcmp(name, compiler[i]) == 0) return true;
  for (size_t i = 0; i < RL_COUNTOF(rl_incdisc__sysdirs); i++) {
    char *p = rl_path_join(rl_incdisc__sysdirs[i], name);
    bool ok = rl_incdisc__is_file(p);
    free(p);
    if (ok) return true;
  }
  return false;
}

/* Configuration templates (x.h.in, x.h.cmake) and headers under dir, by
 * walking it: headers outside the scanned directories are found too
 * (racelint src/ with the public headers in include/). */
static void rl_incdisc__walk(const char *dir, int depth, const char *skip, RlIncStrs *templates,
                             RlIncStrs *headers) {
  if (depth > RL_INCDISC_WALK_DEPTH || (skip && strcmp(dir, skip) == 0)) return;
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (rl_incdisc__skip_dir(e->d_name)) continue;
    bool tpl = rl_str_ends_with(e->d_name, ".h.in") || rl_str_ends_with(e->d_name, ".h.cmake");
    bool hdr = rl_str_ends_with(e->d_name, ".h");
    if ((tpl && templates->n >= 256) || (hdr && headers->n >= RL_INCDISC_MAX_HEADERS)) continue;
    char *p = rl_path_join(dir, e->d_name);
    if ((tpl || hdr) && rl_incdisc__is_file(p)) {
      RL_VEC_PUSH(*(tpl ? templates : headers), p);
      continue;
    }
    if (!tpl && !hdr && rl_incdisc__is_dir(p))
      rl_incdisc__walk(p, depth + 1, skip, templates, headers);
    free(p);
  }
  closedir(d);
}

/* HAVE_SYS_TYPES_H -> does sys/types.h (or sys_types.h) exist here? A
 * project's prefix is allowed (EVENT__HAVE_SYS_TYPES_H), and
 * HAVE_PTHREAD(S) means pthread.h. */
static bool rl_incdisc__have_header(const char *macro, size_t len) {
  for (size_t i = 1; i + 5 <= len; i++) /* a prefix ending in '_' */
    if (macro[i - 1] == '_' && memcmp(macro + i, "HAVE_", 5) == 0) {
      macro += i;
      len -= i;
      break;
    }
  if ((len == 12 && memcmp(macro, "HAVE_PTHREAD", 12) == 0) ||
      (len == 13 && memcmp(macro, "HAVE_PTHREADS", 13) == 0))
    return rl_incdisc__system("pthread.h");
  if (len < 8 || memcmp(macro, "HAVE_", 5) != 0 || memcmp(macro + len - 2, "_H", 2) != 0)
    return false;
  char name[256];
  size_t k = len - 7; /* between HAVE_ and _H */
  if (k + 3 > sizeof name) return false;
  for (int slashes = 2; slashes >= 0; slashes--) {
    int made = 0;
    for (size_t i = 0; i < k; i++) {
      char c = macro[5 + i];
      if (c == '_' && made < slashes) {
        name[i] = '/';
        made++;
      } else {
        name[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
      }
    }
    memcpy(name + k, ".h", 3);
    if (rl_incdisc__system(name)) return true;
  }
  return false;
}

/* The stub's text from a template: HAVE_<HEADER>_H defined for the headers
 * this system has, STDC_HEADERS defined, autoconf's PACKAGE_* and VERSION
 * defined as "", @VAR@ substitutions and other #cmakedefine lines
 * dropped, everything else kept. */
static void rl_incdisc__from_template(const char *src, size_t len, RlBuf *out) {
  const char *p = src, *end = src + len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    const char *q = p;
    while (q < le && (*q == ' ' || *q == '\t')) q++;
    bool undef = (size_t)(le - q) > 7 && memcmp(q, "#undef ", 7) == 0;
    bool cmdef = (size_t)(le - q) > 13 && memcmp(q, "#cmakedefine", 12) == 0;
    if (undef || cmdef) {
      const char *n = q + (undef ? 7 : 12);
      if (cmdef && (size_t)(le - n) > 2 && memcmp(n, "01", 2) == 0) n += 2;
      while (n < le && (*n == ' ' || *n == '\t')) n++;
      const char *ne = n;
      while (ne < le && (*ne == '_' || (*ne >= 'A' && *ne <= 'Z') || (*ne >= 'a' && *ne <= 'z') ||
                         (*ne >= '0' && *ne <= '9')))
        ne++;
      size_t nl2 = (size_t)(ne - n);
      bool on = rl_incdisc__have_header(n, nl2) ||
                (nl2 == 12 && memcmp(n, "STDC_HEADERS", 12) == 0);
      /* autoconf's package strings (PACKAGE_BUGREPORT in a message):
       * some string, whatever its value */
      bool str = (nl2 == 7 && memcmp(n, "VERSION", 7) == 0) ||
                 (nl2 >= 7 && memcmp(n, "PACKAGE", 7) == 0 && (nl2 == 7 || n[7] == '_'));
      if (str && undef) {
        rl_buf_put(out, "#define ", 8);
        rl_buf_put(out, n, nl2);
        rl_buf_put(out, " \"\"\n", 4);
      } else if (on) {
        rl_buf_put(out, "#define ", 8);
        rl_buf_put(out, n, nl2);
        rl_buf_put(out, " 1\n", 3);
      } else if (undef) {
        rl_buf_put(out, p, (size_t)(le - p));
        rl_buf_put(out, "\n", 1);
      } else {
        rl_buf_put(out, "\n", 1);
      }
    } else if (memchr(p, '@', (size_t)(le - p)) || memchr(p, '$', (size_t)(le - p))) {
      rl_buf_put(out, "\n", 1); /* an unsubstituted @VAR@ or ${VAR} */
    } else {
      rl_buf_put(out, p, (size_t)(le - p));
      rl_buf_put(out, "\n", 1);
    }
    p = nl ? nl + 1 : end;
  }
}

/* Does a missing header look generated by the build (config.h,
 * config-host.h, rrd_config.h, lcc_features.h)? */
static bool rl_incdisc__generated(const char *name, const char *template_path) {
  const char *b = rl_incdisc__base(name);
  return template_path || strstr(b, "config") || strstr(b, "features");
}

/* Writes stub_dir/name (creating its directories). */
/* Creates the directories of p's components after its first `from` bytes
 * (not p's last component). */
static bool rl_incdisc__mkdirs(char *p, size_t from) {
  for (char *s = p + from; (s = strchr(s, '/')); s++) {
    *s = 0;
    bool ok = mkdir(p, 0700) == 0 || errno == EEXIST;
    *s = '/';
    if (!ok) return false;
  }
  return true;
}

static bool rl_incdisc__write_stub(const char *stub_dir, const char *name, const char *text,
                                   size_t len) {
  char *p = rl_path_join(stub_dir, name);
  if (!rl_incdisc__mkdirs(p, strlen(stub_dir) + 1)) {
    free(p);
    return false;
  }
  char *old = NULL;
  size_t olen = 0;
  int err;
  if (rl_read_file(p, 4u << 20, &old, &olen, &err) == RL_READ_OK && olen == len &&
      memcmp(old, text, len) == 0) { /* unchanged: keep its mtime for the cache */
    free(old);
    free(p);
    return true;
  }
  free(old);
  FILE *f = fopen(p, "w");
  bool ok = f && fwrite(text, 1, len, f) == len;
  if (f && fclose(f) != 0) ok = false;
  free(p);
  return ok;
}

/* Section - votes */

static void rl_incdisc__vote(RlIncVotes *v, const char *dir, size_t dlen, bool angle) {
  for (uint32_t i = 0; i < v->n; i++)
    if (strlen(v->v[i].dir) == dlen && memcmp(v->v[i].dir, dir, dlen) == 0) {
      v->v[i].votes++;
      v->v[i].angle |= angle;
      return;
    }
  char *d = rl_malloc(dlen + 1);
  memcpy(d, dir, dlen);
  d[dlen] = 0;
  RlIncVote nv = {d, 1, angle};
  RL_VEC_PUSH(*v, nv);
}

static int rl_incdisc__cmp_vote(const void *a, const void *b) {
  const RlIncVote *x = a, *y = b;
  if (x->votes != y->votes) return x->votes > y->votes ? -1 : 1;
  return strcmp(x->dir, y->dir);
}

typedef struct RlIncScan {
  RlIncHeader *hdr;
  uint32_t nhdr;
  /* the fallback: headers under the package top above the root (see
   * rl_incdisc_header_root), for names nothing in hdr resolves */
  RlIncHeader *fhdr;
  uint32_t nfhdr;
  const char *hroot;
  /* fallback headers an include resolved to: their own includes and
   * HAVE_* tests are read too (os_base.h testing HAVE_CONFIG_H), as the
   * scanned headers' are */
  RL_VEC(const char *) above_read;
  RlIncStrs templates;
  RlIncVotes votes;
  RlIncStrs missing; /* generated headers to stub (names as included) */
  RL_VEC(const char *) missing_tpl; /* their templates (in `templates`) or NULL */
  RlIncStrs have;    /* HAVE_<HEADER>_H macros the sources test */
  const char *stub_dir;
  const char *root; /* its own name is not judged (foreign_path) */
  bool stub_ok;
  uint32_t nstubs;
} RlIncScan;

/* Votes for the directories of the headers among hdr[0..nhdr) that `name`
 * can mean; false when none. Copies in another platform's directories
 * (judged below `root`) count only when nothing else gives the header:
 * not when another copy does, nor, for a generated header, its template
 * (the copy holds that platform's configuration). With `only_dir`, a match
 * counts only in that directory. */
static bool rl_incdisc__match(RlIncScan *sc, const RlIncHeader *hdr, uint32_t nhdr,
                              const char *name, bool angle, const char *tpl, const char *root,
                              const char *only_dir, size_t only_len) {
  bool fallback = hdr == sc->fhdr;
  const char *base = rl_incdisc__base(name);
  size_t nl = strlen(name);
  uint32_t lo = 0, hi = nhdr;
  while (lo < hi) { /* first header with this basename */
    uint32_t mid = (lo + hi) / 2;
    if (strcmp(hdr[mid].base, base) < 0) lo = mid + 1;
    else hi = mid;
  }
  bool found = false;
  for (int pass = 0; pass < 2 && !found; pass++) {
    if (pass == 1 && tpl) break;
    for (uint32_t i = lo; i < nhdr && strcmp(hdr[i].base, base) == 0; i++) {
      const char *p = hdr[i].path;
      size_t pl = strlen(p);
      if (pl <= nl + 1 || p[pl - nl - 1] != '/' || strcmp(p + pl - nl, name) != 0) continue;
      if (only_dir && (pl - nl - 1 != only_len || memcmp(p, only_dir, only_len) != 0)) continue;
      if (pass == 0 && rl_incdisc__foreign_path(root, p, pl - nl)) continue;
      rl_incdisc__vote(&sc->votes, p, pl - nl - 1, angle);
      found = true;
      bool queued = !fallback || sc->above_read.n >= RL_INCDISC_MAX_FALLBACK_READS;
      for (uint32_t k = 0; k < sc->above_read.n && !queued; k++) queued = sc->above_read.v[k] == p;
      if (!queued) RL_VEC_PUSH(sc->above_read, p);
    }
  }
  return found;
}

static void rl_incdisc__include(RlIncScan *sc, const char *file, const char *name, bool angle) {
  if (!*name || name[0] == '/' || strstr(name, "..")) return;
  if (!angle) {
    size_t dl = (size_t)(rl_incdisc__base(file) - file);
    char *rel = rl_malloc(dl + strlen(name) + 1);
    memcpy(rel, file, dl);
    strcpy(rel + dl, name);
    bool here = rl_incdisc__is_file(rel);
    free(rel);
    if (here) return;
  } else if (rl_incdisc__system(name)) {
    return; /* <utlist.h>, <microhttpd.h>: a project header found below when not the system's */
  }
  const char *base = rl_incdisc__base(name);
  /* its template: one below the root first, then one above it */
  const char *tpl = NULL;
  size_t rl = strlen(sc->root), bl = strlen(base);
  for (int above = 0; above < 2 && !tpl; above++)
    for (uint32_t i = 0; i < sc->templates.n && !tpl; i++) {
      const char *t = sc->templates.v[i], *tb = rl_incdisc__base(t);
      if ((strncmp(t, sc->root, rl) == 0 && t[rl] == '/') == (above == 1)) continue;
      if (strncmp(tb, base, bl) == 0 && (strcmp(tb + bl, ".in") == 0 || strcmp(tb + bl, ".cmake") == 0))
        tpl = t;
    }
  bool found = rl_incdisc__match(sc, sc->hdr, sc->nhdr, name, angle, tpl, sc->root, NULL, 0);
  /* Above the root, a generated header's bare name (config.h) means the
   * one beside its template: bind9's lib/isc includes the top's config.h,
   * not bin/named's named/config.h. */
  if (!found && sc->nfhdr) {
    bool bare = tpl && !strchr(name, '/');
    found = rl_incdisc__match(sc, sc->fhdr, sc->nfhdr, name, angle, tpl, sc->hroot,
                              bare ? tpl : NULL, bare ? (size_t)(rl_incdisc__base(tpl) - tpl - 1) : 0);
  }
  if (found || !sc->stub_dir) return;
  for (uint32_t i = 0; i < sc->missing.n; i++)
    if (strcmp(sc->missing.v[i], name) == 0) return;
  if (!rl_incdisc__generated(name, tpl) || (angle && !tpl)) return;
  RL_VEC_PUSH(sc->missing, rl_strdup(name));
  RL_VEC_PUSH(sc->missing_tpl, tpl);
}

/* Writes the stub for missing header i: its template's text if any, then
 * HAVE_<HEADER>_H for each such macro the sources test whose header this
 * system has (what ./configure would have found). */
static void rl_incdisc__stub(RlIncScan *sc, uint32_t i) {
  RlBuf text = {0};
  char *src = NULL;
  size_t slen = 0;
  int err;
  const char *tpl = sc->missing_tpl.v[i];
  if (tpl && rl_read_file(tpl, 4u << 20, &src, &slen, &err) == RL_READ_OK)
    rl_incdisc__from_template(src, slen, &text);
  free(src);
  static const char guard[] = "\n/* racelint: headers this system has */\n";
  rl_buf_put(&text, guard, sizeof guard - 1);
  for (uint32_t k = 0; k < sc->have.n; k++) {
    const char *m = sc->have.v[k];
    if (!rl_incdisc__have_header(m, strlen(m))) continue;
    char line[600];
    int len = snprintf(line, sizeof line, "#ifndef %s\n#define %s 1\n#endif\n", m, m);
    if (len > 0 && (size_t)len < sizeof line) rl_buf_put(&text, line, (size_t)len);
  }
  rl_buf_cstr(&text);
  if (sc->stub_ok && rl_incdisc__write_stub(sc->stub_dir, sc->missing.v[i], text.data, text.len))
    sc->nstubs++;
  rl_buf_free(&text);
}

/* Reads the #include lines of one file. */
static void rl_incdisc__file(RlIncScan *sc, const char *file) {
  char *src;
  size_t len;
  int err;
  if (rl_read_file(file, 8u << 20, &src, &len, &err) != RL_READ_OK) return;
  for (const char *p = src, *end = src + len; p < end;) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    const char *q = p;
    while (q < le && (*q == ' ' || *q == '\t')) q++;
    if (q < le && *q == '#') {
      for (const char *h = q; h + 7 < le; h++) { /* HAVE_<HEADER>_H tested here */
        if (memcmp(h, "HAVE_", 5) != 0 || (h > q && (h[-1] == '_' || (h[-1] >= 'A' && h[-1] <= 'Z'))))
          continue;
        const char *he = h;
        while (he < le && (*he == '_' || (*he >= 'A' && *he <= 'Z') || (*he >= '0' && *he <= '9')))
          he++;
        size_t hl = (size_t)(he - h);
        if (hl < 8 || memcmp(he - 2, "_H", 2) != 0 || sc->have.n >= 1024) continue;
        bool dup = false;
        for (uint32_t i = 0; i < sc->have.n && !dup; i++)
          dup = strlen(sc->have.v[i]) == hl && memcmp(sc->have.v[i], h, hl) == 0;
        if (dup) continue;
        char *m = rl_malloc(hl + 1);
        memcpy(m, h, hl);
        m[hl] = 0;
        RL_VEC_PUSH(sc->have, m);
      }
      q++;
      while (q < le && (*q == ' ' || *q == '\t')) q++;
      if ((size_t)(le - q) > 8 && memcmp(q, "include", 7) == 0) {
        q += 7;
        while (q < le && (*q == ' ' || *q == '\t')) q++;
        char close = q < le && *q == '"' ? '"' : q < le && *q == '<' ? '>' : 0;
        const char *ne = close ? memchr(q + 1, close, (size_t)(le - q - 1)) : NULL;
        if (ne && ne - q - 1 < 256) {
          char name[256];
          memcpy(name, q + 1, (size_t)(ne - q - 1));
          name[ne - q - 1] = 0;
          rl_incdisc__include(sc, file, name, close == '>');
        }
      }
    }
    p = nl ? nl + 1 : end;
  }
  free(src);
}

/* Do the sources test HAVE_CONFIG_H, with a config.h template (autoconf's
 * config.h.in, or a CMake one) for this platform? Every autoconf build
 * passes -DHAVE_CONFIG_H, and without it such a source never includes
 * config.h, whatever stands in for it. */
static bool rl_incdisc__config_h(const RlIncScan *sc) {
  bool tested = false;
  for (uint32_t i = 0; i < sc->have.n && !tested; i++) tested = strcmp(sc->have.v[i], "HAVE_CONFIG_H") == 0;
  for (uint32_t i = 0; tested && i < sc->templates.n; i++) {
    const char *t = sc->templates.v[i], *b = rl_incdisc__base(t);
    if ((strcmp(b, "config.h.in") == 0 || strcmp(b, "config.h.cmake") == 0) &&
        !rl_incdisc__foreign_path(sc->hroot, t, (size_t)(b - t)))
      return true;
  }
  return false;
}

/* Section - the header root */

/* Is dir a package's top: configure.ac, configure.in, configure, debian/,
 * or a meson.build / CMakeLists.txt that declares project() (one in a
 * subdirectory does not)? */
static bool rl_incdisc__package_top(const char *dir) {
  static const char *const files[] = {"configure.ac", "configure.in", "configure"};
  bool top = false;
  for (size_t i = 0; i < RL_COUNTOF(files) && !top; i++) {
    char *p = rl_path_join(dir, files[i]);
    top = rl_incdisc__is_file(p);
    free(p);
  }
  char *deb = rl_path_join(dir, "debian");
  top = top || rl_incdisc__is_dir(deb);
  free(deb);
  static const char *const builds[] = {"meson.build", "CMakeLists.txt"};
  for (size_t i = 0; i < RL_COUNTOF(builds) && !top; i++) {
    char *p = rl_path_join(dir, builds[i]), *src = NULL;
    size_t len = 0;
    int err;
    if (rl_read_file(p, 1u << 20, &src, &len, &err) == RL_READ_OK)
      for (size_t k = 0; k + 7 < len && !top; k++) {
        if (k && (src[k - 1] == '_' || isalnum((unsigned char)src[k - 1])))
          continue; /* add_project_arguments(, ExternalProject( */
        if (strncasecmp(src + k, "project", 7) != 0) continue;
        size_t q = k + 7;
        while (q < len && (src[q] == ' ' || src[q] == '\t')) q++;
        top = q < len && src[q] == '(';
      }
    free(src);
    free(p);
  }
  return top;
}

char *rl_incdisc_header_root(const char *root) {
  char *dir = rl_strdup(root);
  for (int up = 0; up <= 3; up++) {
    if (rl_incdisc__package_top(dir)) return dir;
    char *git = rl_path_join(dir, ".git");
    struct stat st;
    bool repo = lstat(git, &st) == 0; /* a directory, or a worktree's file */
    free(git);
    char *slash = strrchr(dir, '/');
    if (repo || !slash || slash == dir) break;
    *slash = 0;
  }
  free(dir);
  return rl_strdup(root);
}

/* Section - the object */

/* The headers of paths[0..n) sorted by base name, each once; they point
 * into paths. */
static RlIncHeader *rl_incdisc__pool(RlIncStrs *paths, uint32_t *n) {
  if (paths->n) qsort(paths->v, paths->n, sizeof *paths->v, rl_incdisc__cmp_str);
  RlIncHeader *hdr = rl_malloc((paths->n + 1) * sizeof *hdr);
  *n = 0;
  for (uint32_t i = 0; i < paths->n; i++)
    if (*n && strcmp(hdr[*n - 1].path, paths->v[i]) == 0) continue;
    else hdr[(*n)++] = (RlIncHeader){paths->v[i], rl_incdisc__base(paths->v[i])};
  qsort(hdr, *n, sizeof *hdr, rl_incdisc__cmp_header);
  return hdr;
}

RlIncDisc *rl_incdisc_new(const char *root, const char *header_root, const char *const *files,
                          uint32_t n, const char *stub_dir) {
  RlIncDisc *self = rl_calloc(1, sizeof *self);
  RlIncScan sc = {0};
  RlIncStrs headers = {0}; /* the root's and the given ones, each once */
  RlIncStrs above = {0};   /* the header root's outside the root */
  rl_incdisc__walk(root, 0, NULL, &sc.templates, &headers);
  if (header_root && strcmp(header_root, root) != 0)
    rl_incdisc__walk(header_root, 0, root, &sc.templates, &above);
  for (uint32_t i = 0; i < n; i++)
    if (rl_str_ends_with(files[i], ".h")) RL_VEC_PUSH(headers, rl_strdup(files[i]));
  sc.hdr = rl_incdisc__pool(&headers, &sc.nhdr);
  sc.fhdr = rl_incdisc__pool(&above, &sc.nfhdr);
  if (sc.templates.n) qsort(sc.templates.v, sc.templates.n, sizeof *sc.templates.v, rl_incdisc__cmp_str);
  sc.stub_dir = stub_dir;
  sc.root = root;
  sc.hroot = header_root ? header_root : root;
  /* the stub directory's parents too (the cache directory, which a
   * --no-cache run never made): else the stand-ins, and so the findings,
   * would depend on whether a cache was used */
  char *sd = stub_dir ? rl_asprintf("%s/", stub_dir) : NULL;
  sc.stub_ok = sd && rl_incdisc__mkdirs(sd, 1);
  free(sd);
  for (uint32_t i = 0; i < n; i++) rl_incdisc__file(&sc, files[i]);
  for (uint32_t i = 0; i < sc.above_read.n; i++) rl_incdisc__file(&sc, sc.above_read.v[i]); /* grows */
  for (uint32_t i = 0; i < sc.missing.n; i++) rl_incdisc__stub(&sc, i);
  if (rl_incdisc__config_h(&sc)) RL_VEC_PUSH(self->args, rl_strdup("-DHAVE_CONFIG_H=1"));
  if (sc.votes.n) qsort(sc.votes.v, sc.votes.n, sizeof *sc.votes.v, rl_incdisc__cmp_vote);
  for (uint32_t i = 0; i < sc.votes.n; i++) {
    if (i < RL_INCDISC_MAX_DIRS) {
      RL_VEC_PUSH(self->args, rl_strdup(sc.votes.v[i].angle ? "-I" : "-iquote"));
      RL_VEC_PUSH(self->args, sc.votes.v[i].dir);
      self->ndirs++;
    } else {
      free(sc.votes.v[i].dir);
    }
  }
  if (sc.nstubs) {
    RL_VEC_PUSH(self->args, rl_strdup("-idirafter"));
    RL_VEC_PUSH(self->args, rl_strdup(stub_dir));
  }
  self->nstubs = sc.nstubs;
  for (uint32_t i = 0; i < sc.templates.n; i++) free(sc.templates.v[i]);
  for (uint32_t i = 0; i < sc.missing.n; i++) free(sc.missing.v[i]);
  for (uint32_t i = 0; i < sc.have.n; i++) free(sc.have.v[i]);
  RL_VEC_FREE(sc.templates);
  RL_VEC_FREE(sc.missing);
  RL_VEC_FREE(sc.missing_tpl);
  RL_VEC_FREE(sc.have);
  RL_VEC_FREE(sc.above_read);
  RL_VEC_FREE(sc.votes);
  for (uint32_t i = 0; i < headers.n; i++) free(headers.v[i]);
  for (uint32_t i = 0; i < above.n; i++) free(above.v[i]);
  RL_VEC_FREE(headers);
  RL_VEC_FREE(above);
  free(sc.hdr);
  free(sc.fhdr);
  return self;
}

void rl_incdisc_delete(RlIncDisc *self) {
  if (!self) return;
  for (uint32_t i = 0; i < self->args.n; i++) free(self->args.v[i]);
  RL_VEC_FREE(self->args);
  free(self);
}

const char *const *rl_incdisc_args(const RlIncDisc *self, uint32_t *n) {
  *n = self->args.n;
  return (const char *const *)self->args.v;
}

uint32_t rl_incdisc_ndirs(const RlIncDisc *self) { return self->ndirs; }
uint32_t rl_incdisc_nstubs(const RlIncDisc *self) { return self->nstubs; }
