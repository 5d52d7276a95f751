/* session.h - the run's configuration: which rules run with which severity,
 * C flags, limits. Written once before the scan starts, then read-only and
 * shared by every worker thread. */
#ifndef RL_ANALYZER_SESSION_H_
#define RL_ANALYZER_SESSION_H_

#include "compdb.h"
#include "lang.h"
#include "rule_api.h"

#define RL_MAX_RULES 64
#define RL_MAX_SLOTS 128

/* A check of a rule as the engine runs it (the rule's inline callbacks, or
 * one of its extra RlCheck). */
typedef struct RlSlot {
  uint32_t rule; /* index in the registry */
  RlCheck check;
} RlSlot;

typedef struct RlSession {
  const RlRule *const *rules; /* the registry, sorted by id */
  uint32_t nrules;
  bool enabled[RL_MAX_RULES];
  bool narrow[RL_MAX_RULES]; /* on for default shapes only (files without settings) */
  RlSeverity severity[RL_MAX_RULES];
  bool severity_set[RL_MAX_RULES]; /* configured by the user: rules cannot change it */
  RlSlot slots[RL_MAX_SLOTS]; /* built by prepare */
  uint32_t nslots;
  /* dispatch[kind] -> slot indexes wanting that kind (built by prepare) */
  uint8_t *dispatch[RL_K_COUNT];
  uint8_t ndispatch[RL_K_COUNT];
  /* the languages (lang.h) and their run state (made by prepare) */
  const RlLangOps *const *langs;
  uint32_t nlangs;
  void *lang_state[RL_MAX_LANGS];
  RlCompDb *compdb;
  char **c_args; /* -I/-D from the command line, NULL-terminated */
  uint32_t nc_args;
  /* With a compile database: the build-free flags (incdisc.h) for the C
   * files it has no entry for (headers, sources the build skipped). */
  char **c_found_args;
  uint32_t nc_found_args;
  /* The directory of the build-free stand-ins for generated headers
   * (incdisc.h), or NULL: an error in a file that includes one is the
   * run's setup, not the file's syntax (owned). */
  char *c_stub_dir;
  size_t max_file_size;
  uint64_t parse_timeout_us;
  /* C parsing (cworker.h): wall-clock per file, worker address-space limit
   * (0 = none); c_in_process parses in this process, unbounded (fuzzing). */
  uint64_t c_timeout_ms;
  uint64_t c_memory_limit;
  bool c_in_process;
  char *root;    /* absolute run root (SARIF %SRCROOT%) */
  struct RlCache *cache; /* NULL: no result cache (cache.h); closed by who opened it */
  uint64_t cache_salt;   /* this build's identity, part of every cache key */
  bool parse_only;
} RlSession;

/* Fills defaults: every rule on with its default severity. The rules and
 * languages are catalog's (catalog.c, every one linked into the program);
 * rl_session_init_with takes others. */
void rl_session_init(RlSession *self);
void rl_session_init_with(RlSession *self, const RlRule *const *rules, uint32_t nrules,
                          const RlLangOps *const *langs, uint32_t nlangs);
/* Index of rule `id` in the registry, or -1. */
int rl_session_rule_index(const RlSession *self, const char *id);
/* Builds the dispatch table and loads grammars. Returns false with *err on
 * failure (static text). */
bool rl_session_prepare(RlSession *self, const char **err);
void rl_session_free(RlSession *self);
/* Adds a C argument ("-Ifoo", "-DX=1"). */
void rl_session_add_c_arg(RlSession *self, const char *arg);
/* Adds a C argument for the files the compile database has no entry for. */
void rl_session_add_c_found_arg(RlSession *self, const char *arg);

#endif
