# packaging/install.cmake - what `cmake --install` / `make install` puts
# beside the binary: the racelint(1) man page, the rule docs (also built into
# the binary for --explain, so nothing is looked up at run time), the config
# schema, licence and changelog, bash and zsh completions. The C runtime
# (headers, librlrt, rlrt.pc) installs from runtime/c/CMakeLists.txt.
# Included from the top-level CMakeLists.txt; see packaging/README.md.
include(GNUInstallDirs)
set(RL_PKG_DIR ${CMAKE_SOURCE_DIR}/packaging)
set(RACELINT_ZSH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/zsh/site-functions
    CACHE STRING "Where _racelint goes, relative to the prefix (Debian: share/zsh/vendor-completions)")

configure_file(${RL_PKG_DIR}/racelint.1.in ${CMAKE_BINARY_DIR}/racelint.1 @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/racelint.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${RL_RULE_DOCS} DESTINATION ${CMAKE_INSTALL_DOCDIR}/rules)
install(FILES ${CMAKE_SOURCE_DIR}/LICENSE ${CMAKE_SOURCE_DIR}/README.md
  ${CMAKE_SOURCE_DIR}/CHANGELOG.md ${CMAKE_SOURCE_DIR}/docs/racelint.schema.json
  DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${RL_PKG_DIR}/completions/racelint.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME racelint)
install(FILES ${RL_PKG_DIR}/completions/_racelint DESTINATION ${RACELINT_ZSH_COMPLETION_DIR})
