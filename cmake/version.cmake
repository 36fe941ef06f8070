# Writes the build's version and git commit into version.cpp at every build; configure_file
# rewrites it only when the text changes, so an unchanged commit does not trigger a relink.
execute_process(COMMAND git rev-parse HEAD WORKING_DIRECTORY ${SOURCE_DIR}
                OUTPUT_VARIABLE RF_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
execute_process(COMMAND git status --porcelain --untracked-files=no WORKING_DIRECTORY ${SOURCE_DIR}
                OUTPUT_VARIABLE RF_GIT_DIRTY OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT RF_GIT_COMMIT)
  set(RF_GIT_COMMIT "unknown")
endif()
if(RF_GIT_DIRTY)
  string(APPEND RF_GIT_COMMIT "-dirty")
endif()
configure_file(${SOURCE_DIR}/sim/base/version.cpp.in ${OUTPUT} @ONLY)
