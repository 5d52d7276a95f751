/* incdisc.h - build-free C: the flags a project's own layout implies when
 * no compile_commands.json is given. Finds where the project's headers
 * are from how its sources include them (`#include "collectd.h"` with the
 * header in src/daemon/ gives -iquote src/daemon), stands in for generated
 * configuration headers that are missing (config.h from config.h.in with
 * the HAVE_<HEADER>_H macros of the headers this system has, else an empty
 * header, with -DHAVE_CONFIG_H when the sources test it), and finds a
 * compile_commands.json anywhere under the root. */
#ifndef RL_ANALYZER_INCDISC_H_
#define RL_ANALYZER_INCDISC_H_

#include <stdint.h>

/* A compile_commands.json under `root` (the root itself, then directories
 * up to two levels down, skipping .git, node_modules and hidden ones), or
 * NULL. Caller frees. */
char *rl_incdisc_find_compdb(const char *root);

/* Where else a project's headers may be when racelint was pointed at part
 * of a package outside git (`racelint src` in a tarball, the headers in
 * ../include): the nearest of root and its ancestors, at most 3 levels up
 * and never above a directory holding .git, that is a package's top
 * (configure.ac, configure.in, configure, debian/, or a meson.build or
 * CMakeLists.txt declaring project()); else root. Caller frees. */
char *rl_incdisc_header_root(const char *root);

typedef struct RlIncDisc RlIncDisc;

/* Looks at the includes of the C files files[0..n) (absolute paths) under
 * `root`; the headers it can point to are the .h files among them and those
 * below the root (another platform's directories last: win32/, msvc/...).
 * Headers under `header_root` (an ancestor of root, or NULL) but not under
 * root count only for names none of those resolves; a generated header's
 * bare name (config.h) found there counts only beside its template.
 * Templates are looked for in the whole header root. Stub headers are
 * written into `stub_dir` (created if missing; NULL: none are written).
 * Never fails: a file it cannot read is skipped. Returns a new object;
 * free with rl_incdisc_delete(). */
RlIncDisc *rl_incdisc_new(const char *root, const char *header_root, const char *const *files,
                          uint32_t n, const char *stub_dir);
void rl_incdisc_delete(RlIncDisc *self);

/* The clang arguments found (-iquote DIR / -I DIR pairs, most used
 * directories first, the stub directory last). Owned by `self`. */
const char *const *rl_incdisc_args(const RlIncDisc *self, uint32_t *n);
/* How many include directories and stub headers were found. */
uint32_t rl_incdisc_ndirs(const RlIncDisc *self);
uint32_t rl_incdisc_nstubs(const RlIncDisc *self);

#endif
