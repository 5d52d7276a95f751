/* sequential-await.c - independent reads awaited one after another.
 *
 * In one block, consecutive statements of the form
 *     const x = await readCall(...);   /  x = await readCall(...);
 * where each call looks like a read (its name starts with get, fetch, load,
 * find, read, list, query, select, count, head, stat, exists, lookup,
 * search, describe, retrieve) and no later call uses a name bound by an
 * earlier statement of the run. Any other statement in between ends the
 * run (it may have side effects the later read depends on). Not reported:
 * inside loops, names that say write or take (findOrCreate,
 * findOneAndUpdate, getLock, getConnection, readLine, next ...), fetch()
 * with a method other than GET/HEAD or a body, SQL text that writes or
 * locks (UPDATE, INSERT, ... FOR UPDATE), the same call twice (a re-read),
 * prompts (prompt.get, inquirer's select({ message })), and loaders
 * without arguments on `this` or no receiver (loadConfig(): they tend to
 * fill state the next read uses).
 * Reported at the second await of a run, related location at the first.
 * Doc: rules/sequential-await.md */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../analyzer/rule_api.h"
#include "js/fixes.h"

#define MAX_RUN 16

typedef struct Await {
  RlNode stmt, await, call, binder;
  const char *callee;
} Await;

static const char *const read_prefixes[] = {
    "get",  "fetch", "load",   "find",   "read",     "list",     "query",   "select", "count",
    "head", "stat",  "exists", "lookup", "search",   "describe", "retrieve"};

/* Name parts that make a read-looking name a write, a lock, a cursor, or a
 * guard (getSession, getAuthUser: they throw for the caller who may not
 * see what the next read returns). */
static const char *const not_read_parts[] = {
    "Create",   "Update",     "Delete",  "Insert",  "Upsert",  "Save",    "Write",  "Remove",
    "Modify",   "Replace",    "Set",     "Increment", "Decrement", "Pop", "Shift",  "Claim",
    "Reserve",  "Consume",    "Acquire", "Take",    "Lock",    "Mutex",   "Semaphore",
    "Lease",    "Permit",     "Connection", "Client", "Session", "Transaction", "Next",
    "Line",     "Chunk",      "Bytes",   "Or",      "And",     "Auth",    "Permission",
    "Credential"};

static bool is_read_name(const char *s) {
  bool prefix = false;
  for (size_t i = 0; i < RL_COUNTOF(read_prefixes) && !prefix; i++) {
    size_t n = strlen(read_prefixes[i]);
    if (strncmp(s, read_prefixes[i], n) != 0) continue;
    char c = s[n];
    prefix = c == 0 || isupper((unsigned char)c) || isdigit((unsigned char)c) || c == '_';
  }
  if (!prefix || strcmp(s, "read") == 0 || strcmp(s, "readline") == 0) return false;
  for (size_t i = 0; i < RL_COUNTOF(not_read_parts); i++) {
    const char *p = strstr(s, not_read_parts[i]);
    size_t n = strlen(not_read_parts[i]);
    /* a whole camel-case part: followed by an upper-case letter or the end */
    while (p && p[n] && !isupper((unsigned char)p[n]) && !isdigit((unsigned char)p[n]))
      p = strstr(p + 1, not_read_parts[i]);
    if (p) return false;
  }
  return true;
}

/* Does a string argument look like SQL that writes or locks? */
static bool sql_write(const char *s, size_t n) {
  static const char *const kw[] = {"insert", "update", "delete", "replace", "create",
                                   "drop",   "alter",  "truncate", "merge", "upsert",
                                   "lock",   "begin",  "commit",  "set",   "call", "grant"};
  size_t i = 0;
  while (i < n && (s[i] == '\'' || s[i] == '"' || s[i] == '`' || isspace((unsigned char)s[i])))
    i++;
  for (size_t k = 0; k < RL_COUNTOF(kw); k++) {
    size_t m = strlen(kw[k]);
    if (i + m <= n && strncasecmp(s + i, kw[k], m) == 0 &&
        (i + m == n || !isalnum((unsigned char)s[i + m])))
      return true;
  }
  for (size_t j = 0; j + 10 <= n; j++)
    if (strncasecmp(s + j, "for update", 10) == 0 || strncasecmp(s + j, "for share", 9) == 0)
      return true;
  return false;
}

/* Do the call's arguments say it writes: a fetch() option `method` other
 * than GET/HEAD, a `body`, or SQL that writes? */
static bool writes(RlCtx *cx, RlNode call) {
  RlNode args = rl_child(cx, call, RL_F_ARGUMENTS);
  RlNode end = args ? rl_node_end(cx, args) : RL_NONE;
  for (RlNode i = args; i && i < end; i = rl_js_own_next(cx, i, end)) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_JS_PAIR) {
      RlNode key = rl_child(cx, i, RL_F_KEY);
      size_t n;
      const char *t = rl_text(cx, key, &n);
      while (n && (*t == '\'' || *t == '"')) t++, n--;
      while (n && (t[n - 1] == '\'' || t[n - 1] == '"')) n--;
      if (n == 4 && memcmp(t, "body", 4) == 0) return true;
      /* interactive prompts (inquirer's select({ message, choices })) */
      if ((n == 7 && memcmp(t, "message", 7) == 0) || (n == 7 && memcmp(t, "choices", 7) == 0))
        return true;
      if (n == 6 && memcmp(t, "method", 6) == 0) {
        size_t vn;
        const char *v = rl_text(cx, rl_child(cx, i, RL_F_VALUE), &vn);
        if (!(vn == 5 && (strncasecmp(v + 1, "get", 3) == 0)) &&
            !(vn == 6 && strncasecmp(v + 1, "head", 4) == 0))
          return true;
      }
    } else if (k == RL_JS_SHORTHAND_PROPERTY_IDENTIFIER && rl_text_eq(cx, i, "body")) {
      return true;
    } else if (k == RL_JS_STRING || k == RL_JS_TEMPLATE_STRING) {
      size_t n;
      const char *t = rl_text(cx, i, &n);
      if (sql_write(t, n)) return true;
      i = rl_node_end(cx, i) - 1;
    }
  }
  return false;
}

/* Does the subtree n call, await, assign or create anything? */
static bool has_effects(RlCtx *cx, RlNode n) {
  RlNode end = rl_node_end(cx, n);
  for (RlNode i = n; i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_JS_CALL_EXPRESSION || k == RL_JS_NEW_EXPRESSION ||
        k == RL_JS_AWAIT_EXPRESSION || k == RL_JS_ASSIGNMENT_EXPRESSION ||
        k == RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION || k == RL_JS_UPDATE_EXPRESSION ||
        k == RL_JS_YIELD_EXPRESSION)
      return true;
  }
  return false;
}

/* The await inside `(await f()).rows` or `(await f()) ?? []`, or the value
 * itself. */
static RlNode unwrap(RlCtx *cx, RlNode v) {
  for (int d = 0; d < 8; d++) {
    v = rl_strip(cx, v);
    RlKind k = rl_kind(cx, v);
    if (k == RL_JS_MEMBER_EXPRESSION) {
      v = rl_child(cx, v, RL_F_OBJECT);
    } else if (k == RL_JS_BINARY_EXPRESSION &&
               (!strcmp(rl_op(cx, v), "??") || !strcmp(rl_op(cx, v), "||")) &&
               !has_effects(cx, rl_child(cx, v, RL_F_RIGHT))) {
      v = rl_child(cx, v, RL_F_LEFT);
    } else {
      break;
    }
  }
  return v;
}

/* A prompt or terminal read: its order is the user's (prompt.get,
 * rl.question, inquirer ...). */
static bool interactive(RlCtx *cx, RlNode call) {
  static const char *const parts[] = {"prompt", "Prompt", "inquirer", "readline", "stdin",
                                      "terminal", "question"};
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  size_t n;
  const char *t = rl_text(cx, f, &n);
  for (size_t i = 0; i < RL_COUNTOF(parts); i++) {
    size_t m = strlen(parts[i]);
    for (size_t j = 0; j + m <= n; j++)
      if (memcmp(t + j, parts[i], m) == 0) return true;
  }
  RlNode obj = rl_strip(cx, rl_js_callee_object(cx, call));
  return obj && (rl_text_eq(cx, obj, "rl") || rl_text_eq(cx, obj, "ui"));
}

/* `const x = await f()`, `x = await f()`: the parts, or false. */
static bool parse_await(RlCtx *cx, RlNode st, Await *out) {
  RlNode value = RL_NONE, binder = RL_NONE;
  RlKind k = rl_kind(cx, st);
  if (k == RL_JS_LEXICAL_DECLARATION || k == RL_JS_VARIABLE_DECLARATION) {
    RlNode decl = RL_NONE;
    for (RlNode v = rl_first_child(cx, st); v; v = rl_next_sibling(cx, v)) {
      if (rl_kind(cx, v) != RL_JS_VARIABLE_DECLARATOR) continue;
      if (decl) return false; /* one declarator only */
      decl = v;
    }
    if (!decl) return false;
    binder = rl_child(cx, decl, RL_F_NAME);
    value = rl_child(cx, decl, RL_F_VALUE);
  } else if (k == RL_JS_EXPRESSION_STATEMENT) {
    RlNode e = rl_strip(cx, rl_named_child(cx, st, 0));
    if (rl_kind(cx, e) != RL_JS_ASSIGNMENT_EXPRESSION) return false;
    binder = rl_child(cx, e, RL_F_LEFT);
    RlKind bk = rl_kind(cx, binder);
    if (bk != RL_JS_IDENTIFIER && bk != RL_JS_ARRAY_PATTERN && bk != RL_JS_OBJECT_PATTERN)
      return false;
    value = rl_child(cx, e, RL_F_RIGHT);
  } else {
    return false;
  }
  RlNode aw = unwrap(cx, value);
  if (rl_kind(cx, aw) != RL_JS_AWAIT_EXPRESSION) return false;
  RlNode call = rl_strip(cx, rl_named_child(cx, aw, 0));
  if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return false;
  /* await getX().catch(() => null): the read is the receiver */
  RlNode read = call;
  if (!strcmp(rl_js_callee_name(cx, call), "catch")) {
    read = rl_strip(cx, rl_js_callee_object(cx, call));
    if (rl_kind(cx, read) != RL_JS_CALL_EXPRESSION) return false;
  }
  const char *callee = rl_js_callee_name(cx, read);
  if (!*callee || !is_read_name(callee) || writes(cx, read) || interactive(cx, read))
    return false;
  /* loadConfig(), this.loadPlugins(): a loader without arguments usually
   * fills state that the next call reads */
  RlNode obj = rl_js_callee_object(cx, read);
  if (!strncmp(callee, "load", 4) && rl_js_argc(cx, read) == 0 &&
      (!obj || rl_kind(cx, rl_strip(cx, obj)) == RL_JS_THIS))
    return false;
  *out = (Await){st, aw, call, binder, callee};
  return true;
}

/* Does the subtree `use` mention a name bound by `binder`? */
static bool depends(RlCtx *cx, RlNode use, RlNode binder) {
  RlNode bend = rl_node_end(cx, binder), uend = rl_node_end(cx, use);
  for (RlNode b = binder; b < bend; b++) {
    RlKind bk = rl_kind(cx, b);
    if (bk != RL_JS_IDENTIFIER && bk != RL_JS_SHORTHAND_PROPERTY_IDENTIFIER_PATTERN) continue;
    size_t n;
    const char *s = rl_text(cx, b, &n);
    for (RlNode u = use; u < uend; u++) {
      RlKind uk = rl_kind(cx, u);
      if (uk != RL_JS_IDENTIFIER && uk != RL_JS_SHORTHAND_PROPERTY_IDENTIFIER) continue;
      size_t m;
      const char *t = rl_text(cx, u, &m);
      if (m == n && memcmp(s, t, n) == 0) return true;
    }
  }
  return false;
}

static void flush(RlCtx *cx, const Await *run, uint32_t n) {
  if (n < 2) return;
  RlLoc l0 = rl_loc(cx, run[0].await), l1 = rl_loc(cx, run[1].await);
  RlReport *r;
  if (n == 2) {
    r = rl_report(cx, run[1].await,
                  "'%s' at line %u uses nothing that the awaited '%s' at line %u produced, "
                  "yet starts only after it finishes: the two independent reads run one "
                  "after another instead of concurrently",
                  run[1].callee, l1.line, run[0].callee, l0.line);
  } else {
    char lines[160] = "";
    size_t len = 0;
    for (uint32_t i = 0; i < n && len + 24 < sizeof lines; i++) {
      RlLoc li = rl_loc(cx, run[i].await);
      const char *sep = i == 0 ? "" : i + 1 == n ? " and " : ", ";
      size_t room = sizeof lines - len;
      int w = snprintf(lines + len, room, "%s%u", sep, li.line);
      if (w < 0 || (size_t)w >= room) break;
      len += (size_t)w;
    }
    r = rl_report(cx, run[1].await,
                  "the awaited reads at lines %s ('%s', '%s', ...) use nothing the earlier "
                  "ones produced, yet each starts only after the previous one finishes: "
                  "%u independent reads run one after another instead of concurrently",
                  lines, run[0].callee, run[1].callee, n);
  }
  rl_report_related(cx, r, run[0].await, "the first read, awaited here");
  RlNode st[MAX_RUN], aw[MAX_RUN], call[MAX_RUN], binder[MAX_RUN];
  for (uint32_t i = 0; i < n; i++)
    st[i] = run[i].stmt, aw[i] = run[i].await, call[i] = run[i].call, binder[i] = run[i].binder;
  rl_js_fix_sequential(cx, r, st, aw, call, binder, n);
}

/* A loop around the block inside its function (O(1): rl_js_enclosing_loop;
 * walking up from every block was quadratic in an else-if chain). */
static bool in_loop(RlCtx *cx, RlNode block) { return rl_js_enclosing_loop(cx, block) != RL_NONE; }

static void check(RlCtx *cx, RlNode block, void *state) {
  (void)state;
  /* a test or a one-shot script waits a little longer; nobody is waiting
   * on it (issue 17: the real findings were on request paths) */
  if (rl_file_context(cx) != RL_CTX_LIBRARY) return;
  if (in_loop(cx, block)) return;
  Await run[MAX_RUN];
  uint32_t n = 0;
  for (RlNode st = rl_first_child(cx, block); st; st = rl_next_sibling(cx, st)) {
    if (rl_is_token(cx, st) || rl_kind(cx, st) == RL_JS_COMMENT) continue;
    Await a;
    if (!parse_await(cx, st, &a)) {
      flush(cx, run, n);
      n = 0;
      continue;
    }
    bool dep = n == MAX_RUN;
    for (uint32_t i = 0; i < n && !dep; i++)
      dep = depends(cx, a.call, run[i].binder) || rl_same_expr(cx, a.call, run[i].call) ||
            depends(cx, a.binder, run[i].binder); /* the same variable assigned twice */
    if (dep) {
      flush(cx, run, n);
      n = 0;
    }
    run[n++] = a;
  }
  flush(cx, run, n);
}

static const RlKind kinds[] = {RL_JS_STATEMENT_BLOCK, RL_JS_PROGRAM};

const RlRule rl_rule_sequential_await = {
    .id = "sequential-await",
    .title = "Independent reads awaited one after another",
    .summary = "Finds consecutive awaits of independent reads that could run concurrently.",
    .langs = RL_LANG_JSTS,
    .severity = RL_SEV_NOTE,
    .category = RL_CAT_CORRECTNESS,
    .precision = "low",
    .hint = "Start the independent reads together: const [a, b] = await Promise.all([readA(), readB()]); the runtime's mapConcurrent() bounds how many run at once.",
    .kinds = kinds,
    .nkinds = RL_COUNTOF(kinds),
    .check = check,
    .strict = true, /* issue 17: no real finding on seven code bases (rules/<id>.md) */
};
