/* Near miss: an undeclared name further down does not hide a syntax error
 * that comes first (the first error decides). Reported. */
#include <stdio.h>

int sum(const int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    s += v[i];
  }}
  return s; // expect: [parse-error] "expected identifier"
}

void show(void) { printf("%s\n", BUILD_TAG); }
