# The man page and the shell completions, written at build time by the built clearpath from its
# own command table (`clearpath man`, `clearpath completion SHELL`), so they always match the
# executable, and installed where man, bash-completion, zsh and fish look for them.
set(CLEARPATH_CLI_DOCS_DIR ${PROJECT_BINARY_DIR}/cli-docs)

# A cross build cannot run the executable it builds, unless through an emulator (which
# add_custom_command uses for clearpath_exe by itself).
if(CMAKE_CROSSCOMPILING AND NOT CMAKE_CROSSCOMPILING_EMULATOR)
  message(STATUS "clearpath: cross-compiling without an emulator: no man page or completions")
  return()
endif()

set(CLEARPATH_CLI_DOCS)
# name of the file, then the arguments of clearpath that write it
foreach(doc "clearpath.1|man" "clearpath.bash|completion;bash" "_clearpath|completion;zsh"
            "clearpath.fish|completion;fish")
  string(REPLACE "|" ";" doc "${doc}")
  list(POP_FRONT doc file)
  list(JOIN doc " " words)
  add_custom_command(OUTPUT ${CLEARPATH_CLI_DOCS_DIR}/${file}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CLEARPATH_CLI_DOCS_DIR}
    COMMAND clearpath_exe ${doc} -o ${CLEARPATH_CLI_DOCS_DIR}/${file}
    DEPENDS clearpath_exe
    COMMENT "Writing ${file} with clearpath ${words}"
    VERBATIM)
  list(APPEND CLEARPATH_CLI_DOCS ${CLEARPATH_CLI_DOCS_DIR}/${file})
endforeach()
add_custom_target(clearpath_cli_docs ALL DEPENDS ${CLEARPATH_CLI_DOCS})

install(FILES ${CLEARPATH_CLI_DOCS_DIR}/clearpath.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CLEARPATH_CLI_DOCS_DIR}/clearpath.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  RENAME clearpath)
install(FILES ${CLEARPATH_CLI_DOCS_DIR}/_clearpath DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
install(FILES ${CLEARPATH_CLI_DOCS_DIR}/clearpath.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
