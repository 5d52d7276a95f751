#include <stddef.h>

long bytes_downloaded;

static long fetch_one(void) { return 4096; }

void *download_worker(void *arg) {
  (void)arg;
  bytes_downloaded += fetch_one(); // expect: [shared-mutable-state] "several 'download_worker' threads"
  return NULL;
}
