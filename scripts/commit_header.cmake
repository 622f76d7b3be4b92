# Writes OUTPUT, a header defining EBWELD_COMMIT (the source tree's git
# commit, "-dirty" with uncommitted changes), at every build; the file is
# only touched when the commit changed, so nothing recompiles otherwise.
# Usage: cmake -DSOURCE_DIR=... -DOUTPUT=... -P commit_header.cmake
execute_process(
  COMMAND git -C "${SOURCE_DIR}" describe --always --dirty --abbrev=12
  OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE
  RESULT_VARIABLE result ERROR_QUIET)
if(NOT result EQUAL 0 OR commit STREQUAL "")
  set(commit "unknown (not built from a git checkout)")
endif()
file(WRITE "${OUTPUT}.new" "#define EBWELD_COMMIT \"${commit}\"\n")
configure_file("${OUTPUT}.new" "${OUTPUT}" COPYONLY)
file(REMOVE "${OUTPUT}.new")
