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
