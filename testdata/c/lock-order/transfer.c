/* Two parameters of one type locked in argument order: transfer(x, y) and
 * transfer(y, x) at the same time deadlock. */
#include <pthread.h>

typedef struct account {
  pthread_mutex_t mu;
  long balance;
} account;

void transfer(account *from, account *to, long amount) {
  pthread_mutex_lock(&from->mu); // expect-note: "locked first here"
  pthread_mutex_lock(&to->mu); // expect: [lock-order] "'to->mu' is locked while 'from->mu' is held"
  from->balance -= amount;
  to->balance += amount;
  pthread_mutex_unlock(&to->mu);
  pthread_mutex_unlock(&from->mu);
}
