/* csum_int.h - the internals the parts of the C summaries module share
 * (csum.c and csum_*.c; not for other modules): limits, the walk's state
 * (Cs, path-state sets, locks, events, guards), and the functions one part
 * calls in another, grouped by the file that defines them (cs_<verb>:
 * the module's internal prefix; each is documented where it is defined).
 * Everything here lives for one file's phase 1: strings point into its
 * tree or arenas. */
#ifndef RL_ANALYZER_CSUM_INT_H_
#define RL_ANALYZER_CSUM_INT_H_

#include "csum.h"

#include <stdint.h>

#define CS_MAXL 64 /* lock instances per function (a bit each) */
#define CS_MAXS 16 /* path states per set */
#define CS_MAXT 4  /* branch conditions remembered per state */
#define CS_MAXDEPTH 64
#define CS_MAXP 16 /* parameters */
#define CS_MAXLABELS 16
#define CS_MAXEXITS 64
#define CS_MAXG 64 /* guard conditions per function (a bit each) */

typedef struct CsState {
  uint64_t held, rel;
  uint64_t tagk[CS_MAXT];
  uint32_t tagr[CS_MAXT]; /* hash of the variable the condition reads */
  RlNode tagn[CS_MAXT];   /* the condition tested (a flag's constant: none) */
  uint8_t tagv, ntag;
  uint64_t geq, gne; /* bit i: guard i's global == / != its constant here */
  uint8_t nr;        /* bit k: every path here called candidate k (Cs.nrname),
                        a function of another file that may never return */
} CsState;

typedef struct CsSet {
  uint32_t n;
  CsState s[CS_MAXS];
} CsSet;

typedef struct CsLock {
  uint64_t key, basekey;
  RlCObj cls;
  const char *text;
  RlNode at; /* latest acquisition (or first use) */
  RlNode x;  /* the lock object as first written (`locks[i]`, `q->mu`), or none */
  int8_t param;   /* parameter the lock hangs off, -1 if none */
  bool paramlock; /* the parameter is the mutex pointer itself */
  bool local, read, acquired;
  bool rec; /* a recursive mutex (g_rec_mutex_*): no double lock */
  bool own_rel; /* released on a path where this function had acquired it */
  /* guard bits g (parameter guards): acquired, or not released at an
   * exit, on a path where guard g may hold as == (eq) or != (ne): no
   * hand-over effect under that guard (issue 16) */
  uint64_t acq_eq, acq_ne, keep_eq, keep_ne;
  uint32_t mention[4]; /* variables its expression reads (`locks[i]`: i) */
  uint8_t nmention;
} CsLock;

typedef struct CsLabel {
  uint64_t name;
  bool seen;
  CsSet pending;
} CsLabel;

typedef struct CsExit {
  RlNode at;
  uint64_t held_any, held_all, rel_any, rel_all;
  uint8_t nr; /* the candidates every path holding a lock here called */
} CsExit;

/* A lock effect of a wrapper function, applied at its call sites. */
typedef struct CsEffect {
  bool acquire, paramlock, read;
  int8_t param;
  RlCObj cls;
  /* the instance's base object in the wrapper (fn), spelled with its
   * parameters and globals only (`locks[i]`, `q->stats`): rebuilt from the
   * call's arguments at each call site; none: the class alone */
  RlNode fn, keyx;
  /* ghow RL_CQ_EQ / RL_CQ_NE: a release only when argument gparam is a
   * constant that makes `$gparam == gspell` hold / not hold (hand-over:
   * `if (!handover) lock(m); ... unlock(m);`); not a wrapper fact */
  int8_t gparam;
  uint8_t ghow;
  const char *gspell, *gvalue;
  /* the wrapper's other returns report a failure (`return -1;`) with the
   * lock untouched: the effect holds where the call's value is ignored */
  bool may_fail;
} CsEffect;

typedef struct CsFunc {
  uint64_t name;
  uint8_t neff;
  bool touches; /* acquires or releases some lock */
  CsEffect eff[4];
} CsFunc;

enum { OP_NONE, OP_LOCK, OP_TRY, OP_UNLOCK, OP_WAIT };

typedef struct CsOp {
  const char *name;
  uint8_t op, read, arg;
  uint8_t pair; /* locks arguments arg and arg + 1, in an order of its own */
  uint8_t ok_true; /* a trylock that returns true on success (GLib) */
  uint8_t rec;     /* a recursive mutex: locking it again is no deadlock */
} CsOp;

/* Events recorded by the second walk, emitted as facts in node order. */
enum { EV_CALL = 1, EV_LOCK, EV_UNLOCK, EV_ACCESS, EV_DOUBLE, EV_UNHELD, EV_PAIR, EV_LAZY };

typedef struct CsEvent {
  RlNode at;
  uint8_t type;
  uint8_t flags;
  uint16_t lock, other; /* lock index; EV_PAIR: the first lock */
  uint64_t mask;        /* locks held on every visit (AND) */
  uint32_t next;        /* next event at the same node, index + 1 */
  RlNode prev;          /* EV_DOUBLE: where the lock was taken before */
  const char *a, *c;    /* EV_ACCESS: constant stored (a, or NULL), text (c);
                           EV_LAZY: variable, text */
  RlCObj var;           /* EV_ACCESS: the variable, and the path below it */
  RlCStep *path;
  uint32_t npath;
  uint64_t geq, gne;    /* EV_CALL, EV_ACCESS, EV_LAZY, EV_LOCK, EV_UNLOCK: guards
                           that hold on every visit (AND) */
  uint8_t nr;           /* EV_DOUBLE, EV_UNHELD: the noreturn candidates every
                           offending path called (AND) */
} CsEvent;

/* A guard condition: global `var` (or parameter `param`) compared with a
 * constant. */
typedef struct CsGuard {
  uint32_t root; /* hash of the variable's name, as CsState.tagr */
  RlCObj var;    /* a global, or a parameter (RL_CO_PARAM) */
  const char *spell, *value;
  int param; /* the parameter's index, -1 for a global */
} CsGuard;

typedef struct Cs {
  RlCtx *cx;
  RlNode fn, body;
  const char *fname;
  bool emit, bail, recursive_ok;
  bool lockish; /* the function calls a lock operation or wrapper */
  bool tagging; /* remember branch conditions (only around lock calls) */
  uint32_t depth;
  const char *params[CS_MAXP];
  uint32_t nparams;
  uint32_t pchanged; /* bit p: parameter p is assigned or its address taken */
  uint64_t pairs[2];
  CsLock locks[CS_MAXL];
  uint32_t nlocks;
  uint64_t suppressed;
  uint64_t nobalance; /* locks with no lock-balance finding, still tracked */
  uint64_t uncertain; /* locks whose state became unknown on some path so far */
  uint64_t stepped;   /* locks[i] whose i the loop being walked moved on (cs_next_element) */
  /* calls of other files' functions taken for lock wrappers by their name
   * (lock-balance keeps a finding on such a lock only if phase 2 confirms) */
  uint64_t assumed;
  struct {
    const char *callee;
    uint32_t arg, lock;
    bool acquire;
  } assume[8];
  uint32_t nassume;
  CsExit exits[CS_MAXEXITS];
  uint32_t nexits;
  bool exits_overflow;
  CsLabel *labels;
  uint32_t nlabels;
  CsSet *brk, *cont, *sw_entry;
  bool *sw_default;
  /* blocking lock results kept in a variable: `rc = pthread_mutex_lock(&m)`,
   * until the variable is assigned again */
  uint64_t tryvar[8];
  RlNode trycall[8];
  uint32_t ntry;
  /* trylock results kept in a variable the function tests later (`ret =
   * TRY_LOCK(&m); if (ret) goto out;`): the call, the variable's name hash
   * (as CsState.tagr), the key of its tested reference and that reference;
   * the path states split at the call by the variable's truth (csum_paths.c) */
  RlNode tlcall[8];
  uint32_t tlroot[8];
  uint64_t tlkey[8];
  RlNode tlref[8];
  uint32_t ntl;
  RlNode deferred[8];
  uint32_t ndeferred;
  /* local pointer aliases of parameters: `struct ctx *c = arg;` */
  uint64_t alias[8];
  int8_t alias_param[8];
  uint32_t nalias;
  CsOp opbuf;
  uint64_t *statics; /* name hashes of the file's static globals, sorted */
  uint32_t nstatics;
  RL_VEC(CsEvent) ev;
  uint32_t *evslot; /* per node: first event there, index + 1 */
  /* the file's functions (wrapper effects), sorted by name hash */
  CsFunc *funcs;
  uint32_t nfuncs;
  CsFunc *self;
  CsGuard guards[CS_MAXG];
  uint32_t nguards;
  /* flag variables: locals tested where the function locks or unlocks,
   * whose constant values the path states carry as branch conditions
   * (csum_paths.c): name hash, the key of the tested expression */
  uint32_t flagr[8];
  uint64_t flagk[8];
  uint32_t nflag;
  /* the file's functions that never return (csum_calls.c), name hashes,
   * sorted; found on first use */
  uint64_t *noret;
  uint32_t nnoret;
  bool noret_done;
  bool gbail; /* guards untrustworthy (a loop not settled, a backward goto) */
  bool incomplete; /* the file was parsed incompletely (statements may be dropped) */
  /* calls of other files' functions whose value is unused: they may never
   * return (nni_panic two files away); phase 2 decides (RL_CF_RETURNS) */
  const char *nrname[8];
  uint32_t nnr;
} Cs;

static inline uint32_t cs_h32(const char *s) { return (uint32_t)rl_hash_str(RL_FNV_INIT, s); }

static inline uint64_t cs_bit(uint32_t i) { return UINT64_C(1) << i; }

/* Section - csum_lang.c: C and its libraries, node readers */
const CsOp *cs_opx(Cs *s, const char *name);
bool cs_atomic_name(const char *s, size_t n);
bool cs_atomic_type(const char *t);
bool cs_sync_type(const char *t);
bool cs_mutex_type(const char *t);
const RlNodeExt *cs_ext(const RlCtx *cx, RlNode n);
const char *cs_owner(const RlCtx *cx, RlNode n);
const char *cs_opstr(const RlCtx *cx, RlNode n);
bool cs_op_is(const RlCtx *cx, RlNode n, const char *op);
bool cs_is_assign(const RlCtx *cx, RlNode n);
bool cs_is_zero(const RlCtx *cx, RlNode n);
int cs_param_index(const Cs *s, const char *name);
int cs_cmp_u64(const void *a, const void *b);
bool cs_is_static(const Cs *s, const char *name);

/* Section - csum_lockset.c: path states, lock identity, lock operations, wrappers */
void cs_set_add(CsSet *d, const CsState *st);
void cs_set_union(CsSet *d, const CsSet *src);
bool cs_set_eq(const CsSet *a, const CsSet *b);
uint64_t cs_must(const CsSet *set);
void cs_forget(Cs *s, CsSet *set, uint32_t l);
void cs_drop_tags(const Cs *s, CsSet *set, uint32_t root);
void cs_drop_tag_if(CsState *st, bool (*drop)(const Cs *, RlNode, const void *), const Cs *s,
                    const void *ud);
CsEvent *cs_event(Cs *s, RlNode at, uint8_t type, uint64_t mask);
uint32_t cs_lock_add(Cs *s, uint64_t key, const RlCObj *cls, RlNode x, RlNode at,
                     int8_t param, bool paramlock, bool local, uint64_t basekey);
uint64_t cs_inst(const RlCObj *cls, uint64_t basekey);
uint32_t cs_lock_of(Cs *s, RlNode arg, RlNode at, bool typed);
void cs_acquire(Cs *s, RlNode at, uint32_t l, bool read, CsSet *set);
void cs_release(Cs *s, RlNode at, uint32_t l, CsSet *set);
void cs_lock_event(Cs *s, RlNode at, uint32_t l, bool unlock, bool try_,
                   const CsSet *set);
CsFunc *cs_func(const Cs *s, const char *name);
bool cs_lockish(Cs *s, RlNode from, RlNode end);
int cs_cmp_func(const void *a, const void *b);
uint32_t cs_wrapper_lock(Cs *s, const CsEffect *e, RlNode call);
bool cs_next_element(Cs *s, RlNode assign, uint32_t l, const CsSet *set);
void cs_loop_exit(Cs *s, CsSet *cur);
void cs_effects(Cs *s, CsFunc *f);

/* Section - csum_paths.c: the path walk */
bool cs_deferred(const Cs *s, RlNode call);
bool cs_tested(Cs *s, RlNode n);
void cs_run(Cs *s);

/* Section - csum_cond.c: lock results kept in variables, remembered conditions */
void cs_untrack(Cs *s, uint64_t h);
void cs_track_try(Cs *s, const char *var, RlNode rhs);
bool cs_try_split(Cs *s, RlNode call, const CsOp *op, CsSet *set);
bool cs_try_const(Cs *s, RlNode e, uint64_t *key);
void cs_try_const_split(const CsSet *in, uint64_t key, CsSet *eq, CsSet *ne);
void cs_cond_assigned(Cs *s, RlNode e, RlNode lc, CsSet *t, CsSet *f);
bool cs_pure_call(Cs *s, RlNode call);
bool cs_taggable(Cs *s, RlNode e, uint32_t *root);
bool cs_worth_tag(Cs *s, RlNode e);

/* Section - csum_calls.c: calls and parameters */
void cs_call(Cs *s, RlNode call, CsSet *set);
bool cs_noreturn_fn(Cs *s, const char *name);
bool cs_guessed_lock_call(Cs *s, RlNode call);
void cs_params(Cs *s);
void cs_emit_call(Cs *s, RlNode i, uint64_t call_mask, uint64_t call_geq,
                  uint64_t call_gne);
bool cs_in_loop(RlCtx *cx, RlNode n, RlNode fn);

/* Section - csum_fnref.c: function values (RL_FACT_C_FNREF) */
int cs_thread_api(const Cs *s, const char *callee, uint32_t *arg);
void cs_fnref_call(Cs *s, RlNode call);
void cs_fnref_store(Cs *s, RlNode n);

/* Section - csum_access.c: accesses and guards */
CsEvent *cs_gevent(Cs *s, RlNode at, uint8_t type, uint64_t mask, const CsSet *set);
bool cs_const(Cs *s, RlNode x, const char **spell, const char **value);
const char *cs_pflag(Cs *s, RlNode x, int *param);
void cs_guard_split(Cs *s, RlNode e, CsSet *t, CsSet *f);
void cs_access(Cs *s, RlNode ref, const CsSet *set);
void cs_change(Cs *s, RlNode ref, bool walked);
void cs_emit_guards(Cs *s, RlNode at, uint64_t geq, uint64_t gne);
void cs_emit_guards_of(Cs *s, RlNode at, uint64_t geq, uint64_t gne, bool params_only);
bool cs_fork_child(Cs *s, RlNode n);
bool cs_const_expr(const RlCtx *cx, RlNode x);

/* Section - csum_init.c: initialisation idioms */
void cs_lazy(Cs *s, RlNode ifn, const CsSet *cur);
void cs_globals(RlCtx *cx);

/* Section - csum.c: facts */
RlCObj cs_obj(RlCtx *cx, const RlCObj *o);
const RlCHeld *cs_held(Cs *s, uint64_t mask, RlNode at, uint32_t *n);

#endif
