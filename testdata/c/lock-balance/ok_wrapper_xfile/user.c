/* Uses the lock layer of lock.c: no lock operation is visible here. */
/* expect-none */
void big_lock_acquire(void);
void big_lock_release(void);

static int shared;

int update(int v) {
  big_lock_acquire();
  if (v < 0) {
    big_lock_release();
    return -1;
  }
  shared = v;
  big_lock_release();
  return 0;
}
