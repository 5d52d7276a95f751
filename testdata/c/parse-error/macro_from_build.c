/* Macros the build defines (-DSOCKET_PATH=..., a generated header with
 * FORMAT_CHECK and FIELD_BYTES): without them clang sees a stray name or a
 * call where a type is given, and reports a syntax error on the macro.
 * The file is valid C with its build's flags: no finding. */
// expect-none
#include <stddef.h>
#include <stdio.h>

struct record {
  long offset;
  int flags;
};

static const char usage_text[] = "usage: tool [-s socket]\n"
                                 "  default socket: " SOCKET_PATH "\n";

void log_line(const char *fmt, ...) FORMAT_CHECK(printf, 1, 2);

static const size_t widths[] = {
    FIELD_BYTES(struct record *, offset),
    FIELD_BYTES(struct record *, flags),
};

void print_usage(void) { fputs(usage_text, stderr); }
