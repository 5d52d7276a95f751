/* cobj.c - a C object of the facts (a lock class, a variable: RlCObj in
 * rule_api.h) as text, for messages and keys: rl_c_obj_print. A file-local
 * object names its file through the project (phase 2). */
#include <stdio.h>
#include <string.h>

#include "rule_api.h"

/* Appends s to buf[0..cap) at *len (truncating, NUL-terminated); *len
 * counts what was asked for. */
static void rl_cobj__put(char *buf, size_t cap, size_t *len, const char *s) {
  size_t n = strlen(s);
  if (*len + 1 < cap) {
    size_t k = n < cap - 1 - *len ? n : cap - 1 - *len;
    memcpy(buf + *len, s, k);
    buf[*len + k] = 0;
  }
  *len += n;
}

size_t rl_c_obj_print(const RlProject *px, const RlCObj *o, char *buf, size_t cap) {
  char tmp[1];
  if (!cap) buf = tmp, cap = 1;
  buf[0] = 0;
  const char *name = o->name ? o->name : "", *owner = o->owner ? o->owner : "";
  size_t len = 0;
  if (o->kind == RL_CO_NONE) return 0;
  if (o->deref) rl_cobj__put(buf, cap, &len, "*");
  switch (o->kind) {
  case RL_CO_STATIC_LOCAL:
    rl_cobj__put(buf, cap, &len, owner);
    rl_cobj__put(buf, cap, &len, "::");
    break;
  case RL_CO_LOCAL:
    rl_cobj__put(buf, cap, &len, "local:");
    rl_cobj__put(buf, cap, &len, owner);
    rl_cobj__put(buf, cap, &len, ".");
    break;
  case RL_CO_FIELD:
    rl_cobj__put(buf, cap, &len, owner);
    rl_cobj__put(buf, cap, &len, ".");
    break;
  case RL_CO_PARAM: {
    char num[16];
    snprintf(num, sizeof num, "$%u", (unsigned)o->param);
    name = num;
    rl_cobj__put(buf, cap, &len, name);
    name = "";
    break;
  }
  default:
    break;
  }
  rl_cobj__put(buf, cap, &len, name);
  /* a file-local object's spelling: "name@@file" then its element marks;
   * without the file, the name alone (its element marks not shown) */
  if (o->file_local) {
    if (!px) return len;
    rl_cobj__put(buf, cap, &len, "@@");
    rl_cobj__put(buf, cap, &len, rl_project_rel_path(px, o->file));
  }
  for (uint8_t i = 0; i < o->nelem; i++) rl_cobj__put(buf, cap, &len, "[]");
  return len;
}
