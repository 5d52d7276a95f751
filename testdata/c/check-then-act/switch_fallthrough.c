/* Checks and uses in one switch that can run in the same call: a case that
 * falls through into the next, and a state machine whose loop moves from
 * the checking case to the using case. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int fallthrough(int op, const char *path) {
  switch (op) {
  case 0:
    if (access(path, W_OK) != 0) return -1;
    /* fall through */
  case 1:
    return open(path, O_WRONLY); // expect: [check-then-act] "checked at line 11"
  }
  return 0;
}

int state_machine(const char *path) {
  int state = 0, fd = -1;
  while (state != 2) {
    switch (state) {
    case 0:
      if (access(path, W_OK) != 0) return -1;
      state = 1;
      break;
    case 1:
      fd = open(path, O_WRONLY); // expect: [check-then-act] "checked at line 24"
      state = 2;
      break;
    }
  }
  return fd;
}
