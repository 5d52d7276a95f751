# packaging/static.cmake - RACELINT_STATIC_DEPS=ON links tree-sitter,
# jansson and libgit2 (with what libgit2 needs: mbedtls, http_parser,
# libssh2, OpenSSL, PCRE2, zlib) from Debian's static archives, so the
# binary needs only the C library (and libclang, which it loads at run time
# once that has landed). Used by `make dist-binary` for the self-contained
# linux-x64 release asset. GSS-API has no static archive in Debian:
# packaging/static/gss_stubs.c stands in for it (never called; see there).
option(RACELINT_STATIC_DEPS "Link tree-sitter, jansson and libgit2 statically (self-contained binary)" OFF)
if(RACELINT_STATIC_DEPS)
  # bookworm's libgit2 1.5 (packaging/sysroot.cmake sets bullseye's)
  set(RACELINT_STATIC_LIBS git2 mbedtls mbedx509 mbedcrypto http_parser ssh2 ssl crypto pcre2-8 z
    CACHE STRING "static archives linked for libgit2 (RACELINT_STATIC_DEPS)")
  set(_rl_static_libs)
  foreach(_l IN LISTS RACELINT_STATIC_LIBS)
    find_library(RL_STATIC_${_l} NAMES lib${_l}.a REQUIRED)
    list(APPEND _rl_static_libs ${RL_STATIC_${_l}})
  endforeach()
  find_library(RL_STATIC_tree_sitter NAMES libtree-sitter.a REQUIRED)
  find_library(RL_STATIC_jansson NAMES libjansson.a REQUIRED)
  set_target_properties(PkgConfig::LIBGIT2 PROPERTIES INTERFACE_LINK_LIBRARIES
    "${_rl_static_libs};Threads::Threads;${CMAKE_DL_LIBS};rt")
  set_target_properties(PkgConfig::TREESITTER PROPERTIES INTERFACE_LINK_LIBRARIES ${RL_STATIC_tree_sitter})
  set_target_properties(PkgConfig::JANSSON PROPERTIES INTERFACE_LINK_LIBRARIES ${RL_STATIC_jansson})
  target_sources(racelint PRIVATE ${CMAKE_SOURCE_DIR}/packaging/static/gss_stubs.c)
  target_link_options(racelint PRIVATE -Wl,--gc-sections)
endif()
