/* Near miss: a defined macro right before a real syntax error (a missing
 * ';' after its use, an empty argument slot): reported, since the error
 * is not on an undefined macro. */
#include <stdio.h>

#define SQUARE(x) ((x) * (x))

int area(int side) {
  int a = SQUARE(side) // expect: [parse-error] "expected ';'"
  return a;
}
