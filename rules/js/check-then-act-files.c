/* js/check-then-act-files.c - which file-system use after a check the
 * JavaScript/TypeScript check-then-act reports in the default preset: the
 * C rule's CWE-367 policy (rules/check-then-act.c, rl_cta__exploitable),
 * for Node's fs, plus what a maintainer fixes without an attacker.
 *
 * A swap between check and use matters when it gains someone something
 * the use's own error does not cover:
 *   - chmod/chown: always (they hand out rights);
 *   - a truncating create (writeFile without a flag, open 'w',
 *     createWriteStream, copyFile onto the name, rename onto the name) on a
 *     path where the check did not show the file existed: the no-clobber
 *     race, which destroys a file another process created in between
 *     (fs-extra's ensureFile truncating what it promised not to modify);
 *   - mkdir (not recursive) where the check did not show the directory
 *     existed: the check exists to turn EEXIST into success, and a second
 *     process creating the directory in between makes it throw (moleculer's
 *     makeDirs, workers started together);
 *   - any write, create or truncate after a permission check (access with
 *     R_OK/W_OK/X_OK), a test of what a swap defeats (isSymbolicLink(),
 *     .mode, .uid, .gid), in a file that changes ids, or on a path in a
 *     temporary directory;
 *   - unlink/rmdir/rm, or renaming the checked file away, only after a test
 *     of what a swap defeats, or a permission check in a privileged file or
 *     on a temporary path: the call acts on the name and follows nothing.
 * Never: symlink (it fails on any existing name, EEXIST); 'wx', O_EXCL,
 * mkdir recursive and rm force are dropped before (file_use_safe).
 * Reads are left to the read policy of rules/js/check-then-act.c.
 * racelint:strict reports every use, as before.
 * Doc: rules/check-then-act.md */
#include "check-then-act.h"

#include <string.h>

/* What the use does with the checked path. */
typedef enum FileUse {
  FU_READ,    /* readFile, open for reading, createReadStream */
  FU_NEVER,   /* symlink: fails on an existing name */
  FU_MKDIR,   /* mkdir: fails on an existing name, after a check for it */
  FU_ENTRY,   /* unlink, rmdir, rm, rename away: acts on the name */
  FU_COPY,    /* copyFile from the checked path: a read */
  FU_CLOBBER, /* creates and truncates: writeFile, open 'w', onto the name */
  FU_MODIFY,  /* appends, opens for writing, truncates in place, sets times */
  FU_ATTR,    /* chmod, chown: hands out rights */
} FileUse;

/* What the check learnt about the file (weakest first), as in C. */
typedef enum FileCheck { FC_EXIST, FC_ACCESS, FC_OWNER } FileCheck;

/* Section - evidence shared with the read policy */

bool rl_cta_file_privileged(RlCtx *cx) {
  static const char *const ids[] = {"setuid", "seteuid", "setgid", "setegid", "setgroups",
                                    "initgroups"};
  static const char *const owners[] = {"chown", "chownSync", "lchown", "lchownSync", "fchown",
                                       "fchownSync"};
  uint32_t n = rl_node_count(cx);
  for (RlNode i = 1; i < n; i++) {
    if (rl_kind(cx, i) != RL_JS_CALL_EXPRESSION) continue;
    const char *name = rl_js_callee_name(cx, i);
    if (rl_cta_name_in(name, ids, RL_COUNTOF(ids)) &&
        rl_text_eq(cx, rl_js_callee_object(cx, i), "process"))
      return true;
    if (rl_cta_name_in(name, owners, RL_COUNTOF(owners)) && rl_cta_is_fs_receiver(cx, i))
      return true;
  }
  return false;
}

bool rl_cta_path_in_tmp(RlCtx *cx, const Read *r) {
  RlNode path = rl_strip(cx, rl_js_arg(cx, r->node, 0));
  if (!path) return false;
  RlNode d = rl_kind(cx, path) == RL_JS_IDENTIFIER ? rl_js_declaration(cx, path, NULL) : RL_NONE;
  RlNode v = rl_kind(cx, d) == RL_JS_VARIABLE_DECLARATOR ? rl_child(cx, d, RL_F_VALUE) : RL_NONE;
  for (RlNode t = path; t; t = t == path ? v : RL_NONE)
    if (rl_cta_mentions(cx, t, "/tmp") || rl_cta_mentions(cx, t, "/dev/shm") ||
        rl_text_contains_ci(cx, t, "tmpdir"))
      return true;
  return false;
}

bool rl_cta_owner_tested(RlCtx *cx, const Read *r, RlNode w) {
  static const char *const defeated[] = {"isSymbolicLink", "mode", "uid", "gid"};
  for (RlNode i = r->node; i < w; i++)
    if (rl_kind(cx, i) == RL_JS_PROPERTY_IDENTIFIER &&
        rl_cta_name_in(rl_text_dup(cx, i), defeated, RL_COUNTOF(defeated)))
      return true;
  return false;
}

/* Section - the use and the check */

/* Does the text of n name one of the open flags in `flags` (as a string
 * literal 'w', 'w+' ..., or an O_ constant)? */
static bool flag_in(const RlCtx *cx, RlNode n, const char *const *flags, size_t nf) {
  for (size_t i = 0; i < nf; i++)
    if (rl_cta_mentions(cx, n, flags[i])) return true;
  return false;
}

/* Open flags that append or write in place, and those that truncate. */
static const char *const append_flags[] = {"'a",      "\"a",      "'r+",      "\"r+",
                                           "'rs+",    "\"rs+",    "O_WRONLY", "O_RDWR",
                                           "O_CREAT", "O_APPEND"};
static const char *const truncate_flags[] = {"'w", "\"w", "O_TRUNC"};

static FileUse use_of(RlCtx *cx, const Read *r, RlNode w) {
  const char *name = rl_js_callee_name(cx, w);
  size_t len = strlen(name);
  char base[32];
  if (len >= 4 && strcmp(name + len - 4, "Sync") == 0) len -= 4;
  if (len >= sizeof base) return FU_MODIFY;
  memcpy(base, name, len);
  base[len] = '\0';
  /* the second path argument of rename/copyFile: is it the checked one? */
  RlNode path = rl_js_arg(cx, r->node, 0);
  bool onto = rl_js_argc(cx, w) > 1 && rl_same_expr(cx, path, rl_js_arg(cx, w, 1)) &&
              !rl_same_expr(cx, path, rl_js_arg(cx, w, 0));
  if (strcmp(base, "readFile") == 0 || strcmp(base, "createReadStream") == 0) return FU_READ;
  if (strcmp(base, "symlink") == 0) return FU_NEVER;
  if (strcmp(base, "mkdir") == 0) return FU_MKDIR;
  if (strcmp(base, "unlink") == 0 || strcmp(base, "rmdir") == 0 || strcmp(base, "rm") == 0)
    return FU_ENTRY;
  if (strcmp(base, "rename") == 0) return onto ? FU_CLOBBER : FU_ENTRY;
  if (strcmp(base, "copyFile") == 0) return onto ? FU_CLOBBER : FU_COPY;
  if (strcmp(base, "chmod") == 0 || strcmp(base, "chown") == 0) return FU_ATTR;
  RlNode opts = rl_js_arg(cx, w, 1);
  if (strcmp(base, "writeFile") == 0 || strcmp(base, "createWriteStream") == 0) {
    RlNode o = strcmp(base, "writeFile") == 0 ? rl_js_arg(cx, w, 2) : opts;
    /* a string there is an encoding ('ascii'); flags come as { flag(s): } */
    if (o && rl_cta_mentions(cx, o, "flag") &&
        flag_in(cx, o, append_flags, RL_COUNTOF(append_flags)) &&
        !flag_in(cx, o, truncate_flags, RL_COUNTOF(truncate_flags)))
      return FU_MODIFY;
    return FU_CLOBBER;
  }
  if (strcmp(base, "open") == 0) {
    /* fs.open(p[, flags[, mode]], cb): no flags is 'r' */
    if (!opts || rl_js_is_function(cx, rl_strip(cx, opts))) return FU_READ;
    if (flag_in(cx, opts, truncate_flags, RL_COUNTOF(truncate_flags))) return FU_CLOBBER;
    if (flag_in(cx, opts, append_flags, RL_COUNTOF(append_flags))) return FU_MODIFY;
    RlKind k = rl_kind(cx, rl_strip(cx, opts));
    return k == RL_JS_STRING || k == RL_JS_TEMPLATE_STRING || rl_cta_mentions(cx, opts, "O_RDONLY")
               ? FU_READ
               : FU_MODIFY;
  }
  return FU_MODIFY; /* appendFile, truncate, utimes */
}

static FileCheck check_of(RlCtx *cx, const Read *r, RlNode w) {
  if (rl_cta_owner_tested(cx, r, w)) return FC_OWNER;
  const char *name = rl_js_callee_name(cx, r->node);
  if (strncmp(name, "access", 6) == 0) {
    RlNode mode = rl_js_arg(cx, r->node, 1);
    if (mode && !rl_js_is_function(cx, rl_strip(cx, mode)) &&
        (rl_cta_mentions(cx, mode, "R_OK") || rl_cta_mentions(cx, mode, "W_OK") ||
         rl_cta_mentions(cx, mode, "X_OK")))
      return FC_ACCESS;
  }
  return FC_EXIST;
}

/* Section - did the check show the file existed where the use runs? */

/* Is r's check callback-style (fs.stat(p, (err, st) => ...)): its result
 * comes in the parameters of a function inside the call? */
static bool callback_read(const RlCtx *cx, const Read *r) {
  return r->var && r->var > r->node && r->var < rl_node_end(cx, r->node);
}

/* The first identifier a parameter list (or a lone parameter) binds. */
static RlNode first_param(const RlCtx *cx, RlNode params) {
  RlNode end = rl_node_end(cx, params);
  for (RlNode i = params; i < end; i++)
    if (rl_kind(cx, i) == RL_JS_IDENTIFIER) return i;
  return RL_NONE;
}

/* Is n a use of the check's result: the check call itself, or a name r's
 * pattern binds? *neg: a true value means the file is missing (the error
 * parameter of an err-first callback). */
static bool leaf(RlCtx *cx, const Read *r, RlNode n, bool *neg) {
  *neg = false;
  if (n == r->node) return true;
  if (!r->var || rl_kind(cx, n) != RL_JS_IDENTIFIER) return false;
  size_t len;
  const char *t = rl_text(cx, n, &len);
  if (!rl_cta_ident_in(cx, r->var, t, len)) return false;
  if (callback_read(cx, r) && strncmp(rl_js_callee_name(cx, r->node), "exists", 6) != 0) {
    RlNode e = first_param(cx, r->var);
    size_t el;
    const char *et = e ? rl_text(cx, e, &el) : "";
    *neg = e && el == len && memcmp(et, t, len) == 0;
  }
  return true;
}

static bool nullish(const RlCtx *cx, RlNode n) {
  n = rl_strip(cx, n);
  RlKind k = rl_kind(cx, n);
  return k == RL_JS_NULL || k == RL_JS_UNDEFINED || rl_text_eq(cx, n, "undefined") ||
         rl_text_eq(cx, n, "null") || rl_text_eq(cx, n, "void 0");
}

/* Does n contain a use of the result as the object of a member access or
 * call (`st.isFile()`, `fs.statSync(p).isDirectory()`, `err.code`)? */
static bool member_of_leaf(RlCtx *cx, const Read *r, RlNode n, bool *neg) {
  RlNode end = rl_node_end(cx, n);
  for (RlNode i = n; i < end; i++) {
    if (rl_js_is_function(cx, i)) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    if (rl_kind(cx, i) != RL_JS_MEMBER_EXPRESSION) continue;
    if (leaf(cx, r, rl_strip(cx, rl_child(cx, i, RL_F_OBJECT)), neg)) return true;
  }
  return false;
}

static int merge(int a, int b) {
  if (!a) return b;
  if (!b) return a;
  return a == b ? a : 0;
}

/* What condition n evaluating to v says of the file: +1 it existed,
 * -1 it was missing, 0 either. */
static int implied(RlCtx *cx, const Read *r, RlNode n, bool v, int depth) {
  if (!n || depth > 32) return 0;
  bool neg;
  if (leaf(cx, r, n, &neg)) return (v != neg) ? 1 : -1;
  RlKind k = rl_kind(cx, n);
  if (k == RL_JS_PARENTHESIZED_EXPRESSION || k == RL_JS_AWAIT_EXPRESSION ||
      k == RL_JS_NON_NULL_EXPRESSION || k == RL_JS_AS_EXPRESSION ||
      k == RL_JS_SATISFIES_EXPRESSION)
    return implied(cx, r, rl_named_child(cx, n, 0), v, depth + 1);
  const char *op = rl_op(cx, n);
  if (k == RL_JS_UNARY_EXPRESSION && strcmp(op, "!") == 0)
    return implied(cx, r, rl_child(cx, n, RL_F_ARGUMENT), !v, depth + 1);
  if (k == RL_JS_BINARY_EXPRESSION) {
    RlNode a = rl_child(cx, n, RL_F_LEFT), b = rl_child(cx, n, RL_F_RIGHT);
    if (strcmp(op, "&&") == 0)
      return v ? merge(implied(cx, r, a, true, depth + 1), implied(cx, r, b, true, depth + 1)) : 0;
    if (strcmp(op, "||") == 0)
      return v ? 0 : merge(implied(cx, r, a, false, depth + 1), implied(cx, r, b, false, depth + 1));
    bool eq = strcmp(op, "==") == 0 || strcmp(op, "===") == 0;
    bool ne = strcmp(op, "!=") == 0 || strcmp(op, "!==") == 0;
    if ((eq || ne) && (nullish(cx, a) || nullish(cx, b))) /* x == null: missing */
      return implied(cx, r, nullish(cx, a) ? b : a, ne ? v : !v, depth + 1);
    RlKind ka = rl_kind(cx, rl_strip(cx, a)), kb = rl_kind(cx, rl_strip(cx, b));
    if ((eq || ne) && (ka == RL_JS_TRUE || ka == RL_JS_FALSE || kb == RL_JS_TRUE || kb == RL_JS_FALSE)) {
      bool lit_a = ka == RL_JS_TRUE || ka == RL_JS_FALSE; /* x === true: x */
      bool truth = (lit_a ? ka : kb) == RL_JS_TRUE;
      return implied(cx, r, lit_a ? b : a, (truth == eq) ? v : !v, depth + 1);
    }
    if ((eq || ne) && (rl_cta_mentions(cx, a, "ENOENT") || rl_cta_mentions(cx, b, "ENOENT")))
      return (eq ? v : !v) ? -1 : 0; /* err.code === 'ENOENT' */
  }
  /* st.isFile(), st.size > 0: true only when the stat result exists */
  if (v && member_of_leaf(cx, r, n, &neg)) return neg ? -1 : 1;
  return 0;
}

/* Is n inside the body (not the handler) of a try statement of the
 * function it belongs to? */
static RlNode try_around(const RlCtx *cx, RlNode n) {
  RlNode child = n;
  for (RlNode a = rl_parent(cx, n); a && !rl_js_is_function(cx, a); child = a, a = rl_parent(cx, a))
    if (rl_kind(cx, a) == RL_JS_TRY_STATEMENT && rl_field(cx, child) == RL_F_BODY) return a;
  return RL_NONE;
}

/* `const st = fs.statSync(p)` / `await fsp.stat(p)` outside any try, with
 * no .then/.catch/?? on the way: the code after it runs only when the file
 * existed (a missing file throws). */
static bool stat_throws_if_missing(RlCtx *cx, const Read *r) {
  if (!r->var || callback_read(cx, r)) return false;
  const char *name = rl_js_callee_name(cx, r->node);
  if (strncmp(name, "stat", 4) != 0 && strncmp(name, "lstat", 5) != 0) return false;
  RlNode n = r->node;
  for (RlNode p = rl_parent(cx, n); p; n = p, p = rl_parent(cx, p)) {
    RlKind k = rl_kind(cx, p);
    if (k == RL_JS_VARIABLE_DECLARATOR || k == RL_JS_ASSIGNMENT_EXPRESSION) break;
    if (k == RL_JS_AWAIT_EXPRESSION || k == RL_JS_PARENTHESIZED_EXPRESSION ||
        k == RL_JS_AS_EXPRESSION || k == RL_JS_NON_NULL_EXPRESSION)
      continue;
    /* fs.statSync(p).isDirectory(), but not .then()/.catch() */
    if (k == RL_JS_MEMBER_EXPRESSION && rl_field(cx, n) == RL_F_OBJECT) {
      RlNode prop = rl_child(cx, p, RL_F_PROPERTY);
      if (rl_text_eq(cx, prop, "then") || rl_text_eq(cx, prop, "catch") ||
          rl_text_eq(cx, prop, "finally"))
        return false;
      continue;
    }
    if (k == RL_JS_CALL_EXPRESSION && rl_field(cx, n) == RL_F_FUNCTION) continue;
    return false;
  }
  return !try_around(cx, r->node);
}

/* Does write w run when guard g is true (1), false (0), or is that not
 * known (-1)? */
static int runs_when(const RlCtx *cx, RlNode g, RlNode w) {
  RlNode p = rl_parent(cx, g);
  switch (rl_kind(cx, p)) {
  case RL_JS_IF_STATEMENT: {
    RlNode cons = rl_child(cx, p, RL_F_CONSEQUENCE), alt = rl_child(cx, p, RL_F_ALTERNATIVE);
    if (cons && w >= cons && w < rl_node_end(cx, cons)) return 1;
    if (alt && w >= alt && w < rl_node_end(cx, alt)) return 0;
    if (cons && rl_cta_exits(cx, cons)) return 0;
    if (alt && rl_cta_exits(cx, alt)) return 1;
    return -1;
  }
  case RL_JS_TERNARY_EXPRESSION: {
    RlNode cons = rl_child(cx, p, RL_F_CONSEQUENCE);
    return cons && w >= cons && w < rl_node_end(cx, cons) ? 1 : 0;
  }
  case RL_JS_BINARY_EXPRESSION:
    return strcmp(rl_op(cx, p), "&&") == 0 ? 1 : 0;
  case RL_JS_WHILE_STATEMENT:
  case RL_JS_DO_STATEMENT:
    return 0;
  default:
    return -1;
  }
}

/* Did the check show that the file existed on the way to w? */
static bool shown_present(RlCtx *cx, const Read *r, RlNode g, RlNode w) {
  if (stat_throws_if_missing(cx, r)) return true;
  if (g == r->node) { /* a bare `await fsp.access(p)`: w runs after it succeeded */
    RlNode t = try_around(cx, r->node);
    if (!t) return true;
    RlNode body = rl_child(cx, t, RL_F_BODY);
    return w > r->node && w < rl_node_end(cx, body);
  }
  int when = runs_when(cx, g, w);
  return when >= 0 && implied(cx, r, g, when == 1, 0) > 0;
}

/* Section - the policy */

bool rl_cta_file_use_reported(RlCtx *cx, const Read *r, RlNode g, RlNode w) {
  FileUse u = use_of(cx, r, w);
  switch (u) {
  case FU_READ:
    return true;
  case FU_NEVER:
    return false;
  case FU_ATTR:
    return true;
  case FU_MKDIR: {
    /* fs.mkdir(dir, (err) => { if (err && err.code !== 'EEXIST') ... }):
     * the callback takes the race's EEXIST as success */
    RlNode cb = rl_strip(cx, rl_js_arg(cx, w, rl_js_argc(cx, w) - 1));
    if (rl_js_argc(cx, w) > 1 && rl_js_is_function(cx, cb) && rl_cta_mentions(cx, cb, "EEXIST"))
      return false;
    return !shown_present(cx, r, g, w);
  }
  default:
    break;
  }
  FileCheck c = check_of(cx, r, w);
  bool priv = rl_cta_file_privileged(cx), tmp = rl_cta_path_in_tmp(cx, r);
  switch (u) {
  case FU_CLOBBER:
    return c != FC_EXIST || priv || tmp || !shown_present(cx, r, g, w);
  case FU_MODIFY:
    return c != FC_EXIST || priv || tmp;
  case FU_COPY:
    return c == FC_OWNER || priv || tmp;
  case FU_ENTRY:
    return c == FC_OWNER || (c == FC_ACCESS && (priv || tmp));
  default:
    return true;
  }
}
