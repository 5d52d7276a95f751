/* fuzz_cworker.c - arbitrary bytes as a C worker's answer (cworker.h): the
 * parent must refuse or accept them without reading out of bounds, and an
 * accepted tree must be well formed (every node inside its parent, offsets
 * inside the source). The first 4 bytes give the source length. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cworker.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 4) return 0;
  uint32_t src_len;
  memcpy(&src_len, data, 4);
  src_len &= 0xfffff;
  RlArena a = {0};
  RlTree t;
  rl_tree_init(&t);
  RlCParseResult res;
  if (rl_cworker_decode(data + 4, size - 4, src_len, &a, &t, &res)) {
    for (uint32_t i = 1; i < t.n; i++) {
      const RlNodeRec *r = &t.nodes[i];
      if (r->end <= i || r->end > t.n || r->start_byte > r->end_byte || r->end_byte > src_len)
        abort();
      if (r->parent && (r->parent >= i || t.nodes[r->parent].end < r->end)) abort();
      if (r->ext && (r->ext >= t.next)) abort();
    }
    if (res.first_error != UINT32_MAX && res.first_error > src_len) abort();
  }
  rl_tree_free(&t);
  rl_arena_free(&a);
  return 0;
}
