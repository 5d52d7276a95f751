/* die() says why and ends the process through the platform layer. */
/* expect-none */
#include <stdio.h>

void platform_abort(void);
void platform_print(const char *msg);

void die(const char *why) {
  platform_print("fatal:");
  platform_print(why);
  platform_abort();
}
