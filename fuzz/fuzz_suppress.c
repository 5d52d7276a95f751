/* fuzz_suppress.c - arbitrary bytes through the suppression-comment parser
 * and its application to findings on every line. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_setup();
  /* a JS file: the comment parser runs, and findings get suppressed */
  fuzz_analyze("/fuzz/input.js", data, size);
  return 0;
}
