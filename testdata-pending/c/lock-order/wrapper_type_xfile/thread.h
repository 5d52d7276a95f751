#include <pthread.h>
typedef struct { pthread_mutex_t sys_mutex; } mutex_t;
typedef struct { pthread_rwlock_t sys_rwlock; } rwlock_t;
void thread_mutex_lock_c(mutex_t *m, int line);
void thread_mutex_unlock_c(mutex_t *m, int line);
#define thread_mutex_lock(x) thread_mutex_lock_c(x, __LINE__)
#define thread_mutex_unlock(x) thread_mutex_unlock_c(x, __LINE__)
void thread_rwlock_rlock_c(rwlock_t *l, int line);
void thread_rwlock_wlock_c(rwlock_t *l, int line);
void thread_rwlock_unlock_c(rwlock_t *l, int line);
