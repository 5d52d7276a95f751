/* A header of the build that this run cannot find (no -I, no
 * compile_commands.json): the file is valid C, so it gets no parse-error
 * finding of its own; the run says once that it was analysed without it. */
// expect-none
#include <pthread.h>
#include "rl_testdata_absent/settings.h"

static pthread_mutex_t table_mu = PTHREAD_MUTEX_INITIALIZER;
static int table_size;

int table_grow(int by) {
  pthread_mutex_lock(&table_mu);
  table_size += by;
  pthread_mutex_unlock(&table_mu);
  return SETTINGS_OK;
}
