/* fuzz_config.c - arbitrary bytes as a .racelint.json: loading, validation,
 * the effective settings of a file, ignore globs and --print-config. */
#include <stdio.h>
#include <unistd.h>

#include "config.h"
#include "fuzz_common.h"

static char fuzz_dir[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_setup();
  if (!fuzz_dir[0]) {
    strcpy(fuzz_dir, "/tmp/racelint-fuzz-config-XXXXXX");
    if (!mkdtemp(fuzz_dir)) abort();
  }
  char path[128], file[128];
  snprintf(path, sizeof path, "%s/.racelint.json", fuzz_dir);
  snprintf(file, sizeof file, "%s/src/a.js", fuzz_dir);
  FILE *f = fopen(path, "w");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  RlConfigSet *set = rl_configset_new(&fuzz_session, NULL);
  const RlConfig *c = rl_configset_for(set, file);
  RlFileSettings fs;
  rl_config_settings(&fuzz_session, c, file, NULL, &fs);
  (void)rl_config_ignored(c, file);
  FILE *out = fopen("/dev/null", "w");
  if (out) {
    rl_config_print(&fuzz_session, c, file, NULL, out);
    fclose(out);
  }
  rl_configset_delete(set);
  return 0;
}
