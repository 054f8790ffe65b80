# Compares the fault matrix the fault_matrix suite wrote (GENERATED) with the committed
# RELIABILITY.md (COMMITTED): the committed file must be exactly what the suite produces.
#   cmake -DGENERATED=<file> -DCOMMITTED=<file> -DSOURCE_DIR=<repo> -DTEST_BINARY=<exe>
#         -P reliability_check.cmake
set(regenerate
  "cd ${SOURCE_DIR} && FLOWCORE_RELIABILITY_OUT=RELIABILITY.md ${TEST_BINARY} --run_test=fault_matrix")
if(NOT EXISTS "${GENERATED}")
  message(FATAL_ERROR "${GENERATED} is missing: the fault_matrix suite writes it only when "
                      "every row holds; run that suite first.")
endif()
file(READ "${GENERATED}" generated)
file(READ "${COMMITTED}" committed)
if(NOT generated STREQUAL committed)
  find_program(diff_program diff)
  if(diff_program)
    execute_process(COMMAND ${diff_program} -u "${COMMITTED}" "${GENERATED}")
  endif()
  message(FATAL_ERROR "RELIABILITY.md does not match the fault matrix the fault_matrix "
                      "suite checks (diff above). Regenerate it:\n  ${regenerate}")
endif()
