/* session.c - run configuration and the kind -> rules dispatch table. */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void rl_session_init_with(RlSession *self, const RlRule *const *rules, uint32_t nrules,
                          const RlLangOps *const *langs, uint32_t nlangs) {
  memset(self, 0, sizeof *self);
  self->rules = rules;
  self->nrules = nrules < RL_MAX_RULES ? nrules : RL_MAX_RULES;
  self->langs = langs;
  self->nlangs = nlangs < RL_MAX_LANGS ? nlangs : RL_MAX_LANGS;
  for (uint32_t i = 0; i < self->nrules; i++) {
    self->enabled[i] = !self->rules[i]->off_by_default && !self->rules[i]->strict;
    self->narrow[i] = self->rules[i]->narrow_default;
    self->severity[i] = self->rules[i]->severity;
  }
  self->max_file_size = 8u << 20;
  self->parse_timeout_us = 10u * 1000u * 1000u; /* a per-file budget for tree-sitter */
  self->c_timeout_ms = 20u * 1000u; /* libclang, headers included, on a loaded machine */
  /* RACELINT_PARSE_TIMEOUT=MS: the default of --parse-timeout, also for the
   * editor server, which has no such option (0: no limit; the option wins).
   * The test suite sets 0 wherever it is not testing the budget itself. */
  const char *pt = getenv("RACELINT_PARSE_TIMEOUT");
  if (pt && *pt) {
    char *end;
    long long ms = strtoll(pt, &end, 10);
    if (!*end && ms >= 0 && ms <= 86400000LL) {
      self->parse_timeout_us = (uint64_t)ms * 1000u;
      self->c_timeout_ms = (uint64_t)ms;
    } else {
      fprintf(stderr, "racelint: RACELINT_PARSE_TIMEOUT takes milliseconds, not '%s' (ignored)\n", pt);
    }
  }
  self->c_memory_limit = (uint64_t)2 << 30;
  self->c_args = rl_calloc(1, sizeof(char *));
#ifdef RL_RUNTIME_INCLUDE_DIRS
  /* <racelint/rt.h> without -I: the runtime's headers where the install
   * prefix puts them (pkg-config's includedir for rlrt) and in this source
   * tree, searched after every other directory so that a project's own
   * copy wins. Only directories that hold the header. */
  char *dirs = rl_strdup(RL_RUNTIME_INCLUDE_DIRS), *save = NULL;
  for (char *d = strtok_r(dirs, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
    struct stat st;
    char *h = rl_path_join(d, "racelint/rt.h");
    if (stat(h, &st) == 0) {
      char *arg = rl_asprintf("-idirafter%s", d);
      rl_session_add_c_arg(self, arg);
      free(arg);
    }
    free(h);
  }
  free(dirs);
#endif
}

int rl_session_rule_index(const RlSession *self, const char *id) {
  uint32_t lo = 0, hi = self->nrules;
  while (lo < hi) { /* the registry is sorted by id */
    uint32_t mid = lo + (hi - lo) / 2;
    int c = strcmp(self->rules[mid]->id, id);
    if (c == 0) return (int)mid;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

void rl_session_add_c_arg(RlSession *self, const char *arg) {
  self->c_args = rl_realloc(self->c_args, (self->nc_args + 2) * sizeof(char *));
  self->c_args[self->nc_args++] = rl_strdup(arg);
  self->c_args[self->nc_args] = NULL;
}

void rl_session_add_c_found_arg(RlSession *self, const char *arg) {
  self->c_found_args = rl_realloc(self->c_found_args, (self->nc_found_args + 1) * sizeof(char *));
  self->c_found_args[self->nc_found_args++] = rl_strdup(arg);
}

static void rl_session__slot(RlSession *self, uint32_t rule, const RlCheck *c) {
  if (self->nslots == RL_MAX_SLOTS) return;
  uint32_t slot = self->nslots++;
  self->slots[slot].rule = rule;
  self->slots[slot].check = *c;
  for (uint32_t k = 0; k < c->nkinds; k++) {
    RlKind kind = c->kinds[k];
    self->dispatch[kind] =
        rl_realloc(self->dispatch[kind], (self->ndispatch[kind] + 1u) * sizeof(uint8_t));
    self->dispatch[kind][self->ndispatch[kind]++] = (uint8_t)slot;
  }
}

bool rl_session_prepare(RlSession *self, const char **err) {
  for (uint32_t i = 0; i < self->nrules; i++) {
    const RlRule *r = self->rules[i];
    RlCheck inline_check = {r->langs,     r->kinds,    r->nkinds, r->begin_file,
                            r->check,     r->end_file, r->project};
    if (r->begin_file || r->check || r->end_file || r->project)
      rl_session__slot(self, i, &inline_check);
    for (uint32_t c = 0; c < r->nchecks; c++) rl_session__slot(self, i, r->checks[c]);
  }
  for (uint32_t i = 0; i < self->nlangs; i++) {
    if (!self->langs[i]->session_new) continue;
    *err = NULL;
    self->lang_state[i] = self->langs[i]->session_new(err);
    if (!self->lang_state[i] && *err) return false;
  }
  return true;
}

void rl_session_free(RlSession *self) {
  for (int k = 0; k < RL_K_COUNT; k++) free(self->dispatch[k]);
  for (uint32_t i = 0; i < self->nlangs; i++)
    if (self->langs[i]->session_delete) self->langs[i]->session_delete(self->lang_state[i]);
  rl_compdb_delete(self->compdb);
  for (uint32_t i = 0; i < self->nc_args; i++) free(self->c_args[i]);
  free(self->c_args);
  for (uint32_t i = 0; i < self->nc_found_args; i++) free(self->c_found_args[i]);
  free(self->c_found_args);
  free(self->c_stub_dir);
  free(self->root);
  memset(self, 0, sizeof *self);
}
