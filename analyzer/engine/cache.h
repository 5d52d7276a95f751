/* cache.h - the result cache: phase-1 results of a file (findings, facts,
 * suppression comments, notices), stored under a key made of the file's
 * contents, its path, the tool version and everything in the effective
 * settings that can change them. C results also record every header the
 * translation unit included (size and mtime), and are used only if none
 * changed. Phase 2 always runs, so cross-file findings are fresh.
 *
 * One file per entry, written to a temporary name and renamed: readers never
 * see half an entry, and processes can share the directory. A corrupt or
 * foreign entry is a miss. Safe to use from the worker threads at once. */
#ifndef RL_ANALYZER_CACHE_H_
#define RL_ANALYZER_CACHE_H_

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "file.h"

typedef struct RlCache RlCache;

/* Opens (creating) the cache directory; NULL if it cannot be used. */
RlCache *rl_cache_open(const char *dir);
void rl_cache_close(RlCache *self);
/* The default directory: $XDG_CACHE_HOME/racelint or ~/.cache/racelint;
 * caller frees; NULL when neither is known. */
char *rl_cache_default_dir(void);

/* A cached result for f (whose path fields are set) under `key`, filled
 * into f; false on a miss. */
bool rl_cache_get(RlCache *self, const RlSession *s, RlEngineFile *f, uint64_t key);
/* Decodes the entry data[0..len) for f under `key` into f (the reading half
 * of rl_cache_get, for tests and the fuzzer). f's path fields and
 * content_hash must be set. Every field is validated; false (and f's result
 * vectors left empty) on anything unexpected. Strings are copied into f->keep. */
bool rl_cache_decode(const RlSession *s, RlEngineFile *f, uint64_t key, const char *data,
                     size_t len);
/* Adds to f->deps the directories a C include can be found in (the
 * file's own, each -I/-iquote/-isystem/-idirafter of args, and each
 * included header's), with their mtimes, or as missing: a header created
 * later in any of them (changing which file an #include finds) makes the
 * entry stale. Strings go to f->keep. */
void rl_cache_add_search_dirs(RlEngineFile *f, const char *const *args, uint32_t n);
/* Stores f's phase-1 results under `key`. */
void rl_cache_put(RlCache *self, const RlEngineFile *f, uint64_t key);

/* Section - fact fingerprints (docs/buildfree.md)
 * For comparing two runs on the same files (build-free against a compile
 * database), with RACELINT_DUMP_C_FACTS=FILE: one line per C file
 * ("F\t<rel path>\t<analyzed>\t<incomplete line>\t<setup incomplete>\t<first
 * missing header or ->"), then one per function it defines, in order
 * ("f\t<rel path>\t<function>\t<line>\t<facts>\t<hash>"), the hash over
 * each fact of the function as the cache stores it (kind, flags, position,
 * record), each followed by its facts ("x\t<kind>\t<line>\t<hash>"); facts
 * outside any function are the function "-". */
void rl_cache_dump_c_facts(FILE *out, const RlEngineFile *f);

#endif
