/* discover.h - finds the files to scan: walks directories iteratively,
 * picks files by extension, skips node_modules/.git and what the
 * repository's .gitignore ignores (through libgit2, never by running git),
 * and does not follow symlinks unless asked (then with loop detection). */
#ifndef RL_ANALYZER_DISCOVER_H_
#define RL_ANALYZER_DISCOVER_H_

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "util.h"

typedef struct RlFileEntry {
  char *path;     /* display path (as the argument was written + rest) */
  char *rel_path; /* relative to the root, or absolute outside it */
  char *abs_path;
} RlFileEntry;

typedef struct RlDiscovery {
  RL_VEC(RlFileEntry) files; /* sorted by rel_path, no duplicates */
  RL_VEC(RlNotice) notices;  /* heap strings */
  uint32_t symlinks_skipped;
} RlDiscovery;

/* Collects the files under `paths` (files or directories). `root` is the
 * absolute run root. Never fails as a whole: problems become notices. */
void rl_discover(const char *const *paths, uint32_t npaths, const char *root,
                 bool follow_symlinks, RlDiscovery *out);
void rl_discovery_free(RlDiscovery *self);

/* The root a run uses when none is given: the top of the git work tree
 * that contains `path`, else `path` itself (its directory for a file), else
 * the current directory. Caller frees. */
char *rl_discover_default_root(const char *path);
/* Files changed since git revision `ref` in the work tree containing
 * `root` (committed, staged, unstaged and untracked), as paths relative to
 * `root`, sorted. Returns false with *err (heap) when git cannot tell. */
bool rl_discover_changed_since(const char *root, const char *ref, char ***out, uint32_t *n,
                               char **err);

/* `abs` relative to `root` ('/'-separated), or a copy of abs if outside.
 * Caller frees. */
char *rl_discover_relative(const char *root, const char *abs);

#endif
