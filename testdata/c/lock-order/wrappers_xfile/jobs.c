/* Uses the wrappers of locks.c in both orders. */
void db_lock(void);
void db_unlock(void);
void net_lock(void);
void net_unlock(void);

void sync_out(void) {
  db_lock();
  net_lock(); // expect: [lock-order] "'net_mu' is taken while 'db_mu' is held"
  net_unlock();
  db_unlock();
}

void sync_in(void) {
  net_lock();
  db_lock(); // expect-note: "'db_mu' taken (in 'db_lock') while 'net_mu' is held"
  db_unlock();
  net_unlock();
}
