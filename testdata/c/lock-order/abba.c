/* Two globals taken in opposite orders by two functions. */
#include <pthread.h>

static pthread_mutex_t accounts_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t ledger_mu = PTHREAD_MUTEX_INITIALIZER;
static int balance, entries;

void post(int amount) {
  pthread_mutex_lock(&accounts_mu);
  pthread_mutex_lock(&ledger_mu); // expect: [lock-order] "'ledger_mu' is taken while 'accounts_mu' is held"
  balance += amount;
  entries++;
  pthread_mutex_unlock(&ledger_mu);
  pthread_mutex_unlock(&accounts_mu);
}

void audit(void) {
  pthread_mutex_lock(&ledger_mu);
  pthread_mutex_lock(&accounts_mu); // expect-note: "'accounts_mu' taken while 'ledger_mu' is held"
  entries = balance;
  pthread_mutex_unlock(&accounts_mu);
  pthread_mutex_unlock(&ledger_mu);
}
