/* lsp_int.h - what the editor server's files share (lsp.c: the workspace,
 * the analysis thread, requests; lsp_wire.c: JSON-RPC output, URIs and
 * positions, diagnostics as JSON, the message reader): the server's state
 * (RlLsp) and its documents. Internal to analyzer/lsp/. */
#ifndef RL_ANALYZER_LSP_INT_H_
#define RL_ANALYZER_LSP_INT_H_

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "ast.h"
#include "config.h"
#include "diag.h"
#include "engine.h"
#include "front_js.h"
#include "session.h"
#include "util.h"

#define RL_LSP_MAX_MESSAGE (64u << 20)
#define RL_LSP_DEBOUNCE_MS 120
#define RL_LSP_INDEX_BATCH 32

typedef struct RlLspEntry {
  char *path, *rel, *uri;
  RlEngineFile *res;       /* latest phase-1 result, or NULL */
  RlFileSettings settings;
  bool pending;            /* (re)analyse from disk */
  bool open;
  char *snap;              /* text the result was computed from (open docs) */
  size_t snap_len;
  int64_t snap_version;
  uint64_t published;      /* hash of what was last published */
  bool ever_published;
  /* pull: hash of what the client last pulled, at which document version;
   * ever_pulled goes false when a refresh asks the client to pull again */
  uint64_t pulled;
  int64_t pulled_version;
  bool ever_pulled;
} RlLspEntry;

typedef struct RlLspTsEdit {
  uint32_t start, old_end, new_end;
  uint32_t sr, sc, orow, ocol, nr, nc;
} RlLspTsEdit;

typedef struct RlLspDoc {
  char *uri;
  RlLspEntry *entry;
  char *text;
  size_t len;
  int64_t version;
  bool dirty;
  uint64_t changed_ms;  /* when the analysis is due from: 0 = at once */
  uint64_t last_edit_ms;
  /* JS/TS: the last syntax tree, edited as the text changes. While the
   * analysis thread parses with it (tree_out), edits are queued in
   * `pending` and replayed on the tree it returns: tree-sitter trees share
   * subtrees, so one tree must never be used by two threads at once. */
  RlJsTree *tree;
  bool tree_out, tree_reset;
  RL_VEC(struct RlLspTsEdit) pending;
} RlLspDoc;

/* A config set shared by the server and the analysis thread. A reload
 * replaces the server's current set; the old one is freed only when the
 * last analysis that took it has finished (refs guarded by mu). */
typedef struct RlLspConfigs {
  RlConfigSet *set;
  uint32_t refs; /* 1 while current, + 1 per analysis batch using it */
  uint32_t logged; /* errors of the set already shown to the user */
} RlLspConfigs;

typedef struct RlLsp {
  RlSession s;
  const char *config; /* --config FILE for every file, or NULL; borrowed from argv */
  pthread_mutex_t out_mu;
  FILE *out;
  /* --- guarded by mu --- */
  pthread_mutex_t mu;
  pthread_cond_t cv;   /* work for the analysis thread */
  pthread_cond_t idle; /* a document finished analysing */
  RlLspConfigs *configs; /* the current set */
  RL_VEC(RlLspDoc *) docs;
  RL_VEC(RlLspEntry *) entries;
  char *root;
  bool initialized, shutdown, stop, utf8, pull;
  bool refresh;          /* pull: the client takes workspace/diagnostic/refresh */
  uint64_t refresh_seq;  /* ids of the refresh requests sent */
  bool no_index; /* fuzzing: never read the workspace from disk */
  uint32_t busy; /* analyses in flight */
  /* the packages' declaration files phase 2 reads (scan/pkgtypes.h), kept
   * while what the workspace asks them (pkgs_q, rl_pkgtypes_questions)
   * stays the same; pkgs_notice: the last notice shown about them */
  struct RlPkgTypes *pkgs;
  uint64_t pkgs_q;
  char *pkgs_notice;
} RlLsp;

/* Section - lsp_wire.c */

uint64_t rl_lsp_wire_now_ms(void);
void rl_lsp_wire_send(RlLsp *l, json_t *msg);
void rl_lsp_wire_reply(RlLsp *l, json_t *id, json_t *result);
void rl_lsp_wire_error(RlLsp *l, json_t *id, int code, const char *msg);
void rl_lsp_wire_notify(RlLsp *l, const char *method, json_t *params);
void rl_lsp_wire_log(RlLsp *l, int type, const char *fmt, ...) RL_PRINTF(3, 4);
char *rl_lsp_wire_uri_to_path(const char *uri);
char *rl_lsp_wire_path_to_uri(const char *path);
size_t rl_lsp_wire_offset(const RlLsp *l, const char *text, size_t len, int64_t line,
                          int64_t character);
void rl_lsp_wire_point(const char *text, size_t off, uint32_t *row, uint32_t *col);
json_t *rl_lsp_wire_pos(const RlLsp *l, const RlLines *lines, const char *text, size_t len,
                        uint32_t off);
json_t *rl_lsp_wire_diag_json(RlLsp *l, const RlDiag *d, const RlLspEntry *e,
                              const RlLines *lines);
json_t *rl_lsp_wire_diags(RlLsp *l, const RlLspEntry *e);
uint64_t rl_lsp_wire_signature_json(json_t *diags);
int rl_lsp_wire_read(RlLsp *l, FILE *in, char **body, size_t *len);

#endif
