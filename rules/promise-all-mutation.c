/* promise-all-mutation.c - Promise.all over writes without handling partial
 * failure.
 *
 * Promise.all rejects as soon as one promise rejects; the other writes keep
 * running and stay applied, and nothing tells the caller which ones did.
 * Reported: Promise.all whose argument is an array literal with two or more
 * write calls (insert/update/delete/save/write/create/remove/put/post/patch/
 * send/upsert/destroy/set/...; fetch with a POST/PUT/PATCH/DELETE method), or
 * `xs.map(cb)` whose callback calls a write, or a local array built that way
 * (`const ops = xs.map(...)`, `ops.push(write(x))`).
 * Not reported: allSettled and friends; inside a transaction callback
 * (`db.transaction(async (tx) => ...)`, `$transaction`, `withTransaction`);
 * a function that commits or rolls back a transaction itself; each write
 * handling its own failure (`.catch`, try/catch in the callback); a
 * try/catch or `.catch()`/`.then(_, onRejected)` around the Promise.all
 * whose handler compensates (rollback/undo/revert/cleanup/delete/remove...).
 * A handler that only logs, rethrows or answers an error does not count.
 * Two phases: a candidate in a named function is recorded as a fact with
 * the file's awaited calls; phase 2 drops it when a caller (up to
 * MAX_DEPTH calls up, across files) runs it inside a transaction.
 * Doc: rules/promise-all-mutation.md */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyzer/rule_api.h"
#include "js/fixes.h"

/* Write-like callee names: the name itself, or the word followed by an
 * upper-case letter, digit or `_` (saveUser, delete_all, put2). */
static const char *const write_words[] = {
    "insert",  "update",    "delete",  "del",     "save",     "write",   "create",
    "remove",  "put",       "post",    "patch",   "send",     "upsert",  "destroy",
    "set",     "store",     "persist", "add",     "append",   "unlink",  "rm",
    "rename",  "mkdir",     "incr",    "increment", "decr",   "decrement", "publish",
    "enqueue", "charge",    "refund",  "transfer", "modify",  "bulkWrite", "bulkCreate",
    "bulkInsert", "drop",   "truncate", "copyFile", "appendFile", "writeFile",
};

/* create<X> that opens a local handle rather than writing stored data. */
static const char *const local_handles[] = {
    "Pool",   "PoolCluster", "Connection", "Client",      "Server", "Socket",
    "Agent",  "Worker",      "Stream",     "ReadStream",  "WriteStream", "Interface",
    "Context", "QueryRunner", "Logger",    "Hash",        "Hmac",
};

/* Names of calls that undo partial writes when found in a failure handler. */
static const char *const compensate_words[] = {
    "rollback", "abort",  "undo",   "revert", "compensate", "cleanup", "cleanUp",
    "restore",  "delete", "remove", "destroy", "unlink",    "rm",      "del",
    "rollBack", "discard", "cancel",
};

/* Callbacks run inside a transaction. */
static const char *const tx_calls[] = {
    "transaction", "$transaction", "withTransaction", "runTransaction", "runInTransaction",
    "tx",          "inTransaction", "transact",      "atomic",         "serializable",
};

static bool word_match(const char *name, const char *w) {
  size_t k = strlen(w);
  if (strncmp(name, w, k) != 0) return false;
  char c = name[k];
  return c == '\0' || isupper((unsigned char)c) || isdigit((unsigned char)c) || c == '_';
}

static bool in_list(const char *name, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (word_match(name, list[i])) return true;
  return false;
}

static bool name_is(const char *name, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(name, list[i]) == 0) return true;
  return false;
}

/* fetch(url, { method: 'POST' }) and friends. */
static bool is_http_write(RlCtx *cx, RlNode call) {
  const char *name = rl_js_callee_name(cx, call);
  if (strcmp(name, "fetch") != 0 && strcmp(name, "request") != 0 &&
      strcmp(name, "axios") != 0)
    return false;
  for (uint32_t a = 0; a < rl_js_argc(cx, call); a++) {
    RlNode o = rl_strip(cx, rl_js_arg(cx, call, a));
    if (rl_kind(cx, o) != RL_JS_OBJECT) continue;
    for (RlNode p = rl_first_child(cx, o); p; p = rl_next_sibling(cx, p)) {
      if (rl_kind(cx, p) != RL_JS_PAIR || !rl_text_eq(cx, rl_child(cx, p, RL_F_KEY), "method"))
        continue;
      RlNode v = rl_child(cx, p, RL_F_VALUE);
      if (rl_kind(cx, v) != RL_JS_STRING) continue;
      return rl_text_contains_ci(cx, v, "post") || rl_text_contains_ci(cx, v, "put") ||
             rl_text_contains_ci(cx, v, "patch") || rl_text_contains_ci(cx, v, "delete");
    }
  }
  return false;
}

static bool is_write_call(RlCtx *cx, RlNode call) {
  if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return false;
  const char *name = rl_js_callee_name(cx, call);
  if (is_http_write(cx, call)) return true;
  if (!in_list(name, write_words, RL_COUNTOF(write_words))) return false;
  /* setKeys(), setState(): setters, mostly in memory; only a bare set() */
  if (word_match(name, "set") && strcmp(name, "set") != 0) return false;
  /* socket.destroy(err), client.destroy(): closing, not a write; an ORM's
   * Model.destroy({ where }) takes an object */
  if (strcmp(name, "destroy") == 0) {
    RlNode a = rl_strip(cx, rl_js_arg(cx, call, 0));
    if (rl_kind(cx, a) != RL_JS_OBJECT) return false;
  }
  /* createPool(), createConnection(), createClient(), createReadStream():
   * opening a local handle, not writing stored data */
  if (word_match(name, "create") && name_is(name + 6, local_handles, RL_COUNTOF(local_handles)))
    return false;
  /* rm(p, { force: true }): idempotent, a retry finishes the job */
  RlNode args = rl_child(cx, call, RL_F_ARGUMENTS);
  if (rl_text_contains_ci(cx, args, "force: true")) return false;
  return true;
}

/* The call chained on `n` as `n.catch(h)` or `n.then(ok, h)`: returns the
 * handler h, or RL_NONE. */
static RlNode chained_handler(RlCtx *cx, RlNode n) {
  RlNode p = rl_parent(cx, n);
  while (p && rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION) n = p, p = rl_parent(cx, p);
  if (rl_kind(cx, p) != RL_JS_MEMBER_EXPRESSION || rl_child(cx, p, RL_F_OBJECT) != n)
    return RL_NONE;
  RlNode call = rl_parent(cx, p);
  if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return RL_NONE;
  const char *m = rl_js_callee_name(cx, call);
  if (strcmp(m, "catch") == 0) return rl_js_arg(cx, call, 0);
  if (strcmp(m, "then") == 0) return rl_js_arg(cx, call, 1);
  return RL_NONE;
}

/* Is the write call `w` (inside callback `cb`) handling its own failure:
 * `w.catch(...)` (also after `.then(...)`), or inside a try with a catch
 * clause within cb? */
static bool handles_own_failure(RlCtx *cx, RlNode w, RlNode cb) {
  RlNode n = w;
  for (;;) {
    if (chained_handler(cx, n)) return true;
    RlNode p = rl_parent(cx, n);
    while (rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION) n = p, p = rl_parent(cx, p);
    if (rl_kind(cx, p) != RL_JS_MEMBER_EXPRESSION || rl_child(cx, p, RL_F_OBJECT) != n) break;
    RlNode call = rl_parent(cx, p);
    if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) break;
    const char *m = rl_js_callee_name(cx, call);
    if (strcmp(m, "then") != 0 && strcmp(m, "finally") != 0) break;
    n = call;
  }
  for (RlNode a = rl_parent(cx, w); a && a != cb; a = rl_parent(cx, a))
    if (rl_kind(cx, a) == RL_JS_TRY_STATEMENT && rl_child(cx, a, RL_F_HANDLER)) return true;
  return false;
}

/* Does the promise of call `w` flow out of callback `cb`: awaited, returned,
 * or the arrow's expression body (possibly through `.then(...)`)? A write
 * whose promise goes nowhere (`map.set(k, v)`, `form.append(x)`) is not one
 * of the operations Promise.all waits for. */
static bool flows_out(RlCtx *cx, RlNode w, RlNode cb) {
  RlNode top = w;
  for (;;) {
    RlNode p = rl_parent(cx, top);
    if (rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION || rl_kind(cx, p) == RL_JS_AS_EXPRESSION ||
        rl_kind(cx, p) == RL_JS_NON_NULL_EXPRESSION) {
      top = p;
      continue;
    }
    if (rl_kind(cx, p) == RL_JS_MEMBER_EXPRESSION && rl_child(cx, p, RL_F_OBJECT) == top &&
        rl_kind(cx, rl_parent(cx, p)) == RL_JS_CALL_EXPRESSION) {
      const char *m = rl_js_callee_name(cx, rl_parent(cx, p));
      if (strcmp(m, "then") == 0 || strcmp(m, "finally") == 0) {
        top = rl_parent(cx, p);
        continue;
      }
    }
    break;
  }
  RlNode p = rl_parent(cx, top);
  if (top == rl_child(cx, cb, RL_F_BODY)) return true;
  RlKind k = rl_kind(cx, p);
  return k == RL_JS_AWAIT_EXPRESSION || k == RL_JS_RETURN_STATEMENT;
}

/* Does callback `cb` make a write (outside nested functions) whose promise
 * flows out and which does not handle its own failure? The first one. */
static RlNode writes_in(RlCtx *cx, RlNode cb, RlNode body) {
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end)) {
    if (is_write_call(cx, i) && flows_out(cx, i, cb) && !handles_own_failure(cx, i, cb))
      return i;
  }
  return RL_NONE;
}

/* `xs.map(cb)`: the first write the callback makes, or RL_NONE. */
static RlNode map_write(RlCtx *cx, RlNode call) {
  if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return RL_NONE;
  if (strcmp(rl_js_callee_name(cx, call), "map") != 0 || !rl_js_callee_object(cx, call))
    return RL_NONE;
  RlNode cb = rl_strip(cx, rl_js_arg(cx, call, 0));
  if (!cb) return RL_NONE;
  if (rl_js_is_function(cx, cb)) {
    RlNode body = rl_child(cx, cb, RL_F_BODY);
    return body ? writes_in(cx, cb, body) : RL_NONE;
  }
  /* items.map(saveItem), items.map(this.save), items.map(db.insert) */
  const char *name = "";
  if (rl_kind(cx, cb) == RL_JS_IDENTIFIER) name = rl_text_dup(cx, cb);
  else if (rl_kind(cx, cb) == RL_JS_MEMBER_EXPRESSION)
    name = rl_text_dup(cx, rl_child(cx, cb, RL_F_PROPERTY));
  else if (rl_kind(cx, cb) == RL_JS_CALL_EXPRESSION &&
           strcmp(rl_js_callee_name(cx, cb), "bind") == 0) {
    RlNode f = rl_js_callee_object(cx, cb);
    if (rl_kind(cx, f) == RL_JS_MEMBER_EXPRESSION)
      name = rl_text_dup(cx, rl_child(cx, f, RL_F_PROPERTY));
  }
  if (in_list(name, write_words, RL_COUNTOF(write_words))) {
    /* a local function: look at what it does instead of its name */
    if (rl_kind(cx, cb) == RL_JS_IDENTIFIER) {
      RlNode fn = rl_js_local_function(cx, cb);
      if (fn) {
        RlNode body = rl_child(cx, fn, RL_F_BODY);
        return body ? writes_in(cx, fn, body) : RL_NONE;
      }
    }
    return cb;
  }
  if (rl_kind(cx, cb) == RL_JS_IDENTIFIER) {
    RlNode fn = rl_js_local_function(cx, cb);
    if (fn) {
      RlNode body = rl_child(cx, fn, RL_F_BODY);
      return body ? writes_in(cx, fn, body) : RL_NONE;
    }
  }
  return RL_NONE;
}

/* Writes among the elements of an array literal: count, and the first two. */
static uint32_t array_writes(RlCtx *cx, RlNode arr, RlNode first[2]) {
  uint32_t k = 0;
  for (RlNode e = rl_first_child(cx, arr); e; e = rl_next_sibling(cx, e)) {
    RlNode x = rl_strip(cx, e);
    if (rl_kind(cx, x) == RL_JS_SPREAD_ELEMENT) {
      RlNode w = map_write(cx, rl_strip(cx, rl_named_child(cx, x, 0)));
      if (w) {
        if (k < 2) first[k] = w;
        k += 2; /* a mapped write is any number of writes */
      }
      continue;
    }
    if (!is_write_call(cx, x)) continue;
    if (k < 2) first[k] = x;
    k++;
  }
  return k;
}

/* `ops` in Promise.all(ops): a local array filled with writes in the same
 * function (`const ops = xs.map(write)`, `= [w1, w2]`, `ops.push(w(x))`). */
static RlNode local_array_writes(RlCtx *cx, RlNode ident, RlNode scope) {
  if (!scope) return RL_NONE;
  RlNode end = rl_node_end(cx, scope);
  size_t n;
  const char *name = rl_text(cx, ident, &n);
  for (RlNode i = scope; i < end && i < ident; i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_JS_VARIABLE_DECLARATOR) {
      RlNode id = rl_child(cx, i, RL_F_NAME);
      size_t m;
      const char *t = rl_text(cx, id, &m);
      if (rl_kind(cx, id) != RL_JS_IDENTIFIER || m != n || memcmp(t, name, n) != 0) continue;
      RlNode v = rl_strip(cx, rl_child(cx, i, RL_F_VALUE));
      if (rl_kind(cx, v) == RL_JS_ARRAY) {
        RlNode first[2] = {RL_NONE, RL_NONE};
        if (array_writes(cx, v, first) >= 2) return first[0];
      }
      RlNode w = map_write(cx, v);
      if (w) return w;
    } else if (k == RL_JS_CALL_EXPRESSION && strcmp(rl_js_callee_name(cx, i), "push") == 0) {
      RlNode o = rl_strip(cx, rl_js_callee_object(cx, i));
      size_t m;
      const char *t = rl_text(cx, o, &m);
      if (rl_kind(cx, o) != RL_JS_IDENTIFIER || m != n || memcmp(t, name, n) != 0) continue;
      for (uint32_t a = 0; a < rl_js_argc(cx, i); a++) {
        RlNode x = rl_strip(cx, rl_js_arg(cx, i, a));
        if (is_write_call(cx, x)) return x;
      }
    }
  }
  return RL_NONE;
}

/* Does handler function/expression h compensate (rollback, undo, delete
 * what was created...)? Logging, rethrowing, answering do not count. */
static bool compensates(RlCtx *cx, RlNode h) {
  h = rl_strip(cx, h);
  if (!h) return false;
  if (rl_kind(cx, h) == RL_JS_IDENTIFIER || rl_kind(cx, h) == RL_JS_MEMBER_EXPRESSION) {
    size_t len;
    const char *t = rl_text(cx, h, &len);
    const char *dot = NULL;
    for (size_t i = 0; i < len; i++)
      if (t[i] == '.') dot = t + i;
    const char *name = rl_str(cx, dot ? dot + 1 : t, dot ? (size_t)(t + len - dot - 1) : len);
    return in_list(name, compensate_words, RL_COUNTOF(compensate_words));
  }
  RlNode end = rl_node_end(cx, h);
  for (RlNode i = h; i < end; i++) {
    if (rl_kind(cx, i) != RL_JS_CALL_EXPRESSION) continue;
    if (in_list(rl_js_callee_name(cx, i), compensate_words, RL_COUNTOF(compensate_words)))
      return true;
  }
  return false;
}

/* Is function `fn` the callback of a transaction call:
 * db.transaction(async (tx) => ...)? */
static bool is_tx_callback(RlCtx *cx, RlNode fn) {
  RlNode args = rl_parent(cx, fn);
  while (args && rl_kind(cx, args) == RL_JS_PARENTHESIZED_EXPRESSION) args = rl_parent(cx, args);
  if (rl_kind(cx, args) != RL_JS_ARGUMENTS) return false;
  return name_is(rl_js_callee_name(cx, rl_parent(cx, args)), tx_calls, RL_COUNTOF(tx_calls));
}

/* Does function `fn` drive a transaction itself: commit()/rollback()? */
static bool drives_tx(RlCtx *cx, RlNode fn) {
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  RlNode end = body ? rl_node_end(cx, body) : RL_NONE;
  for (RlNode i = body; i && i < end; i++) {
    if (rl_kind(cx, i) != RL_JS_CALL_EXPRESSION) continue;
    const char *m = rl_js_callee_name(cx, i);
    if (word_match(m, "commit") || word_match(m, "rollback") ||
        word_match(m, "commitTransaction") || word_match(m, "abortTransaction"))
      return true;
  }
  return false;
}

/* Per-file memo of drives_tx: 0 unknown, 1 no, 2 yes, by function node. */
typedef struct {
  uint8_t *tx;
  uint32_t ncalls; /* candidates deferred to phase 2, for their ids */
} State;

static void *begin_file(RlCtx *cx) {
  State *st = rl_alloc(cx, sizeof *st);
  st->tx = rl_alloc(cx, rl_node_count(cx));
  return st;
}

static bool drives_tx_memo(RlCtx *cx, State *st, RlNode fn) {
  if (!st->tx[fn]) st->tx[fn] = drives_tx(cx, fn) ? 2 : 1;
  return st->tx[fn] == 2;
}

/* Is `n` inside a transaction callback, or in a function that commits or
 * rolls back itself, or inside a try whose catch compensates? */
static bool handled(RlCtx *cx, State *st, RlNode pa) {
  RlNode h = chained_handler(cx, pa);
  if (h && compensates(cx, h)) return true;
  RlNode child = pa;
  for (RlNode a = rl_parent(cx, pa); a; child = a, a = rl_parent(cx, a)) {
    RlKind k = rl_kind(cx, a);
    if (k == RL_JS_TRY_STATEMENT && rl_field(cx, child) == RL_F_BODY) {
      RlNode c = rl_child(cx, a, RL_F_HANDLER);
      if (c && compensates(cx, rl_child(cx, c, RL_F_BODY))) return true;
    }
    if (!rl_js_is_function(cx, a)) continue;
    return is_tx_callback(cx, a) || drives_tx_memo(cx, st, a); /* the nearest function */
  }
  return false;
}

static const char *call_label(RlCtx *cx, RlNode w) {
  if (rl_kind(cx, w) != RL_JS_CALL_EXPRESSION) return rl_text_dup(cx, w);
  RlNode f = rl_strip(cx, rl_child(cx, w, RL_F_FUNCTION));
  size_t len;
  const char *t = rl_text(cx, f, &len);
  if (len > 40) return rl_js_callee_name(cx, w);
  return rl_str(cx, t, len);
}

/* Section - calls between functions, for the caller's transaction */

enum {
  /* A Promise.all over writes not handled in its own function, deferred to
   * phase 2: a = message, b = the function's name ("Class.method"),
   * aux = id in the file. */
  FACT_CANDIDATE = RL_FACT_RULE,
  /* A write of candidate aux: a = its label. */
  FACT_WRITE,
  /* An awaited or returned call in a named function: a = callee's last
   * name, b = the caller's name, c = "this" (this.m()), "" (m()) or "."
   * (x.m()); aux = 1 when the call runs inside a transaction. */
  FACT_CALL,
};

/* Is the call's promise awaited or returned by its function (so a
 * transaction around the caller also spans it)? */
static bool awaited(RlCtx *cx, RlNode call) {
  RlNode top = call, p = rl_parent(cx, call);
  while (p && (rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION ||
               rl_kind(cx, p) == RL_JS_AS_EXPRESSION || rl_kind(cx, p) == RL_JS_NON_NULL_EXPRESSION))
    top = p, p = rl_parent(cx, p);
  if (rl_kind(cx, p) == RL_JS_AWAIT_EXPRESSION || rl_kind(cx, p) == RL_JS_RETURN_STATEMENT)
    return true;
  return rl_js_is_function(cx, p) && rl_child(cx, p, RL_F_BODY) == top;
}

/* Records an awaited call `this.m()`, `m()` or `x.m()` made by a named
 * function, and whether it runs inside a transaction: the function commits
 * or rolls back, or the call is in a transaction callback. A call in
 * another callback (`items.forEach(async (x) => ...)`) may run after its
 * function returned, so it is not that function's call. */
static void record_call(RlCtx *cx, State *st, RlNode call) {
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  const char *recv;
  if (rl_kind(cx, f) == RL_JS_IDENTIFIER) recv = "";
  else if (rl_kind(cx, f) == RL_JS_MEMBER_EXPRESSION)
    recv = rl_kind(cx, rl_strip(cx, rl_child(cx, f, RL_F_OBJECT))) == RL_JS_THIS ? "this" : ".";
  else
    return;
  if (!awaited(cx, call)) return;
  const char *callee = rl_js_callee_name(cx, call);
  if (!*callee) return;
  RlNode fn = rl_enclosing_function(cx, call);
  if (!fn) return;
  bool tx = drives_tx_memo(cx, st, fn);
  const char *caller = rl_function_name(cx, fn);
  for (RlNode a = fn; a && !tx; a = rl_enclosing_function(cx, a)) tx = is_tx_callback(cx, a);
  if (!tx && !*caller) return;
  RlFact *fact = rl_fact_add(cx, FACT_CALL, call, callee, caller, recv);
  fact->aux = tx;
}

static void check(RlCtx *cx, RlNode call, void *state) {
  State *st = state;
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  /* tree-sitter-typescript reads `await Promise.all<T>(x)` as
   * `(await Promise.all)<T>(x)` */
  if (rl_kind(cx, f) == RL_JS_AWAIT_EXPRESSION) f = rl_strip(cx, rl_named_child(cx, f, 0));
  if (rl_kind(cx, f) != RL_JS_MEMBER_EXPRESSION ||
      !rl_text_eq(cx, rl_child(cx, f, RL_F_OBJECT), "Promise") ||
      !rl_text_eq(cx, rl_child(cx, f, RL_F_PROPERTY), "all")) {
    record_call(cx, st, call);
    return;
  }
  /* in a test, a failed write fails the test, whose state is thrown away:
   * setup and teardown writes in parallel are harmless there */
  if (rl_file_context(cx) == RL_CTX_TEST && !rl_file_strict(cx)) return;
  RlNode arg = rl_strip(cx, rl_js_arg(cx, call, 0));
  if (!arg) return;
  RlNode first[2] = {RL_NONE, RL_NONE};
  bool mapped = false;
  if (rl_kind(cx, arg) == RL_JS_ARRAY) {
    uint32_t k = array_writes(cx, arg, first);
    if (k < 2) return;
    if (!first[1]) mapped = true;
  } else if (rl_kind(cx, arg) == RL_JS_IDENTIFIER) {
    RlNode fn = rl_enclosing_function(cx, call);
    first[0] = local_array_writes(cx, arg, fn ? rl_child(cx, fn, RL_F_BODY) : rl_root(cx));
    mapped = true;
  } else {
    first[0] = map_write(cx, arg);
    mapped = true;
  }
  if (!first[0]) return;
  if (handled(cx, st, call)) return;
  RlLoc l0 = rl_loc(cx, first[0]);
  const char *msg;
  if (mapped || !first[1]) {
    msg = rl_fmt(cx,
                 "Promise.all over '%s' (line %u) rejects at the first failed write while "
                 "the other writes keep running and stay applied, and nothing reports "
                 "which ones succeeded",
                 call_label(cx, first[0]), l0.line);
  } else {
    RlLoc l1 = rl_loc(cx, first[1]);
    msg = rl_fmt(cx,
                 "Promise.all over the writes '%s' (line %u) and '%s' (line %u) rejects at "
                 "the first failure while the other writes keep running and stay applied, "
                 "and nothing reports which ones succeeded",
                 call_label(cx, first[0]), l0.line, call_label(cx, first[1]), l1.line);
  }
  /* In a named function, a caller may run it inside its transaction: phase
   * 2 decides. Elsewhere (top level, an anonymous callback) report now. */
  RlNode fn = rl_enclosing_function(cx, call);
  const char *name = fn ? rl_function_name(cx, fn) : "";
  if (*name) {
    RlFact *c = rl_fact_add(cx, FACT_CANDIDATE, call, msg, name, NULL);
    c->aux = st->ncalls;
    rl_js_fix_settle_all(cx, call, NULL, c); /* kept on the fact for phase 2 */
    for (int i = 0; i < 2 && first[i]; i++)
      rl_fact_add(cx, FACT_WRITE, first[i], call_label(cx, first[i]), NULL, NULL)->aux =
          st->ncalls;
    st->ncalls++;
    return;
  }
  RlReport *r = rl_report(cx, call, "%s", msg);
  rl_report_related(cx, r, first[0], "writes here");
  if (first[1]) rl_report_related(cx, r, first[1], "writes here");
  rl_js_fix_settle_all(cx, call, r, NULL);
}

/* Section - phase 2: is a candidate's function run inside a caller's
 * transaction? */

#define MAX_DEPTH 4    /* calls followed up from the candidate's function */
#define MAX_VISITED 256

typedef struct {
  RlProject *px;
  const RlRule *self;
  const RlFact **calls; /* FACT_CALL facts of the project, by callee name */
  uint32_t ncalls;
  struct {
    uint32_t file;
    const char *name;
  } seen[MAX_VISITED];
  uint32_t nseen;
} Walk;

static int by_callee(const void *a, const void *b) {
  const RlFact *x = *(const RlFact *const *)a, *y = *(const RlFact *const *)b;
  int c = strcmp(x->a, y->a);
  if (c) return c;
  if (x->file != y->file) return x->file < y->file ? -1 : 1;
  return x->loc.line < y->loc.line ? -1 : x->loc.line > y->loc.line;
}

/* Does module `from` import module `to` (import or require, by path)? */
static bool imports(const RlProject *px, uint32_t from, uint32_t to) {
  uint32_t n;
  const RlFact *f = rl_project_facts(px, from, &n);
  for (uint32_t i = 0; i < n; i++)
    if (f[i].kind == RL_FACT_IMPORT && f[i].import.module[0] == '.' &&
        rl_project_resolve(px, from, f[i].import.module) == (int32_t)to)
      return true;
  return false;
}

/* Can call `e` reach function `name` of `file`? `this.m()` only in the same
 * class; `m()` when the name is bound to that function (same file, or
 * through imports); `x.m()` in the same module or one that imports it. The
 * receiver's type is unknown, so a method name alone is not enough. */
static bool calls_it(Walk *w, const RlFact *e, uint32_t file, const char *name) {
  const char *dot = strrchr(name, '.');
  size_t clen = dot ? (size_t)(dot - name) : 0;
  if (strcmp(e->c, "this") == 0)
    return dot && e->file == file && strncmp(e->b, name, clen) == 0 && e->b[clen] == '.';
  if (strcmp(e->c, "") == 0) {
    if (dot) return false;
    const RlFact *fn = rl_project_js_binding(w->px, e->file, e->a);
    return fn && fn->file == file && strcmp(fn->fn.name, name) == 0;
  }
  return e->file == file || imports(w->px, e->file, file);
}

static bool seen(Walk *w, uint32_t file, const char *name) {
  for (uint32_t i = 0; i < w->nseen; i++)
    if (w->seen[i].file == file && strcmp(w->seen[i].name, name) == 0) return true;
  if (w->nseen == MAX_VISITED) return true; /* give up: report */
  w->seen[w->nseen].file = file;
  w->seen[w->nseen].name = name;
  w->nseen++;
  return false;
}

static bool in_caller_tx(Walk *w, uint32_t file, const char *name, int depth) {
  if (depth >= MAX_DEPTH) return false;
  const char *dot = strrchr(name, '.');
  const char *m = dot ? dot + 1 : name;
  /* first call of m */
  uint32_t lo = 0, hi = w->ncalls;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (strcmp(w->calls[mid]->a, m) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (uint32_t i = lo; i < w->ncalls && strcmp(w->calls[i]->a, m) == 0; i++) {
    const RlFact *e = w->calls[i];
    if (!calls_it(w, e, file, name)) continue;
    if (e->aux) return true;
    if (seen(w, e->file, e->b)) continue;
    if (in_caller_tx(w, e->file, e->b, depth + 1)) return true;
  }
  return false;
}

static void project(RlProject *px, const RlRule *self) {
  uint32_t nfiles = rl_project_nfiles(px), total = 0;
  for (uint32_t file = 0; file < nfiles; file++) {
    uint32_t n;
    const RlFact *f = rl_project_facts(px, file, &n);
    for (uint32_t i = 0; i < n; i++) total += f[i].kind == FACT_CALL && rl_fact_of(px, &f[i], self);
  }
  Walk w = {.px = px, .self = self};
  w.calls = total ? malloc(total * sizeof *w.calls) : NULL;
  if (total && !w.calls) return;
  for (uint32_t file = 0; file < nfiles; file++) {
    uint32_t n;
    const RlFact *f = rl_project_facts(px, file, &n);
    for (uint32_t i = 0; i < n; i++)
      if (f[i].kind == FACT_CALL && rl_fact_of(px, &f[i], self)) w.calls[w.ncalls++] = &f[i];
  }
  if (w.ncalls) qsort(w.calls, w.ncalls, sizeof *w.calls, by_callee);
  for (uint32_t file = 0; file < nfiles; file++) {
    uint32_t n;
    const RlFact *f = rl_project_facts(px, file, &n);
    for (uint32_t i = 0; i < n; i++) {
      if (f[i].kind != FACT_CANDIDATE || !rl_fact_of(px, &f[i], self)) continue;
      w.nseen = 0;
      seen(&w, file, f[i].b);
      if (in_caller_tx(&w, file, f[i].b, 0)) continue;
      RlReport *r = rl_project_report(px, self, &f[i], "%s", f[i].a);
      for (uint32_t j = i + 1; j < n; j++)
        if (f[j].kind == FACT_WRITE && rl_fact_of(px, &f[j], self) && f[j].aux == f[i].aux)
          rl_project_related(px, r, &f[j], "writes here");
      rl_project_fix(px, r, &f[i]); /* settleAll, built in phase 1 */
    }
  }
  free(w.calls);
}

static const RlKind kinds[] = {RL_JS_CALL_EXPRESSION};

const RlRule rl_rule_promise_all_mutation = {
    .id = "promise-all-mutation",
    .title = "Promise.all over writes without handling partial failure",
    .summary = "Finds Promise.all over operations that write, where one failure leaves the others applied and unreported.",
    .langs = RL_LANG_JSTS,
    .severity = RL_SEV_WARNING,
    .category = RL_CAT_CORRECTNESS,
    .precision = "low",
    .hint = "Use the runtime's settleAll(promises), which waits for every write and reports which failed, or run the writes in one transaction.",
    .kinds = kinds,
    .nkinds = RL_COUNTOF(kinds),
    .begin_file = begin_file,
    .check = check,
    .strict = true, /* issue 17: no real finding on seven code bases (rules/<id>.md) */
    .project = project,
};
