/* fuzz_lsp.c - arbitrary bytes as the LSP server's input stream: framing,
 * JSON-RPC dispatch, document edits and analysis (the workspace is never
 * read from disk). */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "lsp.h"

/* Every incremental re-parse is compared with a fresh conversion: a
 * difference aborts, which the fuzzer reports as a crash. */
int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  setenv("RACELINT_CHECK_REUSE", "1", 1);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  FILE *in = fmemopen((void *)data, size, "r");
  FILE *out = fopen("/dev/null", "w");
  if (in && out) rl_lsp_serve_opts(in, out, RL_LSP_NO_INDEX);
  if (in) fclose(in);
  if (out) fclose(out);
  return 0;
}
