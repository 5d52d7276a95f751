/* fuzz_js.c - arbitrary bytes through the JS/TS front end and every JS rule.
 * The first byte picks the grammar (JavaScript, TypeScript, TSX). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_setup();
  if (size == 0) return 0;
  static const char *const paths[] = {"/fuzz/input.js", "/fuzz/input.ts", "/fuzz/input.tsx"};
  fuzz_analyze(paths[data[0] % 3], data + 1, size - 1);
  return 0;
}
