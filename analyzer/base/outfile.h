/* outfile.h - replacing a file the run writes (reports, baselines, cache
 * entries) without ever writing through what a scanned repository planted.
 *
 * The new contents go to a temporary file created in the target's directory
 * with O_CREAT|O_EXCL|O_NOFOLLOW under an unpredictable name, and are renamed
 * over the target only when complete. rename() replaces a symbolic link at
 * the final component instead of following it, so a link committed where
 * the report goes (racelint.sarif -> ~/.bashrc) is replaced, never written
 * through; readers never see half a file. Paths under /dev/ and /proc/
 * (/dev/stdout, /dev/null, /dev/fd/N) and existing FIFOs, sockets and
 * devices are streams: opened for writing as they are, never created or
 * renamed. */
#ifndef RL_ANALYZER_OUTFILE_H_
#define RL_ANALYZER_OUTFILE_H_

#include <stddef.h>
#include <stdio.h>

typedef struct RlOutFile RlOutFile;

/* Starts replacing `path`; the file gets `mode` (less the umask). Returns
 * a new handle (finish it with rl_outfile_commit or rl_outfile_abort), or
 * NULL with *err set to an errno value; on NULL nothing was created. */
RlOutFile *rl_outfile_open(const char *path, unsigned mode, int *err);
/* The stream to write the contents to. Owned by `self`. */
FILE *rl_outfile_stream(RlOutFile *self);
/* Flushes, closes and renames the temporary file over the target. Returns
 * 0, or an errno value (the target is then unchanged and the temporary
 * file removed). Frees `self` either way. */
int rl_outfile_commit(RlOutFile *self);
/* Discards what was written: the target is unchanged. Frees `self`;
 * NULL is a no-op. */
void rl_outfile_abort(RlOutFile *self);
/* rl_outfile_open + write data[0..len) + rl_outfile_commit: 0 or errno. */
int rl_outfile_write(const char *path, const void *data, size_t len, unsigned mode);

#endif
