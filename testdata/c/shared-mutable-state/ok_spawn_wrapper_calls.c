/* Near-misses of a thread starter: run_now() takes a routine and an
 * argument like spawn() does, but calls the routine itself; spawn_with()
 * starts a thread with a routine of its own and only hands its parameter
 * to it as data. Neither makes the functions their callers give threads,
 * so nothing below runs concurrently. */
#include <pthread.h>
#include <stddef.h>

static long counter;
static long ticks;

static void *run_now(void *(*fn)(void *), void *arg) { return fn(arg); }

static void *idle(void *arg) { return arg; }

static int spawn_with(void *(*fn)(void *), void *arg) {
  pthread_t t;
  (void)fn;
  return pthread_create(&t, NULL, idle, arg);
}

static void *bump(void *arg) {
  (void)arg;
  counter++; // expect-none
  return NULL;
}

static void *tick(void *arg) {
  (void)arg;
  ticks++; // expect-none
  return NULL;
}

int main(void) {
  run_now(bump, NULL);
  run_now(bump, NULL);
  spawn_with(tick, NULL);
  spawn_with(tick, NULL);
  return (int)(counter + ticks);
}
