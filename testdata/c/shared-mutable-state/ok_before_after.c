/* Near-misses: data set before pthread_create and read after
 * pthread_join; a thread that runs once writes what only it uses. */
/* expect-none */
#include <pthread.h>
#include <stdio.h>

static int config_level;
static long result;

static void *job(void *arg) {
  (void)arg;
  result = config_level * 2;
  return NULL;
}

int main(void) {
  pthread_t t;
  config_level = 3;
  pthread_create(&t, NULL, job, NULL);
  pthread_join(t, NULL);
  printf("%ld\n", result);
  result = 0;
  return 0;
}
