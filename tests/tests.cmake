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
  if(IS_DIRECTORY ${case} AND EXISTS ${case}/fake_modules)
    # a case with fake packages: run on a copy whose fake_modules/ is
    # renamed node_modules/ (tests/fixture_case.cmake)
    add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} -DRUNNER=$<TARGET_FILE:run_testdata>
      -DCASE=${case} -DREL=${name}
      -P ${CMAKE_SOURCE_DIR}/tests/fixture_case.cmake)
  elseif(IS_DIRECTORY ${case} OR case MATCHES "\\.(c|h|js|mjs|cjs|jsx|ts|mts|cts|tsx)$")
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

set(RL_TEST_ENV "RACELINT=$<TARGET_FILE:racelint>;SRC_DIR=${CMAKE_SOURCE_DIR};SHARED_DIR=${RACELINT_SHARED_DIR}")
add_test(NAME golden/formats COMMAND bash ${CMAKE_SOURCE_DIR}/tests/golden/run.sh)
add_test(NAME sarif/validates COMMAND bash ${CMAKE_SOURCE_DIR}/tests/check_sarif.sh)
add_test(NAME docs/rule-files COMMAND bash ${CMAKE_SOURCE_DIR}/tests/check_rule_files.sh)
set_tests_properties(golden/formats sarif/validates docs/rule-files PROPERTIES
  ENVIRONMENT "${RL_TEST_ENV}")
set_tests_properties(sarif/validates PROPERTIES SKIP_RETURN_CODE 77
  ENVIRONMENT "${RL_TEST_ENV};RACELINT_REQUIRE_SHARED=$ENV{RACELINT_REQUIRE_SHARED}")
find_program(RL_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT RL_PYTHON3)
  find_program(RL_PYTHON3 NAMES python3 REQUIRED)
endif()
# issue 15's size limits: no file over 1,000 lines, no function over 150
add_test(NAME docs/code-sizes COMMAND ${RL_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/check_sizes.py)
set_tests_properties(docs/code-sizes PROPERTIES ENVIRONMENT "SRC_DIR=${CMAKE_SOURCE_DIR}")
add_test(NAME docs/examples COMMAND ${RL_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/check_doc_examples.py
  $<TARGET_FILE:racelint> ${CMAKE_SOURCE_DIR}/rules)
add_test(NAME docs/config-schema COMMAND ${RL_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/check_config_schema.py
  ${CMAKE_SOURCE_DIR})
add_test(NAME sarif/line-hash COMMAND ${RL_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/check_linehash.py
  $<TARGET_FILE:racelint>)

# Editor integration: scripted LSP sessions, protocol transcripts, and a
# real editor (headless Neovim).
add_test(NAME lsp/session COMMAND ${RL_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/lsp/test_lsp.py
  $<TARGET_FILE:racelint>)
add_test(NAME lsp/transcripts COMMAND ${RL_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/lsp/test_transcripts.py
  $<TARGET_FILE:racelint>)
add_test(NAME lsp/neovim COMMAND bash ${CMAKE_SOURCE_DIR}/tests/lsp/test_nvim.sh)
set_tests_properties(lsp/neovim PROPERTIES SKIP_RETURN_CODE 77
  ENVIRONMENT "RACELINT=$<TARGET_FILE:racelint>;RACELINT_REQUIRE_SHARED=$ENV{RACELINT_REQUIRE_SHARED}")
# TIMEOUT: hang guards only (no LSP test waits out a period or a deadline)
set_tests_properties(lsp/session lsp/transcripts lsp/neovim PROPERTIES TIMEOUT 1500)
add_test(NAME lsp/args COMMAND ${RL_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/lsp/test_lsp_args.py
  $<TARGET_FILE:racelint>)
set_tests_properties(lsp/args PROPERTIES TIMEOUT 1500)
if(NOT RACELINT_SANITIZE AND NOT RACELINT_TSAN AND NOT RACELINT_FUZZ)
  # valgrind cannot run sanitizer builds: only the plain build
  add_test(NAME reliability/valgrind COMMAND bash ${CMAKE_SOURCE_DIR}/tests/valgrind.sh)
  set_tests_properties(reliability/valgrind PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 1500
    ENVIRONMENT "${RL_TEST_ENV}")
endif()
if(NOT RACELINT_SANITIZE AND NOT RACELINT_TSAN AND NOT RACELINT_FUZZ)
  # the memory check needs the real allocator (ASan's quarantine keeps freed blocks)
  add_test(NAME lsp/soak COMMAND ${RL_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/lsp/soak.py
    $<TARGET_FILE:racelint> 1000)
  set_tests_properties(lsp/soak PROPERTIES TIMEOUT 1500)
endif()
add_test(NAME examples/bugs-and-fixes COMMAND ${RL_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/check_examples.py
  $<TARGET_FILE:racelint> ${CMAKE_SOURCE_DIR})
# Self-check: racelint on its own C code (the analyzer is multithreaded) and
# on the C runtime must find nothing.
add_test(NAME selfcheck COMMAND $<TARGET_FILE:racelint> --no-cache --fail-on note
  --compile-commands ${CMAKE_BINARY_DIR}/compile_commands.json
  ${RL_LAYER_INCLUDES} -I ${CMAKE_SOURCE_DIR}/runtime/c/include -I ${CLANG_INCLUDE_DIR}
  ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/rules
  ${CMAKE_SOURCE_DIR}/runtime/c/src ${CMAKE_SOURCE_DIR}/runtime/c/include)
# The fixed example runs: concurrent orders against the runtime's primitives
# keep their invariants (no oversell, one client, no deadlock, no lost update).
find_program(RL_NODE node)
if(RL_NODE)
  add_test(NAME examples/js-shop-fixed-smoke COMMAND ${RL_NODE} ${CMAKE_SOURCE_DIR}/examples/js-shop-fixed/smoke.mjs
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/examples/js-shop-fixed)
endif()

# C parsing in the bounded worker process, from the editor server (cworker.h)
add_test(NAME lsp/c-worker COMMAND ${RL_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/lsp/test_c_worker.py
  $<TARGET_FILE:racelint> ${CMAKE_SOURCE_DIR})
add_test(NAME lsp/config_sharing COMMAND ${RL_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/lsp/test_config_sharing.py
  $<TARGET_FILE:racelint>)
set_tests_properties(lsp/config_sharing PROPERTIES TIMEOUT 600)

# Fixes (analyzer/report/fix.c): applying edits, diffs, the parse guard of --fix.
add_executable(test_fix_unit ${CMAKE_SOURCE_DIR}/tests/fix/test_fix.c)
target_compile_options(test_fix_unit PRIVATE ${RL_WARNINGS} ${RL_SAN_FLAGS})
target_compile_definitions(test_fix_unit PRIVATE _GNU_SOURCE)
target_link_libraries(test_fix_unit PRIVATE rl_core ${RL_SAN_FLAGS})
add_test(NAME fix/unit COMMAND test_fix_unit)

# an open document's findings after a config or on-disk change: published
# again, or workspace/diagnostic/refresh for a pulling client (TIMEOUT: hang guard)
add_test(NAME lsp/refresh COMMAND ${RL_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/lsp/test_refresh.py
  $<TARGET_FILE:racelint>)
set_tests_properties(lsp/refresh PROPERTIES TIMEOUT 1500)

# issue 14 variants (a second session): config churn in the editor server
add_test(NAME reliability/lsp_config_churn COMMAND ${RL_PYTHON3}
  ${CMAKE_SOURCE_DIR}/tests/reliability/test_lsp_config_churn.py $<TARGET_FILE:racelint>)
set_tests_properties(reliability/lsp_config_churn PROPERTIES TIMEOUT 600)

# issue 19: the editor server reads the packages' .d.ts as the CLI does
# (TIMEOUT: hang guard; no step waits for a time)
add_test(NAME lsp/pkgtypes COMMAND ${RL_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/lsp/test_pkgtypes.py
  $<TARGET_FILE:racelint>)
set_tests_properties(lsp/pkgtypes PROPERTIES TIMEOUT 600)

# No test depends on the clock: racelint's per-file parse budget (10 s
# tree-sitter, 20 s libclang by default) is off in every test above
# (RACELINT_PARSE_TIMEOUT=0; session.c); the tests of the budget itself
# pass --parse-timeout, which wins.
get_property(RL_ALL_TESTS DIRECTORY PROPERTY TESTS)
set_property(TEST ${RL_ALL_TESTS} APPEND PROPERTY ENVIRONMENT "RACELINT_PARSE_TIMEOUT=0")
# The safe fix of callback-promise-mix (forEach over an Array -> await
# Promise.all(map)): its golden run before and after, only the bug changes.
if(RL_NODE)
  add_test(NAME fix/foreach-all-behaviour COMMAND ${RL_NODE} ${CMAKE_SOURCE_DIR}/tests/fix/foreach_all_behaviour.js)
endif()
# The safe fix of an async Promise executor (callback-promise-mix): its
# golden run before and after, only the bug changes.
if(RL_NODE)
  add_test(NAME fix/async-executor-behaviour COMMAND ${RL_NODE} ${CMAKE_SOURCE_DIR}/tests/fix/async_executor_behaviour.js)
endif()
