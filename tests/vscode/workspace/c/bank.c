/* Fixture for tests/vscode: a lock-order cycle between two functions. */
#include <pthread.h>

static pthread_mutex_t accounts_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t ledger_mu = PTHREAD_MUTEX_INITIALIZER;
static int balance, entries;

void post(int amount) {
  pthread_mutex_lock(&accounts_mu);
  pthread_mutex_lock(&ledger_mu);
  balance += amount;
  entries++;
  pthread_mutex_unlock(&ledger_mu);
  pthread_mutex_unlock(&accounts_mu);
}

void audit(void) {
  pthread_mutex_lock(&ledger_mu);
  pthread_mutex_lock(&accounts_mu);
  entries = balance;
  pthread_mutex_unlock(&accounts_mu);
  pthread_mutex_unlock(&ledger_mu);
}
