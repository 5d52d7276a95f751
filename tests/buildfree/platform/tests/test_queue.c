/* Not built by the project's default build (no compile_commands.json
 * entry): still parsed with the headers the layout implies. */
#include "proj-config.h"
#include "shared-defs.h"

int test_capacity(void) { return Q_CAP > 0 ? 0 : 1; }
