/* rule_api.h - everything a rule may use, and nothing else.
 *
 * A rule is one const RlRule: metadata plus callbacks. The engine parses a
 * file into a flat, preorder node array (the same shape for JS/TS from
 * tree-sitter and C from libclang), calls begin_file, then check() for every
 * node whose kind the rule listed, then end_file. That is phase 1; it runs on
 * worker threads, one file per thread at a time, so callbacks keep state only
 * in what begin_file returned (allocated with rl_alloc from the file arena).
 *
 * Facts recorded with rl_fact_add() outlive the syntax tree. After every file
 * is done, phase 2 calls each rule's project() once, on one thread, with the
 * facts of all files: cross-file checks live there.
 *
 * Rules never decorate their own output: the engine adds id, severity, doc
 * link, fingerprint, and applies suppressions. See docs/ARCHITECTURE.md. */
#ifndef RL_ANALYZER_RULE_API_H_
#define RL_ANALYZER_RULE_API_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#ifndef RL_COUNTOF
#define RL_COUNTOF(a) (sizeof(a) / sizeof((a)[0]))
#endif
#ifndef RL_PRINTF
#define RL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#endif

/* Section - languages */
typedef enum RlLang {
  RL_LANG_NONE = 0,
  RL_LANG_JS = 1,  /* .js .mjs .cjs .jsx */
  RL_LANG_TS = 2,  /* .ts .mts .cts */
  RL_LANG_TSX = 4, /* .tsx */
  RL_LANG_C = 8,   /* .c .h */
} RlLang;
#define RL_LANG_JSTS (RL_LANG_JS | RL_LANG_TS | RL_LANG_TSX)

/* Section - node kinds and fields (see kinds.def) */
typedef enum RlKind {
  RL_K_NONE = 0,
#define RL_JS_KIND(e, s) RL_JS_##e,
#define RL_C_KIND(e) RL_C_##e,
#include "kinds.def"
#undef RL_JS_KIND
#undef RL_C_KIND
  RL_K_COUNT
} RlKind;

typedef enum RlField {
  RL_F_NONE = 0,
#define RL_FIELD(e, s) RL_F_##e,
#include "kinds.def"
#undef RL_FIELD
  RL_F_COUNT
} RlField;

/* What a C name refers to (rl_c_ref). */
typedef enum RlRefKind {
  RL_REF_NONE = 0,
  RL_REF_GLOBAL,       /* file-scope variable (extern or static) */
  RL_REF_STATIC_LOCAL, /* function-scope static */
  RL_REF_LOCAL,
  RL_REF_PARAM,
  RL_REF_FUNCTION,
  RL_REF_FIELD,
  RL_REF_ENUM,
  RL_REF_OTHER,
} RlRefKind;

/* A node of the current file; 0 is "no node". Valid during phase 1 only. */
typedef uint32_t RlNode;
#define RL_NONE ((RlNode)0)

typedef struct RlCtx RlCtx;         /* per file, phase 1 */
typedef struct RlProject RlProject; /* all files, phase 2 */
typedef struct RlReport RlReport;   /* a finding being built */

/* Section - facts: what phase 1 leaves for phase 2.
 * Standard kinds are recorded by the engine for every file; rules may add
 * their own kinds from RL_FACT_RULE upward (the `rule` field tells whose).
 * Each standard kind is a typed record, a member of RlFact's union named
 * after the kind (RL_FACT_FUNC: `fn`, RL_FACT_C_LOCK: `lock`...); a rule's
 * own kinds use the plain strings a, b, c. */
typedef enum RlFactKind {
  RL_FACT_NONE = 0,
  RL_FACT_FUNC,   /* a function or method definition: `fn`; flags RL_FF_* */
  RL_FACT_IMPORT, /* JS import binding: `import` */
  RL_FACT_EXPORT, /* JS export of a local binding: `export` */
  RL_FACT_CALL,   /* a C call: `call` (func = caller) */
  RL_FACT_SPAWN,  /* C thread start: `spawn` */
  RL_FACT_JS_TYPE = 40, /* JS/TS declared type: `jstype` (analyzer/js_types.c) */
  RL_FACT_RULE = 100,
} RlFactKind;

#define RL_FF_ASYNC 0x1u    /* JS: declared async */
#define RL_FF_EXPORTED 0x2u /* JS: exported; C: external linkage */
#define RL_FF_METHOD 0x4u   /* JS: class method */
#define RL_FF_STATIC 0x8u   /* JS: static method; C: static function */
#define RL_FF_NORETURN 0x10u /* C: never returns (noreturn attribute or keyword, or
                                every path ends in such a call of its file) */

/* What a C name in a summary denotes: the object a lock, an access, a
 * guard or a global is about. Two objects are the same when every field
 * is (rl_c_obj_eq). */
typedef enum RlCObjKind {
  RL_CO_NONE = 0,
  RL_CO_GLOBAL,       /* file-scope variable `name`; file_local for a static */
  RL_CO_STATIC_LOCAL, /* function-scope static `name` of function `owner` */
  RL_CO_LOCAL,        /* local variable `name` of function `owner` */
  RL_CO_FIELD,        /* field `name` of record type `owner` ("struct queue") */
  RL_CO_PARAM,        /* parameter `param` (named `name` in guards) */
} RlCObjKind;

typedef struct RlCObj {
  const char *name;
  const char *owner; /* RL_CO_STATIC_LOCAL, RL_CO_LOCAL: function; RL_CO_FIELD: type */
  uint32_t file;     /* file_local: the project file it is private to (phase 2) */
  uint8_t kind;      /* RlCObjKind */
  uint8_t param;     /* RL_CO_PARAM: the parameter's index */
  uint8_t nelem;     /* lock classes: an element of an array (of arrays...) of it */
  uint8_t file_local : 1; /* a static global, or a static local */
  uint8_t deref : 1;      /* lock classes: the mutex reached through a pointer to it */
} RlCObj;

/* One entry of a held set: its lock class, the line it was taken at, and
 * whether it is a read lock. */
typedef struct RlCHeld {
  RlCObj cls;
  uint32_t line;
  bool read;
  bool fresh; /* an object the function just allocated (RL_CF_FRESH) */
} RlCHeld;

/* One step of an access path below its variable: `.f`, `->f` or `[]`. */
typedef enum RlCStepKind { RL_CS_DOT = 1, RL_CS_ARROW, RL_CS_ELEM } RlCStepKind;
typedef struct RlCStep {
  const char *field; /* RL_CS_DOT, RL_CS_ARROW */
  uint8_t how;       /* RlCStepKind */
} RlCStep;

/* RL_FACT_C_BALANCE: what is unbalanced. */
typedef enum RlCBalance { RL_CB_DOUBLE = 1, RL_CB_UNHELD, RL_CB_LEAK } RlCBalance;

/* RL_FACT_IMPORT: what the binding imports. */
typedef enum RlImportKind {
  RL_IMPORT_NAMED = 0, /* `imported` names the export ("default" for a default import) */
  RL_IMPORT_NAMESPACE, /* the whole module (`* as x`, `x = require()`) */
} RlImportKind;

typedef struct RlFact {
  uint16_t kind;
  uint16_t rule;   /* index in the registry of the rule that added it */
  uint32_t flags;
  uint32_t file;   /* index of the file in the project */
  uint32_t aux;    /* free for the rule */
  const char *func; /* enclosing function name, "" at top level */
  RlLoc loc;
  const char *line_text; /* source line of loc (for the finding's snippet) */
  /* Fixes recorded in phase 1 (rl_fact_fix) for a finding phase 2 may
   * raise at this fact (rl_project_fix); NULL/0: none. */
  RlFix *fixes;
  uint32_t nfixes;
  /* The record of `kind`. Strings are never NULL ("" when absent). */
  union {
    struct { /* a rule's own kinds (>= RL_FACT_RULE): the rule's strings */
      const char *a, *b, *c;
    };
    struct { /* RL_FACT_FUNC. JS: name is "Class.method" for methods, bare the
                method's name, cls its class; C: name = bare, nparams */
      const char *name, *bare, *cls;
      uint32_t nparams;
    } fn;
    struct { /* RL_FACT_IMPORT: local binding `local` of module `module` */
      const char *local, *module, *imported;
      uint8_t what; /* RlImportKind */
    } import;
    struct { /* RL_FACT_EXPORT: exported name, the local binding, and the
                module it is re-exported from ("" if none) */
      const char *name, *local, *from;
    } export;
    struct { /* RL_FACT_CALL (C): the locks held there (on every path), the
                lock class of a mutex argument (arg lock_arg - 1; 0: none) */
      const char *callee;
      const RlCHeld *held;
      uint32_t nheld, lock_arg;
      RlCObj lock;
    } call;
    struct { /* RL_FACT_SPAWN: start routine, spawning API, the argument given
                to the routine (its text); flags RL_CF_LOOP / RL_CF_SHARED_ARG */
      const char *routine, *api, *arg;
    } spawn;
    struct { /* RL_FACT_C_LOCK, RL_FACT_C_UNLOCK: class, held before, the
                lock's text; base_param: the parameter it hangs off, -1 */
      RlCObj cls;
      const RlCHeld *held;
      uint32_t nheld;
      int32_t base_param;
      const char *text;
    } lock;
    struct { /* RL_FACT_C_ACCESS: variable var (global, static local or
                parameter), the path below it, held set, text; flags RL_CA_* */
      RlCObj var;
      const RlCStep *path;
      uint32_t npath, nheld;
      const RlCHeld *held;
      const char *text;
      const char *value; /* a plain store of a constant expression: its text */
    } access;
    struct { /* RL_FACT_C_GLOBAL: a file-scope variable; flags RL_CG_* */
      RlCObj var;
      const char *type;
    } global;
    struct { /* RL_FACT_C_WRAPPER: the function returns holding (acquire) or
                having released lock class cls; param: the mutex parameter
                (flag RL_CF_PARAMLOCK) or the one the lock hangs off, -1 */
      RlCObj cls;
      int32_t param;
      bool acquire;
    } wrapper;
    struct { /* RL_FACT_C_BALANCE: lock text and class; nnotes RL_FACT_C_NOTE
                facts follow; flags RL_CB_AT_END, RL_CB_ASSUMED */
      RlCObj cls;
      const char *text;
      uint32_t nnotes;
      uint8_t what; /* RlCBalance */
    } balance;
    struct { /* RL_FACT_C_PAIR: class, first lock, second lock; nnotes notes
                follow */
      RlCObj cls;
      const char *first, *second;
      uint32_t nnotes;
    } pair;
    struct { /* RL_FACT_C_LAZY: if (!var) ... var = ...; flags RL_CL_DCL */
      const char *var, *text;
    } lazy;
    struct { /* RL_FACT_C_NOTE: a related location of the fact before */
      const char *msg;
    } note;
    struct { /* RL_FACT_C_PASS: argument `arg` of the call of callee is the
                caller's pointer parameter `param` */
      const char *callee;
      uint32_t arg, param;
    } pass;
    struct { /* RL_FACT_C_ASSUME: function callee of another file was taken for a
                lock wrapper (acquire) or an unlock wrapper by its name; its
                mutex argument is `arg` */
      const char *callee;
      uint32_t arg;
      bool acquire;
    } assume;
    struct { /* RL_FACT_C_GUARD: variable var (a global flag, or with flag
                RL_CQ_PARAM a parameter the function never assigns) compared
                with the constant spelled `spell`, of value `value` in decimal
                ("" if unknown); flags RL_CQ_EQ / RL_CQ_NE */
      RlCObj var;
      const char *spell, *value;
    } guard;
    struct { /* RL_FACT_C_CHANGE: integer global var may change unseen */
      RlCObj var;
    } change;
    struct { /* RL_FACT_C_ARGK: argument arg of the call of callee is the
                constant spell / value ("" if unknown), or with flag
                RL_CQ_PARAM the caller's parameter `param` (named spell),
                which the caller never assigns */
      const char *callee, *spell, *value;
      uint32_t arg, param;
    } argk;
    struct { /* RL_FACT_C_FNREF (what: RlCFnRef): a function value -- the
                function `fn`, the caller's parameter `param` (>= 0; else -1),
                or what field `field` holds (kind RL_CO_FIELD) -- stored into
                field `into` (STORE), given as argument `arg` of the call of
                `callee` (ARG; flags RL_CF_ROUTINE: the thread start routine
                of a thread-create call, RL_CF_LOOP), or called through
                `field` (CALL). A union's members are one field (name "") */
      RlCObj field, into;
      const char *fn, *callee;
      uint32_t arg;
      int32_t param;
      uint8_t what;
    } fnref;
    struct { /* RL_FACT_JS_TYPE: what (RlJsTypeWhat) the top-level
                declaration says; verdict RlJsVerdict; type: for an unknown
                verdict the written type's name (an alias), for a base its
                name; flags RL_FF_STATIC for a static member */
      const char *owner, *member, *type;
      uint8_t what, verdict;
    } jstype;
  };
} RlFact;

/* Section - the rule descriptor */
struct RlRule;

/* One check of a rule: the callbacks for some languages. A rule found in
 * both languages has one id, one doc and two checks: the inline one in
 * RlRule, and extra ones in `checks` (e.g. rules/c/<id>.c exporting
 * `const RlCheck rl_check_c_<name>`). */
typedef struct RlCheck {
  unsigned langs;      /* RlLang mask this check runs on */
  const RlKind *kinds; /* node kinds check() wants */
  uint32_t nkinds;
  void *(*begin_file)(RlCtx *cx);
  void (*check)(RlCtx *cx, RlNode n, void *state);
  void (*end_file)(RlCtx *cx, void *state);
  void (*project)(RlProject *px, const struct RlRule *rule);
} RlCheck;

typedef struct RlRule {
  const char *id;        /* kebab-case, stable, public */
  const char *title;     /* short human name */
  const char *summary;   /* one sentence: the doc's first sentence */
  unsigned langs;        /* RlLang mask */
  RlSeverity severity;   /* default */
  RlCategory category;
  const char *cwe;       /* e.g. "367", or NULL */
  const char *precision; /* "very-high", "high", "medium", "low" (SARIF) */
  const char *hint;      /* default fix hint, naming the runtime primitive */
  bool off_by_default;
  const RlKind *kinds;   /* node kinds check() wants */
  uint32_t nkinds;
  /* Phase 1. begin_file may return per-file state (rl_alloc); it is passed to
   * check and end_file. All optional. */
  void *(*begin_file)(RlCtx *cx);
  void (*check)(RlCtx *cx, RlNode n, void *state);
  void (*end_file)(RlCtx *cx, void *state);
  /* Phase 2, single-threaded, optional. */
  void (*project)(RlProject *px, const struct RlRule *self);
  /* More checks (other languages), each with its own callbacks. The inline
   * callbacks above run on `langs`; each extra check on its own langs. */
  const RlCheck *const *checks;
  uint32_t nchecks;
  /* In the "racelint:strict" preset only: off unless a config extends it
   * (its doc gives the measured precision that kept it out of the
   * default, "racelint:recommended"). */
  bool strict;
  /* Strict-only for files of these languages (RlLang mask; 0: as `strict`
   * says): a rule whose precision was measured per language (its doc). */
  unsigned strict_langs;
  /* On by default for the shapes the rule's doc measured as earning it
   * only (rl_rule_narrow() is true there, the rule reports those alone);
   * turned on by a config's "rules" or an override, or --enable: every
   * shape of racelint:recommended; racelint:strict: all. Not with
   * `strict`. */
  bool narrow_default;
} RlRule;

/* Section - phase 1: the file */
RlLang rl_lang(const RlCtx *cx);
const char *rl_path(const RlCtx *cx);
/* What kind of code a file is (by its path, or an override's "context"):
 * rules decide what matters where (a sequential read in a test costs
 * nothing; a floating promise there is still a bug). */
typedef enum RlFileContext {
  RL_CTX_LIBRARY = 0, /* library and request code: the default */
  RL_CTX_TEST,        /* *.test.*, *.spec.*, __tests__/, test/, tests/ */
  RL_CTX_SCRIPT,      /* scripts/, bin/, a file starting with #!: one-shot CLIs */
} RlFileContext;
RlFileContext rl_file_context(const RlCtx *cx);
/* Does the file run under the "racelint:strict" preset (rules may report
 * their noisier shapes there)? */
bool rl_file_strict(const RlCtx *cx);
/* The rule whose callback is running. */
const RlRule *rl_rule(const RlCtx *cx);
/* Is the running rule on in this file only for its default shapes
 * (RlRule.narrow_default, not turned on by name, not racelint:strict)? */
bool rl_rule_narrow(const RlCtx *cx);
/* Zeroed memory from the file's arena, valid until the file is done. */
void *rl_alloc(RlCtx *cx, size_t n);
/* Copy of s[0..n) in the file's arena. */
const char *rl_str(RlCtx *cx, const char *s, size_t n);
/* printf into the file's arena. */
const char *rl_fmt(RlCtx *cx, const char *fmt, ...) RL_PRINTF(2, 3);
/* Total number of nodes + 1; nodes are 1..rl_node_count()-1 in preorder, so
 * a node's descendants are exactly the nodes after it up to rl_node_end(). */
uint32_t rl_node_count(const RlCtx *cx);
RlNode rl_root(const RlCtx *cx);

/* Section - phase 1: nodes */
RlKind rl_kind(const RlCtx *cx, RlNode n);
RlNode rl_parent(const RlCtx *cx, RlNode n);
RlNode rl_first_child(const RlCtx *cx, RlNode n);
RlNode rl_next_sibling(const RlCtx *cx, RlNode n);
/* One past the last descendant of n (for preorder range loops). */
RlNode rl_node_end(const RlCtx *cx, RlNode n);
/* The field of n in its parent (RL_F_NONE if it has none). */
RlField rl_field(const RlCtx *cx, RlNode n);
/* First child with the given field, or RL_NONE. */
RlNode rl_child(const RlCtx *cx, RlNode n, RlField f);
/* i-th named child (keywords and operators excluded), or RL_NONE. */
RlNode rl_named_child(const RlCtx *cx, RlNode n, uint32_t i);
uint32_t rl_named_child_count(const RlCtx *cx, RlNode n);
/* Is n a keyword/operator token (unnamed in the grammar)? */
bool rl_is_token(const RlCtx *cx, RlNode n);
/* Does n have an unnamed child token with exactly this text ("async"...)? */
bool rl_has_token(const RlCtx *cx, RlNode n, const char *tok);
/* Source text of n (not NUL-terminated; *len receives its length). */
const char *rl_text(const RlCtx *cx, RlNode n, size_t *len);
bool rl_text_eq(const RlCtx *cx, RlNode n, const char *s);
/* Does the source text of n contain s (ASCII case-insensitive)? */
bool rl_text_contains_ci(const RlCtx *cx, RlNode n, const char *s);
/* Source text of n as a NUL-terminated string in the file arena. */
const char *rl_text_dup(RlCtx *cx, RlNode n);
/* Operator of an assignment/update/unary/binary node ("=", "++", "+="...),
 * or "" when unknown. */
const char *rl_op(const RlCtx *cx, RlNode n);
/* Skips parentheses (and TS `as`/`!`/`satisfies` and C casts/implicit
 * nodes) downward. */
RlNode rl_strip(const RlCtx *cx, RlNode n);
/* A structural hash of an expression: equal for the same expression written
 * with other spacing, comments or parentheses. */
uint64_t rl_expr_key(const RlCtx *cx, RlNode n);
/* rl_expr_key of n with some of its sub-expressions replaced: subst(ud, i)
 * returns the expression to hash in place of node i, or RL_NONE to keep i.
 * Equal to rl_expr_key of the expression n would be with the replacements
 * written in (a wrapper's `locks[i]` with the caller's argument for `i`). */
typedef RlNode (*RlExprSubst)(void *ud, RlNode i);
uint64_t rl_expr_key_subst(const RlCtx *cx, RlNode n, RlExprSubst subst, void *ud);
bool rl_same_expr(const RlCtx *cx, RlNode a, RlNode b);
/* Location of n (line/col 1-based). */
RlLoc rl_loc(const RlCtx *cx, RlNode n);

/* Section - phase 1: C specifics (libclang) */
/* Spelling of a named C node: the referenced name for DeclRefExpr,
 * MemberRefExpr and CallExpr, the declared name for declarations, the
 * literal for StringLiteral. "" when none. */
const char *rl_c_name(const RlCtx *cx, RlNode n);
RlRefKind rl_c_ref(const RlCtx *cx, RlNode n);
/* Type spelling of a declaration or expression ("" when unknown). */
const char *rl_c_type(const RlCtx *cx, RlNode n);
/* For a CallExpr: callee name ("" if indirect), argument count and args. */
const char *rl_c_callee(const RlCtx *cx, RlNode call);
uint32_t rl_c_argc(const RlCtx *cx, RlNode call);
RlNode rl_c_arg(const RlCtx *cx, RlNode call, uint32_t i);
/* Was n written inside a macro expansion? */
bool rl_c_in_macro(const RlCtx *cx, RlNode n);
/* The project's own threading layer, declared in .racelint.json
 * (c.lockFunctions, c.unlockFunctions, c.threadCreateFunctions): is `fn`
 * such a wrapper? *arg receives the index of the lock (or start routine)
 * argument. */
typedef enum RlWrapKind {
  RL_WRAP_LOCK = 0,
  RL_WRAP_UNLOCK,
  RL_WRAP_THREAD_CREATE,
} RlWrapKind;
bool rl_c_wrapper(const RlCtx *cx, RlWrapKind kind, const char *fn, uint32_t *arg);

/* Section - phase 2: C summaries (analyzer/csum.c)
 * Every C function definition leaves, besides RL_FACT_FUNC (fn.nparams),
 * these facts, each a record of RlFact's union (see there). Lock classes
 * are RlCObj: a global, a field by record type and field, a static local,
 * a local, or the mutex pointer that is a parameter (flag
 * RL_CF_PARAMLOCK); deref for a mutex reached through a pointer, nelem for
 * an array element. Held sets are arrays of the locks held on every path
 * there. A thread-local variable's type (rl_c_type) starts with
 * "_Thread_local". */
enum {
  RL_FACT_C_LOCK = 20, /* `lock` */
  RL_FACT_C_UNLOCK,    /* `lock` */
  RL_FACT_C_ACCESS,    /* `access`: "hits", "stats.n", "$0->count" */
  RL_FACT_C_GLOBAL,    /* `global` */
  RL_FACT_C_WRAPPER,   /* `wrapper` */
  RL_FACT_C_BALANCE,   /* `balance`: a double lock, an unlock of what is not
                          held, a leak */
  RL_FACT_C_PAIR,      /* `pair`: two parameters of one type locked in argument
                          order */
  RL_FACT_C_LAZY,      /* `lazy`: flags RL_CL_DCL when the check is outside a
                          lock taken inside */
  RL_FACT_C_NOTE,      /* `note` */
  RL_FACT_C_PASS,      /* `pass`: a call passes the caller's pointer parameter on */
  RL_FACT_C_ASSUME,    /* `assume`: after a RL_FACT_C_BALANCE flagged
                          RL_CB_ASSUMED (and its notes); keep the finding only if
                          the callee is such a wrapper */
  RL_FACT_C_GUARD,     /* `guard`: right after a RL_FACT_CALL, RL_FACT_C_ACCESS or
                          RL_FACT_C_LAZY (one per condition): it runs only when
                          the guard holds; after a RL_FACT_C_LOCK or
                          RL_FACT_C_UNLOCK, its parameter guards only */
  RL_FACT_C_CHANGE,    /* `change`: its address is taken, or the path walk did
                          not reach this write */
  RL_FACT_C_ARGK,      /* `argk`: after a RL_FACT_CALL's guards, one per known
                          argument */
  RL_FACT_C_FNREF,     /* `fnref`: a function stored into a field, given as an
                          argument, or called through a field */
};
/* RL_FACT_C_FNREF: what happens to the function value. */
typedef enum RlCFnRef { RL_FR_STORE = 1, RL_FR_ARG, RL_FR_CALL } RlCFnRef;
#define RL_CB_AT_END 0x1u  /* RL_FACT_C_BALANCE leak: at the end of the function */
#define RL_CB_ASSUMED 0x2u /* RL_FACT_C_BALANCE: depends on RL_FACT_C_ASSUME facts */
#define RL_CB_RETURNS 0x4u /* RL_FACT_C_BALANCE: every path to it calls a function
                              of another file that may never return (its
                              RL_FACT_C_ASSUME facts flagged RL_CF_RETURNS) */
#define RL_CF_TRY 0x1u        /* trylock/timedlock: does not wait */
#define RL_CF_READ 0x2u       /* read lock (rwlock rdlock) */
#define RL_CF_LOOP 0x4u       /* spawn (call, function value) inside a loop */
#define RL_CF_SHARED_ARG 0x8u /* every thread of that loop gets the same object */
#define RL_CF_PARAMLOCK 0x10u /* the lock is the parameter itself */
#define RL_CA_READ 0x1u
#define RL_CA_WRITE 0x2u
#define RL_CA_RMW 0x4u        /* x++, x += 1 */
#define RL_CA_ATOMIC 0x8u     /* _Atomic type or atomic_* / __atomic / __sync */
#define RL_CA_MAYBE_LOCKED 0x10u /* nothing surely held, but a lock's state is
                                    unknown there (an untested trylock...) */
#define RL_CG_TLS 0x1u
#define RL_CG_ATOMIC 0x2u
#define RL_CG_SYNC 0x4u       /* a mutex, condition, once flag ... */
#define RL_CL_DCL 0x1u
#define RL_CQ_EQ 0x1u
#define RL_CQ_NE 0x2u
#define RL_CQ_PARAM 0x4u /* RL_FACT_C_GUARD, RL_FACT_C_ARGK: about a parameter */
#define RL_CF_CHILD 0x20u /* call in a fork() child that ends in exec/_exit */
#define RL_CF_ROUTINE 0x40u /* RL_FACT_C_FNREF ARG: a thread-create call's routine */
#define RL_CF_TAIL 0x80u /* RL_FACT_CALL: the last statement of a function with no
                            return statement (the function returns only if it does) */
#define RL_CF_RETURNS 0x100u /* RL_FACT_C_ASSUME: `callee` was taken to return; the
                                finding before it holds only if it does */
#define RL_CF_FRESH 0x200u /* RL_FACT_C_LOCK: the lock of an object the function has
                              just allocated, given to no one yet: no other
                              thread can hold it or wait for it */
#define RL_CA_CHILD 0x20u /* access in such a fork() child */
#define RL_CA_POLL 0x40u  /* a read in a loop's condition (`while (!done)`) */
#define RL_CL_CHILD 0x2u  /* lazy initialisation in such a fork() child */
#define RL_CL_CONST 0x4u  /* it stores constants only, the checked variable last */
/* Are a and b the same object (lock class, variable)? */
bool rl_c_obj_eq(const RlCObj *a, const RlCObj *b);
/* Is lock class c in held set h[0..n)? */
bool rl_c_held_has(const RlCHeld *h, uint32_t n, const RlCObj *c);
/* Writes o's spelling into buf (cap bytes, always NUL-terminated; the
 * length it needs is returned): "g_mu", "struct queue.mu", "fn::m",
 * "local:fn.m", "$0", "*name", "locks[]". With px, a file-local object
 * gets "@@" and its file's path appended: the spelling is then unique in
 * the project and orders objects as names do. */
size_t rl_c_obj_print(const RlProject *px, const RlCObj *o, char *buf, size_t cap);
/* The project's C call graph from those facts (analyzer/cgraph.c). Owned
 * by the caller: rl_cgraph_delete() it before project() returns. Functions
 * are numbered 0..rl_cgraph_nfuncs()-1; up to 64 thread start routines. */
typedef struct RlCGraph RlCGraph;
RlCGraph *rl_cgraph_new(const RlProject *px);
void rl_cgraph_delete(RlCGraph *self);
uint32_t rl_cgraph_nfuncs(const RlCGraph *self);
/* Function `name`, preferably the one in `prefer_file`; -1 if none. */
int32_t rl_cgraph_func(const RlCGraph *self, const char *name, uint32_t prefer_file);
/* All functions named `name`, in index order: *fns receives them, the
 * count is returned. */
uint32_t rl_cgraph_named(const RlCGraph *self, const char *name, const uint32_t **fns);
/* A function's facts: its RL_FACT_FUNC, then its summary facts. */
const RlFact *rl_cgraph_facts(const RlCGraph *self, int32_t fn, uint32_t *n);
/* The function fact i of rl_cgraph_facts(fn) calls (an RL_FACT_CALL, as
 * rl_cgraph_func resolves it from fn's file), or -1. Resolved once. */
int32_t rl_cgraph_callee(const RlCGraph *self, int32_t fn, uint32_t i);
/* Bit t set: thread routine t reaches the function through calls. A call
 * is not followed when its guards (RL_FACT_C_GUARD) contradict those of
 * the calls before it on the chain, for the globals (mode flags) that no
 * function the thread reaches writes or whose address is never taken, or
 * when its guards on the caller's parameters contradict the constant
 * arguments the caller was called with (RL_FACT_C_ARGK). */
uint64_t rl_cgraph_threads(const RlCGraph *self, int32_t fn);
/* The threads of rl_cgraph_threads(fn) that run `fact`, a RL_FACT_C_ACCESS
 * or RL_FACT_C_LAZY among rl_cgraph_facts(fn): those for which at least
 * one context the thread reaches the function in (the mode flags of the
 * chain, the constant arguments) allows the fact's own guards. 0 if
 * `fact` is not one of the function's facts. */
uint64_t rl_cgraph_fact_threads(const RlCGraph *self, int32_t fn, const RlFact *fact);
/* Can fact ff[l] of a callee's facts ff[0..k) (a RL_FACT_C_LOCK or
 * RL_FACT_C_UNLOCK) run when the RL_FACT_CALL f[i] of f[0..n) calls it?
 * Not when one of its parameter guards (`if (!locked)`: $k == 0) is
 * contradicted by the constant the call passes for that parameter. */
bool rl_c_runs_for_call(const RlFact *ff, uint32_t k, uint32_t l, const RlFact *f, uint32_t n,
                        uint32_t i);
/* Locks held at every call of the function: *n receives their number.
 * Owned by self. Argument-less lock wrappers of other files called before
 * a call, in source order, count as held there (memcached's STATS_LOCK()). */
const RlCHeld *rl_cgraph_entry_held(const RlCGraph *self, int32_t fn, uint32_t *n);
/* Does the RL_FACT_CALL fact i of function fn run an argument-less lock
 * wrapper of another file that locks (acquire) or unlocks a global mutex?
 * Its lock class, or NULL. */
const RlCObj *rl_cgraph_global_wrapper(const RlCGraph *self, int32_t fn, uint32_t i,
                                       bool acquire);
/* Does a call of `name` from `file` never return: the definition of that
 * file, else every definition of the project, is flagged RL_FF_NORETURN
 * or ends (RL_CF_TAIL) in a call that never returns? With no definition,
 * a name that says abort or panic (`nni_plat_abort`, defined in a
 * platform file whose #ifdef only the build sets). */
bool rl_cgraph_noreturn(const RlCGraph *self, const char *name, uint32_t file);
uint32_t rl_cgraph_nthreads(const RlCGraph *self);
/* Thread routine t: its first RL_FACT_SPAWN; is it started more than once
 * (in a loop, or from two places)? */
const RlFact *rl_cgraph_spawn(const RlCGraph *self, uint32_t t);
bool rl_cgraph_multi(const RlCGraph *self, uint32_t t);
/* The thread (routine index) a RL_FACT_SPAWN starts, or -1; the function
 * of routine t. */
int32_t rl_cgraph_thread_of(const RlCGraph *self, const RlFact *spawn);
int32_t rl_cgraph_routine(const RlCGraph *self, uint32_t t);

/* Section - phase 1: JS/TS specifics */
/* Names the project declared in .racelint.json: js.promiseFunctions
 * (calls that return a promise) and js.mutexApis (methods that take a
 * lock). */
#define RL_JS_PROMISE_FUNCTIONS 0
#define RL_JS_MUTEX_APIS 1
bool rl_js_config_name(const RlCtx *cx, int which, const char *name);
/* Is n a function-like node (declaration, expression, arrow, method)? */
bool rl_js_is_function(const RlCtx *cx, RlNode n);
/* The next node after i, in document order and before `end`, that is not
 * inside a function-like node starting after i: whole nested functions are
 * skipped. Walks a node's own code, nested functions aside:
 *   for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end))
 * looks at `body` itself even when it is a function. */
RlNode rl_js_own_next(const RlCtx *cx, RlNode i, RlNode end);
/* Is the function-like node n declared async? */
bool rl_js_is_async(const RlCtx *cx, RlNode fn);
/* Is the function-like node n a generator (function*, *method)? An async
 * generator returns an async iterator, not a promise. */
bool rl_js_is_generator(const RlCtx *cx, RlNode fn);
/* Nearest enclosing function-like node of n, or RL_NONE at top level. */
RlNode rl_enclosing_function(const RlCtx *cx, RlNode n);
/* The nearest loop statement (for, for-in/of, while, do) around n inside
 * its function, or RL_NONE. O(1) after a linear first call. */
RlNode rl_js_enclosing_loop(const RlCtx *cx, RlNode n);
/* Does the finally clause fin end the process: a statement
 * `process.exit(...)` of its block with no await, `for await` or throw
 * (outside nested functions) before it? A rejection in its try block then
 * reaches no one. */
bool rl_js_finally_exits(RlCtx *cx, RlNode fin);
/* Does n (outside nested functions; RL_NONE: no) contain an await, a
 * `for await` or a throw? */
bool rl_js_may_reject(const RlCtx *cx, RlNode n);
/* Name of a function-like node: declaration name, the variable or property
 * it is assigned to, "Class.method" for methods; "" when anonymous. */
const char *rl_function_name(RlCtx *cx, RlNode fn);
/* For a call_expression: the callee's last name ("forEach" in a.b.forEach)
 * and its receiver (RL_NONE for a plain call). */
const char *rl_js_callee_name(RlCtx *cx, RlNode call);
RlNode rl_js_callee_object(const RlCtx *cx, RlNode call);
/* The n-th argument of a call/new expression, or RL_NONE. */
RlNode rl_js_arg(const RlCtx *cx, RlNode call, uint32_t i);
uint32_t rl_js_argc(const RlCtx *cx, RlNode call);
/* What a plain identifier refers to, by the scopes of this file. */
typedef enum RlJsBinding {
  RL_BIND_FREE = 0, /* not declared in this file (a global) */
  RL_BIND_LOCAL,    /* a declaration or parameter in this file */
  RL_BIND_IMPORT,   /* an import or require() binding: see phase 2 */
} RlJsBinding;
/* Resolves `ident`; for RL_BIND_LOCAL, *fn receives the function-like node
 * it is bound to (a function declaration, or a const/let/var initialised
 * with a function), or RL_NONE. `fn` may be NULL. */
RlJsBinding rl_js_resolve(RlCtx *cx, RlNode ident, RlNode *fn);
/* rl_js_resolve's function, or RL_NONE. */
RlNode rl_js_local_function(RlCtx *cx, RlNode ident);
/* The node whose scope declares the identifier `ident`: the program (a
 * module-level binding, imports included), a statement block, a function
 * (its parameters) or a for/catch head; RL_NONE when the name is not
 * declared in this file. Same lookup as rl_js_resolve. */
RlNode rl_js_binding_scope(const RlCtx *cx, RlNode ident);
/* Is fn declared async so that calling it returns a promise (an async
 * generator returns an iterator)? */
bool rl_js_is_async_fn(const RlCtx *cx, RlNode fn);
/* Why a call returns a promise: the async function it calls (when found in
 * this file) and a description for messages ("'save'", "fetch()",
 * "Promise.all()", "this .then() chain"). */
typedef struct RlJsPromise {
  RlNode fn;
  const char *what;
} RlJsPromise;
/* Does the call (or `new`) expression return a promise, as far as this
 * file tells: a function declared async (local, `this.m()`, `Class.m()`,
 * `x.m()` for `const x = new Class()`, called in place), fetch(), Node's
 * promise modules (fs/promises, fs.promises, timers/, stream/, dns/),
 * util.promisify() results, import(), `new Promise`, Promise statics,
 * `.then/.catch/.finally` chains (not Cypress's), js.promiseFunctions of
 * .racelint.json? Functions of other files are phase 2's business. */
bool rl_js_returns_promise(RlCtx *cx, RlNode call, RlJsPromise *why);
/* The top-level import or require() binding `ident`: *mod the module
 * ("fs/promises"; `require('fs').promises` counts as that), *imported the
 * name ("*" for a namespace, "default"). */
bool rl_js_import_of(RlCtx *cx, RlNode ident, const char **mod, const char **imported);
/* A string literal's value without a "node:" prefix ("" otherwise). */
const char *rl_js_module_name(RlCtx *cx, RlNode str);
/* The class whose instance `this` is at n (arrows see through), RL_NONE
 * when a plain function rebinds it. */
RlNode rl_js_this_class(RlCtx *cx, RlNode n);
/* A class declared at the top level of this file under `name`. */
RlNode rl_js_local_class(RlCtx *cx, const char *name);
/* The function of member `name` of class `cls` (methods and fields holding
 * a function; static ones when want_static), following `extends` to classes
 * of this file; RL_NONE for getters/setters and unknown members. */
RlNode rl_js_class_member(RlCtx *cx, RlNode cls, const char *name, bool want_static);
/* The node that declares `ident` (same lookup): its variable_declarator,
 * function/class declaration or import statement, or the function or
 * for/catch head that binds it as a parameter; RL_NONE when not declared
 * in this file. *scope (may be NULL) receives rl_js_binding_scope(). */
RlNode rl_js_declaration(const RlCtx *cx, RlNode ident, RlNode *scope);

/* Section - phase 1: declared types (analyzer/js_types.c)
 * What the source spells, never inferred: unknown is never a promise. */
typedef enum RlJsVerdict {
  RL_JT_UNKNOWN = 0, /* not spelled, or declarations that disagree */
  RL_JT_PROMISE,     /* Promise<T>, PromiseLike<T>, Thenable<T>, an alias of one, async */
  RL_JT_NOT,         /* a type that is no promise (void, string, a class...) */
} RlJsVerdict;
/* RL_FACT_JS_TYPE's `what`. */
typedef enum RlJsTypeWhat {
  RL_JT_FUNC = 1, /* function (or variable of function type) `member` returns */
  RL_JT_MEMBER,   /* method or function-typed field `member` of class/interface `owner` */
  RL_JT_BASE,     /* class/interface `owner` extends or implements `type` */
  RL_JT_ALIAS,    /* `type member = ...` is a promise or not */
} RlJsTypeWhat;
/* Is the type (a type annotation or a type node) a promise? */
RlJsVerdict rl_js_type_verdict(RlCtx *cx, RlNode type);
/* Does calling fn (a function-like node or a signature) return a promise:
 * async, its written return type, the overload signatures before it? */
RlJsVerdict rl_js_fn_verdict(RlCtx *cx, RlNode fn);
/* The top-level signatures `declare function name(): T;` of this file
 * (all must agree); *at receives the first or RL_NONE. */
RlJsVerdict rl_js_signature_verdict(RlCtx *cx, const char *name, RlNode *at);
/* A class, interface or type alias declared at the top level under name. */
RlNode rl_js_local_type(RlCtx *cx, const char *name);
/* Member `name` of class/interface/object-type alias decl (following
 * extends/implements to types of this file): does calling it return a
 * promise? *at receives the member found (RL_NONE if none). */
RlJsVerdict rl_js_member_verdict(RlCtx *cx, RlNode decl, const char *name, bool want_static,
                                 RlNode *at);
/* The declared type of a receiver expression, as the name node of its
 * head (`Redis` of `client: Redis`, `Queue` of `new Queue()`): a
 * parameter's or variable's annotation, `new C()`, a field of `this`'s
 * class or a constructor parameter property. RL_NONE when not spelled. */
RlNode rl_js_receiver_type(RlCtx *cx, RlNode obj);
/* Member `member` of the type named by node `type`, when that type is
 * declared in this file (else unknown: see rl_project_js_member). */
RlJsVerdict rl_js_type_member(RlCtx *cx, RlNode type, const char *member, RlNode *at);

/* Do the runs of function-like node fn (or of a function around it) never
 * overlap, as far as this file tells? It is the callback of a wrapper that
 * runs it once or exclusively or shares one pending run (by name: shared,
 * single, once, dedup, memo, mutex, lock, serial, exclusive, coalesce), or
 * every call of it in this file stores the pending promise for later
 * callers (a promise used as a lock: `this.p ??= this.fn()`,
 * `if (this.p) return this.p; this.p = this.fn().finally(...)`), or it is
 * a function expression called in place whose promise is stored so
 * (`if (!this.p) this.p = (async () => {...})();`). */
bool rl_js_serialised(RlCtx *cx, RlNode fn);
/* Is `this` at n an object that lives for one call: its class is declared
 * at the top level of this file, not exported, and named only in
 * `const x = new C(...)` inside functions (outside the class), and x is
 * only used as `x.member` there (never stored, returned or passed on)? Its
 * state is then per call, not shared. */
bool rl_js_per_call_this(RlCtx *cx, RlNode n);
/* Would `this` at n be per call (rl_js_per_call_this) but for the class
 * leaving the file? Also allows `new C` in C's own methods that stays
 * local. Returns how C is exported (RL_JS_EXPORTED_DEFAULT for
 * `module.exports = C` / `export default`, _NAMED for `export class C` /
 * `export { C }`), RL_JS_EXPORTED_NO when not so; *cls_name gets C's name.
 * Whether the other files make C per call is phase 2's business. */
enum { RL_JS_EXPORTED_NO = 0, RL_JS_EXPORTED_DEFAULT = 1, RL_JS_EXPORTED_NAMED = 2 };
int rl_js_per_call_exported(RlCtx *cx, RlNode n, const char **cls_name);
/* Is `new C(...)` at n made for one call: held in a local only used as
 * `x.member` (*factory = ""), or returned at once by a named function
 * (`return new C()`, `f = () => new C()`: *factory = its name, per call as
 * long as no call of that name escapes, rl_js_call_escapes)? */
bool rl_js_new_per_call(RlCtx *cx, RlNode n, const char **factory);
/* Is the value of `call` kept beyond the statement: assigned, passed on,
 * put in an array or object, returned, or held in a local that is? (Used
 * at once as `f().m()`, dropped or in a local used only as `x.member`:
 * no.) */
bool rl_js_call_escapes(RlCtx *cx, RlNode call);

/* Section - phase 1: findings and facts */
/* Starts a finding of the running rule at n; message printf-style. */
RlReport *rl_report(RlCtx *cx, RlNode at, const char *fmt, ...) RL_PRINTF(3, 4);
/* Adds a related location ("checked here") to r. */
void rl_report_related(RlCtx *cx, RlReport *r, RlNode at, const char *fmt, ...)
    RL_PRINTF(4, 5);
/* Sets r's severity (e.g. error in a timer callback, warning elsewhere),
 * unless the user configured the rule's severity, which always wins. */
void rl_report_severity(RlCtx *cx, RlReport *r, RlSeverity sev);
/* Offers a fix for r: replace the text of node `at` (or insert before it
 * when `insert_before`) with `text`. Several calls with the same title add
 * edits to one fix (its edits must not overlap). Editors show fixes as
 * quick fixes; JSON and SARIF carry them; `--fix` applies the first safe
 * one of a finding, `--unsafe-fixes` the first safe or unsafe one (offer
 * the preferred fix first). RL_FIX_SAFE needs a behavioural test
 * (docs/fixes.md); without one, RL_FIX_UNSAFE. */
void rl_report_fix(RlCtx *cx, RlReport *r, const char *title, RlFixSafety safety,
                   RlNode at, bool insert_before, const char *text);
/* The same with an explicit byte range [start, end) of the file. */
void rl_report_fix_range(RlCtx *cx, RlReport *r, const char *title, RlFixSafety safety,
                         uint32_t start, uint32_t end, const char *text);
/* Replaces the rule's default fix hint for r. */
void rl_report_hint(RlCtx *cx, RlReport *r, const char *fmt, ...) RL_PRINTF(3, 4);
/* Records a fact at node `at` for phase 2. Strings are copied. Returns the
 * fact so the caller can set flags/aux. For a rule's own kinds (a, b, c). */
RlFact *rl_fact_add(RlCtx *cx, uint16_t kind, RlNode at, const char *a,
                    const char *b, const char *c);
/* Records a fact of a standard kind at `at` with its record zeroed (strings
 * ""): the caller fills the record, with strings from rl_fact_str and
 * arrays from rl_fact_alloc. Valid until the next rl_fact_new/add. */
RlFact *rl_fact_new(RlCtx *cx, uint16_t kind, RlNode at);
/* A copy of s (NULL: "") that lives as long as the file's facts. */
const char *rl_fact_str(RlCtx *cx, const char *s);
/* Zeroed memory that lives as long as the file's facts. */
void *rl_fact_alloc(RlCtx *cx, size_t n);
/* Phase 2 has no source text: a fix for a finding phase 2 may raise is
 * built in phase 1 and kept on a fact. Adds to `fact` (the last one
 * recorded: call it before the next rl_fact_new/add) the edit "replace
 * bytes [start, end) of cx's file with `text`" of its fix titled `title`,
 * as rl_report_fix_range does for a finding. Strings are copied; the fix
 * is cached with the fact. rl_project_fix copies it to a finding. */
void rl_fact_fix(RlCtx *cx, RlFact *fact, const char *title, RlFixSafety safety,
                 uint32_t start, uint32_t end, const char *text);

/* Section - phase 2: the project */
uint32_t rl_project_nfiles(const RlProject *px);
const char *rl_project_path(const RlProject *px, uint32_t file);
/* The path of `file` as the report shows it (relative to the scan root). */
const char *rl_project_rel_path(const RlProject *px, uint32_t file);
RlLang rl_project_lang(const RlProject *px, uint32_t file);
/* Facts of one file (all kinds), in source order. */
const RlFact *rl_project_facts(const RlProject *px, uint32_t file, uint32_t *n);
/* Resolves a relative JS module specifier ("./util", "../a.js") seen in
 * `file` to a scanned file (trying .js/.ts/... and /index.*); -1 if none. */
int32_t rl_project_resolve(const RlProject *px, uint32_t file, const char *spec);
/* The RL_FACT_FUNC fact of function `name` in `file` (top-level functions
 * and "Class.method"), or NULL. */
const RlFact *rl_project_func(const RlProject *px, uint32_t file, const char *name);
/* Follows a JS binding `name` visible in `file` through imports/exports to
 * the function it names, across files; NULL if not a known function. */
const RlFact *rl_project_js_binding(const RlProject *px, uint32_t file,
                                    const char *name);
/* Declared types across files (analyzer/js_types.c): the type visible as
 * `type` in `file` (declared there or imported, through re-exports): does
 * its instance method `member` return a promise? *decl receives the
 * member's RL_FACT_JS_TYPE fact when found. */
RlJsVerdict rl_project_js_member(const RlProject *px, uint32_t file, const char *type,
                                 const char *member, const RlFact **decl);
/* The same for a function visible as `name` in `file`. */
RlJsVerdict rl_project_js_func(const RlProject *px, uint32_t file, const char *name,
                               const RlFact **decl);
/* Does the class or interface visible as `type` in `file` derive from a
 * module of mods[0..nmods) ("node:" prefix ignored): imported (or
 * re-exported) from one, or extending or implementing, at any depth and
 * across files and package .d.ts, a type that is? judge (may be NULL) is
 * asked about each type found in the project on the way (its declaring
 * file and name): > 0 yes, < 0 not through this type, 0 look at its
 * bases. At most 6 bases deep and 32 types in all; unknown is no. */
typedef int (*RlJsJudge)(void *ud, uint32_t file, const char *name);
bool rl_project_js_derives(const RlProject *px, uint32_t file, const char *type,
                           const char *const *mods, uint32_t nmods, RlJsJudge judge, void *ud);
/* Is f a rule-specific fact recorded by `rule`? */
bool rl_fact_of(const RlProject *px, const RlFact *f, const RlRule *rule);
/* Starts a finding of rule `rule` at the location of fact `at`. */
RlReport *rl_project_report(RlProject *px, const RlRule *rule, const RlFact *at,
                            const char *fmt, ...) RL_PRINTF(4, 5);
void rl_project_related(RlProject *px, RlReport *r, const RlFact *at,
                        const char *fmt, ...) RL_PRINTF(4, 5);
void rl_project_hint(RlProject *px, RlReport *r, const char *fmt, ...)
    RL_PRINTF(3, 4);
/* Offers r the fixes that phase 1 recorded on fact `at` (rl_fact_fix), in
 * their order; `at` must be a fact of the file r is in (the edits are its
 * byte ranges). Nothing when `at` has none or is of another file. */
void rl_project_fix(RlProject *px, RlReport *r, const RlFact *at);
/* rl_report_severity for phase 2: sets r's severity unless the user
 * configured the rule's severity for the file the finding is in. */
void rl_project_severity(RlProject *px, RlReport *r, RlSeverity sev);

#endif
