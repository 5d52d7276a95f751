/* Near-misses: every error path jumps to one cleanup label that unlocks. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

struct store {
  pthread_mutex_t mu;
  char *buf;
  size_t len;
};

int store_append(struct store *s, const char *p, size_t n) {
  int rc = -1;
  pthread_mutex_lock(&s->mu);
  if (!p)
    goto out;
  char *nb = realloc(s->buf, s->len + n);
  if (!nb)
    goto out;
  for (size_t i = 0; i < n; i++) nb[s->len + i] = p[i];
  s->buf = nb;
  s->len += n;
  rc = 0;
out:
  pthread_mutex_unlock(&s->mu);
  return rc;
}

int store_two_labels(struct store *s) {
  int rc = 0;
  char *tmp = malloc(16);
  if (!tmp)
    return -1;
  pthread_mutex_lock(&s->mu);
  if (s->len == 0) {
    rc = -1;
    goto unlock;
  }
  s->len = 0;
unlock:
  pthread_mutex_unlock(&s->mu);
  free(tmp);
  return rc;
}
