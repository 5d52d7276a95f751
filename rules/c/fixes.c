/* fixes.c - the multi-edit fixes of C rules (fixes.h): check-then-act's
 * access()+open() -> open(O_CREAT|O_EXCL|O_NOFOLLOW). The edits are
 * computed from the finding's own nodes and the file's text; a shape that
 * is not exactly the simple one gets no fix. Docs: docs/fixes.md. */
#include "fixes.h"

#include <string.h>

static const char *src_of(const RlCtx *cx, RlNode n) {
  size_t len;
  return rl_text(cx, n, &len) - rl_loc(cx, n).start;
}

/* Up through parentheses and implicit nodes. */
static RlNode up(const RlCtx *cx, RlNode n) {
  RlNode p = rl_parent(cx, n);
  while (p && (rl_kind(cx, p) == RL_C_UNEXPOSED_EXPR || rl_kind(cx, p) == RL_C_PAREN_EXPR))
    p = rl_parent(cx, p);
  return p;
}

/* Is `word` in [s, s+n) as a whole identifier? Its offset, or -1. */
static long find_word(const char *s, size_t n, const char *word) {
  size_t m = strlen(word);
  for (size_t i = 0; i + m <= n; i++) {
    if (memcmp(s + i, word, m) != 0) continue;
    bool l = i == 0 || !(s[i - 1] == '_' || (s[i - 1] >= 'A' && s[i - 1] <= 'Z') ||
                         (s[i - 1] >= '0' && s[i - 1] <= '9') || (s[i - 1] >= 'a' && s[i - 1] <= 'z'));
    char c = i + m < n ? s[i + m] : ' ';
    bool r = !(c == '_' || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'));
    if (l && r) return (long)i;
  }
  return -1;
}

void rl_c_fix_access_open(RlCtx *cx, RlReport *r, RlNode use, RlNode check) {
  if (strcmp(rl_c_callee(cx, check), "access") || strcmp(rl_c_callee(cx, use), "open")) return;
  if (rl_c_argc(cx, check) != 2 || rl_c_argc(cx, use) != 3) return;
  if (rl_c_in_macro(cx, check) || rl_c_in_macro(cx, use)) return;
  if (!rl_text_eq(cx, rl_c_arg(cx, check, 1), "F_OK")) return;
  /* `access(p, F_OK) == 0` or `!access(p, F_OK)` as the whole condition */
  RlNode c = up(cx, check);
  if (rl_kind(cx, c) == RL_C_BINARY_OPERATOR) {
    if (strcmp(rl_op(cx, c), "==") || !rl_text_eq(cx, rl_child(cx, c, RL_F_RIGHT), "0")) return;
  } else if (rl_kind(cx, c) == RL_C_UNARY_OPERATOR) {
    if (strcmp(rl_op(cx, c), "!")) return;
  } else {
    return;
  }
  RlNode ifs = up(cx, c);
  if (rl_kind(cx, ifs) != RL_C_IF_STMT || rl_child(cx, ifs, RL_F_ALTERNATIVE)) return;
  RlNode then = rl_child(cx, ifs, RL_F_CONSEQUENCE);
  if (rl_kind(cx, then) == RL_C_COMPOUND_STMT && rl_named_child_count(cx, then) == 1)
    then = rl_named_child(cx, then, 0);
  if (rl_kind(cx, then) != RL_C_RETURN_STMT) return;
  /* the same path, spelled the same way */
  size_t a, b;
  const char *pa = rl_text(cx, rl_c_arg(cx, check, 0), &a);
  const char *pb = rl_text(cx, rl_c_arg(cx, use, 0), &b);
  if (!a || a != b || memcmp(pa, pb, a) != 0) return;
  /* the flags create the file */
  RlNode flags = rl_c_arg(cx, use, 1);
  size_t fl;
  const char *ft = rl_text(cx, flags, &fl);
  if (!fl || find_word(ft, fl, "O_CREAT") < 0) return;
  /* the if statement alone on its line(s): delete the lines */
  const char *src = src_of(cx, ifs);
  RlLoc li = rl_loc(cx, ifs);
  uint32_t s = li.start, e = li.end;
  while (s > 0 && (src[s - 1] == ' ' || src[s - 1] == '\t')) s--;
  if (s > 0 && src[s - 1] != '\n') return;
  while (src[e] == ' ' || src[e] == '\t' || src[e] == ';') e++;
  if (src[e] == '\r') e++;
  if (src[e] != '\n') return;
  e++;
  static const char *const title =
      "Drop the access() check and let open() refuse an existing file or a symlink "
      "(O_EXCL|O_NOFOLLOW): an existing file now takes open()'s failure path";
  RlLoc lf = rl_loc(cx, flags);
  long t = find_word(ft, fl, "O_TRUNC");
  bool has_excl = find_word(ft, fl, "O_EXCL") >= 0, has_nofollow = find_word(ft, fl, "O_NOFOLLOW") >= 0;
  const char *add = has_excl && has_nofollow ? ""
                    : has_excl               ? "O_NOFOLLOW"
                    : has_nofollow           ? "O_EXCL"
                                             : "O_EXCL | O_NOFOLLOW";
  rl_report_fix_range(cx, r, title, RL_FIX_UNSAFE, s, e, "");
  if (t >= 0) /* O_TRUNC means nothing for a file O_EXCL just created */
    rl_report_fix_range(cx, r, title, RL_FIX_UNSAFE, lf.start + (uint32_t)t,
                        lf.start + (uint32_t)t + 7, *add ? add : "0");
  else if (*add)
    rl_report_fix_range(cx, r, title, RL_FIX_UNSAFE, lf.end, lf.end, rl_fmt(cx, " | %s", add));
}

/* Section - lazy-init-race: `if (!g) g = expr;` (also double-checked) ->
 * pthread_once (call_once) */

/* The g of `!g`, `g == NULL`, `NULL == g`, `g == 0` (a global), or RL_NONE. */
static RlNode null_checked(const RlCtx *cx, RlNode cond) {
  RlNode x = RL_NONE;
  if (rl_kind(cx, cond) == RL_C_UNARY_OPERATOR && strcmp(rl_op(cx, cond), "!") == 0) {
    x = rl_first_child(cx, cond);
  } else if (rl_kind(cx, cond) == RL_C_BINARY_OPERATOR && strcmp(rl_op(cx, cond), "==") == 0) {
    RlNode a = rl_first_child(cx, cond), b = rl_next_sibling(cx, a);
    if (rl_text_eq(cx, b, "NULL") || rl_text_eq(cx, b, "0")) x = a;
    else if (rl_text_eq(cx, a, "NULL") || rl_text_eq(cx, a, "0")) x = b;
  }
  x = rl_strip(cx, x);
  if (rl_kind(cx, x) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, x) != RL_REF_GLOBAL) return RL_NONE;
  return x;
}

/* Is n a reference to global `name`? */
static bool is_global(const RlCtx *cx, RlNode n, const char *name) {
  n = rl_strip(cx, n);
  return rl_kind(cx, n) == RL_C_DECL_REF_EXPR && rl_c_ref(cx, n) == RL_REF_GLOBAL &&
         strcmp(rl_c_name(cx, n), name) == 0;
}

/* Double-checked locking, exactly: `then` is the block `{ lock(&m); if
 * (!g) ...; unlock(&m); }` (pthread_mutex_lock/unlock, or C11
 * mtx_lock/mtx_unlock, *c11 then true) on the same mutex and the same g,
 * and nothing else. The inner if statement, or RL_NONE. */
static RlNode dcl_inner(const RlCtx *cx, RlNode then, const char *name, bool *c11) {
  if (rl_kind(cx, then) != RL_C_COMPOUND_STMT || rl_named_child_count(cx, then) != 3)
    return RL_NONE;
  RlNode lk = rl_strip(cx, rl_named_child(cx, then, 0));
  RlNode in = rl_named_child(cx, then, 1);
  RlNode un = rl_strip(cx, rl_named_child(cx, then, 2));
  if (rl_kind(cx, lk) != RL_C_CALL_EXPR || rl_c_argc(cx, lk) != 1 || rl_c_in_macro(cx, lk))
    return RL_NONE;
  const char *unlock;
  if (strcmp(rl_c_callee(cx, lk), "pthread_mutex_lock") == 0) {
    unlock = "pthread_mutex_unlock", *c11 = false;
  } else if (strcmp(rl_c_callee(cx, lk), "mtx_lock") == 0) {
    unlock = "mtx_unlock", *c11 = true;
  } else {
    return RL_NONE;
  }
  if (rl_kind(cx, un) != RL_C_CALL_EXPR || rl_c_argc(cx, un) != 1 || rl_c_in_macro(cx, un) ||
      strcmp(rl_c_callee(cx, un), unlock) != 0 ||
      !rl_same_expr(cx, rl_c_arg(cx, lk, 0), rl_c_arg(cx, un, 0)))
    return RL_NONE;
  if (rl_kind(cx, in) != RL_C_IF_STMT || rl_child(cx, in, RL_F_ALTERNATIVE) || rl_c_in_macro(cx, in))
    return RL_NONE;
  RlNode g = null_checked(cx, rl_strip(cx, rl_child(cx, in, RL_F_CONDITION)));
  if (!g || strcmp(rl_c_name(cx, g), name) != 0) return RL_NONE;
  return in;
}

void rl_c_fix_lazy_once(RlCtx *cx, RlNode ifs, uint16_t kind, uint16_t dcl_kind) {
  if (rl_kind(cx, ifs) != RL_C_IF_STMT || rl_child(cx, ifs, RL_F_ALTERNATIVE)) return;
  if (rl_c_in_macro(cx, ifs)) return;
  RlNode cond = rl_strip(cx, rl_child(cx, ifs, RL_F_CONDITION));
  RlNode g = null_checked(cx, cond);
  if (!g) return;
  const char *name = rl_c_name(cx, g);
  /* double-checked locking: what moves is the inner if's branch, what is
   * replaced the outer if statement; the mutex stays (it may guard more) */
  RlNode outer = ifs;
  bool c11 = false;
  RlNode inner = dcl_inner(cx, rl_child(cx, ifs, RL_F_CONSEQUENCE), name, &c11);
  if (inner) ifs = inner, kind = dcl_kind;
  /* the branch: the one assignment `g = expr`, or a block that sets g and
   * has no way out (return, goto, break, continue, a label) */
  RlNode then = rl_child(cx, ifs, RL_F_CONSEQUENCE);
  RlNode block = RL_NONE, set = RL_NONE;
  if (rl_kind(cx, then) == RL_C_COMPOUND_STMT && rl_named_child_count(cx, then) == 1)
    then = rl_named_child(cx, then, 0);
  if (rl_kind(cx, then) == RL_C_COMPOUND_STMT) {
    block = then;
  } else {
    set = rl_strip(cx, then);
    if (rl_kind(cx, set) != RL_C_BINARY_OPERATOR || strcmp(rl_op(cx, set), "=") != 0) return;
    if (!is_global(cx, rl_first_child(cx, set), name)) return;
  }
  RlNode moved = block ? block : rl_next_sibling(cx, rl_first_child(cx, set));
  if (!moved) return;
  /* it moves out of the function: it names only globals, functions,
   * constants and (a block) its own locals */
  bool sets = false;
  for (RlNode i = moved; i < rl_node_end(cx, moved); i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_C_RETURN_STMT || k == RL_C_GOTO_STMT || k == RL_C_BREAK_STMT ||
        k == RL_C_CONTINUE_STMT || k == RL_C_LABEL_STMT)
      return;
    if (k == RL_C_BINARY_OPERATOR && strcmp(rl_op(cx, i), "=") == 0 &&
        is_global(cx, rl_first_child(cx, i), name))
      sets = true;
    if (k != RL_C_DECL_REF_EXPR) continue;
    RlRefKind rk = rl_c_ref(cx, i);
    if (rk == RL_REF_GLOBAL || rk == RL_REF_FUNCTION || rk == RL_REF_ENUM) continue;
    if (!block || rk != RL_REF_LOCAL) return;
    bool own = false; /* declared in the block */
    for (RlNode j = block; j < rl_node_end(cx, block) && !own; j++)
      own = rl_kind(cx, j) == RL_C_VAR_DECL && strcmp(rl_c_name(cx, j), rl_c_name(cx, i)) == 0;
    if (!own) return;
  }
  if (block && !sets) return;
  /* g is a static of this file, and this is its only assignment: nothing
   * else resets it (the once flag would not run again) */
  bool is_static = false;
  for (RlNode c = rl_first_child(cx, rl_root(cx)); c; c = rl_next_sibling(cx, c)) {
    if (rl_kind(cx, c) != RL_C_VAR_DECL || strcmp(rl_c_name(cx, c), name) != 0) continue;
    size_t dl;
    const char *dt = rl_text(cx, c, &dl);
    if (dl > 7 && memcmp(dt, "static", 6) == 0 && (dt[6] == ' ' || dt[6] == '\t')) is_static = true;
  }
  if (!is_static) return;
  for (RlNode i = rl_root(cx); i < rl_node_end(cx, rl_root(cx)); i++) {
    RlKind k = rl_kind(cx, i);
    if (i == set || (block && i > block && i < rl_node_end(cx, block))) continue;
    if ((k == RL_C_BINARY_OPERATOR && strcmp(rl_op(cx, i), "=") == 0) ||
        k == RL_C_COMPOUND_ASSIGN_OPERATOR ||
        (k == RL_C_UNARY_OPERATOR && (strcmp(rl_op(cx, i), "&") == 0 ||
                                      strcmp(rl_op(cx, i), "++") == 0 ||
                                      strcmp(rl_op(cx, i), "--") == 0)))
      if (is_global(cx, rl_first_child(cx, i), name)) return;
  }
  /* new names, unused in the file */
  const char *once = rl_fmt(cx, "%s_once", name), *init = rl_fmt(cx, "%s_init", name);
  RlNode fn = rl_enclosing_function(cx, ifs);
  if (!fn) return;
  const char *src = src_of(cx, ifs);
  size_t whole = rl_loc(cx, rl_root(cx)).end;
  if (find_word(src, whole, once) >= 0 || find_word(src, whole, init) >= 0) return;
  /* the function starts its line */
  uint32_t at = rl_loc(cx, fn).start;
  while (at > 0 && (src[at - 1] == ' ' || src[at - 1] == '\t')) at--;
  if (at > 0 && src[at - 1] != '\n') return;
  /* #include <pthread.h> after the last #include before the function when
   * none names pthread (C11: <threads.h>, once_flag and call_once) */
  const char *header = c11 ? "#include <threads.h>\n" : "#include <pthread.h>\n";
  const char *flag = c11 ? rl_fmt(cx, "static once_flag %s = ONCE_FLAG_INIT;\n\n", once)
                         : rl_fmt(cx, "static pthread_once_t %s = PTHREAD_ONCE_INIT;\n\n", once);
  bool has_header = false;
  long inc = -1;
  for (uint32_t i = 0; i < at; i++) {
    if (i > 0 && src[i - 1] != '\n') continue;
    if (strncmp(src + i, "#include", 8) != 0) continue;
    const char *nl = memchr(src + i, '\n', at - i);
    size_t ll = nl ? (size_t)(nl - (src + i)) : at - i;
    if (find_word(src + i, ll, c11 ? "threads" : "pthread") >= 0 && memchr(src + i, '<', ll))
      has_header = true;
    if (nl) inc = (long)(nl - src) + 1;
  }
  if (inc < 0) return; /* nowhere to put the #include */
  /* the (outer) if statement, and its `;` when the branch is not a block */
  RlLoc li = rl_loc(cx, outer);
  /* a comment outside what moves would be lost */
  RlLoc lm = rl_loc(cx, block ? block : set);
  for (uint32_t i = li.start; i + 1 < li.end; i++)
    if ((i < lm.start || i >= lm.end) && src[i] == '/' && (src[i + 1] == '/' || src[i + 1] == '*'))
      return;
  uint32_t e = li.end;
  while (src[e] == ' ' || src[e] == '\t') e++;
  bool semi = src[e] == ';';
  if (semi) e++;
  size_t sl;
  const char *st = rl_text(cx, block ? block : set, &sl);
  if (block) { /* the block's lines lose its if statement's indentation */
    uint32_t b = rl_loc(cx, ifs).start;
    while (b > 0 && (src[b - 1] == ' ' || src[b - 1] == '\t')) b--;
    size_t ind = rl_loc(cx, ifs).start - b;
    char *out = rl_alloc(cx, sl + 1), *o = out;
    for (size_t i = 0; i < sl; i++) {
      *o++ = st[i];
      if (st[i] == '\n' && i + 1 + ind <= sl && memcmp(st + i + 1, src + b, ind) == 0) i += ind;
    }
    *o = '\0';
    st = out;
    sl = (size_t)(o - out);
  }
  const char *head =
      block ? rl_fmt(cx, "%s%s", flag,
                     rl_fmt(cx, "static void %s(void)\n%.*s\n\n", init, (int)sl, st))
            : rl_fmt(cx, "%s%s", flag,
                     rl_fmt(cx, "static void %s(void) { %.*s; }\n\n", init, (int)sl, st));
  const char *call = rl_fmt(cx, c11 ? "call_once(&%s, %s);" : "pthread_once(&%s, %s);", once, init);
  const char *title =
      c11 ? "Initialise it once with call_once(): a failed initialisation is not tried again"
          : "Initialise it once with pthread_once(): a failed initialisation is not tried again";
  RlFact *f = rl_fact_add(cx, kind, cond, name, "", "");
  if (!has_header && (uint32_t)inc == at) {
    rl_fact_fix(cx, f, title, RL_FIX_UNSAFE, at, at, rl_fmt(cx, "%s\n%s", header, head));
  } else {
    if (!has_header)
      rl_fact_fix(cx, f, title, RL_FIX_UNSAFE, (uint32_t)inc, (uint32_t)inc, header);
    rl_fact_fix(cx, f, title, RL_FIX_UNSAFE, at, at, head);
  }
  rl_fact_fix(cx, f, title, RL_FIX_UNSAFE, li.start, e, call);
}

/* Section - lock-balance: the unlock an early return misses */

/* Lock calls and the unlock that releases each. */
static const struct {
  const char *lock, *unlock;
  bool try_; /* may fail: the lock is held only on success */
} lock_apis[] = {
    {"pthread_mutex_lock", "pthread_mutex_unlock", false},
    {"pthread_mutex_trylock", "pthread_mutex_unlock", true},
    {"pthread_mutex_timedlock", "pthread_mutex_unlock", true},
    {"pthread_spin_lock", "pthread_spin_unlock", false},
    {"pthread_spin_trylock", "pthread_spin_unlock", true},
    {"pthread_rwlock_rdlock", "pthread_rwlock_unlock", false},
    {"pthread_rwlock_wrlock", "pthread_rwlock_unlock", false},
    {"pthread_rwlock_tryrdlock", "pthread_rwlock_unlock", true},
    {"pthread_rwlock_trywrlock", "pthread_rwlock_unlock", true},
    {"mtx_lock", "mtx_unlock", false},
    {"mtx_trylock", "mtx_unlock", true},
    {"mtx_timedlock", "mtx_unlock", true},
};

/* The lock_apis entry of call n, or -1. */
static int lock_api(const RlCtx *cx, RlNode n) {
  if (rl_kind(cx, n) != RL_C_CALL_EXPR || rl_c_argc(cx, n) < 1 || rl_c_in_macro(cx, n)) return -1;
  const char *name = rl_c_callee(cx, n);
  for (size_t i = 0; i < RL_COUNTOF(lock_apis); i++)
    if (strcmp(name, lock_apis[i].lock) == 0) return (int)i;
  return -1;
}

/* Is n a call of `unlock` on the lock argument `arg`? */
static bool unlocks(const RlCtx *cx, RlNode n, const char *unlock, RlNode arg) {
  return rl_kind(cx, n) == RL_C_CALL_EXPR && rl_c_argc(cx, n) == 1 &&
         strcmp(rl_c_callee(cx, n), unlock) == 0 && rl_same_expr(cx, rl_c_arg(cx, n, 0), arg);
}

/* Does [from, to) contain an unlock of `arg` that a path can go on from?
 * One right before a return (`unlock(&m); return 2;`, another early exit)
 * does not count: no path goes on from it. */
static bool unlock_in(const RlCtx *cx, RlNode from, RlNode to, const char *unlock, RlNode arg) {
  for (RlNode i = from; i < to; i++) {
    if (!unlocks(cx, i, unlock, arg)) continue;
    RlNode st = i;
    while (rl_parent(cx, st) && rl_kind(cx, rl_parent(cx, st)) != RL_C_COMPOUND_STMT)
      st = rl_parent(cx, st);
    if (rl_strip(cx, st) != i || rl_kind(cx, rl_next_sibling(cx, st)) != RL_C_RETURN_STMT)
      return true;
  }
  return false;
}

/* The lock object as the lock-balance findings name it: `q->mu` of
 * `&q->mu`. */
static const char *lock_text(RlCtx *cx, RlNode arg) {
  RlNode a = rl_strip(cx, arg);
  if (rl_kind(cx, a) == RL_C_UNARY_OPERATOR && strcmp(rl_op(cx, a), "&") == 0)
    a = rl_first_child(cx, a);
  return rl_text_dup(cx, a);
}

/* Can the return's value be read after the unlock as it was before: no
 * value, a constant, or a local variable or parameter (not state the lock
 * guards)? */
static bool plain_value(const RlCtx *cx, RlNode ret) {
  RlNode v = rl_first_child(cx, ret);
  if (!v) return true;
  if (rl_text_eq(cx, v, "NULL") || rl_text_eq(cx, v, "true") || rl_text_eq(cx, v, "false"))
    return true;
  v = rl_strip(cx, v);
  if (rl_kind(cx, v) == RL_C_UNARY_OPERATOR && strcmp(rl_op(cx, v), "-") == 0)
    v = rl_strip(cx, rl_first_child(cx, v));
  switch (rl_kind(cx, v)) {
  case RL_C_INTEGER_LITERAL:
  case RL_C_CHARACTER_LITERAL:
  case RL_C_FLOATING_LITERAL:
  case RL_C_STRING_LITERAL:
    return true;
  case RL_C_DECL_REF_EXPR: {
    RlRefKind k = rl_c_ref(cx, v);
    return k == RL_REF_LOCAL || k == RL_REF_PARAM || k == RL_REF_ENUM;
  }
  default:
    return false;
  }
}

/* The statement of `lock` (a call in the body) that a return after it is
 * reached through only with the lock held: `lock(&m);` itself (not for a
 * lock that may fail), or `if (lock(&m) != 0) return/goto ...;` (also
 * `if (0 != lock(&m))`, `if (trylock(&m))`), which falls through only on
 * success. Its block is
 * *block. RL_NONE for any other shape. */
static RlNode lock_stmt(const RlCtx *cx, RlNode lock, bool try_, RlNode *block) {
  RlNode s = lock, p = rl_parent(cx, s);
  while (p && rl_kind(cx, p) != RL_C_COMPOUND_STMT) s = p, p = rl_parent(cx, p);
  if (!p) return RL_NONE;
  *block = p;
  if (rl_strip(cx, s) == lock) return try_ ? RL_NONE : s;
  if (rl_kind(cx, s) != RL_C_IF_STMT || rl_child(cx, s, RL_F_ALTERNATIVE)) return RL_NONE;
  RlNode c = rl_strip(cx, rl_child(cx, s, RL_F_CONDITION));
  if (c != lock) {
    if (rl_kind(cx, c) != RL_C_BINARY_OPERATOR || strcmp(rl_op(cx, c), "!=") != 0) return RL_NONE;
    RlNode a = rl_strip(cx, rl_first_child(cx, c)), b = rl_strip(cx, rl_next_sibling(cx, rl_first_child(cx, c)));
    if (!((a == lock && rl_text_eq(cx, b, "0")) || (b == lock && rl_text_eq(cx, a, "0"))))
      return RL_NONE;
  }
  RlNode then = rl_child(cx, s, RL_F_CONSEQUENCE);
  if (rl_kind(cx, then) == RL_C_COMPOUND_STMT && rl_named_child_count(cx, then) == 1)
    then = rl_named_child(cx, then, 0);
  RlKind k = rl_kind(cx, then);
  return k == RL_C_RETURN_STMT || k == RL_C_GOTO_STMT ? s : RL_NONE;
}

/* The blanks before n when n starts its line, else NULL. */
static const char *line_indent(RlCtx *cx, const char *src, RlNode n) {
  uint32_t at = rl_loc(cx, n).start, b = at;
  while (b > 0 && (src[b - 1] == ' ' || src[b - 1] == '\t')) b--;
  if (b > 0 && src[b - 1] != '\n') return NULL;
  return rl_str(cx, src + b, at - b);
}

void rl_c_fix_unlock_return(RlCtx *cx, RlNode ret, uint16_t kind) {
  if (rl_kind(cx, ret) != RL_C_RETURN_STMT || rl_c_in_macro(cx, ret) || !plain_value(cx, ret))
    return;
  RlNode fn = rl_enclosing_function(cx, ret);
  if (!fn) return;
  const char *src = src_of(cx, ret);
  static const char *const title =
      "Unlock before this return, as the function's other paths do (a caller that expects "
      "the lock held here would no longer have it)";
  const char *done[8];
  uint32_t ndone = 0;
  for (RlNode l = fn; l < ret && ndone < RL_COUNTOF(done); l++) {
    int api = lock_api(cx, l);
    if (api < 0) continue;
    RlNode arg = rl_c_arg(cx, l, 0);
    const char *text = lock_text(cx, arg);
    bool seen = false;
    for (uint32_t k = 0; k < ndone && !seen; k++) seen = strcmp(done[k], text) == 0;
    if (seen || !*text) continue;
    const char *unlock = lock_apis[api].unlock;
    /* the function releases it somewhere: copy that call */
    RlNode u = RL_NONE;
    for (RlNode i = fn; i < rl_node_end(cx, fn) && !u; i++)
      if (unlocks(cx, i, unlock, arg) && !rl_c_in_macro(cx, i)) u = i;
    if (!u) continue;
    /* every path to the return took the lock: its statement comes before
     * the return in a block around it, and between the two nothing
     * unlocks it and no label lets a goto in */
    RlNode block = RL_NONE, s = lock_stmt(cx, l, lock_apis[api].try_, &block);
    if (!s || ret < rl_node_end(cx, s) || ret >= rl_node_end(cx, block)) continue;
    bool clear = !unlock_in(cx, rl_node_end(cx, s), ret, unlock, arg);
    for (RlNode i = rl_node_end(cx, s); i < ret && clear; i++)
      clear = rl_kind(cx, i) != RL_C_LABEL_STMT;
    /* nor a loop between that unlocks it later in its body (the next
     * iteration would reach the return without the lock) */
    for (RlNode a = rl_parent(cx, ret); a && a != block && clear; a = rl_parent(cx, a)) {
      RlKind k = rl_kind(cx, a);
      if ((k == RL_C_FOR_STMT || k == RL_C_WHILE_STMT || k == RL_C_DO_STMT) &&
          unlock_in(cx, a, rl_node_end(cx, a), unlock, arg))
        clear = false;
    }
    if (!clear) continue;
    done[ndone++] = text;
    /* the return with its `;` */
    RlLoc lr = rl_loc(cx, ret);
    uint32_t e = lr.end;
    while (src[e] == ' ' || src[e] == '\t') e++;
    if (src[e] != ';') continue;
    e++;
    const char *call = rl_text_dup(cx, u);
    RlNode p = rl_parent(cx, ret);
    RlKind pk = rl_kind(cx, p);
    const char *ind = line_indent(cx, src, ret);
    struct { uint32_t at; const char *text; } ed[3];
    uint32_t ne = 0;
    if (pk == RL_C_COMPOUND_STMT || pk == RL_C_CASE_STMT || pk == RL_C_DEFAULT_STMT ||
        pk == RL_C_LABEL_STMT) {
      /* in a block: the unlock goes before it */
      ed[ne].at = lr.start;
      ed[ne++].text = ind ? rl_fmt(cx, "%s;\n%s", call, ind) : rl_fmt(cx, "%s; ", call);
    } else if (!ind) {
      /* `if (c) return -1;` on one line: `if (c) { unlock(&m); return -1; }` */
      ed[ne].at = lr.start;
      ed[ne++].text = rl_fmt(cx, "{ %s; ", call);
      ed[ne].at = e;
      ed[ne++].text = " }";
    } else if (pk == RL_C_IF_STMT && rl_child(cx, p, RL_F_CONSEQUENCE) == ret) {
      /* the return on a line of its own under `if (c)`: braces from the
       * `)` of the condition (only blanks and comments between) to the
       * return's `;` */
      RlNode cond = rl_child(cx, p, RL_F_CONDITION);
      const char *if_ind = line_indent(cx, src, p);
      if (!cond || !if_ind || rl_c_in_macro(cx, p)) continue;
      uint32_t k = rl_loc(cx, cond).end;
      while (src[k] == ' ' || src[k] == '\t') k++;
      if (src[k] != ')') continue;
      uint32_t close = k + 1;
      for (k = close; k < lr.start;) { /* blanks and comments only */
        if (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
          k++;
        } else if (src[k] == '/' && src[k + 1] == '*') {
          const char *end = strstr(src + k + 2, "*/");
          if (!end) break;
          k = (uint32_t)(end - src) + 2;
        } else if (src[k] == '/' && src[k + 1] == '/') {
          while (k < lr.start && src[k] != '\n') k++;
        } else {
          break;
        }
      }
      if (k != lr.start) continue;
      ed[ne].at = close;
      ed[ne++].text = " {";
      ed[ne].at = lr.start;
      ed[ne++].text = rl_fmt(cx, "%s;\n%s", call, ind);
      ed[ne].at = e;
      ed[ne++].text = rl_fmt(cx, "\n%s}", if_ind);
    } else {
      continue; /* a loop's or an else's lone statement on its own line */
    }
    RlFact *f = rl_fact_add(cx, kind, ret, text, "", "");
    for (uint32_t k = 0; k < ne; k++)
      rl_fact_fix(cx, f, title, RL_FIX_UNSAFE, ed[k].at, ed[k].at, ed[k].text);
  }
}
