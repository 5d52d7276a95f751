/* csum_fnref.c - function values in the C summaries: the thread-create
 * APIs C libraries offer, and the functions a file stores into record
 * fields, gives as call arguments or calls through a field
 * (RL_FACT_C_FNREF). Phase 2 (cgraph.c) composes them: a function that
 * passes its parameter to a thread-create call starts threads for its
 * callers (transitively), and a thread that calls through a field runs the
 * functions the program stores into that field (and only those: a
 * function whose address is taken but never stored there is not one).
 * Part of csum.c's module (csum_int.h). */
#include <string.h>

#include "csum_int.h"

/* The thread-create calls of C libraries: the routine's argument and the
 * argument the routine gets. */
static const struct {
  const char *name;
  uint8_t routine, arg;
} cs__apis[] = {
    {"g_thread_create", 0, 1},  {"g_thread_new", 1, 2},     {"g_thread_try_new", 1, 2},
    {"pthread_create", 2, 3},   {"thrd_create", 1, 2},      {"uv_queue_work", 2, 1},
    {"uv_thread_create", 1, 2}, {"uv_thread_create_ex", 2, 3},
};

int cs_thread_api(const Cs *s, const char *callee, uint32_t *arg) {
  for (size_t k = 0; k < sizeof cs__apis / sizeof *cs__apis; k++)
    if (strcmp(callee, cs__apis[k].name) == 0) {
      *arg = cs__apis[k].arg;
      return cs__apis[k].routine;
    }
  uint32_t warg = 0;
  if (rl_c_wrapper(s->cx, RL_WRAP_THREAD_CREATE, callee, &warg)) {
    *arg = warg + 1; /* c.threadCreateFunctions; its argument follows */
    return (int)warg;
  }
  return -1;
}

/* Does type spelling t look like a function pointer: written out
 * (`void *(*)(void *)`), or a typedef named like one (`uv_work_cb`,
 * `thread_fn`)? A parameter of another type is not followed. */
static bool cs__fnptr_type(const char *t) {
  if (strchr(t, '(')) return true;
  static const char *const suffix[] = {"cb", "fn", "func", "cb_t", "fn_t", "func_t",
                                       "callback", "callback_t", "routine", "handler"};
  size_t n = strlen(t);
  /* a pointer to a function typedef: `lazy_free_fn *` */
  while (n && (t[n - 1] == '*' || t[n - 1] == ' ')) n--;
  for (size_t k = 0; k < sizeof suffix / sizeof *suffix; k++) {
    size_t m = strlen(suffix[k]);
    if (n >= m && strncmp(t + n - m, suffix[k], m) == 0) return true;
  }
  return false;
}

/* The field a member reference (or a designated initializer's field)
 * names; a union's members are one field. */
static bool cs__field(RlCtx *cx, RlNode m, RlCObj *o) {
  const char *owner = cs_owner(cx, m), *name = rl_c_name(cx, m);
  if (!*owner || !*name) return false;
  memset(o, 0, sizeof *o);
  o->kind = RL_CO_FIELD;
  o->owner = rl_fact_str(cx, owner);
  o->name = strncmp(owner, "union ", 6) == 0 ? "" : rl_fact_str(cx, name);
  return true;
}

/* What function value expression x is: 1 function *fn, 2 parameter
 * *param of this function, 3 what field *field holds, 0 none of these. */
static int cs__value(Cs *s, RlNode x, const char **fn, int *param, RlCObj *field) {
  RlCtx *cx = s->cx;
  x = rl_strip(cx, x);
  if (x && rl_kind(cx, x) == RL_C_UNARY_OPERATOR && cs_op_is(cx, x, "&"))
    x = rl_strip(cx, rl_first_child(cx, x));
  if (!x) return 0;
  RlKind k = rl_kind(cx, x);
  if (k == RL_C_DECL_REF_EXPR && rl_c_ref(cx, x) == RL_REF_FUNCTION) {
    *fn = rl_c_name(cx, x);
    return 1;
  }
  if (k == RL_C_DECL_REF_EXPR && rl_c_ref(cx, x) == RL_REF_PARAM) {
    *param = cs_param_index(s, rl_c_name(cx, x));
    return *param >= 0 && *param < CS_MAXP ? 2 : 0;
  }
  if (k == RL_C_MEMBER_REF_EXPR && cs__field(cx, x, field)) return 3;
  return 0;
}

static RlFact *cs__fact(RlCtx *cx, RlNode at, uint8_t what, int v, const char *fn, int param,
                        const RlCObj *field) {
  RlFact *f = rl_fact_new(cx, RL_FACT_C_FNREF, at);
  f->fnref.what = what;
  if (v == 1) f->fnref.fn = rl_fact_str(cx, fn);
  if (v == 2) f->fnref.param = param;
  if (v == 3) f->fnref.field = *field;
  return f;
}

/* Call `call`: a call through a field (RL_FR_CALL), or the function
 * values it is given (RL_FR_ARG): functions, the caller's parameters of a
 * function-pointer type, fields of one; any value at a thread-create
 * call's routine. A named routine of a thread-create call is an
 * RL_FACT_SPAWN already (cs_emit_call). */
void cs_fnref_call(Cs *s, RlNode call) {
  RlCtx *cx = s->cx;
  const char *callee = rl_c_callee(cx, call);
  if (!*callee) {
    RlNode c = rl_strip(cx, rl_child(cx, call, RL_F_CALLEE));
    if (c && rl_kind(cx, c) == RL_C_UNARY_OPERATOR) c = rl_strip(cx, rl_first_child(cx, c));
    RlCObj field;
    if (c && rl_kind(cx, c) == RL_C_MEMBER_REF_EXPR && cs__field(cx, c, &field))
      cs__fact(cx, call, RL_FR_CALL, 3, NULL, -1, &field);
    return;
  }
  uint32_t targ = 0;
  int routine = cs_thread_api(s, callee, &targ);
  uint32_t argc = rl_c_argc(cx, call);
  bool loop = cs_in_loop(cx, call, s->fn);
  for (uint32_t a = 0; a < argc && a < 32; a++) {
    RlNode av = rl_c_arg(cx, call, a);
    const char *fn = NULL;
    int param = -1;
    RlCObj field;
    int v = cs__value(s, av, &fn, &param, &field);
    if (!v) continue;
    bool at_routine = (int)a == routine;
    if (v == 1 && at_routine) continue;
    if (v != 1 && !at_routine && !cs__fnptr_type(rl_c_type(cx, rl_strip(cx, av)))) continue;
    RlFact *f = cs__fact(cx, call, RL_FR_ARG, v, fn, param, &field);
    f->fnref.callee = rl_fact_str(cx, callee);
    f->fnref.arg = a;
    f->flags = (at_routine ? RL_CF_ROUTINE : 0) | (loop ? RL_CF_LOOP : 0);
  }
}

/* Node n: a store of a function value into a field, by assignment
 * (`ops.run = worker;`, `w->work = work;` of a parameter) or by a
 * designated initializer (`{ .run = worker }`). */
void cs_fnref_store(Cs *s, RlNode n) {
  RlCtx *cx = s->cx;
  RlNode into = 0, value = 0;
  if (rl_kind(cx, n) == RL_C_BINARY_OPERATOR && cs_op_is(cx, n, "=")) {
    into = rl_strip(cx, rl_first_child(cx, n));
    value = rl_next_sibling(cx, rl_first_child(cx, n));
    if (!into || rl_kind(cx, into) != RL_C_MEMBER_REF_EXPR) return;
  } else if (rl_kind(cx, n) == RL_C_UNEXPOSED_EXPR &&
             rl_kind(cx, rl_parent(cx, n)) == RL_C_INIT_LIST_EXPR) {
    /* a designated initializer: the fields it names, then the value */
    for (RlNode c = rl_first_child(cx, n); c; c = rl_next_sibling(cx, c)) {
      if (rl_kind(cx, c) == RL_C_OTHER && *cs_owner(cx, c)) into = c;
      else value = c;
    }
    if (!into) return;
  } else {
    return;
  }
  RlCObj target;
  if (!value || !cs__field(cx, into, &target)) return;
  const char *fn = NULL;
  int param = -1;
  RlCObj field;
  int v = cs__value(s, value, &fn, &param, &field);
  if (v != 1 && v != 2) return;
  if (v == 2 && !cs__fnptr_type(rl_c_type(cx, rl_strip(cx, value))) &&
      !cs__fnptr_type(rl_c_type(cx, into)))
    return;
  RlFact *f = cs__fact(cx, n, RL_FR_STORE, v, fn, param, &field);
  f->fnref.into = target;
}
