/* lang_js.c - JavaScript and TypeScript in the language table (lang.h):
 * the grammar tables for the run, a tree-sitter parser per thread, parsing
 * (reusing an editor's kept tree), and the facts (js_facts.c). */
#include "lang_js.h"

#include "engine.h"
#include "front_js.h"
#include "js_facts.h"

static void *rl_lang_js__session_new(const char **err) {
  return rl_front_js_tables_new(err);
}

static void rl_lang_js__session_delete(void *state) { rl_front_js_tables_delete(state); }

static void *rl_lang_js__worker_new(const RlSession *s) {
  (void)s;
  return rl_front_js_parser_new();
}

static void rl_lang_js__worker_delete(void *worker) { rl_front_js_parser_delete(worker); }

static void rl_lang_js__parse(RlLangJob *job) {
  const RlSession *s = job->session;
  RlCtx *cx = job->cx;
  if (s->parse_only) {
    job->parsed = rl_front_js_parse_only(job->worker, job->state, cx->lang, cx->src, cx->len);
    return;
  }
  RlJsParseResult r = rl_front_js_parse_reuse(job->worker, job->state, cx->lang, cx->src,
                                              cx->len, s->parse_timeout_us, &cx->tree,
                                              job->doc_tree);
  job->parsed = r.ok;
  job->first_error = r.first_error;
  if (!r.ok)
    rl_engine_notice(job->file, false,
                     "skipped: parsing took longer than --parse-timeout (%llu ms)",
                     (unsigned long long)(s->parse_timeout_us / 1000u));
}

const RlLangOps rl_lang_js = {
    .name = "js",
    .langs = RL_LANG_JSTS,
    .session_new = rl_lang_js__session_new,
    .session_delete = rl_lang_js__session_delete,
    .worker_new = rl_lang_js__worker_new,
    .worker_delete = rl_lang_js__worker_delete,
    .parse = rl_lang_js__parse,
    .facts = rl_js_facts_extract,
};
