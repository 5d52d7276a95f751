/* csum_access.c - accesses and guards of the C summaries: the accesses to
 * globals, static locals and objects reached through a parameter
 * (RL_FACT_C_ACCESS), the guards that hold on every path to a call or an
 * access (comparisons of a global flag or an unchanged parameter with a
 * constant: RL_FACT_C_GUARD), and the flag changes the walk cannot see
 * (RL_FACT_C_CHANGE). Part of csum.c's module (csum_int.h). */
#include "csum_int.h"

#include <stdlib.h>
#include <string.h>

/* The guards that hold on every state of `set` (none if it is empty). */
static void cs__guards_all(const CsSet *set, uint64_t *geq, uint64_t *gne) {
  *geq = *gne = 0;
  if (!set->n) return;
  *geq = *gne = ~UINT64_C(0);
  for (uint32_t i = 0; i < set->n; i++) {
    *geq &= set->s[i].geq;
    *gne &= set->s[i].gne;
  }
}
/* cs_event for a call, an access or a lazy initialisation, which also
 * keeps the guards that hold on every state of `set`, on every visit. */
CsEvent *cs_gevent(Cs *s, RlNode at, uint8_t type, uint64_t mask, const CsSet *set) {
  if (!s->emit) return NULL;
  uint64_t geq, gne;
  cs__guards_all(set, &geq, &gne);
                 CsEvent *e = cs_event(s, at, type, mask);
  if (e) {
    e->geq = geq;
    e->gne = gne;
    return e;
  }
  for (uint32_t k = s->evslot[at]; k; k = s->ev.v[k - 1].next)
    if (s->ev.v[k - 1].type == type) {
      s->ev.v[k - 1].geq &= geq;
      s->ev.v[k - 1].gne &= gne;
    }
  return NULL;
}
/* Is x (stripped) a constant? Its spelling and value (NULL if unknown). */
bool cs_const(Cs *s, RlNode x, const char **spell, const char **value) {
  RlCtx *cx = s->cx;
  RlKind k = rl_kind(cx, x);
  const RlNodeExt *e = cs_ext(cx, x);
  if (k == RL_C_INTEGER_LITERAL || k == RL_C_CHARACTER_LITERAL ||
      (k == RL_C_DECL_REF_EXPR && rl_c_ref(cx, x) == RL_REF_ENUM)) {
    *value = e ? e->value : NULL;
    *spell = k == RL_C_DECL_REF_EXPR ? rl_c_name(cx, x) : rl_text_dup(cx, x);
    if (!**spell) *spell = *value ? *value : "";
    return **spell != 0;
  }
  return false; /* -1, const variables...: no guard */
}
/* A global that can serve as a mode flag: a plain integer or enum
 * variable (not thread-local, not a pointer, array, record or float).
 * *var receives it. */
static bool cs__flag(Cs *s, RlNode x, RlCObj *var) {
  RlCtx *cx = s->cx;
  if (rl_kind(cx, x) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, x) != RL_REF_GLOBAL) return false;
  const char *t = rl_c_type(cx, x);
  if (!*t || strncmp(t, "_Thread_local", 13) == 0 || strpbrk(t, "*[(") || strstr(t, "struct ") ||
      strstr(t, "union ") || strstr(t, "float") || strstr(t, "double") || cs_sync_type(t))
    return false;
  const char *name = rl_c_name(cx, x);
  memset(var, 0, sizeof *var);
  var->kind = RL_CO_GLOBAL;
  var->name = name;
  var->file_local = cs_is_static(s, name);
  return true;
}
/* A parameter that can serve as a guard: a plain integer or enum
 * parameter the function never assigns and whose address it never takes.
 * Its name in guards: "$<index>". */
const char *cs_pflag(Cs *s, RlNode x, int *param) {
  RlCtx *cx = s->cx;
  if (rl_kind(cx, x) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, x) != RL_REF_PARAM) return NULL;
  int p = cs_param_index(s, rl_c_name(cx, x));
  if (p < 0 || (s->pchanged & (1u << p))) return NULL;
  const char *t = rl_c_type(cx, x);
  if (!*t || strpbrk(t, "*[(") || strstr(t, "struct ") || strstr(t, "union ") ||
      strstr(t, "float") || strstr(t, "double"))
    return NULL;
  *param = p;
  return rl_c_name(cx, x);
}
/* `g == K` / `g != K` (either order) with g a global flag and K a constant
 * other than a literal 0 (those are truth tests: stop flags, which other
 * threads raise while this one runs): the guard's index, and whether the
 * condition being true means g == K. -1 if none. A parameter p (see
 * cs_pflag) is a guard too, also in a truth test (`if (p)`: p != 0): no
 * other thread changes it. */
/* Is x a guard variable (a global flag, or a parameter as cs_pflag
 * says)? *var receives it, *param the parameter's index. */
static bool cs__guard_var(Cs *s, RlNode x, RlCObj *var, int *param) {
  if (cs__flag(s, x, var)) return true;
  const char *name = cs_pflag(s, x, param);
  if (!name) return false;
  memset(var, 0, sizeof *var);
  var->kind = RL_CO_PARAM;
  var->name = name;
  var->param = (uint8_t)*param;
  return true;
}
static int cs__guard_of(Cs *s, RlNode e, bool *true_eq) {
  RlCtx *cx = s->cx;
  const char *spell = NULL, *value = NULL;
  RlCObj var;
  RlNode a = RL_NONE, b = RL_NONE, k = RL_NONE;
  int param = -1;
  if (rl_kind(cx, e) == RL_C_DECL_REF_EXPR) {
    const char *name = cs_pflag(s, e, &param);
    if (!name) return -1;
    memset(&var, 0, sizeof var);
    var.kind = RL_CO_PARAM;
    var.name = name;
    var.param = (uint8_t)param;
    a = e;
    spell = value = "0";
    *true_eq = false;
  } else {
    if (rl_kind(cx, e) != RL_C_BINARY_OPERATOR) return -1;
    const char *op = cs_opstr(cx, e);
    if (strcmp(op, "==") != 0 && strcmp(op, "!=") != 0) return -1;
    a = rl_strip(cx, rl_first_child(cx, e));
    b = a ? rl_strip(cx, rl_next_sibling(cx, rl_first_child(cx, e))) : RL_NONE;
    if (!a || !b) return -1;
    bool found = cs__guard_var(s, a, &var, &param);
    k = b;
    if (!found) {
      found = cs__guard_var(s, b, &var, &param);
      k = a;
    }
    if (!found || !cs_const(s, k, &spell, &value)) return -1;
    *true_eq = op[0] == '=';
  }
  uint32_t root = cs_h32(rl_c_name(cx, k == b ? a : b));
  for (uint32_t i = 0; i < s->nguards; i++) {
    const CsGuard *g = &s->guards[i];
    if (g->root != root || g->param != param || !rl_c_obj_eq(&g->var, &var)) continue;
    if ((g->value && value) ? strcmp(g->value, value) == 0 : strcmp(g->spell, spell) == 0)
      return (int)i;
  }
  if (s->nguards == CS_MAXG) return -1;
  s->guards[s->nguards] = (CsGuard){root, var, spell, value, param};
  return (int)s->nguards++;
}
/* Condition e is true on the states of t, false on those of f: the guard
 * it is (if any) holds accordingly. */
void cs_guard_split(Cs *s, RlNode e, CsSet *t, CsSet *f) {
  bool true_eq;
  int g = cs__guard_of(s, e, &true_eq);
  if (g < 0) return;
  uint64_t b = cs_bit((uint32_t)g);
  for (uint32_t i = 0; i < t->n; i++) {
    if (true_eq) t->s[i].geq |= b;
    else t->s[i].gne |= b;
  }
  for (uint32_t i = 0; i < f->n; i++) {
    if (true_eq) f->s[i].gne |= b;
    else f->s[i].geq |= b;
  }
}
static bool cs__in_atomic(Cs *s, RlNode n) {
  RlCtx *cx = s->cx;
  RlNode p = n;
  for (int k = 0; k < 8 && p; k++, p = rl_parent(cx, p)) {
    RlKind kd = rl_kind(cx, p);
    if (kd == RL_C_COMPOUND_STMT || kd == RL_C_FUNCTION_DECL) break;
    if (kd == RL_C_CALL_EXPR || kd == RL_C_UNEXPOSED_EXPR) {
      size_t len;
      const char *t = rl_text(cx, p, &len);
      if (cs_atomic_name(t, len)) return true;
    }
  }
  return false;
}
/* Is x a constant expression: literals, enum constants, casts and
 * operators over them (`1`, `-1`, `(double)(0.0 / 0.0)`, `STATE_DONE`),
 * no variable, no call? */
bool cs_const_expr(const RlCtx *cx, RlNode x) {
  if (!x) return false;
  RlNode end = rl_node_end(cx, x);
  for (RlNode i = x; i < end; i++) {
    switch (rl_kind(cx, i)) {
    case RL_C_INTEGER_LITERAL:
    case RL_C_FLOATING_LITERAL:
    case RL_C_CHARACTER_LITERAL:
    case RL_C_STRING_LITERAL:
    case RL_C_PAREN_EXPR:
    case RL_C_CSTYLE_CAST_EXPR:
    case RL_C_UNEXPOSED_EXPR:
    case RL_C_TYPE_REF:
    case RL_C_BINARY_OPERATOR:
      break;
    case RL_C_UNARY_OPERATOR:
      if (cs_op_is(cx, i, "&") || cs_op_is(cx, i, "*") || cs_op_is(cx, i, "++") ||
          cs_op_is(cx, i, "--"))
        return false;
      break;
    case RL_C_DECL_REF_EXPR:
      if (rl_c_ref(cx, i) != RL_REF_ENUM) return false;
      break;
    default:
      if (rl_is_token(cx, i)) break;
      return false;
    }
  }
  return true;
}
/* Is expression x (part of) the condition of a loop: a read that waits
 * for the value to change (`while (!done)`)? */
static bool cs__polled(const RlCtx *cx, RlNode x, RlNode body) {
  for (RlNode c = x, q = rl_parent(cx, x); q && c != body; c = q, q = rl_parent(cx, q)) {
    RlKind k = rl_kind(cx, q);
    if (k == RL_C_WHILE_STMT || k == RL_C_DO_STMT) return rl_field(cx, c) == RL_F_CONDITION;
    if (k == RL_C_FOR_STMT) return rl_next_sibling(cx, c) != RL_NONE; /* not its body */
    if (k == RL_C_COMPOUND_STMT || k == RL_C_IF_STMT || k == RL_C_SWITCH_STMT ||
        k == RL_C_RETURN_STMT || k == RL_C_DECL_STMT)
      return false;
  }
  return false;
}
void cs_access(Cs *s, RlNode ref, const CsSet *set) {
  RlCtx *cx = s->cx;
  RlRefKind rk = rl_c_ref(cx, ref);
  const char *name = rl_c_name(cx, ref);
  const char *type = rl_c_type(cx, ref);
  int8_t param = -1;
  if (rk == RL_REF_PARAM) {
    param = (int8_t)cs_param_index(s, name);
  } else if (rk == RL_REF_LOCAL) {
    uint64_t h = rl_hash_str(RL_FNV_INIT, name);
    for (uint32_t i = 0; i < s->nalias; i++)
      if (s->alias[i] == h) param = s->alias_param[i];
    if (param < 0) return;
  } else if (rk != RL_REF_GLOBAL && rk != RL_REF_STATIC_LOCAL) {
    return;
  }
  if (strncmp(type, "_Thread_local", 13) == 0 || cs_sync_type(type)) return;
  if (strstr(type, "(*") || strstr(type, ")(")) return; /* function pointers */
  /* climb to the whole lvalue: members, subscripts, derefs */
  RlCObj var;
  memset(&var, 0, sizeof var);
  var.name = name;
  if (param >= 0) {
    var.kind = RL_CO_PARAM;
    var.param = (uint8_t)param;
    var.name = "";
  } else if (rk == RL_REF_STATIC_LOCAL) {
    var.kind = RL_CO_STATIC_LOCAL;
    var.owner = s->fname;
    var.file_local = 1;
  } else {
    var.kind = RL_CO_GLOBAL;
    var.file_local = cs_is_static(s, name);
  }
  RL_VEC(RlCStep) path = {0};
  RlNode top = ref;
  bool member = false, atomic = cs_atomic_type(type);
  for (;;) {
    RlNode p = rl_parent(cx, top);
    RlKind pk = rl_kind(cx, p);
    if (pk == RL_C_PAREN_EXPR || (pk == RL_C_UNEXPOSED_EXPR && rl_named_child_count(cx, p) == 1 &&
                                  rl_kind(cx, rl_parent(cx, p)) == RL_C_MEMBER_REF_EXPR) ||
        pk == RL_C_CSTYLE_CAST_EXPR) {
      if (pk != RL_C_PAREN_EXPR && rl_kind(cx, rl_parent(cx, p)) != RL_C_MEMBER_REF_EXPR) break;
      top = p;
      continue;
    }
    if (pk == RL_C_MEMBER_REF_EXPR && rl_first_child(cx, p) == top) {
      const char *bt = rl_c_type(cx, top);
      (void)bt;
      size_t len;
      const char *t = rl_text(cx, p, &len);
      bool arrow = false;
      for (size_t i = 0; i + 1 < len; i++)
        if (t[i] == '-' && t[i + 1] == '>') arrow = true;
      RL_VEC_PUSH(path, ((RlCStep){rl_c_name(cx, p), arrow ? RL_CS_ARROW : RL_CS_DOT}));
      if (cs_atomic_type(rl_c_type(cx, p))) atomic = true;
      if (cs_sync_type(rl_c_type(cx, p))) {
        RL_VEC_FREE(path);
        return;
      }
      member = true;
      top = p;
      continue;
    }
    if (pk == RL_C_ARRAY_SUBSCRIPT_EXPR && rl_first_child(cx, p) == top) {
      RL_VEC_PUSH(path, ((RlCStep){"", RL_CS_ELEM}));
      top = p;
      continue;
    }
    break;
  }
  if (param >= 0 && !member) {
    RL_VEC_FREE(path);
    return; /* the parameter itself is the function's own copy */
  }
  RlNode p = rl_parent(cx, top);
  while (rl_kind(cx, p) == RL_C_PAREN_EXPR) top = p, p = rl_parent(cx, p);
  uint8_t mode = RL_CA_READ;
  RlKind pk = rl_kind(cx, p);
  const char *konst = NULL; /* the constant a plain store writes */
  if (pk == RL_C_BINARY_OPERATOR && rl_first_child(cx, p) == top && cs_op_is(cx, p, "=")) {
    mode = RL_CA_WRITE;
    RlNode rhs = rl_strip(cx, rl_next_sibling(cx, top));
    if (cs_const_expr(cx, rhs)) {
      const RlNodeExt *ke = cs_ext(cx, rhs);
      konst = ke && ke->value ? ke->value : rl_text_dup(cx, rhs);
    }
  } else if (pk == RL_C_COMPOUND_ASSIGN_OPERATOR && rl_first_child(cx, p) == top) {
    mode = RL_CA_WRITE | RL_CA_RMW;
  } else if (pk == RL_C_UNARY_OPERATOR) {
    const char *op = cs_opstr(cx, p);
    if (strcmp(op, "++") == 0 || strcmp(op, "--") == 0) mode = RL_CA_WRITE | RL_CA_RMW;
    else if (strcmp(op, "&") == 0) {
      RL_VEC_FREE(path);
      return; /* address taken: whoever gets it accesses it */
    }
  }
  if (!atomic && cs__in_atomic(s, ref)) atomic = true;
  CsEvent *e = cs_gevent(s, ref, EV_ACCESS, cs_must(set), set);
  if (!e && s->emit && !cs_must(set) && s->uncertain) {
    /* seen before (a loop); the lock may have become unknown since */
    for (uint32_t k = s->evslot[ref]; k; k = s->ev.v[k - 1].next)
      if (s->ev.v[k - 1].type == EV_ACCESS) s->ev.v[k - 1].flags |= RL_CA_MAYBE_LOCKED;
  }
  if (e) {
    e->flags = (uint8_t)(mode | (atomic ? RL_CA_ATOMIC : 0) |
                         (!cs_must(set) && s->uncertain ? RL_CA_MAYBE_LOCKED : 0) |
                         (cs_fork_child(s, ref) ? RL_CA_CHILD : 0) |
                         (mode == RL_CA_READ && cs__polled(cx, top, s->body) ? RL_CA_POLL : 0));
    e->var = var;
    e->a = konst;
    e->npath = path.n;
    e->path = path.n ? rl_arena_alloc(cx->scratch, path.n * sizeof *path.v) : NULL;
    if (path.n) memcpy(e->path, path.v, path.n * sizeof *path.v);
    e->c = rl_text_dup(cx, top);
  }
  RL_VEC_FREE(path);
}
/* A flag global changed where no access fact says so (phase 2 then
 * trusts no guard on it): its address is taken (`&mode`), or it is
 * assigned in code the path walk did not reach (`walked` is false). */
void cs_change(Cs *s, RlNode ref, bool walked) {
  RlCtx *cx = s->cx;
  RlNode top = ref, p = rl_parent(cx, ref);
  while (rl_kind(cx, p) == RL_C_PAREN_EXPR) top = p, p = rl_parent(cx, p);
  bool addr = rl_kind(cx, p) == RL_C_UNARY_OPERATOR && cs_op_is(cx, p, "&");
  bool write = !walked && cs_is_assign(cx, p) && rl_first_child(cx, p) == top;
  if (!addr && !write) return;
  RlCObj flag;
  if (!cs__flag(s, ref, &flag)) return;
  flag = cs_obj(cx, &flag);
  rl_fact_new(cx, RL_FACT_C_CHANGE, ref)->change.var = flag;
}
/* The RL_FACT_C_GUARD facts of the call, access or lazy initialisation
 * just recorded at `at`: the guards that hold on every path to it. */
void cs_emit_guards(Cs *s, RlNode at, uint64_t geq, uint64_t gne) {
  cs_emit_guards_of(s, at, geq, gne, false);
}
/* cs_emit_guards, of the parameter guards only with params_only (a lock
 * or unlock: lock-balance applies the caller's constant arguments). */
void cs_emit_guards_of(Cs *s, RlNode at, uint64_t geq, uint64_t gne, bool params_only) {
  for (uint32_t g = 0; g < s->nguards && !s->gbail && !s->bail; g++) {
    uint64_t b = cs_bit(g);
    if (!((geq | gne) & b)) continue;
    const CsGuard *gd = &s->guards[g];
    if (params_only && gd->param < 0) continue;
    RlCObj var = cs_obj(s->cx, &gd->var);
    const char *spell = rl_fact_str(s->cx, gd->spell), *value = rl_fact_str(s->cx, gd->value);
    RlFact *gf = rl_fact_new(s->cx, RL_FACT_C_GUARD, at);
    gf->guard.var = var;
    gf->guard.spell = spell;
    gf->guard.value = value;
    gf->flags = (geq & b ? RL_CQ_EQ : 0) | (gne & b ? RL_CQ_NE : 0) |
                (gd->param >= 0 ? RL_CQ_PARAM : 0);
  }
}
/* Section - fork children */

static bool cs__is_fork_call(RlCtx *cx, RlNode x) {
  if (rl_kind(cx, x) != RL_C_CALL_EXPR) return false;
  const char *c = rl_c_callee(cx, x);
  return strcmp(c, "fork") == 0 || strcmp(c, "vfork") == 0;
}
/* Is x (stripped) the result of fork(): the call, `(pid = fork())`, or
 * a local the function sets from fork() (`pid_t pid = fork();`)? */
static bool cs__forked(Cs *s, RlNode x) {
  RlCtx *cx = s->cx;
  x = rl_strip(cx, x);
  if (cs__is_fork_call(cx, x)) return true;
  if (rl_kind(cx, x) == RL_C_BINARY_OPERATOR && cs_op_is(cx, x, "="))
    return cs__is_fork_call(cx, rl_strip(cx, rl_next_sibling(cx, rl_first_child(cx, x))));
  if (rl_kind(cx, x) != RL_C_DECL_REF_EXPR || rl_c_ref(cx, x) != RL_REF_LOCAL) return false;
  const char *name = rl_c_name(cx, x);
  RlNode end = rl_node_end(cx, s->body);
  for (RlNode i = s->body; i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_C_VAR_DECL && strcmp(rl_c_name(cx, i), name) == 0) {
      for (RlNode j = i + 1; j < rl_node_end(cx, i); j++)
        if (cs__is_fork_call(cx, j)) return true;
    } else if (k == RL_C_BINARY_OPERATOR && cs_op_is(cx, i, "=")) {
      RlNode l = rl_strip(cx, rl_first_child(cx, i));
      if (rl_kind(cx, l) == RL_C_DECL_REF_EXPR && strcmp(rl_c_name(cx, l), name) == 0 &&
          cs__is_fork_call(cx, rl_strip(cx, rl_next_sibling(cx, rl_first_child(cx, i)))))
        return true;
    }
  }
  return false;
}
/* Condition c about a fork() result: 1 if it holds in the child
 * (`pid == 0`, `!pid`), -1 if it holds in the parent only (`pid != 0`,
 * `pid`, `pid > 0`), 0 if it says nothing. */
static int cs__fork_test(Cs *s, RlNode c) {
  RlCtx *cx = s->cx;
  c = rl_strip(cx, c);
  RlKind k = rl_kind(cx, c);
  if (k == RL_C_UNARY_OPERATOR && cs_op_is(cx, c, "!"))
    return cs__forked(s, rl_first_child(cx, c)) ? 1 : 0;
  if (k == RL_C_BINARY_OPERATOR) {
    RlNode a = rl_strip(cx, rl_first_child(cx, c)), b = rl_strip(cx, rl_next_sibling(cx, rl_first_child(cx, c)));
    if (!a || !b || !cs_is_zero(cx, b) || !cs__forked(s, a)) return 0;
    if (cs_op_is(cx, c, "==")) return 1;
    if (cs_op_is(cx, c, "!=") || cs_op_is(cx, c, ">")) return -1;
    return 0;
  }
  return cs__forked(s, c) ? -1 : 0;
}
/* Does the code from..end call exec*() or _exit() (a child that ends
 * its life as another program, or dies)? */
static bool cs__ends_child(RlCtx *cx, RlNode from, RlNode end) {
  for (RlNode i = from; i < end; i++) {
    if (rl_kind(cx, i) != RL_C_CALL_EXPR) continue;
    const char *c = rl_c_callee(cx, i);
    if (strncmp(c, "exec", 4) == 0 || strcmp(c, "_exit") == 0 || strcmp(c, "_Exit") == 0 ||
        strcmp(c, "fexecve") == 0)
      return true;
  }
  return false;
}
/* Does n run in a fork() child of this function, in the branch that
 * tests the fork's result for 0 (`if (pid == 0) {...}`, the `else` of
 * `if (pid != 0)`, `case 0:` of a switch on it), a branch that ends in
 * exec*() or _exit()? Such a child is a process of its own with one
 * thread until exec: nothing there races with the parent's threads. A
 * child that goes on (a daemon's) does not count. */
bool cs_fork_child(Cs *s, RlNode n) {
  RlCtx *cx = s->cx;
  size_t len;
  const char *t = rl_text(cx, s->body, &len);
  if (!memmem(t, len, "fork", 4)) return false;
  for (RlNode cur = n, p = rl_parent(cx, n); p && cur != s->body; cur = p, p = rl_parent(cx, p)) {
    RlKind k = rl_kind(cx, p);
    if (k == RL_C_IF_STMT) {
      RlField f = rl_field(cx, cur);
      if (f != RL_F_CONSEQUENCE && f != RL_F_ALTERNATIVE) continue;
      int test = cs__fork_test(s, rl_child(cx, p, RL_F_CONDITION));
      if (((f == RL_F_CONSEQUENCE && test > 0) || (f == RL_F_ALTERNATIVE && test < 0)) &&
          cs__ends_child(cx, cur, rl_node_end(cx, cur)))
        return true;
    } else if (k == RL_C_COMPOUND_STMT && rl_kind(cx, rl_parent(cx, p)) == RL_C_SWITCH_STMT) {
      RlNode sw = rl_parent(cx, p);
      if (!cs__forked(s, rl_first_child(cx, sw))) continue;
      /* the label cur runs under, and where its run ends */
      RlNode label = RL_NONE, stop = RL_NONE;
      for (RlNode c = rl_first_child(cx, p); c; c = rl_next_sibling(cx, c)) {
        bool is_label = rl_kind(cx, c) == RL_C_CASE_STMT || rl_kind(cx, c) == RL_C_DEFAULT_STMT;
        if (c == cur || c < cur) {
          if (is_label) label = c;
        } else if (is_label) {
          stop = c;
          break;
        }
      }
      if (!label || rl_kind(cx, label) != RL_C_CASE_STMT) continue;
      RlNode v = rl_first_child(cx, label);
      if (!cs_is_zero(cx, v) || rl_kind(cx, rl_next_sibling(cx, v)) == RL_C_CASE_STMT) continue;
      if (cs__ends_child(cx, label, stop ? stop : rl_node_end(cx, p))) return true;
    }
  }
  return false;
}
