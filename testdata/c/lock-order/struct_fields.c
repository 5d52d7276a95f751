/* Locks in structs: identity is the record type and the field. */
#include <pthread.h>

struct account {
  pthread_mutex_t mu;
  long cents;
};
struct journal {
  pthread_mutex_t mu;
  int n;
};

void charge(struct account *a, struct journal *j, long c) {
  pthread_mutex_lock(&a->mu);
  a->cents -= c;
  pthread_mutex_lock(&j->mu); // expect: [lock-order] "'struct journal.mu' is taken while 'struct account.mu' is held"
  j->n++;
  pthread_mutex_unlock(&j->mu);
  pthread_mutex_unlock(&a->mu);
}

void replay(struct journal *j, struct account *a) {
  pthread_mutex_lock(&j->mu);
  pthread_mutex_lock(&a->mu);
  a->cents = j->n;
  pthread_mutex_unlock(&a->mu);
  pthread_mutex_unlock(&j->mu);
}
