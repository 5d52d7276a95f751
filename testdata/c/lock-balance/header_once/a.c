/* expect-none */
#include "counter.h"
int a(struct counter *c) { return counter_add(c, 1); }
