/* cworker.h - C parsing in a separate, bounded process.
 *
 * libclang runs in a worker process (`racelint --c-worker`, this binary
 * started again with posix_spawn), never in the analyzer itself: a file that
 * overflows libclang's stack, exhausts memory or hangs costs that file only.
 * The worker has rlimits (RLIMIT_AS = the memory limit, RLIMIT_CPU per file,
 * RLIMIT_FSIZE 0, RLIMIT_CORE 0); the parent kills it when a file takes
 * longer than the time limit, and starts a new one for the next file.
 *
 * The worker parses with front_c.c and sends back the flat tree (RlTree with
 * its C details) and the parse result; the parent runs facts and rules on it
 * unchanged. What comes back is untrusted: every count, index, offset, kind
 * and string is checked before use (rl_cworker_decode).
 *
 * One RlCWorker per analysis thread (engine.c's RlWorker); not thread-safe. */
#ifndef RL_ANALYZER_CWORKER_H_
#define RL_ANALYZER_CWORKER_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "front_c.h"

/* Section - the parent side */

typedef struct RlCWorker RlCWorker;

typedef struct RlCWorkerLimits {
  uint64_t timeout_ms;   /* wall-clock per file (also the RLIMIT_CPU backstop) */
  uint64_t memory_bytes; /* RLIMIT_AS of the worker; 0 = none */
} RlCWorkerLimits;

/* A handle; the process starts with the first file. Never NULL. */
RlCWorker *rl_cworker_new(const RlCWorkerLimits *limits);
/* Stops the process (if any) and frees self. NULL is a no-op. */
void rl_cworker_delete(RlCWorker *self);

typedef enum RlCWorkerStatus {
  RL_CWORKER_OK = 0,      /* *res and *out hold the worker's answer */
  RL_CWORKER_NO_LIBCLANG, /* no libclang could be loaded; *why says what was tried */
  RL_CWORKER_FAILED,      /* died, hung, over a limit or answered garbage: *why says
                           * which; the next file gets a new process */
} RlCWorkerStatus;

/* Parses src[0..len) as the contents of abs_path with args (front_c.h's
 * rl_front_c_parse, or rl_front_c_parse_only when parse_only: then only
 * res->ok is set). `out` is initialised by the caller; strings, the
 * includes and *why go into `strings`. */
RlCWorkerStatus rl_cworker_parse(RlCWorker *self, bool parse_only, const char *abs_path,
                                 const char *src, size_t len, const char *const *args,
                                 uint32_t nargs, RlArena *strings, RlTree *out,
                                 RlCParseResult *res, const char **why);

/* Section - the wire format (exposed for the fuzz target and tests) */

/* Decodes a worker's answer payload p[0..n) for a source of src_len bytes
 * into res and out (initialised by the caller, empty). Returns false on any
 * malformed field; then *out may hold a partial tree (free it as usual). */
bool rl_cworker_decode(const uint8_t *p, size_t n, size_t src_len, RlArena *strings,
                       RlTree *out, RlCParseResult *res);

/* Section - the worker process */

/* `racelint --c-worker ...`: serves parse requests on fd 3 until EOF.
 * Returns the process exit status. */
int rl_cworker_main(int argc, char **argv);

/* From now on, open() in this process refuses anything but regular files
 * and directories, and files on /proc and /sys (cworker_guard.c). Called by
 * the worker process only, before libclang is loaded; irreversible. */
void rl_cworker_guard_on(void);

#endif
