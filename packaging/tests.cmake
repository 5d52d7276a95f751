# packaging/tests.cmake - tests of what ships: the version number, the
# installed tree (man page, completions, rule docs, C runtime), the links in
# docs and reports. Included from the top-level CMakeLists.txt.
set(RL_PKG ${CMAKE_SOURCE_DIR}/packaging)

add_test(NAME packaging/version
  COMMAND sh ${RL_PKG}/tests/check-version.sh $<TARGET_FILE:racelint> ${CMAKE_SOURCE_DIR})

# the installed tree includes the C runtime: only where this build has it
# (the sanitizer, TSan and fuzz trees are configured with RACELINT_SKIP_RUNTIME)
if(NOT RACELINT_SKIP_RUNTIME)
  add_test(NAME packaging/install
    COMMAND sh ${RL_PKG}/tests/check-install.sh ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR})
  set_tests_properties(packaging/install PROPERTIES SKIP_RETURN_CODE 77 RUN_SERIAL ON)
  # its scan of a.js too: no parse budget (see below)
  set_property(TEST packaging/install APPEND PROPERTY ENVIRONMENT "RACELINT_PARSE_TIMEOUT=0")
endif()
add_test(NAME packaging/options
  COMMAND sh ${RL_PKG}/tests/check-options.sh $<TARGET_FILE:racelint> ${CMAKE_SOURCE_DIR})
add_test(NAME packaging/links
  COMMAND ${RL_PYTHON3} ${RL_PKG}/tests/check_links.py $<TARGET_FILE:racelint>
          ${CMAKE_SOURCE_DIR} ${RACELINT_REPO_URL} ${RL_DOCS_URL})
add_test(NAME packaging/pre-commit
  COMMAND ${RL_PYTHON3} ${RL_PKG}/tests/check_precommit.py $<TARGET_FILE:racelint> ${CMAKE_SOURCE_DIR})
set_tests_properties(packaging/pre-commit PROPERTIES SKIP_RETURN_CODE 77)
# as in tests/tests.cmake: no parse budget in the tests (no clock)
set_property(TEST packaging/version packaging/options packaging/links packaging/pre-commit
  APPEND PROPERTY ENVIRONMENT "RACELINT_PARSE_TIMEOUT=0")
