/* facts.c - the operations on the fact records (see facts.h): C objects,
 * held sets, empty records, and binding a file's facts to its project
 * index. The languages extract the facts (lang.h: js_facts.c, csum.c);
 * printing a C object is c/cobj.c's. */
#include "facts.h"

#include <string.h>

/* Section - records */

bool rl_c_obj_eq(const RlCObj *a, const RlCObj *b) {
  if (a->kind != b->kind || a->param != b->param || a->nelem != b->nelem ||
      a->file_local != b->file_local || a->deref != b->deref)
    return false;
  if (a->file_local && a->file != b->file) return false;
  return strcmp(a->name ? a->name : "", b->name ? b->name : "") == 0 &&
         strcmp(a->owner ? a->owner : "", b->owner ? b->owner : "") == 0;
}

bool rl_c_held_has(const RlCHeld *h, uint32_t n, const RlCObj *c) {
  for (uint32_t i = 0; i < n; i++)
    if (rl_c_obj_eq(&h[i].cls, c)) return true;
  return false;
}

void rl_facts_init_record(RlFact *f) {
  switch (f->kind) {
  case RL_FACT_FUNC: f->fn.name = f->fn.bare = f->fn.cls = ""; break;
  case RL_FACT_IMPORT: f->import.local = f->import.module = f->import.imported = ""; break;
  case RL_FACT_EXPORT: f->export.name = f->export.local = f->export.from = ""; break;
  case RL_FACT_CALL: f->call.callee = ""; break;
  case RL_FACT_SPAWN: f->spawn.routine = f->spawn.api = f->spawn.arg = ""; break;
  case RL_FACT_C_LOCK:
  case RL_FACT_C_UNLOCK: f->lock.text = ""; break;
  case RL_FACT_C_ACCESS: f->access.text = f->access.value = ""; break;
  case RL_FACT_C_GLOBAL: f->global.type = ""; break;
  case RL_FACT_C_BALANCE: f->balance.text = ""; break;
  case RL_FACT_C_PAIR: f->pair.first = f->pair.second = ""; break;
  case RL_FACT_C_LAZY: f->lazy.var = f->lazy.text = ""; break;
  case RL_FACT_C_NOTE: f->note.msg = ""; break;
  case RL_FACT_C_PASS: f->pass.callee = ""; break;
  case RL_FACT_C_ASSUME: f->assume.callee = ""; break;
  case RL_FACT_C_GUARD: f->guard.spell = f->guard.value = ""; break;
  case RL_FACT_C_ARGK: f->argk.callee = f->argk.spell = f->argk.value = ""; break;
  case RL_FACT_C_FNREF:
    f->fnref.fn = f->fnref.callee = "";
    f->fnref.param = -1;
    break;
  case RL_FACT_JS_TYPE: f->jstype.owner = f->jstype.member = f->jstype.type = ""; break;
  default: f->a = f->b = f->c = ""; break;
  }
}

static void rl_facts__bind_obj(RlCObj *o, uint32_t file) {
  if (o->file_local) o->file = file;
}

static void rl_facts__bind_held(const RlCHeld *h, uint32_t n, uint32_t file) {
  /* the held arrays belong to the file's facts (rl_fact_alloc) */
  RlCHeld *w = (RlCHeld *)h;
  for (uint32_t i = 0; i < n; i++) rl_facts__bind_obj(&w[i].cls, file);
}

void rl_facts_bind(RlFact *v, uint32_t n, uint32_t file) {
  for (uint32_t i = 0; i < n; i++) {
    RlFact *f = &v[i];
    f->file = file;
    if (f->rule != 0xFFFF) continue; /* a rule's own kinds */
    switch (f->kind) {
    case RL_FACT_CALL:
      rl_facts__bind_held(f->call.held, f->call.nheld, file);
      rl_facts__bind_obj(&f->call.lock, file);
      break;
    case RL_FACT_C_LOCK:
    case RL_FACT_C_UNLOCK:
      rl_facts__bind_held(f->lock.held, f->lock.nheld, file);
      rl_facts__bind_obj(&f->lock.cls, file);
      break;
    case RL_FACT_C_ACCESS:
      rl_facts__bind_held(f->access.held, f->access.nheld, file);
      rl_facts__bind_obj(&f->access.var, file);
      break;
    case RL_FACT_C_GLOBAL: rl_facts__bind_obj(&f->global.var, file); break;
    case RL_FACT_C_WRAPPER: rl_facts__bind_obj(&f->wrapper.cls, file); break;
    case RL_FACT_C_BALANCE: rl_facts__bind_obj(&f->balance.cls, file); break;
    case RL_FACT_C_PAIR: rl_facts__bind_obj(&f->pair.cls, file); break;
    case RL_FACT_C_GUARD: rl_facts__bind_obj(&f->guard.var, file); break;
    case RL_FACT_C_CHANGE: rl_facts__bind_obj(&f->change.var, file); break;
    default: break;
    }
  }
}
