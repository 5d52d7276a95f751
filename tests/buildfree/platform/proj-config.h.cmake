/* proj-config.h.cmake - configured by CMake into proj-config.h (a fake
 * project for tests/cli/test_build_free_agree.sh; no build needed). */
#ifndef PROJ_CONFIG_H
#define PROJ_CONFIG_H
#cmakedefine PROJ_HAVE_PTHREADS 1
#cmakedefine PROJ_HAVE_SYS_TYPES_H 1
#cmakedefine PROJ_HAVE_NO_SUCH_HEADER_H 1
#define PROJ_VERSION "@PROJ_VERSION@"
#endif
