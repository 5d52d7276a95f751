/* lang.h - the language table: what the engine needs from a front end,
 * so that it calls none directly. A language parses a file into the flat
 * RlTree (ast.h) and records the standard facts of a parsed file; it may
 * keep state for the whole run (grammar tables) and per worker thread
 * (parsers). The session holds the table (session.h); the program fills it
 * from catalog.c, which knows every language and rule linked in.
 *
 * Ownership: `state` is made by session_new in rl_session_prepare and freed
 * by session_delete in rl_session_free; `worker` is made by worker_new in
 * rl_worker_new and freed by worker_delete in rl_worker_delete. */
#ifndef RL_ANALYZER_LANG_H_
#define RL_ANALYZER_LANG_H_

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"

#define RL_MAX_LANGS 4

struct RlEngineFile;
struct RlFileSettings;
struct RlSession;
struct RlJsTree;

/* One file's parse, from the engine to a language and back. */
typedef struct RlLangJob {
  const struct RlSession *session;
  void *state;  /* the language's run state (session_new), or NULL */
  void *worker; /* the language's state on this thread (worker_new), or NULL */
  struct RlEngineFile *file;
  const struct RlFileSettings *settings; /* NULL: the session's */
  /* The text (cx->src, cx->len), the tree to fill (cx->tree) and the
   * scratch arena (cx->scratch). */
  RlCtx *cx;
  struct RlJsTree **doc_tree; /* JS/TS: the editor's kept tree, or NULL */
  /* Set by begin: what the parse depends on besides the text (C flags),
   * part of the cache key; owned by the language until end. */
  const char *const *args;
  uint32_t nargs;
  bool cached; /* the result will be cached (set by the engine before parse) */
  /* Set by parse. */
  bool parsed;           /* a tree to analyse */
  uint32_t first_error;  /* byte offset of the first syntax error, or UINT32_MAX */
  const char *error_detail; /* its text, or NULL */
  /* The first error is a syntax error of the file itself (the engine sets
   * true before parse); false: it came from the setup (a header or macro
   * the build would give), and the engine raises no parse-error finding. */
  bool syntax;
  void *priv;            /* the language's, from begin to end */
} RlLangJob;

typedef struct RlLangOps {
  const char *name;
  unsigned langs; /* RlLang mask of the files it parses */
  void *(*session_new)(const char **err); /* NULL *err: no state */
  void (*session_delete)(void *state);
  void *(*worker_new)(const struct RlSession *s);
  void (*worker_delete)(void *worker);
  /* Before the cache is asked: sets job->args (may be NULL). */
  void (*begin)(RlLangJob *job);
  /* Parses cx->src into cx->tree (session->parse_only: parse only). */
  void (*parse)(RlLangJob *job);
  /* After the parse (or a cache hit): frees what begin made. */
  void (*end)(RlLangJob *job);
  /* Records the standard facts of a parsed file (facts.h). */
  void (*facts)(RlCtx *cx);
} RlLangOps;

#endif
