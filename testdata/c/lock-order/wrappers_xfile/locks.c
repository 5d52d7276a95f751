/* The program's lock layer: one wrapper per lock. */
/* expect-none */
#include <pthread.h>

static pthread_mutex_t db_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t net_mu = PTHREAD_MUTEX_INITIALIZER;

void db_lock(void) { pthread_mutex_lock(&db_mu); }
void db_unlock(void) { pthread_mutex_unlock(&db_mu); }
void net_lock(void) { pthread_mutex_lock(&net_mu); }
void net_unlock(void) { pthread_mutex_unlock(&net_mu); }
