/* The start routine is defined in worker.c; main.c only names it. */
#include <pthread.h>

void *download_worker(void *arg);

int main(void) {
  pthread_t t[8];
  for (int i = 0; i < 8; i++) pthread_create(&t[i], NULL, download_worker, NULL); // expect-note: "thread 'download_worker' started here"
  for (int i = 0; i < 8; i++) pthread_join(t[i], NULL);
  return 0;
}
