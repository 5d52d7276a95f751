# fixture_case.cmake - runs a testdata case that needs a node_modules
# folder (package types). The repository tracks the case's fake packages
# as fake_modules/ (a tracked node_modules/ reads as committed third-party
# code); this script copies the case under WORK/testdata/<lang>/<rule>/
# (the runner takes the rule from that path), renames fake_modules/ to
# node_modules/ and runs the testdata runner on the copy.
#
# The copy goes to a fresh folder under $TMPDIR (or /tmp), outside any git
# work tree: discovery honours .gitignore, and a build folder is ignored.
#
#   cmake -DRUNNER=run_testdata -DCASE=<src case dir> -DREL=<testdata/..>
#         -P fixture_case.cmake
foreach(v RUNNER CASE REL)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "fixture_case.cmake: -D${v}= is required")
  endif()
endforeach()
if(DEFINED ENV{TMPDIR} AND IS_DIRECTORY "$ENV{TMPDIR}")
  set(tmp "$ENV{TMPDIR}")
else()
  set(tmp /tmp)
endif()
string(RANDOM LENGTH 16 tag)
set(WORK ${tmp}/racelint-fixture-${tag})
file(REMOVE_RECURSE ${WORK})
set(copy ${WORK}/${REL})
get_filename_component(parent ${copy} DIRECTORY)
file(MAKE_DIRECTORY ${parent})
file(COPY ${CASE} DESTINATION ${parent})
file(RENAME ${copy}/fake_modules ${copy}/node_modules)
execute_process(COMMAND ${RUNNER} ${copy} RESULT_VARIABLE rc)
file(REMOVE_RECURSE ${WORK})
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "run_testdata failed on ${REL} (exit ${rc})")
endif()
