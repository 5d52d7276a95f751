/* fuzz_cache.c - arbitrary bytes as a result-cache entry: the reader
 * (rl_cache_decode) and, when it accepts the entry, everything downstream
 * that uses what it read (phase 2, suppressions, sorting, fingerprints,
 * severity names). The key and content hash are taken from the input so
 * that mutations reach past the header checks. */
#include "cache.h"
#include "fuzz_common.h"

/* The u64 after the length-prefixed string at data+off (0 if out of range);
 * *next is set past it. */
static uint64_t fuzz_u64_after_str(const uint8_t *data, size_t size, size_t off, size_t *next) {
  uint64_t v = 0;
  uint32_t n = 0;
  *next = size;
  if (off + 4 > size) return 0;
  memcpy(&n, data + off, 4);
  if (n == UINT32_MAX) n = 0;
  if ((size_t)n > size - off - 4 || off + 4 + n + 8 > size) return 0;
  memcpy(&v, data + off + 4 + n, 8);
  *next = off + 4 + n + 8;
  return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_setup();
  RlEngineFile *f = calloc(1, sizeof *f);
  if (!f) return 0;
  f->path = strdup("/fuzz/input.js");
  f->rel_path = strdup("input.js");
  f->abs_path = strdup("/fuzz/input.js");
  f->lang = RL_LANG_JS;
  size_t next;
  uint64_t key = fuzz_u64_after_str(data, size, 4, &next);
  if (next + 4 + 8 <= size) memcpy(&f->content_hash, data + next + 4, 8);
  if (rl_cache_decode(&fuzz_session, f, key, (const char *)data, size)) {
    RlEngineFile *files[1] = {f};
    f->phase2 = false;
    rl_engine_project(&fuzz_session, files, 1);
    rl_suppress_apply(&fuzz_session, files, 1);
    rl_diag_sort(f->diags.v, f->diags.n);
    rl_diag_fingerprints(f->diags.v, f->diags.n);
    size_t total = 0;
    for (uint32_t i = 0; i < f->diags.n; i++)
      total += strlen(rl_severity_name(f->diags.v[i]->severity));
    if (total == SIZE_MAX) abort(); /* keep the loop */
  }
  rl_engine_file_delete(f);
  return 0;
}
