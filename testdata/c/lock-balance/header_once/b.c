/* expect-none */
#include "counter.h"
int b(struct counter *c) { return counter_add(c, -1); }
