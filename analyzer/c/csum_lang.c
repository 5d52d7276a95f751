/* csum_lang.c - what the C summaries know of C and its libraries: the lock
 * operations (pthread, C11 threads, the runtime library, the project's
 * configured wrappers), atomic, mutex and synchronisation types, and small
 * readers of the flat AST (operators, zero constants, record owners,
 * parameters, the file's static globals). Part of csum.c's module
 * (csum_int.h). */
#include "csum_int.h"

#include <stdlib.h>
#include <string.h>

static const CsOp cs_ops[] = {
    {"pthread_mutex_lock", OP_LOCK, 0, 0, 0, 0, 0},        {"pthread_mutex_trylock", OP_TRY, 0, 0, 0, 0, 0},
    {"pthread_mutex_timedlock", OP_TRY, 0, 0, 0, 0, 0},    {"pthread_mutex_clocklock", OP_TRY, 0, 0, 0, 0, 0},
    {"pthread_mutex_unlock", OP_UNLOCK, 0, 0, 0, 0, 0},    {"pthread_rwlock_rdlock", OP_LOCK, 1, 0, 0, 0, 0},
    {"pthread_rwlock_wrlock", OP_LOCK, 0, 0, 0, 0, 0},     {"pthread_rwlock_tryrdlock", OP_TRY, 1, 0, 0, 0, 0},
    {"pthread_rwlock_trywrlock", OP_TRY, 0, 0, 0, 0, 0},   {"pthread_rwlock_timedrdlock", OP_TRY, 1, 0, 0, 0, 0},
    {"pthread_rwlock_timedwrlock", OP_TRY, 0, 0, 0, 0, 0}, {"pthread_rwlock_unlock", OP_UNLOCK, 0, 0, 0, 0, 0},
    {"pthread_spin_lock", OP_LOCK, 0, 0, 0, 0, 0},         {"pthread_spin_trylock", OP_TRY, 0, 0, 0, 0, 0},
    {"pthread_spin_unlock", OP_UNLOCK, 0, 0, 0, 0, 0},     {"mtx_lock", OP_LOCK, 0, 0, 0, 0, 0},
    {"mtx_trylock", OP_TRY, 0, 0, 0, 0, 0},                {"mtx_timedlock", OP_TRY, 0, 0, 0, 0, 0},
    {"mtx_unlock", OP_UNLOCK, 0, 0, 0, 0, 0},              {"pthread_cond_wait", OP_WAIT, 0, 1, 0, 0, 0},
    {"pthread_cond_timedwait", OP_WAIT, 0, 1, 0, 0, 0},    {"cnd_wait", OP_WAIT, 0, 1, 0, 0, 0},
    {"cnd_timedwait", OP_WAIT, 0, 1, 0, 0, 0},
    /* the runtime library (runtime/c): the fixes the hints recommend */
    {"rl_rt_lock_pair", OP_LOCK, 0, 0, 1, 0, 0},        {"rl_rt_unlock_pair", OP_UNLOCK, 0, 0, 1, 0, 0},
    {"rl_rt_trylock_pair", OP_TRY, 0, 0, 1, 0, 0},      {"rl_rt_mutex_lock", OP_LOCK, 0, 0, 0, 0, 0},
    {"rl_rt_mutex_trylock", OP_TRY, 0, 0, 0, 0, 0},     {"rl_rt_mutex_unlock", OP_UNLOCK, 0, 0, 0, 0, 0},
    {"rl_rt_mutex_lock_pair", OP_LOCK, 0, 0, 1, 0, 0},  {"rl_rt_mutex_unlock_pair", OP_UNLOCK, 0, 0, 1, 0, 0},
    /* GLib, known by name also when glib.h was not found (the call's
     * declaration is then implicit): its trylocks return TRUE on success */
    {"g_mutex_lock", OP_LOCK, 0, 0, 0, 0, 0},
    {"g_mutex_trylock", OP_TRY, 0, 0, 0, 1, 0},
    {"g_mutex_unlock", OP_UNLOCK, 0, 0, 0, 0, 0},
    {"g_rec_mutex_lock", OP_LOCK, 0, 0, 0, 0, 1},
    {"g_rec_mutex_trylock", OP_TRY, 0, 0, 0, 1, 1},
    {"g_rec_mutex_unlock", OP_UNLOCK, 0, 0, 0, 0, 1},
    {"g_rw_lock_writer_lock", OP_LOCK, 0, 0, 0, 0, 0},
    {"g_rw_lock_writer_trylock", OP_TRY, 0, 0, 0, 1, 0},
    {"g_rw_lock_writer_unlock", OP_UNLOCK, 0, 0, 0, 0, 0},
    {"g_rw_lock_reader_lock", OP_LOCK, 1, 0, 0, 0, 0},
    {"g_rw_lock_reader_trylock", OP_TRY, 1, 0, 0, 1, 0},
    {"g_rw_lock_reader_unlock", OP_UNLOCK, 1, 0, 0, 0, 0},
    {"g_cond_wait", OP_WAIT, 0, 1, 0, 0, 0},
    {"g_cond_wait_until", OP_WAIT, 0, 1, 0, 0, 0},
};
static const CsOp *cs__op(const char *name) {
  if (!name[0] || (name[0] != 'p' && name[0] != 'm' && name[0] != 'c' && name[0] != 'r' &&
                   name[0] != 'g'))
    return NULL;
  for (size_t i = 0; i < RL_COUNTOF(cs_ops); i++)
    if (strcmp(cs_ops[i].name, name) == 0) return &cs_ops[i];
  return NULL;
}
/* A lock operation of the C library or one the project declared in its
 * config (c.lockFunctions / c.unlockFunctions). */
const CsOp *cs_opx(Cs *s, const char *name) {
  CsOp *tmp = &s->opbuf;
  const CsOp *op = cs__op(name);
  if (op || !*name) return op;
  uint32_t arg = 0;
  if (rl_c_wrapper(s->cx, RL_WRAP_LOCK, name, &arg)) {
    *tmp = (CsOp){name, OP_LOCK, 0, (uint8_t)arg, 0, 0, 0};
    return tmp;
  }
  if (rl_c_wrapper(s->cx, RL_WRAP_UNLOCK, name, &arg)) {
    *tmp = (CsOp){name, OP_UNLOCK, 0, (uint8_t)arg, 0, 0, 0};
    return tmp;
  }
  return NULL;
}
static bool cs__prefix(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && memcmp(s, p, k) == 0;
}
bool cs_atomic_name(const char *s, size_t n) {
  return cs__prefix(s, n, "atomic_") || cs__prefix(s, n, "__atomic") ||
                    cs__prefix(s, n, "__c11_atomic") || cs__prefix(s, n, "__sync_") ||
                               cs__prefix(s, n, "InterlockedIncrement");
                                          }
bool cs_atomic_type(const char *t) {
  return strstr(t, "_Atomic") || strncmp(t, "atomic_", 7) == 0 ||
         strstr(t, " atomic_") || strstr(t, "sig_atomic_t");
}
bool cs_sync_type(const char *t) {
  return cs_mutex_type(t) || strstr(t, "pthread_mutex_t") || strstr(t, "pthread_rwlock_t") ||
                       strstr(t, "pthread_spinlock_t") || strstr(t, "pthread_cond_t") ||
         strstr(t, "pthread_once_t") || strstr(t, "mtx_t") || strstr(t, "cnd_t") ||
         strstr(t, "once_flag") || strstr(t, "pthread_barrier_t") || strstr(t, "sem_t");
}
/* A mutex type, also behind a project typedef (uv_mutex_t, spinlock_t,
 * struct lock *): the name says so. */
bool cs_mutex_type(const char *t) {
  if (strstr(t, "pthread_mutex_t") || strstr(t, "pthread_rwlock_t") ||
      strstr(t, "pthread_spinlock_t") || strstr(t, "mtx_t"))
    return true;
  if (strstr(t, "pthread_cond") || strstr(t, "cnd_t") || strstr(t, "pthread_once") ||
      strstr(t, "_attr"))
    return false;
  return strstr(t, "mutex") || strstr(t, "Mutex") || strstr(t, "MUTEX") || strstr(t, "lock") ||
         strstr(t, "Lock") || strstr(t, "LOCK") || strstr(t, "CRITICAL_SECTION");
}
const RlNodeExt *cs_ext(const RlCtx *cx, RlNode n) {
  uint32_t e = n < cx->tree.n ? cx->tree.nodes[n].ext : 0;
  return e ? &cx->tree.ext[e] : NULL;
}
const char *cs_owner(const RlCtx *cx, RlNode n) {
  const RlNodeExt *e = cs_ext(cx, n);
  return e && e->owner ? e->owner : "";
}
/* The operator of a C unary/binary node among those the summaries need,
 * or "" (a cheaper rl_op: no table of every JS operator). */
const char *cs_opstr(const RlCtx *cx, RlNode n) {
  static const char *const ops[] = {"=",  "&",  "!",  "++", "--", "&&", "||",
                                    "==", "!=", "<",  ">",  "<=", ">=", ","};
  if (!n || n >= cx->tree.n) return "";
  const RlNodeRec *r = &cx->tree.nodes[n];
  if (!r->first_child) return "";
  const RlNodeRec *a = &cx->tree.nodes[r->first_child];
  uint32_t b0, e0;
  if (r->kind == RL_C_UNARY_OPERATOR) {
    if (a->start_byte > r->start_byte) b0 = r->start_byte, e0 = a->start_byte;
    else if (r->end_byte > a->end_byte) b0 = a->end_byte, e0 = r->end_byte;
    else return "";
  } else {
    if (!a->next_sibling) return "";
    const RlNodeRec *b = &cx->tree.nodes[a->next_sibling];
    if (b->start_byte < a->end_byte) return "";
    b0 = a->end_byte, e0 = b->start_byte;
  }
  if (e0 > cx->len) return "";
  const char *src = cx->src;
  while (b0 < e0 && (src[b0] == ' ' || src[b0] == '\t' || src[b0] == '\n' || src[b0] == '\r')) b0++;
  while (e0 > b0 && (src[e0 - 1] == ' ' || src[e0 - 1] == '\t' || src[e0 - 1] == '\n' ||
                     src[e0 - 1] == '\r'))
    e0--;
  size_t len = e0 - b0;
  if (!len || len > 2) return "";
  for (size_t i = 0; i < RL_COUNTOF(ops); i++)
    if (strlen(ops[i]) == len && memcmp(ops[i], src + b0, len) == 0) return ops[i];
  return "";
}
bool cs_op_is(const RlCtx *cx, RlNode n, const char *op) {
  return strcmp(cs_opstr(cx, n), op) == 0;
}
bool cs_is_assign(const RlCtx *cx, RlNode n) {
  RlKind k = rl_kind(cx, n);
  if (k == RL_C_COMPOUND_ASSIGN_OPERATOR) return true;
  if (k == RL_C_BINARY_OPERATOR) return cs_op_is(cx, n, "=");
  if (k == RL_C_UNARY_OPERATOR) {
    const char *op = cs_opstr(cx, n);
    return strcmp(op, "++") == 0 || strcmp(op, "--") == 0;
  }
  return false;
}
static bool cs__zero_text(const char *t, size_t len) {
  while (len && (*t == '(' || *t == ' ')) t++, len--;
  while (len && (t[len - 1] == ')' || t[len - 1] == ' ')) len--;
  return (len == 1 && t[0] == '0') || (len == 4 && memcmp(t, "NULL", 4) == 0) ||
         (len == 12 && memcmp(t, "thrd_success", 12) == 0) ||
         (len == 7 && memcmp(t, "nullptr", 7) == 0) ||
         (len == 9 && memcmp(t, "(void *)0", 9) == 0);
}
bool cs_is_zero(const RlCtx *cx, RlNode n) {
  if (!n) return false;
  size_t len;
  const char *t = rl_text(cx, n, &len);
  if (cs__zero_text(t, len)) return true;
  n = rl_strip(cx, n);
  if (rl_kind(cx, n) != RL_C_INTEGER_LITERAL) return false;
  t = rl_text(cx, n, &len);
  return cs__zero_text(t, len);
                       }
int cs_param_index(const Cs *s, const char *name) {
  for (uint32_t i = 0; i < s->nparams; i++)
    if (strcmp(s->params[i], name) == 0) return (int)i;
  return -1;
}
int cs_cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}
/* Is `name` a static (file-local) global of this file? Those get the
 * file's path in their names ("count@@src/a.c"), so two files' statics of
 * one name stay apart. */
bool cs_is_static(const Cs *s, const char *name) {
  uint64_t h = rl_hash_str(RL_FNV_INIT, name);
  uint32_t lo = 0, hi = s->nstatics;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (s->statics[mid] == h) return true;
    if (s->statics[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return false;
}
