/* expect-none */
#include "net.h"

long clients_freed, bytes_freed;

long freed_report(void) { return clients_freed + bytes_freed; }
