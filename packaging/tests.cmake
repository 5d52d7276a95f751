# packaging/tests.cmake - tests of what ships: the version number, the
# installed tree (man page, completions, rule docs, C runtime), the links in
# docs and reports. Included from the top-level CMakeLists.txt.
set(RL_PKG ${CMAKE_SOURCE_DIR}/packaging)

add_test(NAME packaging/version
  COMMAND sh ${RL_PKG}/tests/check-version.sh $<TARGET_FILE:racelint> ${CMAKE_SOURCE_DIR})
