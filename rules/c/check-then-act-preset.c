/* check-then-act-preset.c - which C check-then-act findings the default
 * preset keeps (rules/check-then-act.md, "Presets"): where the check's
 * result says the checked name was missing, for the no-clobber race, and
 * the statement test the rule shares (rl_cta_c_leaves). */
#include "check-then-act-preset.h"

#include <stdlib.h>
#include <string.h>

bool rl_cta_c_leaves(RlCtx *cx, RlNode s) {
  static const char *const noret[] = {"exit", "_exit", "_Exit", "abort", "err", "errx"};
  for (RlNode i = s; s && i < rl_node_end(cx, s); i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_C_RETURN_STMT || k == RL_C_GOTO_STMT || k == RL_C_BREAK_STMT ||
        k == RL_C_CONTINUE_STMT)
      return true;
    if (k != RL_C_CALL_EXPR) continue;
    for (size_t n = 0; n < RL_COUNTOF(noret); n++)
      if (strcmp(rl_c_callee(cx, i), noret[n]) == 0) return true;
  }
  return false;
}

/* What the check found where a condition holds. */
typedef enum RlCtaFound {
  RL_CTA_UNKNOWN = 0,
  RL_CTA_EXISTS,  /* the call succeeded: the name was there */
  RL_CTA_MISSING, /* the call failed */
} RlCtaFound;

static bool rl_cta_c__within(const RlCtx *cx, RlNode n, RlNode in) {
  return in && n >= in && n < rl_node_end(cx, in);
}

/* The value of an integer constant (`0`, `-1`); false when n is none. */
static bool rl_cta_c__constant(RlCtx *cx, RlNode n, long *v) {
  n = rl_strip(cx, n);
  bool neg = false;
  if (n && rl_kind(cx, n) == RL_C_UNARY_OPERATOR && strcmp(rl_op(cx, n), "-") == 0) {
    neg = true;
    n = rl_strip(cx, rl_first_child(cx, n));
  }
  if (!n || rl_kind(cx, n) != RL_C_INTEGER_LITERAL) return false;
  const char *t = rl_text_dup(cx, n);
  char *end;
  long x = strtol(t, &end, 0);
  if (end == t) return false;
  *v = neg ? -x : x;
  return true;
}

static bool rl_cta_c__compare(const char *op, long a, long b) {
  if (strcmp(op, "==") == 0) return a == b;
  if (strcmp(op, "!=") == 0) return a != b;
  if (strcmp(op, "<") == 0) return a < b;
  if (strcmp(op, "<=") == 0) return a <= b;
  if (strcmp(op, ">") == 0) return a > b;
  return a >= b; /* ">=" */
}

/* What the check call chk (0 on success, -1 on failure) found where
 * condition cond is true (*t) and where it is false (*f): the call itself,
 * `!`, a comparison with a constant, through `&&` (true: every operand
 * held) and `||` (false: none held). False when cond is anything else. */
static bool rl_cta_c__outcomes(RlCtx *cx, RlNode cond, RlNode chk, RlCtaFound *t,
                               RlCtaFound *f) {
  RlCtaFound ot = RL_CTA_MISSING, of = RL_CTA_EXISTS; /* nonzero: failed */
  bool bare = true; /* still the call's value, not a truth value */
  for (RlNode x = chk; x != cond;) {
    RlNode p = rl_parent(cx, x);
    if (!p) return false;
    RlKind k = rl_kind(cx, p);
    const char *op =
        k == RL_C_BINARY_OPERATOR || k == RL_C_UNARY_OPERATOR ? rl_op(cx, p) : NULL;
    if (!op) {
      if (k != RL_C_PAREN_EXPR && k != RL_C_UNEXPOSED_EXPR && k != RL_C_CSTYLE_CAST_EXPR)
        return false;
    } else if (strcmp(op, "!") == 0) {
      RlCtaFound s = ot;
      ot = of, of = s, bare = false;
    } else if (strcmp(op, "&&") == 0) {
      of = RL_CTA_UNKNOWN, bare = false;
    } else if (strcmp(op, "||") == 0) {
      ot = RL_CTA_UNKNOWN, bare = false;
    } else if (strcmp(op, "=") == 0) { /* (rc = stat(...)) < 0 */
      if (!bare || rl_cta_c__within(cx, x, rl_child(cx, p, RL_F_LEFT))) return false;
    } else if (!strcmp(op, "==") || !strcmp(op, "!=") || !strcmp(op, "<") ||
               !strcmp(op, "<=") || !strcmp(op, ">") || !strcmp(op, ">=")) {
      RlNode l = rl_child(cx, p, RL_F_LEFT), r = rl_child(cx, p, RL_F_RIGHT);
      bool left = rl_cta_c__within(cx, x, l);
      long v;
      if (!bare || !rl_cta_c__constant(cx, left ? r : l, &v)) return false;
      bool ok = left ? rl_cta_c__compare(op, 0, v) : rl_cta_c__compare(op, v, 0);
      bool bad = left ? rl_cta_c__compare(op, -1, v) : rl_cta_c__compare(op, v, -1);
      if (ok == bad) return false;
      ot = ok ? RL_CTA_EXISTS : RL_CTA_MISSING;
      of = ok ? RL_CTA_MISSING : RL_CTA_EXISTS;
      bare = false;
    } else {
      return false;
    }
    x = p;
  }
  *t = ot, *f = of;
  return true;
}

bool rl_cta_c_clobber_default(RlCtx *cx, RlNode body, RlNode chk, RlNode use, bool syscall) {
  if (!syscall) return true; /* a helper's answer: which way it goes is unknown */
  for (RlNode a = rl_parent(cx, chk); a && a != body; a = rl_parent(cx, a)) {
    if (rl_kind(cx, a) != RL_C_IF_STMT) continue;
    RlNode cond = rl_child(cx, a, RL_F_CONDITION);
    if (!rl_cta_c__within(cx, chk, cond)) continue;
    RlCtaFound t, f, at = RL_CTA_UNKNOWN;
    if (!rl_cta_c__outcomes(cx, cond, chk, &t, &f)) return true;
    RlNode then = rl_child(cx, a, RL_F_CONSEQUENCE), els = rl_child(cx, a, RL_F_ALTERNATIVE);
    if (rl_cta_c__within(cx, use, then)) {
      at = t;
    } else if (rl_cta_c__within(cx, use, els)) {
      at = f;
    } else if (use >= rl_node_end(cx, a)) { /* after the if: past the branch that stays */
      bool lt = rl_cta_c_leaves(cx, then), le = els && rl_cta_c_leaves(cx, els);
      at = lt && !le ? f : le && !lt ? t : RL_CTA_UNKNOWN;
    }
    return at != RL_CTA_MISSING;
  }
  return true;
}
