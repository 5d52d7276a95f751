/* lsp.h - the Language Server (lsp.c). */
#ifndef RL_ANALYZER_LSP_H_
#define RL_ANALYZER_LSP_H_

#include <stdio.h>

/* Serves LSP messages from `in`, answering on `out`, until `exit` or end of
 * input. Returns the process exit status (0 after shutdown + exit). */
int rl_lsp_serve(FILE *in, FILE *out);
/* The same with options: RL_LSP_NO_INDEX keeps the server from reading the
 * workspace folder (fuzzing). */
#define RL_LSP_NO_INDEX 1u
int rl_lsp_serve_opts(FILE *in, FILE *out, unsigned flags);
/* `racelint lsp [--config FILE] [--stdio]`: rl_lsp_serve on stdin/stdout;
 * --config FILE is used for every file instead of the closest .racelint.json.
 * An unknown argument: a message on stderr and 2. */
int rl_lsp_main(int argc, char **argv);

#endif
