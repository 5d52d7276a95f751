/* Near-misses: two parameters of one type, locked in an order decided by
 * address or id; and the runtime's pair lock. */
/* expect-none */
#include <pthread.h>

typedef struct account {
  pthread_mutex_t mu;
  int id;
  long balance;
} account;

int rl_rt_lock_pair(pthread_mutex_t *a, pthread_mutex_t *b);
int rl_rt_unlock_pair(pthread_mutex_t *a, pthread_mutex_t *b);

void transfer_by_address(account *from, account *to, long amount) {
  account *first = from < to ? from : to;
  account *second = from < to ? to : from;
  pthread_mutex_lock(&first->mu);
  pthread_mutex_lock(&second->mu);
  from->balance -= amount;
  to->balance += amount;
  pthread_mutex_unlock(&second->mu);
  pthread_mutex_unlock(&first->mu);
}

void transfer_by_id(account *from, account *to, long amount) {
  if (from->id < to->id) {
    pthread_mutex_lock(&from->mu);
    pthread_mutex_lock(&to->mu);
  } else {
    pthread_mutex_lock(&to->mu);
    pthread_mutex_lock(&from->mu);
  }
  from->balance -= amount;
  to->balance += amount;
  pthread_mutex_unlock(&from->mu);
  pthread_mutex_unlock(&to->mu);
}

void transfer_pair(account *from, account *to, long amount) {
  rl_rt_lock_pair(&from->mu, &to->mu);
  from->balance -= amount;
  to->balance += amount;
  rl_rt_unlock_pair(&from->mu, &to->mu);
}
