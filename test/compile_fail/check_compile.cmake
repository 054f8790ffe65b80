# Compiles SOURCE with -fsyntax-only and checks the outcome. Arguments (-D):
#   COMPILER, SOURCE, INCLUDES (directories separated by "|"), EXPECT (pass or fail),
#   MESSAGE (with fail: text the diagnostics must contain).
set(flags -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror -Wno-missing-field-initializers)
string(REPLACE "|" ";" include_dirs "${INCLUDES}")
foreach(dir IN LISTS include_dirs)
  if(dir)
    list(APPEND flags "-I${dir}")
  endif()
endforeach()
execute_process(COMMAND ${COMPILER} ${flags} ${SOURCE}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(EXPECT STREQUAL "pass")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${SOURCE} must compile with this compiler, but:\n${out}")
  endif()
elseif(result EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled; it must be rejected with \"${MESSAGE}\"")
else()
  string(FIND "${out}" "${MESSAGE}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${SOURCE} failed, but without \"${MESSAGE}\":\n${out}")
  endif()
endif()
