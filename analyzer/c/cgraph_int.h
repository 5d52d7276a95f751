/* cgraph_int.h - the internals the parts of the C call graph share
 * (cgraph.c and cgraph_values.c; not for other modules): the graph
 * (struct RlCGraph), its functions (CgFunc), the store table of function
 * values (CgStore), and the functions one part calls in the other
 * (cg_<verb>: the module's internal prefix; each is documented where it is
 * defined). The graph owns everything here; strings point into the
 * project's facts. */
#ifndef RL_ANALYZER_CGRAPH_INT_H_
#define RL_ANALYZER_CGRAPH_INT_H_

#include <stdbool.h>
#include <stdint.h>

#include "rule_api.h"
#include "util.h"

typedef struct CgFunc {
  const char *name;
  uint32_t file, first, end; /* facts [first, end) of its file */
  uint64_t threads;          /* bit t: reached from thread routine t */
  uint32_t spawnp, spawnp_loop; /* bit p: parameter p becomes a thread routine
                                   (from a call in a loop) */
  RlCHeld *entry;            /* held set at every call site; NULL = not called yet
                                (or nothing held) */
  uint32_t nentry;
  bool entry_top;
  uint32_t pguard;           /* bit p: some guard (of a call, an access) tests parameter p */
  bool guarded;              /* some access or lazy initialisation has guards */
  uint64_t *deny;            /* per fact: threads that reach the function, but in no
                                context its guards allow; NULL = none */
  int32_t *callee;           /* per fact: the function a call resolves to, or -1 */
  const RlCObj *wacq, *wrel; /* an argument-less wrapper: the global lock it
                                takes / releases (RL_FACT_C_WRAPPER), or NULL */
  bool noret;                /* never returns (rl_cgraph_noreturn) */
} CgFunc;

/* A function stored into a field (the store table), or a parameter a
 * function stores into one (pstore). */
typedef struct CgStore {
  const char *owner, *name; /* the field */
  int32_t fn;
  uint32_t param;
} CgStore;

#define CG_MAXFIELD 16  /* functions one field may hold and still be followed */
#define CG_MAXSTORE 8192 /* store table entries, pstore entries */

struct RlCGraph {
  const RlProject *px;
  CgFunc *f;
  uint32_t n;
  uint32_t *by_name; /* indexes sorted by name */
  RL_VEC(CgStore) store;  /* sorted by field, then function */
  RL_VEC(CgStore) pstore; /* fn stores its parameter param into the field */
  RlFact made[64];        /* spawn records of threads started through starters */
  uint32_t nmade;
  const RlFact *spawn[64];
  int32_t routine[64]; /* the routine's function */
  bool multi[64];
  uint32_t nthreads;
};

/* Section - cgraph_values.c: function values (starters, stored functions) */
void cg_threads(RlCGraph *g);
uint32_t cg_stored(const RlCGraph *g, const RlCObj *o, uint32_t *lo);

#endif
