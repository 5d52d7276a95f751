/* emit_util.h - helpers shared by the JSON and SARIF emitters. */
#ifndef RL_ANALYZER_EMIT_UTIL_H_
#define RL_ANALYZER_EMIT_UTIL_H_

#include <jansson.h>

/* A JSON string of s with invalid UTF-8 replaced by U+FFFD (never NULL). */
json_t *rl_emit_jstr(const char *s);
/* Percent-encodes a path for a URI reference ('/' kept); caller frees. */
char *rl_emit_uri_path(const char *path);

#endif
