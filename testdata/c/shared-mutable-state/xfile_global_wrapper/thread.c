/* STATS_* lock a global mutex; TRACE_* only log (no lock). */
/* expect-none */
#include <pthread.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
void trace_event(int on);

void STATS_LOCK(void) { pthread_mutex_lock(&stats_lock); }
void STATS_UNLOCK(void) { pthread_mutex_unlock(&stats_lock); }
void TRACE_LOCK(void) { trace_event(1); }
void TRACE_UNLOCK(void) { trace_event(0); }
