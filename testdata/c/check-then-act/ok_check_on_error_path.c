/* Near-miss from redis's loadSingleAppendOnlyFile (aof.c): stat() only
 * explains why fopen() failed, in a block that returns on every path; the
 * truncate() further down is reached only when the open succeeded. */
/* expect-none */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static int verbosity;
#define log_warning(...)                 \
  do {                                   \
    if (verbosity > 1) break;            \
    fprintf(stderr, __VA_ARGS__);        \
  } while (0)

int load_log(const char *path, long valid_up_to, int truncated) {
  struct stat sb;
  FILE *fp = fopen(path, "r");
  if (fp == NULL) {
    int en = errno;
    if (stat(path, &sb) == 0 || errno != ENOENT) {
      log_warning("can't open %s: %d\n", path, en);
      return -1;
    } else {
      log_warning("%s doesn't exist\n", path);
      return 0;
    }
  }
  /* ... read the log ... */
  fclose(fp);
  if (truncated && truncate(path, valid_up_to) == -1) return -1;
  return 1;
}
