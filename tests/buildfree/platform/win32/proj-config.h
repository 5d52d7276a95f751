/* proj-config.h for the Windows build (no CMake there): no pthreads, the
 * queue is single-threaded. Build-free analysis on Linux must not take it. */
#ifndef PROJ_CONFIG_H
#define PROJ_CONFIG_H
#define PROJ_SINGLE_THREADED 1
#endif
