/* js/check-then-act.h - what the two parts of the JavaScript/TypeScript
 * check-then-act check share: the events of one function that
 * rules/js/check-then-act-events.c collects (reads, writes, awaits, lock
 * calls) and its name and scope helpers, which the matching in
 * rules/js/check-then-act.c uses too. All of it reads one file through cx
 * and keeps no state; returned nodes and strings are the file's. The
 * prefix rl_cta_ stands for check-then-act. */
#ifndef RL_RULES_JS_CHECK_THEN_ACT_H
#define RL_RULES_JS_CHECK_THEN_ACT_H

#include "../../analyzer/rule_api.h"

/* Section - names */

/* Read-style and write-style name prefixes (getX / setX ...), methods that
 * change their receiver, and fs calls that check a path. */
extern const char *const rl_cta_read_prefixes[8];
extern const char *const rl_cta_write_prefixes[7];
extern const char *const rl_cta_mutators[9];
extern const char *const rl_cta_fs_checks[8];

/* An fs call that uses a path: its name and the argument(s) that are
 * paths (-1: none). */
typedef struct FsUse {
  const char *fn;
  int arg, arg2;
} FsUse;

/* Is name one of list[0..n)? */
bool rl_cta_name_in(const char *name, const char *const *list, size_t n);
/* If `name` is one of `prefixes` followed by nothing or an upper-case
 * letter/digit/_ ("getBalance"), returns the stem ("Balance", or ""). */
const char *rl_cta_stem(const char *name, const char *const *prefixes, size_t n);
/* Does the text of n contain s (case-sensitive; rl_text_contains_ci of
 * rule_api.h ignores ASCII case)? */
bool rl_cta_mentions(const RlCtx *cx, RlNode n, const char *s);

/* Section - scopes */

/* Does `pattern` bind the name s[0..n) (an identifier of the pattern,
 * not of an initialiser or default)? */
bool rl_cta_ident_in(const RlCtx *cx, RlNode pattern, const char *s, size_t n);
typedef enum Owner { OWN_SHARED, OWN_PARAM, OWN_LOCAL, OWN_LOCAL_NEW } Owner;
/* Who owns identifier `id`: module-level/imported/global (shared), a
 * parameter, a local, or a local initialised with a fresh collection. */
Owner rl_cta_owner(const RlCtx *cx, RlNode id);
/* Root object of a member/subscript chain. */
RlNode rl_cta_root_of(const RlCtx *cx, RlNode e);
/* Is the lvalue or receiver `e` state shared between calls? */
bool rl_cta_shared(const RlCtx *cx, RlNode e);
/* Is receiver `e` a collection created in this function (new Map() ...)? */
bool rl_cta_fresh_local(const RlCtx *cx, RlNode e);

/* Section - events of one function */

typedef enum ReadKind { R_FILE, R_CALL, R_LVAL } ReadKind;
typedef struct Read {
  RlNode node;  /* the call, or the lvalue expression */
  RlNode var;   /* pattern the value is bound to, or RL_NONE */
  RlNode cond;  /* the condition the read is part of (the call itself for a
                   bare access/stat), or RL_NONE */
  RlNode check; /* the condition that guards the write being matched */
  ReadKind kind;
  bool awaited;
  bool reported;
} Read;

typedef enum WriteKind { W_FILE, W_CALL, W_ASSIGN } WriteKind;
typedef struct Write {
  RlNode node;
  WriteKind kind;
} Write;

#define MAX_EV 256

typedef struct Scan {
  RlNode fn, body;
  Read reads[MAX_EV];
  uint32_t nreads;
  Write writes[MAX_EV];
  uint32_t nwrites;
  RlNode awaits[MAX_EV];
  uint32_t nawaits;
  RlNode locks[MAX_EV / 4], releases[MAX_EV / 4];
  uint32_t nlocks, nreleases;
} Scan;

/* Fills sc (fn and body set by the caller) with the function's reads,
 * writes, awaits and lock calls; async_fn: the function is async. */
void rl_cta_collect(RlCtx *cx, Scan *sc, bool async_fn);
/* Is the call's receiver an fs module (or the callee imported from one)? */
bool rl_cta_is_fs_receiver(RlCtx *cx, RlNode call);
/* The fs call named `name`, or NULL. */
const FsUse *rl_cta_fs_use(const char *name);
/* Does condition c guard the write w? */
bool rl_cta_guards(const RlCtx *cx, RlNode c, RlNode w);
/* Does statement st always leave (return, throw, break, continue)? */
bool rl_cta_exits(const RlCtx *cx, RlNode st);
/* Does n read a name that `pattern` binds? */
bool rl_cta_uses_var(const RlCtx *cx, RlNode n, RlNode pattern);
/* The first condition between from and w that tests a name `pattern`
 * binds and guards w, or RL_NONE. */
RlNode rl_cta_first_check_of(const RlCtx *cx, RlNode from, RlNode w, RlNode pattern);

/* Section - file acts (rules/js/check-then-act-files.c) */

/* Does the file show it runs privileged (process.setuid, setgid, seteuid,
 * setegid, setgroups, initgroups, or an fs chown)? */
bool rl_cta_file_privileged(RlCtx *cx);
/* Does the path checked by r name a temporary directory (/tmp, /var/tmp,
 * /dev/shm, os.tmpdir()), directly or in its variable's initialiser? */
bool rl_cta_path_in_tmp(RlCtx *cx, const Read *r);
/* Is what a swap defeats (isSymbolicLink(), .mode, .uid, .gid) tested
 * between the check r and the use w? */
bool rl_cta_owner_tested(RlCtx *cx, const Read *r, RlNode w);
/* The default preset's policy for the file use w after the check r, whose
 * guard is g (the C rule's CWE-367 table, for Node's fs): true when the use
 * is to be reported. Reads are left to the caller's read policy (true). */
bool rl_cta_file_use_reported(RlCtx *cx, const Read *r, RlNode g, RlNode w);

/* Section - default shapes (rules/js/check-then-act-shapes.c) */

/* Does the default preset report the in-memory or store write w after
 * the read r (writes_value: w stores something computed from r)? The
 * shapes measured on docs/triage-js.md: a collection mutated, a field set
 * to a constant or updated from its own value; racelint:strict adds a
 * store's awaited get/set pair, a field cleared and a field storing
 * another value. */
bool rl_cta_default_state(RlCtx *cx, const Read *r, const Write *w, bool writes_value);

#endif
