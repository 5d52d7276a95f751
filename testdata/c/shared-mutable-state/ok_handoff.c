/* Near-misses: data handed over with a semaphore and with a barrier. */
/* expect-none */
#include <pthread.h>
#include <semaphore.h>

static sem_t ready;
static int result;
static pthread_barrier_t phase;
static int partial[4];
static int total;

static void *producer(void *arg) {
  (void)arg;
  result = 42;
  sem_post(&ready);
  return NULL;
}

static void *consumer(void *arg) {
  (void)arg;
  sem_wait(&ready);
  return (void *)(long)result;
}

static void *phase_worker(void *arg) {
  long id = (long)arg;
  partial[id] = (int)id * 2;
  pthread_barrier_wait(&phase);
  if (id == 0) {
    for (int i = 0; i < 4; i++) total += partial[i];
  }
  return NULL;
}

void run(pthread_t *t) {
  sem_init(&ready, 0, 0);
  pthread_create(&t[0], NULL, producer, NULL);
  pthread_create(&t[1], NULL, consumer, NULL);
  pthread_barrier_init(&phase, NULL, 4);
  for (long i = 0; i < 4; i++) pthread_create(&t[2 + i], NULL, phase_worker, (void *)i);
}
