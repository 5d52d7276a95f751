# packaging/sysroot.cmake - toolchain file for the self-contained binary
# linked against an older C library (make dist-binary-bullseye): the
# compiler of this machine, the headers and libraries of the system in
# RL_SYSROOT (made by packaging/sysroot.sh; -DRL_SYSROOT=... or the
# environment). The binary then needs no newer glibc than the sysroot's.
# x86-64 Debian layout only (the linux-x64 release asset).
if(NOT RL_SYSROOT)
  set(RL_SYSROOT "$ENV{RL_SYSROOT}")
endif()
if(NOT RL_SYSROOT OR NOT EXISTS "${RL_SYSROOT}/.racelint-sysroot")
  message(FATAL_ERROR "RL_SYSROOT='${RL_SYSROOT}' is not a sysroot of packaging/sysroot.sh")
endif()
set(ENV{RL_SYSROOT} "${RL_SYSROOT}") # for the try_compile projects
set(CMAKE_SYSROOT "${RL_SYSROOT}")
set(_rl_ma x86_64-linux-gnu)
# Debian's gcc finds the C library's start files (crt1.o ...) and the
# libraries of its own multiarch directory before the sysroot's: -B and -L
# put the sysroot's first. libgcc statically: the machine's libgcc_s is newer.
set(CMAKE_C_FLAGS_INIT "-B${RL_SYSROOT}/usr/lib/${_rl_ma}")
set(CMAKE_EXE_LINKER_FLAGS_INIT
  "-B${RL_SYSROOT}/usr/lib/${_rl_ma} -L${RL_SYSROOT}/usr/lib/${_rl_ma} -L${RL_SYSROOT}/lib/${_rl_ma} -static-libgcc")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "${CMAKE_EXE_LINKER_FLAGS_INIT}")
# libraries and headers only from the sysroot (a missing one fails, rather
# than the machine's newer one being linked); programs from the machine
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(ENV{PKG_CONFIG_SYSROOT_DIR} "${RL_SYSROOT}")
set(ENV{PKG_CONFIG_LIBDIR} "${RL_SYSROOT}/usr/lib/${_rl_ma}/pkgconfig:${RL_SYSROOT}/usr/share/pkgconfig")
# bullseye's libgit2 1.1: mbedtls, libssh2 with libgcrypt, PCRE (not PCRE2),
# no GSS-API (see packaging/static.cmake)
set(RACELINT_STATIC_LIBS git2 mbedtls mbedx509 mbedcrypto http_parser ssh2 gcrypt gpg-error pcre z
  CACHE STRING "static archives linked for libgit2 (RACELINT_STATIC_DEPS)")
