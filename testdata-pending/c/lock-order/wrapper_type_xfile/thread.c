#include "thread.h"
void thread_mutex_lock_c(mutex_t *m, int line) { (void)line; pthread_mutex_lock(&m->sys_mutex); }
void thread_mutex_unlock_c(mutex_t *m, int line) { (void)line; pthread_mutex_unlock(&m->sys_mutex); }
void thread_rwlock_rlock_c(rwlock_t *l, int line) { (void)line; pthread_rwlock_rdlock(&l->sys_rwlock); }
void thread_rwlock_wlock_c(rwlock_t *l, int line) { (void)line; pthread_rwlock_wrlock(&l->sys_rwlock); }
void thread_rwlock_unlock_c(rwlock_t *l, int line) { (void)line; pthread_rwlock_unlock(&l->sys_rwlock); }
