/* js/callback-promise-mix-logged.c - the "logged rethrow" sub-shape of
 * callback-promise-mix's listeners and timers
 * (rules/js/callback-promise-mix-logged.h): the callee reports its failure
 * before rethrowing it for direct callers, so the listener's unhandled
 * rejection reports it a second time. Kept out of the default preset on
 * measure (rules/callback-promise-mix.md, item 3).
 * Doc: rules/callback-promise-mix.md, item 3. */
#include "callback-promise-mix-logged.h"

#include <string.h>

#include "floating-promise.h"

static const char *const loggers[] = {"console", "logger", "log", "this.logger", "this.log"};
static const char *const log_levels[] = {"error", "warn"};

static bool text_in(RlCtx *cx, RlNode n, const char *const *list, size_t count) {
  for (size_t i = 0; n && i < count; i++)
    if (rl_text_eq(cx, n, list[i])) return true;
  return false;
}

/* The identifier at the root of `x`, `x[i]`, `x.y`, or RL_NONE. */
static RlNode root_name(RlCtx *cx, RlNode e) {
  e = rl_strip(cx, e);
  while (e && (rl_kind(cx, e) == RL_JS_SUBSCRIPT_EXPRESSION ||
               rl_kind(cx, e) == RL_JS_MEMBER_EXPRESSION))
    e = rl_strip(cx, rl_child(cx, e, RL_F_OBJECT));
  return e && rl_kind(cx, e) == RL_JS_IDENTIFIER ? e : RL_NONE;
}

/* Is there, in fn before node `before`, a log call (`console.error(...)`,
 * `logger.warn(...)`) whose arguments name the identifier `name`? */
static bool logged_before(RlCtx *cx, RlNode fn, RlNode before, RlNode name) {
  size_t n;
  const char *s = rl_text(cx, name, &n);
  for (RlNode i = fn; i < before; i++) {
    if (rl_kind(cx, i) != RL_JS_CALL_EXPRESSION) continue;
    const char *m = rl_js_callee_name(cx, i);
    if (!text_in(cx, rl_js_callee_object(cx, i), loggers, RL_COUNTOF(loggers)) ||
        !(strcmp(m, log_levels[0]) == 0 || strcmp(m, log_levels[1]) == 0))
      continue;
    RlNode args = rl_child(cx, i, RL_F_ARGUMENTS), end = rl_node_end(cx, args);
    for (RlNode j = args; j < end; j++) {
      size_t jn;
      const char *js = rl_kind(cx, j) == RL_JS_IDENTIFIER ? rl_text(cx, j, &jn) : NULL;
      if (js && jn == n && memcmp(js, s, n) == 0) return true;
    }
  }
  return false;
}

/* Does fn throw, and only values it logged before (see the header)? */
static bool rethrows_logged(RlCtx *cx, RlNode fn) {
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return false;
  bool any = false;
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end)) {
    if (rl_kind(cx, i) != RL_JS_THROW_STATEMENT) continue;
    RlNode name = root_name(cx, rl_named_child(cx, i, 0));
    if (!name || !logged_before(cx, body, i, name)) return false;
    any = true;
  }
  return any;
}

bool rl_cpm_logged_rethrow(RlCtx *cx, RlNode fn) {
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return false;
  bool any = false;
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end)) {
    RlKind k = rl_kind(cx, i);
    bool throws = k == RL_JS_THROW_STATEMENT ||
                  (k == RL_JS_FOR_IN_STATEMENT && rl_has_token(cx, i, "await"));
    if (throws && !rl_floating_promise_in_try_block(cx, i, fn)) return false;
    if (k != RL_JS_AWAIT_EXPRESSION || rl_floating_promise_in_try_block(cx, i, fn)) continue;
    RlFpEv bud = {.left = 2};
    RlNode call = rl_strip(cx, rl_named_child(cx, i, 0));
    RlNode callee = rl_floating_promise_callee_fn(cx, call, 3, &bud);
    if (!callee || !rethrows_logged(cx, callee)) return false;
    any = true;
  }
  return any;
}
