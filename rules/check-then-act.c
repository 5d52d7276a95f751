/* check-then-act.c - a check whose result is stale by the time it is acted
 * on (time-of-check to time-of-use).
 *
 * C part: access/stat/lstat/... on a path, then open/fopen/unlink/rename/...
 * on the same path expression later in the same function. Between the two
 * calls another process can swap the file (for instance for a symlink to
 * /etc/shadow), so the check says nothing about what is opened. CWE-367.
 * A helper of the same file counts as a check when it passes one of its
 * parameters to access/stat/... (`if (file_exists(p)) fd = open(p, ...)`).
 * Not reported: the path variable is reassigned or rewritten in between,
 * the use is atomic (O_CREAT|O_EXCL) or does not follow symlinks
 * (O_NOFOLLOW), the function re-checks the opened descriptor with fstat
 * (the open-then-fstat idiom), or the check's result does not decide
 * whether the use runs.
 * Reported only what an attacker can exploit (see rl_cta__exploitable):
 * chmod/chown/exec through a checked path; a write or create after a
 * permission check, or in a file that shows it runs privileged (it
 * changes ids or owners) or on a literal /tmp path; a read after a
 * stat-based ownership/permission/symlink check; an unlink/rename after
 * such a check; a rename or link onto a name checked to be absent (the
 * no-clobber race). Reads, unlinks and mkdirs after a plain existence,
 * type or size check are not: their failure is handled by the call itself.
 * The default preset leaves chmod/chown/exec and the no-clobber create to
 * racelint:strict (rl_cta__default_shape, c/check-then-act-preset.c).
 * Doc: rules/check-then-act.md */
#include <string.h>

#include "../analyzer/rule_api.h"
#include "c/check-then-act-preset.h"
#include "c/fixes.h"

typedef struct PathArg {
  const char *fn;
  int arg, arg2; /* path argument indexes (-1: none) */
} PathArg;

static const PathArg checks[] = {
    {"access", 0, -1},  {"eaccess", 0, -1},    {"euidaccess", 0, -1}, {"faccessat", 1, -1},
    {"stat", 0, -1},    {"stat64", 0, -1},     {"lstat", 0, -1},      {"lstat64", 0, -1},
    {"fstatat", 1, -1}, {"fstatat64", 1, -1},  {"statx", 1, -1},
};

static const PathArg uses[] = {
    {"open", 0, -1},    {"open64", 0, -1},   {"openat", 1, -1},  {"fopen", 0, -1},
    {"fopen64", 0, -1}, {"freopen", 0, -1},  {"creat", 0, -1},   {"unlink", 0, -1},
    {"unlinkat", 1, -1}, {"remove", 0, -1},  {"rename", 0, 1},   {"renameat", 1, 3},
    {"chmod", 0, -1},   {"chown", 0, -1},    {"lchown", 0, -1},  {"truncate", 0, -1},
    {"mkdir", 0, -1},   {"rmdir", 0, -1},    {"execve", 0, -1},  {"execv", 0, -1},
    {"execl", 0, -1},   {"execvp", 0, -1},   {"execlp", 0, -1},  {"link", 0, 1},
    {"symlink", 1, -1}, {"opendir", 0, -1},  {"utime", 0, -1},   {"utimes", 0, -1},
    {"chdir", 0, -1},   {"chroot", 0, -1},   {"mkfifo", 0, -1},  {"mknod", 0, -1},
};

/* Functions that write their first argument (so a path buffer changes). */
static const char *const writers[] = {"sprintf", "snprintf", "vsprintf", "vsnprintf",
                                      "strcpy",  "strncpy",  "strcat",   "strncat",
                                      "memcpy",  "memmove",  "strlcpy",  "strlcat",
                                      "stpcpy",  "getcwd",   "readlink", "fgets"};

static const PathArg *find(const PathArg *t, size_t n, const char *fn) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(t[i].fn, fn) == 0) return &t[i];
  return NULL;
}

/* A function of this file that checks its parameter `param`. */
/* What the check learnt about the file (weakest first). */
typedef enum CheckKind {
  CK_EXIST = 0,   /* exists / type / size / mtime, or a helper */
  CK_ACCESS,      /* access() with R_OK, W_OK or X_OK: a permission check */
  CK_OWNER,       /* stat whose owner, permission bits or S_ISLNK are tested */
} CheckKind;

/* What the use does with the path. */
typedef enum UseKind {
  UK_READ = 0, /* open for reading, opendir, chdir */
  UK_ENTRY,    /* unlink, rename's source, mkdir: acts on the name, follows nothing */
  UK_CLOBBER,  /* rename/link/symlink onto the checked name */
  UK_MODIFY,   /* create, write, truncate through the path */
  UK_ATTR,     /* chmod, chown, exec: hands out rights or runs code */
} UseKind;

/* Calls showing the program runs with privileges another user lacks. */
static const char *const privileged[] = {
    "setuid",  "seteuid", "setreuid", "setresuid", "setgid", "setegid",  "setregid",
    "setresgid", "initgroups", "setgroups", "chown", "fchown", "lchown", "fchownat"};

typedef struct Helper {
  const char *name, *check_fn;
  uint32_t param;
} Helper;

#define MAX_HELPERS 32

typedef struct State {
  Helper h[MAX_HELPERS];
  uint32_t n;
  bool privileged; /* the file calls one of privileged[] */
} State;

/* Finds the file's checking helpers: functions passing a parameter, as is,
 * as the path of a check call. */
static void *begin_file(RlCtx *cx) {
  State *st = rl_alloc(cx, sizeof *st);
  uint32_t count = rl_node_count(cx);
  for (RlNode i = 1; i < count && !st->privileged; i++) {
    if (rl_kind(cx, i) != RL_C_CALL_EXPR) continue;
    const char *callee = rl_c_callee(cx, i);
    for (size_t k = 0; k < RL_COUNTOF(privileged); k++)
      if (strcmp(callee, privileged[k]) == 0) st->privileged = true;
  }
  for (RlNode fn = 1; fn < count; fn++) {
    if (rl_kind(cx, fn) != RL_C_FUNCTION_DECL) continue;
    RlNode body = rl_child(cx, fn, RL_F_BODY);
    RlNode end = rl_node_end(cx, fn);
    if (!body) {
      fn = end - 1;
      continue;
    }
    for (RlNode i = body; i < end && st->n < MAX_HELPERS; i++) {
      if (rl_kind(cx, i) != RL_C_CALL_EXPR) continue;
      const PathArg *chk = find(checks, RL_COUNTOF(checks), rl_c_callee(cx, i));
      if (!chk) continue;
      RlNode p = rl_strip(cx, rl_c_arg(cx, i, (uint32_t)chk->arg));
      if (rl_kind(cx, p) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, p) != RL_REF_PARAM) continue;
      uint32_t idx = 0;
      bool found = false;
      for (RlNode c = rl_first_child(cx, fn); c; c = rl_next_sibling(cx, c)) {
        if (rl_kind(cx, c) != RL_C_PARM_DECL) continue;
        if (strcmp(rl_c_name(cx, c), rl_c_name(cx, p)) == 0) {
          found = true;
          break;
        }
        idx++;
      }
      if (!found) continue;
      st->h[st->n++] = (Helper){rl_c_name(cx, fn), chk->fn, idx};
      break;
    }
    fn = end - 1;
  }
  return st;
}

static const Helper *find_helper(const State *st, const char *fn) {
  for (uint32_t i = 0; st && i < st->n; i++)
    if (strcmp(st->h[i].name, fn) == 0) return &st->h[i];
  return NULL;
}

typedef struct Check {
  uint64_t key;
  RlNode call, path;
  const char *fn;
  bool live;
  CheckKind kind;
} Check;

typedef struct Hit {
  RlNode use, check, path;
  const char *use_fn, *check_fn;
} Hit;

#define MAX_CHECKS 64

static bool mentions(RlCtx *cx, RlNode n, const char *s) {
  size_t len;
  const char *t = rl_text(cx, n, &len);
  size_t k = strlen(s);
  for (size_t i = 0; i + k <= len; i++)
    if (memcmp(t + i, s, k) == 0) return true;
  return false;
}

static void kill_key(Check *c, uint32_t n, uint64_t key) {
  for (uint32_t i = 0; i < n; i++)
    if (c[i].key == key) c[i].live = false;
}

static bool is_label(RlKind k) {
  return k == RL_C_CASE_STMT || k == RL_C_DEFAULT_STMT || k == RL_C_LABEL_STMT;
}

/* The statement under a chain of labels (`case 1: case 2: stmt`). */
static RlNode unlabel(RlCtx *cx, RlNode s) {
  while (s && is_label(rl_kind(cx, s))) {
    RlNode last = RL_NONE;
    for (RlNode c = rl_first_child(cx, s); c; c = rl_next_sibling(cx, c)) last = c;
    if (last == s || !last) break;
    s = last;
  }
  return s;
}

/* Is `key` written (assigned, incremented, address taken) in [from, to)? */
static bool written_in(RlCtx *cx, RlNode from, RlNode to, uint64_t key) {
  for (RlNode i = from; i < to; i++) {
    RlKind k = rl_kind(cx, i);
    if ((k == RL_C_BINARY_OPERATOR && strcmp(rl_op(cx, i), "=") == 0) ||
        k == RL_C_COMPOUND_ASSIGN_OPERATOR) {
      if (rl_expr_key(cx, rl_first_child(cx, i)) == key) return true;
    } else if (k == RL_C_UNARY_OPERATOR) {
      const char *op = rl_op(cx, i);
      if ((strcmp(op, "++") == 0 || strcmp(op, "--") == 0 || strcmp(op, "&") == 0) &&
          rl_expr_key(cx, rl_first_child(cx, i)) == key)
        return true;
    }
  }
  return false;
}

/* The check and the use sit in different cases of one switch, and a break or
 * return at the switch's top level lies between them: one pass through the
 * switch runs only one of them (libuv's `X(STAT, stat(p)); X(UNLINK,
 * unlink(p));` dispatch). If the switch is in a loop, its discriminant must
 * be a variable or field the loop never writes, so every pass takes the same
 * case (a state machine `s = NEXT` can run both). */
static bool other_case(RlCtx *cx, RlNode body, RlNode chk, RlNode use) {
  for (RlNode sw = rl_parent(cx, chk); sw && sw != body; sw = rl_parent(cx, sw)) {
    if (rl_kind(cx, sw) != RL_C_SWITCH_STMT) continue;
    if (use < sw || use >= rl_node_end(cx, sw)) continue; /* try an outer switch */
    RlNode disc = rl_first_child(cx, sw), sb = RL_NONE;
    for (RlNode c = disc; c; c = rl_next_sibling(cx, c)) sb = c;
    if (!sb || sb == disc || rl_kind(cx, sb) != RL_C_COMPOUND_STMT) return false;
    RlNode tc = chk, tu = use;
    while (tc && rl_parent(cx, tc) != sb) tc = rl_parent(cx, tc);
    while (tu && rl_parent(cx, tu) != sb) tu = rl_parent(cx, tu);
    if (!tc || !tu || tc >= tu) return false;
    bool jump = false;
    for (RlNode s = tc; s && s != tu; s = rl_next_sibling(cx, s)) {
      RlKind k = rl_kind(cx, unlabel(cx, s));
      if (k == RL_C_BREAK_STMT || k == RL_C_RETURN_STMT) jump = true;
    }
    if (!jump || !is_label(rl_kind(cx, tu))) return false;
    RlNode d = rl_strip(cx, disc);
    for (RlNode l = rl_parent(cx, sw); l && l != rl_parent(cx, body); l = rl_parent(cx, l)) {
      RlKind lk = rl_kind(cx, l);
      if (lk != RL_C_WHILE_STMT && lk != RL_C_DO_STMT && lk != RL_C_FOR_STMT) continue;
      RlKind dk = rl_kind(cx, d);
      if (dk != RL_C_DECL_REF_EXPR && dk != RL_C_MEMBER_REF_EXPR) return false;
      if (written_in(cx, l, rl_node_end(cx, l), rl_expr_key(cx, d))) return false;
    }
    return true;
  }
  return false;
}

/* Does statement s end in a return on every path (a return, a block whose
 * last statement does, an if/else whose branches both do)? */
static bool always_returns(RlCtx *cx, RlNode s) {
  for (int depth = 0; s && depth < 64; depth++) {
    s = unlabel(cx, s);
    RlKind k = rl_kind(cx, s);
    if (k == RL_C_RETURN_STMT) return true;
    if (k == RL_C_COMPOUND_STMT) {
      RlNode last = RL_NONE;
      for (RlNode c = rl_first_child(cx, s); c; c = rl_next_sibling(cx, c)) last = c;
      s = last;
      continue;
    }
    if (k == RL_C_IF_STMT) {
      RlNode then = rl_child(cx, s, RL_F_CONSEQUENCE), els = rl_child(cx, s, RL_F_ALTERNATIVE);
      if (!then || !els || !always_returns(cx, then)) return false;
      s = els;
      continue;
    }
    return false;
  }
  return false;
}

/* The check sits in a block that returns before reaching the use (the
 * check only explains a failure: redis's `if (fp == NULL) { if (stat(p,
 * &sb) == 0) ...; return ERR; }` before `truncate(p, ...)`): a block, not
 * containing the use, where a statement from the check's on returns on
 * every path, with no break, continue or goto on the way out. */
static bool returns_before(RlCtx *cx, RlNode body, RlNode chk, RlNode use) {
  for (RlNode a = rl_parent(cx, chk); a && a != body; a = rl_parent(cx, a)) {
    if (rl_kind(cx, a) != RL_C_COMPOUND_STMT) continue;
    if (use >= a && use < rl_node_end(cx, a)) return false;
    RlNode top = chk;
    while (top && rl_parent(cx, top) != a) top = rl_parent(cx, top);
    for (RlNode st = top; st; st = rl_next_sibling(cx, st)) {
      bool jumps = false;
      for (RlNode i = st; i < rl_node_end(cx, st) && !jumps; i++) {
        RlKind k = rl_kind(cx, i);
        if (k == RL_C_GOTO_STMT) jumps = true;
        if (k != RL_C_BREAK_STMT && k != RL_C_CONTINUE_STMT) continue;
        /* a break of a loop inside (serverLog's `do { ... break; } while (0)`) stays in */
        jumps = true;
        for (RlNode p = rl_parent(cx, i); p && p != rl_parent(cx, st) && jumps; p = rl_parent(cx, p)) {
          RlKind pk = rl_kind(cx, p);
          if (pk == RL_C_DO_STMT || pk == RL_C_WHILE_STMT || pk == RL_C_FOR_STMT ||
              (pk == RL_C_SWITCH_STMT && k == RL_C_BREAK_STMT))
            jumps = false;
        }
      }
      if (jumps) return false;
      if (always_returns(cx, st)) return true;
    }
  }
  return false;
}

/* Does text [t, t+len) contain s? */
static bool has(const char *t, size_t len, const char *s) {
  size_t k = strlen(s);
  for (size_t i = 0; i + k <= len; i++)
    if (memcmp(t + i, s, k) == 0) return true;
  return false;
}

static bool is_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* What a check call learnt: a permission check (access with R/W/X_OK), an
 * owner/permission/symlink check (the stat buffer's st_uid, st_gid,
 * permission bits or S_ISLNK tested anywhere in the function), or only
 * existence, type, size or times. */
static CheckKind check_kind(RlCtx *cx, RlNode body, RlNode call, const PathArg *chk) {
  const char *fn = chk->fn;
  if (strstr(fn, "access")) {
    RlNode mode = rl_c_arg(cx, call, (uint32_t)chk->arg + 1);
    size_t len;
    const char *t = mode ? rl_text(cx, mode, &len) : "";
    if (!mode) len = 0;
    return has(t, len, "R_OK") || has(t, len, "W_OK") || has(t, len, "X_OK") ? CK_ACCESS
                                                                             : CK_EXIST;
  }
  if (strcmp(fn, "statx") == 0) return CK_EXIST;
  RlNode buf = rl_strip(cx, rl_c_arg(cx, call, (uint32_t)chk->arg + 1));
  if (!buf) return CK_EXIST;
  if (rl_kind(cx, buf) == RL_C_UNARY_OPERATOR && strcmp(rl_op(cx, buf), "&") == 0)
    buf = rl_strip(cx, rl_first_child(cx, buf));
  const char *name = rl_text_dup(cx, buf);
  if (!*name) name = rl_c_name(cx, buf);
  size_t nl = strlen(name), len;
  if (!nl) return CK_EXIST;
  const char *t = rl_text(cx, body, &len);
  for (size_t i = 0; i + nl < len; i++) {
    if (memcmp(t + i, name, nl) != 0 || (i > 0 && is_ident(t[i - 1]))) continue;
    size_t j = i + nl;
    if (j < len && t[j] == '.') j++;
    else if (j + 1 < len && t[j] == '-' && t[j + 1] == '>') j += 2;
    else continue;
    if (len - j >= 6 && (memcmp(t + j, "st_uid", 6) == 0 || memcmp(t + j, "st_gid", 6) == 0))
      return CK_OWNER;
    if (len - j < 7 || memcmp(t + j, "st_mode", 7) != 0) continue;
    size_t e = j + 7;
    while (e < len && (t[e] == ' ' || t[e] == '\t')) e++;
    if (e + 1 < len && t[e] == '=' && t[e + 1] != '=') continue; /* assigned, not tested */
    size_t lo = i > 40 ? i - 40 : 0, hi = j + 7 + 40 < len ? j + 7 + 40 : len;
    if (has(t + (i > 10 ? i - 10 : 0), i - (i > 10 ? i - 10 : 0), "S_ISLNK")) return CK_OWNER;
    static const char *const perm[] = {"S_IR", "S_IW", "S_IX", "S_ISUID", "S_ISGID", "S_ISVTX"};
    for (size_t k = 0; k < RL_COUNTOF(perm); k++)
      if (has(t + lo, hi - lo, perm[k])) return CK_OWNER;
  }
  return CK_EXIST;
}

/* What the use does to the path at argument `arg`; false when it is safe
 * whatever the check said (O_NOFOLLOW: the final symlink is not followed). */
static bool use_kind(RlCtx *cx, RlNode call, const char *fn, int arg, UseKind *out) {
  static const char *const attr[] = {"chmod", "chown", "lchown", "execve", "execv", "execl",
                                     "execvp", "execlp", "utime", "utimes", "chroot"};
  static const char *const entry[] = {"unlink", "unlinkat", "remove", "rmdir"};
  /* creating a name fails when anything exists there (EEXIST): atomic */
  static const char *const excl[] = {"mkdir", "mkfifo", "mknod", "link", "symlink"};
  for (size_t k = 0; k < RL_COUNTOF(excl); k++)
    if (strcmp(fn, excl[k]) == 0) return false;
  for (size_t k = 0; k < RL_COUNTOF(attr); k++)
    if (strcmp(fn, attr[k]) == 0) return *out = UK_ATTR, true;
  for (size_t k = 0; k < RL_COUNTOF(entry); k++)
    if (strcmp(fn, entry[k]) == 0) return *out = UK_ENTRY, true;
  /* rename replaces its target */
  if (strcmp(fn, "rename") == 0) return *out = arg == 0 ? UK_ENTRY : UK_CLOBBER, true;
  if (strcmp(fn, "renameat") == 0) return *out = arg == 1 ? UK_ENTRY : UK_CLOBBER, true;
  /* a create that truncates destroys what appeared since the check: the
   * no-clobber race, like rename onto the name */
  if (strcmp(fn, "creat") == 0) return *out = UK_CLOBBER, true;
  if (strcmp(fn, "truncate") == 0) return *out = UK_MODIFY, true;
  if (strncmp(fn, "open", 4) == 0) {
    RlNode fl = rl_c_arg(cx, call, strcmp(fn, "openat") == 0 ? 2u : 1u);
    size_t len = 0;
    const char *t = fl ? rl_text(cx, fl, &len) : "";
    if (has(t, len, "O_NOFOLLOW")) return false;
    static const char *const w[] = {"O_CREAT", "O_WRONLY", "O_RDWR", "O_TRUNC", "O_APPEND"};
    *out = UK_READ;
    for (size_t k = 0; k < RL_COUNTOF(w); k++)
      if (has(t, len, w[k])) *out = UK_MODIFY;
    if (fl && !len) *out = UK_MODIFY; /* flags spelled in a macro: assume a write */
    if (has(t, len, "O_TRUNC")) *out = UK_CLOBBER;
    return true;
  }
  if (strncmp(fn, "fopen", 5) == 0 || strcmp(fn, "freopen") == 0) {
    RlNode m = rl_strip(cx, rl_c_arg(cx, call, 1));
    size_t len = 0;
    const char *t = m ? rl_text(cx, m, &len) : "";
    bool lit = m && rl_kind(cx, m) == RL_C_STRING_LITERAL && len;
    *out = !lit || has(t, len, "w") || has(t, len, "a") || has(t, len, "+") ? UK_MODIFY : UK_READ;
    if (lit && has(t, len, "w")) *out = UK_CLOBBER;
    return true;
  }
  *out = UK_READ; /* opendir, chdir */
  return true;
}

/* A literal path in a directory every user can write. */
static bool world_writable_literal(RlCtx *cx, RlNode p) {
  size_t len;
  const char *t = rl_text(cx, rl_strip(cx, p), &len);
  static const char *const dirs[] = {"\"/tmp/", "\"/var/tmp/", "\"/dev/shm/"};
  for (size_t k = 0; k < RL_COUNTOF(dirs); k++)
    if (len >= strlen(dirs[k]) && memcmp(t, dirs[k], strlen(dirs[k])) == 0) return true;
  return false;
}

/* Can an attacker who swaps the file between check and use gain from it?
 * Changing rights or running the file: always. Writing or creating: when
 * the check was a permission check, the file shows it runs privileged, or
 * the path is in a world-writable directory. Reading, or unlinking and
 * renaming a name: when the check was about owner, permissions or
 * symlinks (the swap defeats exactly what was checked), or a permission
 * check in a privileged program. Renaming or linking onto a name checked
 * to be absent: always (the no-clobber race loses the other file). */
static bool rl_cta__exploitable(CheckKind ck, UseKind uk, bool priv, bool tmp) {
  switch (uk) {
  case UK_ATTR:
  case UK_CLOBBER:
    return true;
  case UK_MODIFY:
    return ck != CK_EXIST || priv || tmp;
  case UK_READ:
  case UK_ENTRY:
    return ck == CK_OWNER || (ck == CK_ACCESS && (priv || tmp));
  }
  return true;
}

/* Is n (a reference to key) tested in condition cond: the condition itself,
 * an operand of a comparison or of `!`, not a call's argument? */
static bool tested_in(RlCtx *cx, RlNode cond, uint64_t key) {
  for (RlNode i = cond; i < rl_node_end(cx, cond); i++) {
    if (rl_expr_key(cx, i) != key) continue;
    RlNode p = i;
    do p = rl_parent(cx, p);
    while (p && p != cond && rl_strip(cx, p) != p);
    if (i == cond || rl_strip(cx, cond) == i) return true;
    RlKind k = rl_kind(cx, p);
    const char *op = k == RL_C_BINARY_OPERATOR || k == RL_C_UNARY_OPERATOR ? rl_op(cx, p) : "";
    if (!strcmp(op, "==") || !strcmp(op, "!=") || !strcmp(op, "<") || !strcmp(op, ">") ||
        !strcmp(op, "<=") || !strcmp(op, ">=") || !strcmp(op, "!") || !strcmp(op, "&&") ||
        !strcmp(op, "||"))
      return true;
  }
  return false;
}

/* Is it a shape the default preset reports (rules/check-then-act.md,
 * "Presets")? Not chmod, chown, exec, chroot, utime: over the triaged
 * findings mostly a change that root makes in a directory only root
 * writes, or one the check skips when it would change nothing. Not a
 * truncating create or a rename onto a name the check found missing,
 * outside /tmp: the no-clobber race needs another writer of the
 * directory. */
static bool rl_cta__default_shape(RlCtx *cx, RlNode body, const Check *c, RlNode use,
                                  UseKind uk, RlNode path) {
  if (uk == UK_ATTR) return false;
  if (uk != UK_CLOBBER || world_writable_literal(cx, path)) return true;
  return rl_cta_c_clobber_default(cx, body, c->call, use,
                                  find(checks, RL_COUNTOF(checks), c->fn) != NULL);
}

/* Does the check's result decide whether the use runs? When the check sits
 * in an if's condition, the use must be inside that if, or a branch of it
 * must leave, or a branch must set a variable that a later if before the
 * use tests and leaves on (`if (stat(..)) status = errno; ... if (status)
 * return`). A check whose if does none of these (stat to copy a file's
 * mode, then rename either way) decides nothing. A check outside any
 * condition (result stored, buffer tested later) counts. */
static bool decides(RlCtx *cx, RlNode body, RlNode chk, RlNode use) {
  for (RlNode a = rl_parent(cx, chk); a && a != body; a = rl_parent(cx, a)) {
    if (rl_kind(cx, a) != RL_C_IF_STMT) continue;
    RlNode cond = rl_child(cx, a, RL_F_CONDITION);
    if (!cond || chk < cond || chk >= rl_node_end(cx, cond)) continue;
    RlNode end = rl_node_end(cx, a);
    if (use >= a && use < end) return true;
    if (rl_cta_c_leaves(cx, rl_child(cx, a, RL_F_CONSEQUENCE)) ||
        rl_cta_c_leaves(cx, rl_child(cx, a, RL_F_ALTERNATIVE)))
      return true;
    for (RlNode i = rl_node_end(cx, cond); i < end; i++) {
      if (rl_kind(cx, i) != RL_C_BINARY_OPERATOR || strcmp(rl_op(cx, i), "=") != 0) continue;
      uint64_t key = rl_expr_key(cx, rl_child(cx, i, RL_F_LEFT));
      for (RlNode j = end; j < use; j++) {
        if (rl_kind(cx, j) != RL_C_IF_STMT) continue;
        RlNode c2 = rl_child(cx, j, RL_F_CONDITION);
        if (c2 && tested_in(cx, c2, key) &&
            (rl_cta_c_leaves(cx, rl_child(cx, j, RL_F_CONSEQUENCE)) ||
             rl_cta_c_leaves(cx, rl_child(cx, j, RL_F_ALTERNATIVE))))
          return true;
      }
    }
    return false;
  }
  return true;
}

static void check_function(RlCtx *cx, RlNode fn, void *state) {
  const State *st = state;
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  if (!body) return;
  Check c[MAX_CHECKS];
  uint32_t nc = 0;
  Hit hits[MAX_CHECKS];
  uint32_t nh = 0;
  bool fstat_after = false;
  uint32_t taken = 0; /* checks a use took, strict-only ones too */
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_C_BINARY_OPERATOR && strcmp(rl_op(cx, i), "=") == 0) {
      kill_key(c, nc, rl_expr_key(cx, rl_child(cx, i, RL_F_LEFT)));
      continue;
    }
    if (k == RL_C_UNARY_OPERATOR && strcmp(rl_op(cx, i), "&") == 0) {
      /* &path escapes: anything may write it (but &st for stat is common) */
      RlNode p = rl_parent(cx, i);
      while (p && rl_kind(cx, p) == RL_C_UNEXPOSED_EXPR) p = rl_parent(cx, p);
      const char *pc = rl_kind(cx, p) == RL_C_CALL_EXPR ? rl_c_callee(cx, p) : "";
      if (!find(checks, RL_COUNTOF(checks), pc))
        kill_key(c, nc, rl_expr_key(cx, rl_first_child(cx, i)));
      continue;
    }
    if (k != RL_C_CALL_EXPR) continue;
    const char *callee = rl_c_callee(cx, i);
    if (!*callee) continue;
    if (strcmp(callee, "fstat") == 0 || strcmp(callee, "fstat64") == 0) {
      if (taken) fstat_after = true;
      continue;
    }
    for (size_t w = 0; w < RL_COUNTOF(writers); w++)
      if (strcmp(callee, writers[w]) == 0)
        kill_key(c, nc, rl_expr_key(cx, rl_c_arg(cx, i, 0)));
    const Helper *hp = find_helper(st, callee);
    if (hp && strcmp(hp->name, rl_c_name(cx, fn)) != 0) {
      RlNode p = rl_c_arg(cx, i, hp->param);
      if (p && nc < MAX_CHECKS)
        c[nc++] = (Check){rl_expr_key(cx, p), i, p, hp->name, true, CK_EXIST};
      continue;
    }
    const PathArg *chk = find(checks, RL_COUNTOF(checks), callee);
    if (chk) {
      RlNode p = rl_c_arg(cx, i, (uint32_t)chk->arg);
      if (p && nc < MAX_CHECKS)
        c[nc++] = (Check){rl_expr_key(cx, p), i, p, chk->fn, true, check_kind(cx, body, i, chk)};
      continue;
    }
    const PathArg *use = find(uses, RL_COUNTOF(uses), callee);
    if (!use) continue;
    if ((strcmp(callee, "open") == 0 || strcmp(callee, "openat") == 0 ||
         strcmp(callee, "open64") == 0) &&
        mentions(cx, i, "O_EXCL"))
      continue; /* exclusive create is atomic */
    int args[2] = {use->arg, use->arg2};
    for (int a = 0; a < 2; a++) {
      if (args[a] < 0) continue;
      RlNode p = rl_c_arg(cx, i, (uint32_t)args[a]);
      if (!p) continue;
      uint64_t key = rl_expr_key(cx, p);
      UseKind uk;
      if (!use_kind(cx, i, callee, args[a], &uk)) continue;
      for (uint32_t j = nc; j-- > 0;) {
        if (!c[j].live || c[j].key != key) continue;
        if (other_case(cx, body, c[j].call, i) || returns_before(cx, body, c[j].call, i))
          continue;
        if (!decides(cx, body, c[j].call, i) ||
            !rl_cta__exploitable(c[j].kind, uk, st && st->privileged,
                                 world_writable_literal(cx, p)))
          continue;
        /* a strict-only finding still takes its check: the default
         * preset reports a subset of racelint:strict's findings */
        bool shown = rl_file_strict(cx) || rl_cta__default_shape(cx, body, &c[j], i, uk, p);
        if (shown && nh < MAX_CHECKS) hits[nh++] = (Hit){i, c[j].call, p, callee, c[j].fn};
        taken++;
        c[j].live = false; /* one finding per check */
        break;
      }
    }
  }
  if (fstat_after) return; /* lstat, open, fstat and compare: the safe idiom */
  for (uint32_t h = 0; h < nh; h++) {
    const char *path = rl_text_dup(cx, hits[h].path);
    if (!*path) { /* spelled inside a macro expansion: name the variable */
      RlNode p = rl_strip(cx, hits[h].path);
      RlKind pk = rl_kind(cx, p);
      path = pk == RL_C_DECL_REF_EXPR || pk == RL_C_MEMBER_REF_EXPR ? rl_c_name(cx, p) : "";
      if (!*path) path = "the same path";
    }
    RlLoc lc = rl_loc(cx, hits[h].check);
    RlReport *r = rl_report(cx, hits[h].use,
                            "'%s' acts on '%s', which '%s' checked at line %u: another "
                            "process can replace the file (for example with a symlink) "
                            "between the check and this use",
                            hits[h].use_fn, path, hits[h].check_fn, lc.line);
    rl_report_related(cx, r, hits[h].check, "'%s' checked here", path);
    rl_c_fix_access_open(cx, r, hits[h].use, hits[h].check);
  }
}

static const RlKind kinds[] = {RL_C_FUNCTION_DECL};

extern const RlCheck rl_check_js_check_then_act;
static const RlCheck *const lang_checks[] = {&rl_check_js_check_then_act};

const RlRule rl_rule_check_then_act = {
    .id = "check-then-act",
    .title = "Check-then-act race (TOCTOU)",
    .summary = "Finds a check whose result can be stale when the code acts on it, such "
               "as access() or stat() on a path followed by open() of the same path.",
    .langs = RL_LANG_C, /* the inline check; the JS check lists its own langs */
    .severity = RL_SEV_ERROR,
    .category = RL_CAT_SECURITY,
    .cwe = "367",
    .precision = "high",
    .hint = "Open the file first, then check the open descriptor with fstat() (use "
            "O_NOFOLLOW, or O_CREAT|O_EXCL to create); the runtime's "
            "rl_rt_open_regular() and rl_rt_create_exclusive() do this (runtime/c).",
    .kinds = kinds,
    .nkinds = RL_COUNTOF(kinds),
    .begin_file = begin_file,
    .check = check_function,
    .checks = lang_checks,
    .nchecks = RL_COUNTOF(lang_checks),
};
