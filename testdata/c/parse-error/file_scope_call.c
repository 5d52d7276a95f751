/* A value where a declaration's parameter should be: `REGISTER_HOOK` and
 * `module_entry` are macros the build defines (a header this run lacks,
 * or that a generated config.h would pull in), and clang reads each use
 * at file scope as an old-style declaration whose parameter is a string
 * or a number ("expected parameter declarator"). A file that is not C
 * (examples kept for a script's tests) fails the same way. Not reported
 * by the default preset (rules/parse-error.md, "Presets");
 * file_scope_call_strict/ reports it under racelint:strict. */
// expect-none
#include <stdio.h>

static int hook_calls;

static void on_start(void) { hook_calls++; }

module_entry("scheduler", 3);

int started(void) { return hook_calls; }
