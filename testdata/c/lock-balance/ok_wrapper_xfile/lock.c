/* The project's lock layer, in its own file. */
/* expect-none */
#include <pthread.h>

static pthread_mutex_t big_lock = PTHREAD_MUTEX_INITIALIZER;

void big_lock_acquire(void) { pthread_mutex_lock(&big_lock); }
void big_lock_release(void) { pthread_mutex_unlock(&big_lock); }
