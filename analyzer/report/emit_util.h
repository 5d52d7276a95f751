/* emit_util.h - helpers shared by the emitters (and stderr notices). */
#ifndef RL_ANALYZER_EMIT_UTIL_H_
#define RL_ANALYZER_EMIT_UTIL_H_

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A JSON string of s with invalid UTF-8 replaced by U+FFFD (never NULL). */
json_t *rl_emit_jstr(const char *s);
/* Percent-encodes a path for a URI reference ('/' kept); caller frees. */
char *rl_emit_uri_path(const char *path);

/* Writes s[0..n) for a terminal or a CI log: control bytes (C0, DEL, C1)
 * and invalid UTF-8 shown as \xNN, tabs kept when keep_tab. A hostile file
 * name or message cannot drive the terminal or start a new line. */
void rl_emit_term_escape(FILE *out, const char *s, size_t n, bool keep_tab);

#endif
