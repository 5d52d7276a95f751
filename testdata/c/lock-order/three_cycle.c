/* A cycle of three locks, C11 mtx_t. */
#include <threads.h>

static mtx_t a_mu, b_mu, c_mu;
static int a, b, c;

void ab(void) {
  mtx_lock(&a_mu);
  mtx_lock(&b_mu); // expect: [lock-order] "'a_mu' -> 'b_mu' -> 'c_mu' -> 'a_mu'"
  a = b;
  mtx_unlock(&b_mu);
  mtx_unlock(&a_mu);
}

void bc(void) {
  mtx_lock(&b_mu);
  mtx_lock(&c_mu); // expect-note: "'c_mu' taken while 'b_mu' is held"
  b = c;
  mtx_unlock(&c_mu);
  mtx_unlock(&b_mu);
}

void ca(void) {
  mtx_lock(&c_mu);
  mtx_lock(&a_mu); // expect-note: "'a_mu' taken while 'c_mu' is held"
  c = a;
  mtx_unlock(&a_mu);
  mtx_unlock(&c_mu);
}
