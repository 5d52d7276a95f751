/* linehash.h - GitHub code scanning's primaryLocationLineHash.
 *
 * The same value GitHub's upload step computes for a result's first line: a
 * rolling hash (multiplier 37, 64-bit wrap-around) over the next 100
 * characters (UTF-16 code units) from the start of the line, with spaces
 * and tabs skipped and CR/CRLF read as LF, followed by ":<n>" where n counts
 * earlier lines with the same hash. Providing it in the SARIF keeps alerts
 * stable when results are uploaded through the REST API. */
#ifndef RL_ANALYZER_LINEHASH_H_
#define RL_ANALYZER_LINEHASH_H_

#include <stddef.h>
#include <stdint.h>

/* Hashes every line of src[0..len). Returns a heap array of nlines heap
 * strings ("hex:count"), index 0 = line 1; free with rl_linehash_free. */
char **rl_linehash(const char *src, size_t len, uint32_t *nlines);
void rl_linehash_free(char **v, uint32_t n);

#endif
