/* Near-misses of the loop-element rule: after `i++` (or `n = next`) the
 * new element's state is only taken from the old one when the body takes
 * the element itself and nothing of its class is held at that point. */
/* expect-none */
#include <pthread.h>
#include <stddef.h>

#define NBUCKET 16

static pthread_mutex_t bucket_locks[NBUCKET];
static int bucket_len[NBUCKET];

/* the caller holds every bucket: this only releases them */
void buckets_release_all(void) {
  for (int i = 0; i < NBUCKET; i++) pthread_mutex_unlock(&bucket_locks[i]);
}

/* the lock of element i is taken before the loop, not in it: the caller
 * holds the ones after it */
void buckets_release_from(int i) {
  pthread_mutex_lock(&bucket_locks[i]);
  bucket_len[i] = 0;
  pthread_mutex_unlock(&bucket_locks[i]);
  for (i++; i < NBUCKET; i++) pthread_mutex_unlock(&bucket_locks[i]);
}

/* lock, work, unlock per element */
int buckets_total(void) {
  int n = 0;
  for (int i = 0; i < NBUCKET; i++) {
    pthread_mutex_lock(&bucket_locks[i]);
    n += bucket_len[i];
    pthread_mutex_unlock(&bucket_locks[i]);
  }
  return n;
}

/* hand over hand through the array: the next element is taken before the
 * previous one is released */
void buckets_shift(void) {
  pthread_mutex_lock(&bucket_locks[0]);
  for (int i = 1; i < NBUCKET; i++) {
    pthread_mutex_lock(&bucket_locks[i]);
    bucket_len[i - 1] = bucket_len[i];
    pthread_mutex_unlock(&bucket_locks[i - 1]);
  }
  pthread_mutex_unlock(&bucket_locks[NBUCKET - 1]);
}

/* a pass may take the next element early and keep it for the next pass,
 * which then skips its lock: locks[i] after `i++` may be held */
void buckets_merge(void) {
  int carried = 0;
  for (int i = 0; i + 1 < NBUCKET; i++) {
    if (!carried) pthread_mutex_lock(&bucket_locks[i]);
    carried = 0;
    if (bucket_len[i] < bucket_len[i + 1]) {
      pthread_mutex_lock(&bucket_locks[i + 1]);
      carried = 1;
    }
    pthread_mutex_unlock(&bucket_locks[i]);
  }
  if (carried) pthread_mutex_unlock(&bucket_locks[NBUCKET - 1]);
}

/* a search: the loop exits holding the element found (break), or with
 * i == NBUCKET and nothing held */
int buckets_find(int want) {
  int i;
  for (i = 0; i < NBUCKET; i++) {
    pthread_mutex_lock(&bucket_locks[i]);
    if (bucket_len[i] == want) break;
    pthread_mutex_unlock(&bucket_locks[i]);
  }
  if (i < NBUCKET) {
    bucket_len[i]++;
    pthread_mutex_unlock(&bucket_locks[i]);
  }
  return i;
}

struct node {
  pthread_mutex_t mu;
  int val;
  struct node *next;
};

/* hand over hand through a list */
void list_bump(struct node *head) {
  struct node *n = head, *next;
  if (!n) return;
  pthread_mutex_lock(&n->mu);
  while (n) {
    n->val++;
    next = n->next;
    if (next) pthread_mutex_lock(&next->mu);
    pthread_mutex_unlock(&n->mu);
    n = next;
  }
}
