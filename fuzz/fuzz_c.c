/* fuzz_c.c - arbitrary bytes as a C file through libclang and every C rule
 * (slower: each input is a translation unit). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_setup();
  fuzz_analyze("/fuzz/input.c", data, size);
  return 0;
}
