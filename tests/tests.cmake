# tests.cmake - every test `make check` runs (ctest). Included from the
# top-level CMakeLists.txt; see tests/README.md.

add_executable(run_testdata ${CMAKE_SOURCE_DIR}/tests/run_testdata.c)
target_compile_options(run_testdata PRIVATE ${RL_WARNINGS} ${RL_SAN_FLAGS})
target_compile_definitions(run_testdata PRIVATE _GNU_SOURCE)
target_link_libraries(run_testdata PRIVATE rl_core ${RL_SAN_FLAGS})

# One test per testdata case: a file, or a directory (multi-file case).
file(GLOB RL_TESTDATA_CASES CONFIGURE_DEPENDS LIST_DIRECTORIES true
  ${CMAKE_SOURCE_DIR}/testdata/*/*/*)
foreach(case IN LISTS RL_TESTDATA_CASES)
  file(RELATIVE_PATH name ${CMAKE_SOURCE_DIR} ${case})
  if(IS_DIRECTORY ${case} OR case MATCHES "\\.(c|h|js|mjs|cjs|jsx|ts|mts|cts|tsx)$")
    add_test(NAME ${name} COMMAND run_testdata ${case})
  endif()
endforeach()

# The runner itself must fail on a wrong expectation: these cases are wrong
# on purpose.
foreach(bad missing unexpected wrong_rule no_markers)
  add_test(NAME selftest/runner-rejects-${bad}
    COMMAND run_testdata ${CMAKE_SOURCE_DIR}/tests/selftest/${bad}.js)
  set_tests_properties(selftest/runner-rejects-${bad} PROPERTIES WILL_FAIL TRUE)
endforeach()

# CLI tests: shell scripts that run the binary (exit codes, bad input,
# compile_commands.json handling, output formats).
file(GLOB RL_CLI_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/cli/test_*.sh)
foreach(t IN LISTS RL_CLI_TESTS)
  get_filename_component(name ${t} NAME_WE)
  string(REGEX REPLACE "^test_" "" name ${name})
  add_test(NAME cli/${name} COMMAND bash ${t})
  set_tests_properties(cli/${name} PROPERTIES ENVIRONMENT
    "RACELINT=$<TARGET_FILE:racelint>;SRC_DIR=${CMAKE_SOURCE_DIR};SHARED_DIR=${RACELINT_SHARED_DIR};BUILD_DIR=${CMAKE_BINARY_DIR}")
endforeach()
