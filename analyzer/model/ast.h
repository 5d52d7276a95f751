/* ast.h - the flat syntax tree both front ends build, and the per-file
 * context (RlCtx) that rule callbacks receive. Internal to analyzer/: rules
 * see only the accessor functions declared in rule_api.h.
 *
 * Nodes are stored in preorder in one array; node 0 is the "no node"
 * sentinel and node 1 the root. Walks are loops over index ranges, never
 * recursion, so 100,000-deep input cannot overflow the stack. */
#ifndef RL_ANALYZER_AST_H_
#define RL_ANALYZER_AST_H_

#include "arena.h"
#include "rule_api.h"
#include "util.h"

#define RL_NF_NAMED 0x01u
#define RL_NF_ERROR 0x02u   /* an ERROR node (tree-sitter) */
#define RL_NF_MISSING 0x04u /* a node inserted by error recovery */
#define RL_NF_MACRO 0x08u   /* C: spelled inside a macro expansion */
#define RL_NF_EXTRA 0x10u   /* comments */

typedef struct RlNodeRec {
  uint16_t kind;  /* RlKind */
  uint16_t sym;   /* grammar symbol / CXCursorKind */
  uint8_t field;  /* RlField in parent */
  uint8_t flags;  /* RL_NF_* */
  uint16_t pad;
  uint32_t parent, first_child, next_sibling;
  uint32_t end;   /* one past the last descendant */
  uint32_t start_byte, end_byte;
  uint32_t ext;   /* C: index into RlTree.ext, 0 = none */
} RlNodeRec;

/* C-only details of a node (names and types from libclang). */
typedef struct RlNodeExt {
  const char *name;  /* spelling */
  const char *type;  /* type spelling */
  const char *owner; /* fields: the record that declares them */
  /* an integer constant (literal, character, enum constant, also spelled
   * through a macro): its value in decimal; NULL otherwise */
  const char *value;
  uint8_t ref;       /* RlRefKind */
} RlNodeExt;

typedef struct RlTree {
  RlNodeRec *nodes;
  uint32_t n, cap;
  RlNodeExt *ext;
  uint32_t next, extcap;
  uint32_t *stack; /* build stack of open nodes */
  uint32_t *last;  /* build: last child of each open node */
  uint32_t depth, stackcap;
} RlTree;

/* Section - building (front ends) */
void rl_tree_init(RlTree *self);
void rl_tree_free(RlTree *self);
/* Opens a node as the last child of the innermost open node (the root if
 * none) and returns its index. */
uint32_t rl_tree_open(RlTree *self, uint16_t kind, uint16_t sym, uint8_t field,
                      uint8_t flags, uint32_t start, uint32_t end);
/* Closes the innermost open node. */
void rl_tree_close(RlTree *self);
uint32_t rl_tree_top(const RlTree *self); /* innermost open node, 0 if none */
/* Attaches C details to node i; returns them for filling. */
RlNodeExt *rl_tree_ext(RlTree *self, uint32_t i);

/* Line table: byte offset of each line start, which lines hold non-ASCII
 * bytes, and a memo of the last code-point count (queries along one long
 * line, as in minified code, then cost what they advance). One file, one
 * thread. */
typedef struct RlLines {
  uint32_t *starts;
  uint8_t *nonascii;
  uint32_t n;
  uint32_t memo_line, memo_off, memo_cp; /* code points in [line start, memo_off) */
} RlLines;
void rl_lines_build(RlLines *self, const char *src, size_t len);
void rl_lines_free(RlLines *self);
/* Location of the byte range [start, end) of src. */
RlLoc rl_lines_loc(RlLines *self, const char *src, size_t len, uint32_t start,
                   uint32_t end);
/* The text of 1-based line `line` (without its newline). */
const char *rl_lines_text(const RlLines *self, const char *src, size_t len,
                          uint32_t line, size_t *n);

struct RlEngineFile;
struct RlSession;

/* The per-file context given to rule callbacks. */
struct RlCtx {
  const struct RlSession *session;
  struct RlEngineFile *file; /* results: diags, facts (engine.c) */
  RlArena *scratch;          /* freed when the file is done */
  RlArena *keep;             /* lives with the file result */
  const char *path, *rel_path;
  RlLang lang;
  const char *src;
  size_t len;
  RlTree tree;
  RlLines lines;
  const RlRule *rule;        /* the rule whose callback runs */
  uint32_t rule_index;
  const char **token_text;   /* JS: unnamed token text by grammar symbol */
  /* interned fact strings (phase 1 only; the strings live in `keep`) */
  const char **intern;
  uint32_t intern_cap, intern_used;
  /* the enclosing function of every node, built on first use (ast.c) so
   * that asking is O(1), not a walk up a chain as deep as the file */
  uint32_t *encl_fn;
  uint32_t *encl_loop; /* the same for rl_js_enclosing_loop */
  /* JS name lookup (js.c), built on first use: the nearest enclosing scope
   * node of every node, and an index of what each large scope declares */
  uint32_t *scope_up;
  struct RlJsDeclIndex *decls;
  /* JS calls by callee name (rl_js_serialised), built on first use */
  struct RlJsCallKey *calls;
  uint32_t ncalls;
};

#endif
