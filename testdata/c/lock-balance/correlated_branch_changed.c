/* Branch correlation (issue 16) must not hide a real imbalance: the
 * lock and the unlock sit under tests that can come out differently,
 * because what the test reads changes in between or the tests differ. */
#include <pthread.h>
#include <stdbool.h>

struct job {
  pthread_mutex_t mu;
  int keep, owner, state;
};

int job_next(int state);
void job_touch(int *flag);

/* the flag itself is reassigned between the two tests */
int run_reassigned(struct job *j, int do_lock) {
  if (do_lock) pthread_mutex_lock(&j->mu); // expect-note: "locked here"
  do_lock = job_next(j->state);
  if (do_lock) pthread_mutex_unlock(&j->mu);
  return 0; // expect: [lock-balance] "this return leaves 'j->mu' locked"
}

/* two different conditions */
int run_different(struct job *j, int a, int b) {
  if (a) pthread_mutex_lock(&j->mu); // expect-note: "locked here"
  j->state++;
  if (b) pthread_mutex_unlock(&j->mu);
  return 0; // expect: [lock-balance] "this return leaves 'j->mu' locked"
}

/* the field tested is written between the tests */
int run_field_written(struct job *j) {
  if (j->keep) pthread_mutex_lock(&j->mu); // expect-note: "locked here"
  j->keep = job_next(j->state);
  if (j->keep) pthread_mutex_unlock(&j->mu);
  return 0; // expect: [lock-balance] "this return leaves 'j->mu' locked"
}

/* the second variable of a comparison changes */
int run_second_var(struct job *j, int me, int cur) {
  if (me == cur) pthread_mutex_lock(&j->mu); // expect-note: "locked here"
  cur = job_next(j->state);
  if (me == cur) pthread_mutex_unlock(&j->mu);
  return 0; // expect: [lock-balance] "this return leaves 'j->mu' locked"
}

/* the flag's address is given to a function that may change it */
int run_address_taken(struct job *j) {
  int held = j->owner != 0;
  if (held) pthread_mutex_lock(&j->mu); // expect-note: "locked here"
  job_touch(&held);
  if (held) pthread_mutex_unlock(&j->mu);
  return 0; // expect: [lock-balance] "this return leaves 'j->mu' locked"
}

/* correlated unlock, then an unconditional one: the flag's path unlocks
 * twice */
void run_twice(struct job *j, bool shared) {
  if (shared) pthread_mutex_lock(&j->mu);
  j->state++;
  if (shared) pthread_mutex_unlock(&j->mu);
  pthread_mutex_unlock(&j->mu); // expect: [lock-balance] "already unlocked it"
}
