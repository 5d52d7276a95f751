/* A name the build gives with -D (here PROGRAM_VERSION) or that a
 * generated header would declare: clang reports an undeclared identifier,
 * a semantic error, not a syntax error of the file. No finding. */
// expect-none
#include <stdio.h>

struct options {
  int verbose;
};

void print_banner(const struct options *o) {
  if (o->verbose) printf("tool %s\n", PROGRAM_VERSION);
}

unknown_count_t count_items(void) { return 0; }
