/* A test program's stubs, same names as thread.c's wrappers. */
/* expect-none */
void STATS_LOCK(void);
void STATS_UNLOCK(void);
void STATS_LOCK(void) {}
void STATS_UNLOCK(void) {}
